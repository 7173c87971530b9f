"""Vietnamese number parsing.

Vietnamese writes ``70,1`` for 70.1 and ``5.369`` / ``100.000`` for 5369 and
100000. A dot followed by groups of exactly three digits is a thousands
separator; any other dot (``0.1``, ``5.8`` as table converters print them) is
a decimal point. Leading zeros (``05``) are dropped. Quantities may carry a
comparator (``≥ 95``, ``≤1,5‰``, ``>99,1``, converter debris such as
``$\\leq 18,5\\%$``) or be ranges (``30-40%``, ``từ 4- 6``, ``4 đến 6``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

#: One number as written: grouped thousands, or digits with an optional
#: decimal part. Bounded quantifiers only.
NUMBER = (r"(?<![\d.,]\d|\d)(?:\d{1,3}(?:\.\d{3}){1,6}(?:,\d{1,6})?|\d{1,3}(?:,\d{3}){2,6}"
          r"|\d{1,12}(?:[.,]\d{1,6})?)(?![.,]?\d)")

_GROUPED_DOT = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_GROUPED_COMMA = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_PLAIN = regex.compile(r"\d+(?:[.,]\d+)?")

# Comparator symbols, plain and as LaTeX debris from PDF converters.
_SYMBOLS = {
    "≥": ">=", ">=": ">=", "=>": ">=", "\\geq": ">=", "\\ge": ">=",
    "≤": "<=", "<=": "<=", "=<": "<=", "\\leq": "<=", "\\le": "<=",
    ">": ">", "\\gt": ">", "<": "<", "\\lt": "<", "=": "=",
}
SYMBOL = r"(?:≥|≤|>=|=>|<=|=<|\\geq?|\\leq?|\\gt|\\lt|>|<|=)"
_DASH = r"[-\u2013\u2014\u2212]"


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity: comparator, value(s) and a symbol unit if any."""

    comparator: str  # "=", ">", ">=", "<", "<=", "range"
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None  # "%" or "‰" when written next to the number


def parse_number(raw: str) -> float:
    """``'70,1'`` -> 70.1, ``'5.369'`` -> 5369.0, ``'0.1'`` -> 0.1, ``'05'`` -> 5.0.

    Raises ``ValueError`` when ``raw`` is not one Vietnamese number.
    """
    s = raw.strip()
    if _GROUPED_DOT.fullmatch(s) and not s.startswith("0"):
        whole, _, frac = s.partition(",")
        return float(whole.replace(".", "") + ("." + frac if frac else ""))
    if _GROUPED_COMMA.fullmatch(s) and not s.startswith("0"):
        return float(s.replace(",", ""))
    if _PLAIN.fullmatch(s):
        return float(s.replace(",", "."))
    raise ValueError(f"not a number: {raw!r}")


def symbol_comparator(symbol: str) -> str:
    """``'≥'`` / ``'\\geq'`` -> ``'>='`` and so on."""
    return _SYMBOLS[symbol.strip()]


@lru_cache(maxsize=1)
def _quantity_re() -> "regex.Pattern[str]":
    return regex.compile(
        rf"""^\s*\$?\s*(?:(?P<sym>{SYMBOL})\s*)?
        (?:từ\s+)?(?P<a>{NUMBER})
        (?:\s*(?:{_DASH}|đến|tới)\s*(?P<b>{NUMBER}))?
        \s*(?P<unit>\\?%|‰)?\s*\$?\s*$""",
        regex.V1 | regex.VERBOSE | regex.IGNORECASE,
    )


def parse_quantity(raw: str) -> Optional[Quantity]:
    """Parse a whole cell or fragment such as ``'≥ 95'``, ``'$\\leq 18,5\\%$'``,
    ``'30-40%'``, ``'từ 4- 6'``; None when it is not a bare quantity."""
    m = _quantity_re().match(raw)
    if not m:
        return None
    value = parse_number(m.group("a"))
    unit = m.group("unit")
    unit = unit.lstrip("\\") if unit else None
    if m.group("b"):
        return Quantity("range", value, parse_number(m.group("b")), unit)
    comp = symbol_comparator(m.group("sym")) if m.group("sym") else "="
    return Quantity(comp, value, None, unit)


def format_number(value: float, decimals: int = 0, group: bool = True) -> str:
    """Write ``value`` the Vietnamese way: ``1234.5`` -> ``'1.234,5'``."""
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise ValueError(f"cannot format {value!r}")
    text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    if group and len(whole) > 3:
        head = len(whole) % 3 or 3
        parts = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
        whole = ".".join(parts)
    return whole + ("," + frac if frac else "")
