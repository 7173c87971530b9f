"""Vietnamese number parsing: every format seen in real plans, plus a round trip."""
import pytest
import regex
from hypothesis import given, settings, strategies as st

from vnplan.text.numbers import NUMBER, Quantity, format_number, parse_number, parse_quantity


@pytest.mark.parametrize("raw, expected", [
    ("70,1", 70.1),            # decimal comma
    ("14,5", 14.5),
    ("16,22", 16.22),
    ("5.369", 5369),           # thousands dot
    ("100.000", 100000),
    ("1.987.000.000", 1987000000),
    ("14.676.220.000", 14676220000),
    ("1.234,5", 1234.5),
    ("1,987,000,000", 1987000000),  # English grouping from converters
    ("05", 5),                 # leading zero
    ("06", 6),
    ("01", 1),
    ("0.1", 0.1),              # a dot decimal as table converters print it
    ("5.8", 5.8),
    ("99,0", 99.0),
    ("5000", 5000),
    ("0,03", 0.03),
])
def test_parse_number(raw, expected):
    assert parse_number(raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", ["", "abc", "Đạt", "Duy trì", "1.2.3", "5K"])
def test_parse_number_rejects(raw):
    with pytest.raises(ValueError):
        parse_number(raw)


@pytest.mark.parametrize("raw, expected", [
    ("≥ 95", Quantity(">=", 95)),
    (">99,1", Quantity(">", 99.1)),
    ("≤1,5‰", Quantity("<=", 1.5, None, "‰")),
    ("≤1‰", Quantity("<=", 1, None, "‰")),
    (r"$\leq 18,5\%$", Quantity("<=", 18.5, None, "%")),
    (r"$\geq 95\%$", Quantity(">=", 95, None, "%")),
    (r"$\leq 5,8\%$", Quantity("<=", 5.8, None, "%")),
    ("< 5", Quantity("<", 5)),
    ("30-40%", Quantity("range", 30, 40, "%")),
    ("từ 4- 6", Quantity("range", 4, 6)),
    ("1- 2", Quantity("range", 1, 2)),
    ("4 đến 6", Quantity("range", 4, 6)),
    ("0.1", Quantity("=", 0.1)),
    ("100", Quantity("=", 100)),
    ("99,1", Quantity("=", 99.1)),
])
def test_parse_quantity(raw, expected):
    assert parse_quantity(raw) == expected


@pytest.mark.parametrize("raw", ["Đạt", "Duy trì", "Hoàn thiện các tiêu chí", "", "x 5"])
def test_parse_quantity_rejects_words(raw):
    assert parse_quantity(raw) is None


def test_number_regex_finds_whole_tokens():
    text = "kinh phí 1.987.000.000 đồng; 14,5 bác sỹ và 3,5 dược sỹ; 17/17 xã"
    assert [m.group() for m in regex.finditer(NUMBER, text)] == ["1.987.000.000", "14,5", "3,5", "17", "17"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_integers(n):
    text = format_number(n)
    assert parse_number(text) == n
    assert regex.fullmatch(NUMBER, text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_round_trip_decimals(cents, decimals):
    value = cents / 10**decimals
    text = format_number(value, decimals)
    assert "," in text
    assert parse_number(text) == pytest.approx(value)
    assert regex.fullmatch(NUMBER, text)
