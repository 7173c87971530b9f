"""Vocabulary phrases compiled into regular-expression alternations."""
from __future__ import annotations

import regex

from vnplan.text.normalise import key as keyof


def alternation(phrases) -> str:
    """Alternation of keyed phrases, longest first, spaces as ``\\s+``; blank phrases left out.

    Run the result on a document key (:func:`vnplan.text.normalise.key`)."""
    keyed = sorted({keyof(str(p)).strip() for p in phrases if str(p).strip()}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in keyed)
