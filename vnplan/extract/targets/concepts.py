"""Indicator concepts: a stable code per kind of target, to line plans up.

The vocabulary is ``patterns/indicators.yaml``: each concept lists the phrase
groups its indicator must contain, phrases that rule it out, and the units it
is stated in. :func:`concept_of` is a pure function of an indicator and a unit.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.text.normalise import squash
from vnplan.text.phrases import alternation


@dataclass(frozen=True)
class Concept:
    code: str
    label: str
    all: tuple["regex.Pattern[str]", ...]
    plain: tuple[tuple[str, ...], ...]  # the groups' phrases as keys: a substring test before the regex
    none: Optional["regex.Pattern[str]"]
    units: tuple[str, ...]
    no_subgroup: bool


def _words(phrases) -> Optional["regex.Pattern[str]"]:
    alts = alternation(phrases)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})(?![\p{{L}}\p{{N}}])", regex.V1) if alts else None


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    """The concepts of ``patterns/indicators.yaml``, in matching order."""
    data = patterns.load("indicators")
    return tuple(Concept(code=c["code"], label=c["label"],
                         all=tuple(_words(group) for group in c["all"]),
                         plain=tuple(tuple(squash(p) for p in group) for group in c["all"]),
                         none=_words(c.get("none") or []),
                         units=tuple(squash(u) for u in c.get("units") or []),
                         no_subgroup=bool(c.get("no_subgroup")))
                 for c in data["concepts"])


@lru_cache(maxsize=1)
def _subgroups() -> Optional["regex.Pattern[str]"]:
    return _words(patterns.load("indicators").get("subgroups") or [])


@lru_cache(maxsize=1)
def _changes() -> tuple[Optional["regex.Pattern[str]"], tuple[str, ...]]:
    data = patterns.load("indicators")
    return _words(data.get("change_words") or []), tuple(squash(u) for u in data.get("change_units") or [])


@lru_cache(maxsize=4096)
def concept_of(indicator: str, unit: Optional[str]) -> Optional[str]:
    """Code of the first concept the indicator (with its unit) satisfies, or None.

    >>> concept_of("Tỷ lệ trẻ em dưới 5 tuổi SDD thể thấp còi", "%")
    'stunting_under5'
    """
    u = squash(unit or "")
    k = squash(f"{indicator} {unit or ''}")
    change_rx, change_units = _changes()
    if any(x in u for x in change_units) or (change_rx is not None and change_rx.search(k)):
        return None  # a change of a level, not the level
    sub = None
    for c in concepts():
        if c.units and not any(x in u for x in c.units):
            continue
        if not all(any(p in k for p in group) for group in c.plain):
            continue
        if not all(rx.search(k) for rx in c.all):
            continue
        if c.none is not None and c.none.search(k):
            continue
        if c.no_subgroup:
            if sub is None:
                rx = _subgroups()
                sub = bool(rx and rx.search(k))
            if sub:
                continue
        return c.code
    return None


def label_of(code: str) -> Optional[str]:
    """The label a concept code stands for."""
    return next((c.label for c in concepts() if c.code == code), None)
