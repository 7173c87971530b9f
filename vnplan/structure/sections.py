"""Build the section tree from classified lines.

Numbering is kept as printed (gaps and repeats included); a repeated number
gets a ``~2`` suffix in its id so ids stay unique.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Section, Span
from vnplan.structure.kinds import kind_of
from vnplan.structure.lines import LineInfo
from vnplan.text.normalise import key

_RANK = {"appendix": 0, "part": 0, "roman": 1, "arabic": 2, "letter": 6}
_TITLE_SPLIT = regex.compile(r"^(.{2,120}?)\s*:\s*(?=\S)", regex.V1)
_END_PUNCT = regex.compile(r"[.;:!?…]\W*$")


def rank(info: LineInfo) -> int:
    if info.marker == "decimal":
        return 2 + info.number.count(".")  # 1.1 -> 3, 1.1.1 -> 4
    return _RANK[info.marker]


@lru_cache(maxsize=1)
def _closing_re() -> "regex.Pattern[str]":
    cues = patterns.load("layout")["closing_start"]
    return regex.compile(r"^[\s*#_]*(?:" + "|".join(key(c) for c in cues) + ")", regex.V1)


def find_closing(doc: Document, infos: list[LineInfo], after: int) -> Optional[int]:
    """Index of the line opening the closing block (Nơi nhận / TM. / KT.)."""
    rx = _closing_re()
    for info in infos[after:]:
        if info.kind in ("text", "heading", "bullet") and rx.match(doc.key[info.line.start:info.line.end]):
            return info.line.index
    return None


@dataclass
class _Open:
    section: Section
    rank: int


def heading_title(doc: Document, infos: list[LineInfo], i: int) -> tuple[str, Span]:
    """Title words of heading line ``i`` and their span (page-break joins included)."""
    info = infos[i]
    start, end = info.title_start, info.line.end
    raw = doc.text[start:end].rstrip()
    raw = regex.sub(r"[\s*_#]+$", "", raw)
    end = start + len(raw)
    m = _TITLE_SPLIT.match(raw)
    if m and len(m.group(1).split()) <= 15 and m.group(1).count("(") == m.group(1).count(")"):
        title = m.group(1)
        return title.strip(), Span(start, start + len(m.group(1)))
    title = raw
    # A title broken by a page break continues on a lower-case line.
    if not _END_PUNCT.search(raw):
        j = i + 1
        while j < len(infos) and infos[j].kind == "blank":
            j += 1
        if j < len(infos) and infos[j].kind == "text":
            nxt = doc.text[infos[j].line.start:infos[j].line.end].strip()
            if nxt[:1].islower():
                title = f"{raw} {nxt}"
                end = infos[j].line.start + len(doc.text[infos[j].line.start:infos[j].line.end].rstrip())
    return title.rstrip(" :").strip(), Span(start, end)


def _appendix_id(title: str, taken: dict[str, int]) -> tuple[str, Optional[str]]:
    k = key(title)
    m = regex.match(r"^(phụ lục|biểu(?: mẫu)?)\s*(?:số\s*)?([0-9]+|[ivx]+\b|[a-z]\b)?", k)
    prefix = "PL" if m and m.group(1) == "phụ lục" else "B"
    number = m.group(2).upper() if m and m.group(2) else None
    return prefix + (number or ""), number


def build_sections(doc: Document, infos: list[LineInfo], body_start: int, body_end: int,
                   appendix_start: Optional[int]) -> list[Section]:
    """Section tree over lines ``[body_start, body_end)`` plus appendix lines from ``appendix_start``."""
    roots: list[Section] = []
    stack: list[_Open] = []
    used_ids: dict[str, int] = {}
    end_offset_body = doc.lines[body_end - 1].end if body_end > 0 else 0

    def close_until(r: int, offset: int) -> None:
        while stack and stack[-1].rank >= r:
            done = stack.pop()
            done.section.span = Span(done.section.span.start, _trim_end(doc, done.section.span.start, offset))

    def open_section(info: LineInfo, i: int, section_rank: int) -> None:
        title, hspan = heading_title(doc, infos, i)
        parent = stack[-1].section if stack else None
        if info.marker == "appendix":
            base, number = _appendix_id(title, used_ids)
            kind = "phu_luc"
        else:
            number = info.number
            last = number.split(".")[-1]
            base = f"{parent.id}.{last}" if parent else number
            kind = kind_of(title)
        n = used_ids.get(base, 0) + 1
        used_ids[base] = n
        sid = base if n == 1 else f"{base}~{n}"
        sec = Section(id=sid, number=number, title=title, kind=kind,
                      level=len(stack) + 1, span=Span(info.line.start, info.line.start),
                      heading_span=hspan, page=doc.page_at(info.line.start))
        (parent.children if parent else roots).append(sec)
        stack.append(_Open(sec, section_rank))

    def run(lo: int, hi: int, end_offset: int, allowed: set[str]) -> None:
        for i in range(lo, hi):
            info = infos[i]
            if info.kind != "heading" or info.marker not in allowed:
                continue
            r = rank(info)
            close_until(r, info.line.start)
            open_section(info, i, r)
        close_until(-1, end_offset)

    top = _top_markers(infos[body_start:body_end])
    run(body_start, body_end, end_offset_body, top)
    if appendix_start is not None:
        run(appendix_start, len(infos), len(doc.text), {"appendix"})
    return roots


def _top_markers(infos: list[LineInfo]) -> set[str]:
    """Markers that open sections; appendix markers inside the body count too."""
    return {"part", "roman", "decimal", "arabic", "letter", "appendix"}


def _trim_end(doc: Document, start: int, end: int) -> int:
    """Drop trailing white space from a section's end."""
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return end
