"""Two-column layout tables of DOCX and HTML files: the header and the closing.

Word and web editors lay the header (issuer | national motto) and the closing
block (``Nơi nhận:`` and its list | ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH``
/ ... / the signer's name) out as a borderless table whose cells hold several
lines. Such a table is not data: it is rendered the way the PDF reader sees
the printed page, the k-th line of every cell side by side, tab-separated,
one paragraph per printed line::

    Nơi nhận:       TM. ỦY BAN NHÂN DÂN        ->  Nơi nhận:<TAB>TM. ỦY BAN NHÂN DÂN
    - Bộ Y tế;      KT. CHỦ TỊCH                   - Bộ Y tế;<TAB>KT. CHỦ TỊCH
    - Lưu: VT.      PHÓ CHỦ TỊCH                   - Lưu: VT.<TAB>PHÓ CHỦ TỊCH
                    Nguyễn Văn A                   Nguyễn Văn A

so that a .txt, a PDF, a DOCX and an HTML version of a plan give the same
lines to the structure stage. A layout table has at most ``MAX_COLUMNS``
cells a row and ``MAX_ROWS`` rows, a cell of several lines, and a cell that
opens with a header or closing cue (``patterns/layout.yaml``: ``motto``,
``closing_start``).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import zip_longest

import regex

from vnplan import patterns
from vnplan.text.normalise import key, nfc

MAX_COLUMNS = 3
MAX_ROWS = 4
_TRIM = " \t*_#:"


@lru_cache(maxsize=1)
def _cue_re() -> "regex.Pattern[str]":
    data = patterns.load("layout")
    alts = "|".join(key(c) for c in list(data["motto"]) + list(data["closing_start"]))
    return regex.compile(rf"^(?:{alts})", regex.V1)


def cell_lines(text: str) -> list[str]:
    """Non-empty printed lines of a cell's text (line breaks as ``\\n``), white space collapsed."""
    return [" ".join(ln.split()) for ln in text.split("\n") if ln.strip()]


def is_layout_table(rows: list[list[list[str]]]) -> bool:
    """``rows`` of cells of printed lines: a header or closing layout table?"""
    if not rows or len(rows) > MAX_ROWS or any(len(r) > MAX_COLUMNS for r in rows):
        return False
    cells = [c for r in rows for c in r if c]
    if not any(len(c) >= 2 for c in cells):
        return False
    cue = _cue_re()
    # "Nơi nhận:" keeps its colon for the cue; only decoration is trimmed at the start
    return any(cue.match(key(nfc(c[0].strip(" \t*_#")) + " ")) for c in cells)


def layout_lines(rows: list[list[list[str]]]) -> list[str]:
    """Printed lines of a layout table: line k of each cell, tab-separated
    (empty cells left out, as on the printed page)."""
    out = []
    for row in rows:
        for parts in zip_longest(*row, fillvalue=""):
            line = "\t".join(p for p in parts if p.strip(_TRIM))
            if line:
                out.append(line)
    return out
