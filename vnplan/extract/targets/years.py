"""Horizon years in text, the plan year and the year a heading names."""
from __future__ import annotations

from typing import Optional

import regex

from vnplan.model import Document, Metadata, Section
from vnplan.text.normalise import key as keyof
from vnplan.extract.targets.vocab import Vocab, vocab


def horizon_years(k: str, v: Optional[Vocab] = None) -> list[tuple[int, int]]:
    """``(offset, year)`` of every horizon year in the keyed text ``k`` (``đến năm 2025``),
    baselines (``so với năm 2020``) and dates left out."""
    v = v or vocab()
    out = []
    for m in v.horizon.finditer(k):
        if v.not_horizon.search(k[max(0, m.start() - 30):m.start("y")]):
            continue
        out.append((m.start(), int(m.group("y"))))
    return out


def find_year(k: str, v: Optional[Vocab] = None) -> Optional[int]:
    """Last horizon year in the keyed text ``k``."""
    years = horizon_years(k, v)
    return years[-1][1] if years else None


def earliest_year(metadata: Optional[Metadata]) -> Optional[int]:
    """No target is for a year before the plan was issued: "Luật Giáo dục năm 2019"
    in a 2024 plan names a law, not a horizon."""
    date = getattr(metadata, "date", None) if metadata is not None else None
    period = getattr(metadata, "period", None) if metadata is not None else None
    years = [y for y in (getattr(date, "year", None), getattr(period, "start", None)) if y]
    return min(years) if years else None


def plan_year(metadata: Optional[Metadata]) -> Optional[int]:
    """Year the plan's targets refer to: its period's end, else its title's horizon, else its date."""
    if metadata is None:
        return None
    period = getattr(metadata, "period", None)
    if period is not None and getattr(period, "end", None):
        return period.end  # "giai đoạn 2024 - 2025, định hướng đến năm 2030" -> 2025
    title = getattr(metadata, "title", None)
    if title:
        y = find_year(keyof(title))
        if y:
            return y
    date = getattr(metadata, "date", None)
    return getattr(date, "year", None) if date is not None else None


_QUANTITY = regex.compile(r"(?<![\d.,])(?!(?:19|20)\d{2}(?!\d|[.,]\d))\d")  # a number that is not a year


def heading_year(doc: Document, secs: list[Section], v: Vocab, min_year: Optional[int] = None) -> Optional[int]:
    for s in reversed(secs):
        hs = s.heading_span
        line_end = doc.text.find("\n", hs.start)
        line_end = len(doc.text) if line_end < 0 else max(line_end, hs.end)
        line_start = doc.text.rfind("\n", 0, hs.start) + 1
        # a run-in item ("đ) Trồng mới 420 ha ..., trong đó năm 2025 trồng 150 ha") is its own
        # sentence: a year after its first quantity belongs to a later clause, not to the item
        q = _QUANTITY.search(doc.key, hs.start, line_end)
        y = find_year(doc.key[line_start:q.start() if q else line_end], v)
        if y and (min_year is None or y >= min_year):
            return y
    return None
