"""Header metadata: document type, number, place and date, title.

(First cut: issuer, legal bases, period, signer and recipients come next.)
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import DateParts, Document, Metadata, Span
from vnplan.structure.lines import LineInfo
from vnplan.text.normalise import key

_NUMBER = regex.compile(r"^\s*S[ốô]\s*:?\s*(\d*)\s*[/\-]?\s*([A-ZĐ][\wĐ\-]*(?:-[\wĐ]+)*)", regex.V1)
_DATE = regex.compile(
    r"^\s*([^\d,]{2,60}?)\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})?", regex.V1 | regex.I)


@lru_cache(maxsize=1)
def _doc_type_re() -> "regex.Pattern[str]":
    types = sorted(patterns.load("layout")["doc_types"], key=len, reverse=True)
    return regex.compile(r"^[\s*#_]*(" + "|".join(key(t) for t in types) + r")[\s*#_]*$", regex.V1)


def get_metadata(doc: Document, infos: list[LineInfo], body_start: int) -> tuple[Metadata, Optional[int]]:
    """Metadata from the lines before the body; also the line index where the title ends."""
    meta = Metadata()
    title_end_line = None
    rx_type = _doc_type_re()
    for info in infos[:body_start]:
        line = doc.text[info.line.start:info.line.end]
        k = doc.key[info.line.start:info.line.end]
        if meta.number is None and meta.symbol is None and (m := _NUMBER.match(line)):
            digits, symbol = m.group(1), m.group(2)
            meta.symbol = symbol
            meta.number = f"{digits}/{symbol}" if digits else None
            continue
        if meta.date.year is None and (m := _DATE.match(line)):
            meta.place = m.group(1).strip()
            meta.date = DateParts(*(int(g) if g else None for g in (m.group(4), m.group(3), m.group(2))))
            continue
        if meta.doc_type is None and (m := rx_type.match(k)):
            meta.doc_type = line.strip().strip("*#_ ").upper()
            # Title: the following non-blank lines up to a blank line after text.
            title_lines, j = [], info.line.index + 1
            while j < body_start and infos[j].kind == "blank":
                j += 1
            while j < body_start and infos[j].kind != "blank":
                title_lines.append(doc.text[infos[j].line.start:infos[j].line.end].strip())
                j += 1
            if title_lines:
                meta.title = " ".join(title_lines)
                title_end_line = j
            break
    return meta, title_end_line
