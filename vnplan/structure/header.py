"""Header metadata: document type, number and symbol, issuer, place, date, title.

The header block of a plan (issuer lines, national motto, ``Số: 89/KH-UBND``,
``Cần Thơ, ngày 15 tháng 4 năm 2023``) comes before the document-type line
(``KẾ HOẠCH``); the title follows it. Flattened two-column headers put
several fields on one line, separated by tabs, ``|`` or runs of spaces:
each such *cell* is read on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import DateParts, Document
from vnplan.structure.issuer import ends_with_admin_unit, join_header_parts, normalise_issuer
from vnplan.structure.lines import LineInfo, cells, continues, undecorated
from vnplan.text.normalise import key

_SPACES = regex.compile(r"\s+")
_DASH_OR_SLASH = regex.compile(r"[\-/]")
_CLAUSE_PUNCT = regex.compile(r"[,;:]")

# On the matching key. "Số: 460 /KH-UBND", "Số /KH-UBND", "Số: ..../KH-UBND",
# "Số: 12/2023/KH-UBND", "Số: 136-KH/QU".
_NUMBER = regex.compile(
    r"^số\s{0,3}:?\s{0,5}(?P<digits>\d{1,6}(?:\s?/\s?\d{4})?)?[\s.…_]{0,20}"
    r"(?P<sep>[/\-])?\s{0,3}(?P<symbol>[\p{L}][\p{L}\d&]*(?:\s?[\-/]\s?[\p{L}\d&]+){0,4})", regex.V1)
# The place: words, maybe a one-letter name ("A") or a numbered ward or
# district ("Phường 1", "Quận 10"); never a number alone.
_PLACE = r"(?P<place>\p{L}[^\d,;:]{0,59}?(?:\s\d{1,2})?)"
_DATE = regex.compile(
    r"^(?:" + _PLACE + r"\s*,\s*)?ngày[\s.…_]{0,20}(?P<d>\d{1,2})?[\s.…_]{0,20}"
    r"tháng[\s.…_]{0,20}(?P<m>\d{1,2})?[\s.…_]{0,20}năm[\s.…_]{0,20}(?P<y>\d{4})?", regex.V1)
_DATE_NUMERIC = regex.compile(
    r"^(?:" + _PLACE + r"\s*,\s*)?ngày\s{0,3}(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})",
    regex.V1)
_SEPARATOR = regex.compile(r"^[\s\-_=*.~–—]+$")


@dataclass
class Header:
    """What the header block and title say (fields None when absent)."""

    doc_type: Optional[str] = None
    doc_type_line: Optional[int] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    date: DateParts = field(default_factory=DateParts)
    title: Optional[str] = None
    title_end_line: Optional[int] = None  # first line after the title
    preamble_start: Optional[int] = None  # offset where the preamble opens inside the title's last line


@lru_cache(maxsize=1)
def _doc_type_re() -> "regex.Pattern[str]":
    types = sorted(patterns.load("layout")["doc_types"], key=len, reverse=True)
    return regex.compile(r"^(?:" + "|".join(key(t) for t in types) + r")$", regex.V1)


@lru_cache(maxsize=1)
def _motto_re() -> "regex.Pattern[str]":
    return regex.compile(r"^(?:" + "|".join(patterns.load("layout")["motto"]) + r")", regex.V1)


@lru_cache(maxsize=1)
def _marks_re() -> "regex.Pattern[str]":
    return regex.compile(r"^(?:" + "|".join(patterns.load("layout")["header_marks"]) + r")\W*$", regex.V1)


@lru_cache(maxsize=1)
def _basis_re() -> "regex.Pattern[str]":
    cues = patterns.load("legal")["basis_cues"]
    return regex.compile(r"^(?:" + "|".join(key(c) for c in cues) + r")(?!\p{L})", regex.V1)


def parse_number(text: str) -> Optional[tuple[Optional[str], str]]:
    """``(number, symbol)`` of a ``Số: ...`` cell; number None when left blank."""
    m = _NUMBER.match(key(text))
    if not m:
        return None
    raw = text[m.start("symbol"):m.end("symbol")]
    symbol = _SPACES.sub("", raw)
    if not symbol[:1].isupper() or (m.group("sep") is None and not _DASH_OR_SLASH.search(symbol)):
        return None
    digits = m.group("digits")
    if not digits:
        return None, symbol
    digits = _SPACES.sub("", text[m.start("digits"):m.end("digits")])
    return f"{digits}{m.group('sep') or '/'}{symbol}", symbol


def parse_date(text: str) -> Optional[tuple[Optional[str], DateParts]]:
    """``(place, date)`` of a ``Hải Phòng, ngày tháng 01 năm 2024`` cell."""
    k = key(text)
    m = _DATE.match(k) or _DATE_NUMERIC.match(k)
    if not m:
        return None
    place = text[m.start("place"):m.end("place")].strip(" *_") if m.group("place") else None

    def num(name: str, lo: int, hi: int) -> Optional[int]:
        v = m.group(name)
        return int(v) if v and lo <= int(v) <= hi else None

    return place or None, DateParts(num("y", 1900, 2100), num("m", 1, 12), num("d", 1, 31))


def _is_doc_type(text: str) -> bool:
    return bool(_doc_type_re().match(" ".join(key(text).split())))


_INNER_START = regex.compile(r"(?<=[\s;.])\p{Lu}", regex.V1)


def _basis_inside(raw: str) -> Optional[int]:
    """Where a legal basis opens inside a title line that a converter ran into the preamble
    ('... năm 2025 Căn cứ Luật ...', 'Thực hiện Kế hoạch số 35/KH-UBND ...'), or None."""
    for m in _INNER_START.finditer(raw):
        if m.start() > 8 and _basis_re().match(key(raw[m.start():])):
            return m.start()
    return None


def _title(doc: Document, infos: list[LineInfo], first: int, hi: int) -> tuple[Optional[str], int, Optional[int]]:
    """Title lines after the document-type line; returns (title, first line after it, and
    the offset where the preamble opens inside its last line, if it does)."""
    cut: Optional[int] = None
    j = first
    while j < hi and infos[j].kind == "blank":
        j += 1
    parts: list[str] = []
    prev: Optional[LineInfo] = None
    while j < hi:
        info = infos[j]
        text = undecorated(doc.text[info.line.start:info.line.end])[1].strip()
        if info.kind == "blank":
            k = j
            while k < hi and infos[k].kind == "blank":
                k += 1
            if prev is not None and k < hi and continues(doc, prev, infos[k]):
                j = k
                continue
            break
        if _SEPARATOR.match(text) or (parts and text[:1].isupper() and _basis_re().match(key(text))):
            break
        if parts and preamble_issuer(text) is not None:  # "UBND phường X xây dựng Kế hoạch như sau:"
            break
        raw = doc.text[info.line.start:info.line.end]
        inner = _basis_inside(raw)
        if inner is not None:
            parts.append(undecorated(raw[:inner])[1].strip())
            cut = info.line.start + inner
            j += 1
            break
        parts.append(text)
        prev = info
        j += 1
        if text.endswith("như sau:"):
            break
    title = " ".join(" ".join(parts).replace("**", "").split()) or None
    return title, j, cut


# A header block is a dozen lines; a file may carry some portal text before it, but a
# text without section headings must not have all its lines read as header lines.
_HEADER_MAX_LINES = 200


def get_header(doc: Document, infos: list[LineInfo], body_start: int) -> Header:
    """Header fields from the lines before ``body_start`` (at most the first
    ``_HEADER_MAX_LINES`` non-blank ones)."""
    h = Header()
    issuer_parts: list[str] = []
    fields_seen = False
    seen = 0
    for info in infos[:body_start]:
        if info.kind == "blank":
            continue
        seen += 1
        if seen > _HEADER_MAX_LINES:
            break
        for cell in cells(doc, info.line):
            text = cell.text.strip()
            k = " ".join(key(text).split())
            if _SEPARATOR.match(text) or _motto_re().match(k) or _marks_re().match(k):
                continue
            if h.symbol is None and (num := parse_number(text)):
                h.number, h.symbol = num
                fields_seen = True
                continue
            if h.date.year is None and h.date.month is None and (d := parse_date(text)):
                h.place, h.date = d
                fields_seen = True
                continue
            if _is_doc_type(text):
                h.doc_type = " ".join(text.split()).upper()
                h.doc_type_line = info.line.index
                break
            if text.isupper() and not fields_seen:
                issuer_parts.append(text)
        if h.doc_type is not None:
            break
    if h.doc_type_line is not None:
        h.title, h.title_end_line, h.preamble_start = _title(doc, infos, h.doc_type_line + 1, body_start)
    h.issuer = join_header_parts(issuer_parts)
    return h


@lru_cache(maxsize=1)
def _preamble_verb_re() -> "regex.Pattern[str]":
    data = patterns.load("issuers")
    verbs = "|".join(key(v) for v in sorted(data["preamble_verbs"], key=len, reverse=True))
    objects = "|".join(key(o) for o in data["preamble_objects"])
    return regex.compile(rf"(?<!\p{{L}})(?:{verbs})\s+(?:{objects})(?!\p{{L}})", regex.V1)


def issuer_from_preamble(doc: Document, infos: list[LineInfo], lo: int, hi: int,
                         place: Optional[str]) -> Optional[str]:
    """``UBND quận Long Biên xây dựng kế hoạch ...`` -> the body before the verb.

    The body is the clause right before ``xây dựng/ban hành ... kế hoạch``
    (after the last comma: ``Để triển khai ..., UBND huyện X ban hành Kế
    hoạch``). When it names the unit without the place (``Ủy ban nhân dân
    thành phố ban hành ...``), the place of the date line completes it.
    """
    for info in infos[lo:hi]:
        if info.kind not in ("text", "bullet"):
            continue
        name = preamble_issuer(undecorated(doc.text[info.line.start:info.line.end])[1])
        if name is None:
            continue
        if place and ends_with_admin_unit(name):
            name = f"{name} {place}"
        return name
    return None


def preamble_issuer(line: str) -> Optional[str]:
    """The body of a ``<body> xây dựng/ban hành Kế hoạch ...`` sentence, else None."""
    from vnplan.structure.issuer import starts_with_body

    for m in _preamble_verb_re().finditer(key(line)):
        clause = _CLAUSE_PUNCT.split(line[:m.start()])[-1].strip()
        if not clause or len(clause) > 90 or not starts_with_body(clause):
            continue
        name = normalise_issuer(clause)
        if name:
            return name
    return None
