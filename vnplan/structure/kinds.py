"""Section kind from a heading title, driven by ``patterns/headings.yaml``."""
from __future__ import annotations

from functools import lru_cache

import regex

from vnplan import patterns
from vnplan.text.normalise import key

_SPACE_RUN = regex.compile(r" +")

_PUNCT = regex.compile(r"[\p{P}\p{S}]+", regex.V1)


def fold(title: str) -> str:
    """Key of a title with punctuation folded to single spaces."""
    return " ".join(_PUNCT.sub(" ", key(title)).split())


@lru_cache(maxsize=1)
def _lexicon() -> tuple["regex.Pattern[str]", list[tuple[str, "regex.Pattern[str]"]]]:
    data = patterns.load("headings")
    lead = "|".join(fold(w) for w in data.get("leading_words", []))
    lead_re = regex.compile(rf"^(?:(?:{lead}) )+", regex.V1)
    kinds = []
    for entry in data["kinds"]:
        alts = "|".join(fold_phrase(p) for p in entry["phrases"])
        kinds.append((entry["kind"], regex.compile(rf"^(?:{alts})(?!\w)", regex.V1)))
    return lead_re, kinds


def fold_phrase(phrase: str) -> str:
    """Fold a lexicon phrase like a title, keeping its regex syntax."""
    phrase = key(phrase).replace(",", " ")
    return _SPACE_RUN.sub(" ", phrase).strip()


def kind_of(title: str) -> str:
    """Closed-vocabulary kind of a heading title (``other`` when none fits)."""
    lead_re, kinds = _lexicon()
    folded = fold(title)
    for candidate in (folded, lead_re.sub("", folded)):
        for kind, rx in kinds:
            if rx.match(candidate):
                return kind
    return "other"
