"""The shortcuts of the agency reader give what a plain reading gives.

``bodies_in`` skips line pieces without a trigger word and shares each
piece's words and bodies between rules; on every plan of the repository a
skipped piece must name no body, and the words of any span must be those a
fresh scan of that span reads.
"""
from pathlib import Path

import pytest

from vnplan.extract.bodies import _PIECE, _TOKEN, _Pieces, _trigger, find_bodies, words_of
from vnplan.model import Span
from vnplan.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/heldout*/*.txt"))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_skipped_pieces_name_no_body(path):
    d = read_path(path)
    trigger = _trigger(None, ())
    pieces = _Pieces.of(d)  # line pieces; in a hard-wrapped text, wrapped lines joined
    assert len(pieces.starts) <= len(list(_PIECE.finditer(d.text)))
    for a, b in zip(pieces.starts, pieces.ends):
        if not trigger.fires(d.text[a:b], d.key[a:b]):
            assert find_bodies(d, words_of(d, [Span(a, b)])) == [], d.text[a:b]


@pytest.mark.parametrize("path", PLANS[:3], ids=lambda p: p.stem)
def test_words_of_any_span_match_a_fresh_scan(path):
    d = read_path(path)
    text = d.text
    step = max(1, len(text) // 400)
    for a in range(0, len(text) - 40, step):
        for b in (a + 7, a + 40):
            got = [(w.start, w.end) for w in words_of(d, [Span(a, b)]) if not w.brk]
            fresh = [(a + m.start(), a + m.end()) for piece in [text[a:b]] for m in _TOKEN.finditer(piece)]
            assert sorted(set(got)) == fresh, (a, b, text[a:b])
