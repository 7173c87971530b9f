"""Fuzzing: whatever the input, parsing returns a Plan or raises a VnplanError subclass.

Random Unicode, random bytes, and the corpus plans with lines deleted, duplicated, shuffled
or the text truncated (also mid UTF-8 sequence). A returned plan must still be grounded
(every target quotes ``text`` at its span) and serialisable.
"""
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnplan
from tests.conftest import PLANS
from vnplan.errors import VnplanError
from vnplan.model import Plan, walk
from vnplan.text import normalise

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MUTATE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=None)
def _lines(name: str) -> tuple[str, ...]:
    return tuple(PLANS[name].read_text(encoding="utf-8").splitlines(keepends=True))


def _check(make) -> None:
    try:
        plan = make()
    except VnplanError as err:
        assert str(err)  # names the input and the problem
        return
    assert isinstance(plan, Plan)
    text = plan.text
    for t in plan.targets:
        assert text[t.span.start:t.span.end] == t.text
    for b in plan.budget:
        assert text[b.span.start:b.span.end] == b.text
    for s in walk(plan.sections):
        assert 0 <= s.span.start <= s.span.end <= len(text)
    plan.to_json()


# Vietnamese letters, digits, punctuation, heading-ish markers and line breaks, plus anything.
_VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_ALPHABET = st.sampled_from(list(_VI + _VI.upper() + "0123456789 .,;:%-–()/\t\n\n\nIVX*#|") + ["KẾ HOẠCH", "Số: ",
                                                                                                "/KH-UBND", "năm 2025", "đạt ", "I. ", "1. ", "a) "])
_VI_TEXT = st.lists(_ALPHABET, max_size=400).map("".join)


@FUZZ
@given(st.text(max_size=2000))
def test_random_unicode(text):
    _check(lambda: vnplan.parse_text(text, "fuzz.txt"))


@FUZZ
@given(_VI_TEXT)
def test_random_plan_like_text(text):
    _check(lambda: vnplan.parse_text(text, "fuzz.txt"))


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    _check(lambda: vnplan.parse_bytes(data, "fuzz.bin"))


@FUZZ
@given(st.binary(max_size=64), st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                                                 b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
def test_random_bytes_behind_a_magic_number(tail, magic):
    _check(lambda: vnplan.parse_bytes(magic + tail, "fuzz.bin"))


_OPS = st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "shuffle", "swap"]),
                          st.integers(0, 10**6), st.integers(1, 40)), min_size=1, max_size=6)


def _mutate(lines: list[str], ops, rnd) -> list[str]:
    for op, at, n in ops:
        if not lines:
            break
        i = at % len(lines)
        if op == "delete":
            del lines[i:i + n]
        elif op == "duplicate":
            lines[i:i] = lines[i:i + n]
        elif op == "shuffle":
            chunk = lines[i:i + n]
            rnd.shuffle(chunk)
            lines[i:i + n] = chunk
        else:
            j = (at * 7 + n) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
    return lines


@MUTATE
@given(st.sampled_from(sorted(PLANS)), _OPS, st.randoms(use_true_random=False))
def test_corpus_plan_with_lines_deleted_duplicated_shuffled(name, ops, rnd):
    text = "".join(_mutate(list(_lines(name)), ops, rnd))
    _check(lambda: vnplan.parse_text(text, f"{name}.txt"))


@MUTATE
@given(st.sampled_from(sorted(PLANS)), st.floats(0, 1))
def test_corpus_plan_truncated_mid_byte(name, frac):
    data = PLANS[name].read_bytes()
    cut = data[:int(len(data) * frac)]
    _check(lambda: vnplan.parse_bytes(cut, f"{name}.txt"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_key_fast_path_equals_char_by_char(text):
    tones, tone_re, chars = normalise._tables()
    slow = "".join(chars.get(ch) or normalise._lower_char(ch) for ch in text)
    slow = tone_re.sub(lambda m: tones[m.group()], slow)
    assert normalise.key(text) == slow
    assert len(normalise.key(text)) == len(text)


def test_key_keeps_length_on_multi_char_lowercase():
    assert normalise.key("İSTANBUL – “X”") == 'İstanbul - "x"'
    assert normalise.key("İİİ") == "İİİ"
