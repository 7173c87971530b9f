"""Where the regions of a plan lie: body, closing block, appendix, web debris.

All functions work on line indexes of ``doc.lines`` (as classified by
:mod:`vnplan.structure.lines`); cue words live in ``patterns/layout.yaml``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Span
from vnplan.structure.lines import LineInfo, cells, is_menu, undecorated
from vnplan.text.normalise import key

_SHORT_LINE = 80  # signature lines are short; running text is not


def _alts(cues: list[str]) -> str:
    return "|".join(key(c) for c in cues)


@lru_cache(maxsize=1)
def _closing_re() -> "regex.Pattern[str]":
    return regex.compile(r"^(?:" + _alts(patterns.load("layout")["closing_start"]) + ")", regex.V1)


@lru_cache(maxsize=1)
def _signer_title_re() -> "regex.Pattern[str]":
    titles = sorted(patterns.load("layout")["signer_titles"], key=len, reverse=True)
    return regex.compile(r"^(?:" + _alts(titles) + r")$", regex.V1)


@lru_cache(maxsize=1)
def _debris_re() -> "regex.Pattern[str]":
    return regex.compile(r"^(?:" + _alts(patterns.load("layout")["debris"]) + r")", regex.V1)


@lru_cache(maxsize=1)
def _closing_paragraph_re() -> "regex.Pattern[str]":
    return regex.compile(r"^(?:" + _alts(patterns.load("layout")["closing_paragraph"]) + r")", regex.V1)


def _line(doc: Document, info: LineInfo) -> str:
    return undecorated(doc.text[info.line.start:info.line.end])[1]


_NOI_NHAN = regex.compile(r"^nơi nhận[\s*_]*(?::|$)")


def _line_and_key(doc: Document, info: LineInfo) -> tuple[str, str]:
    """:func:`_line` and its key (a slice of the document's key: same offsets)."""
    raw = doc.text[info.line.start:info.line.end]
    lead, body = undecorated(raw)
    start = info.line.start + lead
    return body, doc.key[start:start + len(body)]


def is_closing_start(doc: Document, info: LineInfo) -> bool:
    """``Nơi nhận:``, a short ``TM.``/``KT.`` line, or a bare upper-case signer title."""
    if info.kind not in ("text", "heading", "bullet", "table"):
        return False
    memo = doc.__dict__.setdefault("_closing_start", {})  # asked for again by the table finder
    found = memo.get((info.line.index, info.kind))
    if found is None:
        found = memo[(info.line.index, info.kind)] = _is_closing_start(doc, info)
    return found


def _is_closing_start(doc: Document, info: LineInfo) -> bool:
    if info.kind == "table":  # flattened two columns: "Nơi nhận:<TAB>TM. ỦY BAN NHÂN DÂN"
        first = cells(doc, info.line)
        text = first[0].text if first else ""
        k = key(text)
    else:
        text, k = _line_and_key(doc, info)
    return is_closing_text(text, k)


def is_closing_text(text: str, k: Optional[str] = None) -> bool:
    """A line or cell that opens the closing block (see :func:`is_closing_start`);
    ``k``: its matching key when already at hand."""
    k = key(text) if k is None else k
    if _NOI_NHAN.match(k):  # not "Nơi nhận hồ sơ: ..."
        return True
    if len(text) <= _SHORT_LINE and _closing_re().match(k):
        return True
    return text.isupper() and bool(_signer_title_re().match(" ".join(k.split())))


def find_closing(doc: Document, infos: list[LineInfo], after: int, before: Optional[int] = None) -> Optional[int]:
    """Index of the line opening the closing block (Nơi nhận / TM. / KT.)."""
    for info in infos[after:before]:
        if is_closing_start(doc, info):
            return info.line.index
    return None


def is_debris(doc: Document, info: LineInfo) -> bool:
    """A short line of web-page furniture (Đăng nhập, Tải về, ©, rating, a site menu...)."""
    if info.kind in ("blank", "table"):
        return False
    if is_menu(doc.text[info.line.start:info.line.end]):  # "Trang chủ | Giới thiệu | Liên hệ"
        return True
    text = _line(doc, info).lstrip("-+•·[(| ").strip()
    if not text or len(text) > patterns.load("layout").get("debris_max_chars", 80):
        return False
    return bool(_debris_re().match(key(text)))


def find_debris(doc: Document, infos: list[LineInfo], after: int) -> list[tuple[int, int]]:
    """Runs ``[first, last_nonblank + 1)`` of web debris from line ``after`` on.

    A run opens at a debris line and lasts until the next appendix heading or
    the end of the text.
    """
    runs: list[tuple[int, int]] = []
    i, n = after, len(infos)
    while i < n:
        if not is_debris(doc, infos[i]):
            i += 1
            continue
        j = i
        last = i
        while j < n and not (infos[j].kind == "heading" and infos[j].marker == "appendix"):
            if infos[j].kind != "blank":
                last = j
            j += 1
        runs.append((i, last + 1))
        i = j
    return runs


def last_closing_paragraph(doc: Document, infos: list[LineInfo], lo: int, hi: int) -> Optional[int]:
    """Index of the last ``Trên đây là ...`` line in ``[lo, hi)``."""
    found = None
    rx = _closing_paragraph_re()
    for info in infos[lo:hi]:
        if info.kind == "text" and rx.match(_line_and_key(doc, info)[1]):
            found = info.line.index
    return found


def find_appendix(doc: Document, infos: list[LineInfo], lo: int, hi: int, strong_only: bool) -> Optional[int]:
    """First appendix heading in ``[lo, hi)``; ``strong_only``: only ``PHỤ LỤC`` lines."""
    for info in infos[lo:hi]:
        if info.kind == "heading" and info.marker == "appendix":
            if not strong_only or _line_and_key(doc, info)[1].startswith("phụ lục"):
                return info.line.index
    return None


def trimmed(doc: Document, start: int, end: int) -> Optional[Span]:
    """``[start, end)`` without white space at either end (None when empty)."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def line_span(doc: Document, lo: int, hi: int) -> Optional[Span]:
    """Trimmed span of lines ``[lo, hi)``."""
    if hi <= lo:
        return None
    lines = doc.lines
    return trimmed(doc, lines[lo].start, lines[hi - 1].end)
