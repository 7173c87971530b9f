"""Classify each line: heading marker, bullet, table row or plain text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Line
from vnplan.text.normalise import key

# Markdown decoration around a heading: "## ", "**", "__".
_DECOR = regex.compile(r"^[\s#>*_]+|[\s*_]+$")
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_SEP = r"\s*[\.\-\u2013\u2014:)]\s*"

MARKERS = [
    # (marker type, regex on the undecorated line; groups: number, rest)
    ("part", regex.compile(rf"^(?:PHẦN|Phần)\s+((?:{_ROMAN})|\d+|THỨ\s+\w+|thứ\s+\w+)\b{_SEP}?(.*)$", regex.V1)),
    ("roman", regex.compile(rf"^((?=[IVX])(?:{_ROMAN})){_SEP}(\S.*)$", regex.V1)),
    ("decimal", regex.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d,])\.?\s*(?:[\)\-\u2013:]\s*)?(\S.*)$", regex.V1)),
    ("arabic", regex.compile(r"^(\d{1,2})(?![\d,])\s*(?:\.(?!\d)|\)|-(?!\d)|\u2013)\s*(\S.*)$", regex.V1)),
    ("letter", regex.compile(r"^([a-zđ])\s*(?:\)|\.(?=\s))\s*(\S.*)$", regex.V1)),
]
_BULLET = regex.compile(r"^\s*(?:[-+*•\u2013\u2014·]|\u25cf|\u2022)\s*")


@dataclass(frozen=True, slots=True)
class LineInfo:
    line: Line
    kind: str  # blank, heading, bullet, table, text
    marker: Optional[str] = None  # part, roman, decimal, arabic, letter, appendix
    number: Optional[str] = None
    title_start: int = 0  # offset in document text where the heading's words begin


@lru_cache(maxsize=1)
def _appendix_re() -> "regex.Pattern[str]":
    cues = patterns.load("layout")["appendix_start"]
    return regex.compile(r"^(?:" + "|".join(key(c) for c in cues) + r")\b", regex.V1)


def undecorated(text: str) -> tuple[int, str]:
    """Offset of the first meaningful char and the line without markdown decoration."""
    m = regex.match(r"^[\s#>*_]*", text)
    start = m.end()
    body = text[start:]
    body = regex.sub(r"[\s*_]+$", "", body)
    return start, body


def classify(doc: Document, line: Line) -> LineInfo:
    raw = doc.text[line.start:line.end]
    if not raw.strip():
        return LineInfo(line, "blank")
    if "\t" in raw.strip(" ") or raw.count("|") >= 2:
        return LineInfo(line, "table")
    lead, body = undecorated(raw)
    if not body:
        return LineInfo(line, "blank")
    if _appendix_re().match(key(body)):
        return LineInfo(line, "heading", "appendix", None, line.start + lead)
    for marker, rx in MARKERS:
        m = rx.match(body)
        if m:
            number = m.group(1)
            return LineInfo(line, "heading", marker, number, line.start + lead + m.start(2))
    if _BULLET.match(body):
        return LineInfo(line, "bullet")
    return LineInfo(line, "text")


def classify_all(doc: Document) -> list[LineInfo]:
    return [classify(doc, ln) for ln in doc.lines]
