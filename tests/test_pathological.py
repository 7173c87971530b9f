"""Pathological inputs parse or fail cleanly (the outcome is asserted; the time is printed).

Run ``python tests/test_pathological.py`` for the timings (goal: < 2 s each on the 2-core
reference machine); the test itself only asserts the outcome so a slow CI box cannot flake it.
"""
import random
import time

import pytest

import vnplan
from vnplan.errors import VnplanError


def _digits_punct(n: int) -> str:
    rnd = random.Random(1)
    return "".join(rnd.choice("0123456789.,;:-/()%") for _ in range(n))


def _digit_lines(n_lines: int) -> str:
    rnd = random.Random(2)
    return "\n".join("".join(rnd.choice("0123456789.,;:-/()% ") for _ in range(80)) for _ in range(n_lines))


def _one_char_lines(n: int) -> str:
    rnd = random.Random(3)
    return "\n".join(rnd.choice("aI1.-+*VX") for _ in range(n))


def _nested_headings(n: int) -> str:
    rnd = random.Random(4)
    return "\n".join(".".join(str(rnd.randint(1, 9)) for _ in range(rnd.randint(1, 8))) + f". Mục tiêu {i}"
                     for i in range(n))


def _mixed_headings(n: int) -> str:
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    return "\n".join(f"{romans[i % 10]}. PHẦN {i}\n{i % 9 + 1}. Nội dung\n{'abcd'[i % 4]}) Việc\n- Đạt {i % 100}%"
                     for i in range(n // 4))


CASES = {
    "1 MB of digits and punctuation": lambda: _digits_punct(1_000_000),
    "1 MB of digit lines": lambda: _digit_lines(12_000),
    "100,000 one-character lines": lambda: _one_char_lines(100_000),
    "a single 1 MB line": lambda: ("Tỷ lệ trạm y tế đạt chuẩn quốc gia 95% năm 2025; " * 25_000)[:1_000_000],
    "10,000 nested-looking headings": lambda: _nested_headings(10_000),
    "10,000 mixed heading levels": lambda: _mixed_headings(10_000),
    "100,000 opening parentheses": lambda: "(" * 100_000,
    "50,000 tabs in one line": lambda: "Chỉ tiêu" + "\t" * 50_000 + "95%",
}

LOOKS_LIKE_A_BODY = {"10,000 nested-looking headings"}  # a headerless body of numbered headings


def outcome(text: str, name: str):
    """(seconds, plan or error); any exception other than VnplanError propagates."""
    t0 = time.perf_counter()
    try:
        result = vnplan.parse_text(text, name)
    except VnplanError as err:
        result = err
    return time.perf_counter() - t0, result


@pytest.mark.parametrize("name", list(CASES))
def test_pathological_input_parses_or_fails_cleanly(name):
    text = CASES[name]()
    seconds, result = outcome(text, name)
    print(f"{name}: {seconds:.2f} s")
    if isinstance(result, VnplanError):
        assert str(result).startswith(f"{name}: ")
        return
    assert result.text == text
    if name not in LOOKS_LIKE_A_BODY:  # garbage never passes silently as a clean plan
        assert [w.code for w in result.warnings]
    data = result.to_dict()
    for t in result.targets:  # whatever was found is grounded in the text
        assert text[t.span.start:t.span.end] == t.text
    assert data["source"]["size"] == len(text.encode("utf-8"))


if __name__ == "__main__":
    vnplan.parse_text("KẾ HOẠCH\nI. MỤC TIÊU\n1. Đạt 95% trạm y tế.\n", "warm-up")  # imports, YAML, regexes
    for name, make in CASES.items():
        seconds, result = outcome(make(), name)
        what = type(result).__name__ if isinstance(result, VnplanError) else \
            f"plan: {len(result.sections)} sections, {len(result.targets)} targets, " \
            f"warnings {[w.code for w in result.warnings]}"
        print(f"{seconds:6.2f} s  {'OK ' if seconds < 2 else 'SLOW'}  {name}: {what}")
