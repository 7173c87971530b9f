"""The period a plan covers, read from its title.

Rules, in order (years inside quotation marks name another instrument, e.g.
``Đề án "... giai đoạn 2020-2025"``, and are ignored unless nothing else is
found; years after ``tầm nhìn`` are a vision, not the period):

1. A range ``giai đoạn 2021 - 2025`` / ``2021-2025`` -> ``{2021, 2025}``.
2. ``đến năm 2030`` (also ``giai đoạn đến năm 2030``) -> end 2030; the start
   is ``từ năm X`` when printed, otherwise the year of the plan's date (a plan
   dated 2024 "to 2030" runs 2024-2030), otherwise null.
3. ``năm 2024`` (one or more single years) -> ``{min, max}``.
"""
from __future__ import annotations

from typing import Optional

import regex

from vnplan.model import DateParts, Period
from vnplan.text.normalise import key

_YEAR = r"(?:19|20)\d{2}"
_QUOTED = regex.compile(r"\"[^\"]{0,400}\"|'[^']{0,400}'|\([^()]{0,200}\)", regex.V1)
_VISION = regex.compile(r"tầm nhìn.*$", regex.V1)
_RANGE = regex.compile(rf"(?<!\d)({_YEAR})\s{{0,3}}-\s{{0,3}}({_YEAR})(?!\d)", regex.V1)
_UNTIL = regex.compile(rf"đến năm\s{{0,3}}({_YEAR})(?!\d)", regex.V1)
_FROM = regex.compile(rf"từ năm\s{{0,3}}({_YEAR})(?!\d)", regex.V1)
_SINGLE = regex.compile(rf"(?:năm|năm học)\s{{0,3}}({_YEAR})(?!\d)", regex.V1)


def _blank(text: str, rx: "regex.Pattern[str]") -> str:
    return rx.sub(lambda m: " " * len(m.group()), text)


def _from_text(k: str, date_year: Optional[int]) -> Optional[Period]:
    if m := _RANGE.search(k):
        a, b = int(m.group(1)), int(m.group(2))
        return Period(min(a, b), max(a, b))
    if m := _UNTIL.search(k):
        start = _FROM.search(k)
        first = int(start.group(1)) if start else date_year
        end = int(m.group(1))
        return Period(first if first is not None and first <= end else None, end)
    years = [int(y) for y in _SINGLE.findall(k)]
    if years:
        return Period(min(years), max(years))
    return None


def get_period(title: Optional[str], date: Optional[DateParts] = None) -> Period:
    """Start and end years of the plan (see the module docstring)."""
    if not title:
        return Period()
    k = _blank(key(title), _VISION)
    date_year = date.year if date else None
    outside = _blank(k, _QUOTED)
    return _from_text(outside, date_year) or _from_text(k, date_year) or Period()
