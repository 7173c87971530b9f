"""Build the section tree from classified lines.

Levels, outermost first: ``Phần``/appendix, ``A.``, Roman ``I.``, ``1.``,
``1.1.`` (one level per dot), ``1)`` (when the plan also uses ``1.``),
``a)``. Bullets (``-``, ``+``, ``*``) stay in the body of their section.

Numbering is kept as printed (gaps and repeats included); a repeated number
gets a ``~2`` suffix in its id so ids stay unique. A section's span runs
from its heading line to the next heading of the same or a higher level, so
every non-blank character of the region belongs to exactly one deepest
section.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Section, Span
from vnplan.structure.kinds import kind_of
from vnplan.structure.lines import LineInfo, continues, is_page_number
from vnplan.text.normalise import key

_RANK = {"appendix": 0.0, "part": 0.0, "upper": 0.5, "roman": 1.0, "arabic": 2.0, "letter": 6.0}
_TITLE_SPLIT = regex.compile(r"^(.{2,120}?)\s*:\s*(?=\S)", regex.V1)
# "1. Mục tiêu chung. Tăng cường ...": a short first sentence is the title.
_TITLE_SENTENCE = regex.compile(r"^(.{2,120}?\p{Ll})\.\s+(?=\p{Lu})", regex.V1)
_MAX_TITLE_WORDS = 15
_DECOR = regex.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_TRAIL = regex.compile(r"[\s*_#:]+$")
BODY_MARKERS = frozenset({"part", "upper", "roman", "decimal", "arabic", "paren", "letter"})


def rank(info: LineInfo, paren_rank: float = 2.0) -> float:
    """Depth of a heading marker (smaller is outer)."""
    if info.marker == "decimal":
        return 2.0 + info.number.count(".")  # 1.1 -> 3, 1.1.1 -> 4
    if info.marker == "paren":
        return paren_rank
    return _RANK[info.marker]


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, str]:
    return {key(k): str(v) for k, v in patterns.load("headings").get("ordinals", {}).items()}


def clean_title(text: str) -> str:
    """Title without markdown emphasis, trailing colon, or runs of spaces."""
    text = _DECOR.sub("", text)
    return " ".join(text.split()).rstrip(" :").strip()


def _line_text(doc: Document, info: LineInfo) -> str:
    return doc.text[info.line.start:info.line.end]


def _next_nonblank(doc: Document, infos: list[LineInfo], i: int, hi: int) -> Optional[int]:
    """Next line after ``i`` that is neither blank nor a page number."""
    j = i + 1
    while j < hi and (infos[j].kind == "blank" or (infos[j].kind == "text" and is_page_number(_line_text(doc, infos[j])))):
        j += 1
    return j if j < hi else None


def heading_title(doc: Document, infos: list[LineInfo], i: int, hi: Optional[int] = None) -> tuple[str, Span]:
    """Title words of heading line ``i`` and their span.

    ``1. Mục tiêu chung: Tiếp tục ...`` gives ``Mục tiêu chung`` (body on the
    same line); a title broken by a page break continues on the next
    lower-case line; a bare ``PHẦN THỨ NHẤT`` takes the next line as title.
    """
    hi = len(infos) if hi is None else hi
    info = infos[i]
    start = info.title_start
    raw = _TRAIL.sub("", doc.text[start:info.line.end])
    end = start + len(raw)
    if not raw:
        j = _next_nonblank(doc, infos, i, hi)
        if j is not None and infos[j].kind == "text":
            nxt = infos[j]
            raw = _TRAIL.sub("", _line_text(doc, nxt).strip())
            start = nxt.line.start + (len(_line_text(doc, nxt)) - len(_line_text(doc, nxt).lstrip()))
            end = start + len(raw)
        return clean_title(raw), Span(start, max(start, end))
    m = _TITLE_SPLIT.match(raw) or _TITLE_SENTENCE.match(raw)
    if m and info.marker != "appendix" and len(m.group(1).split()) <= _MAX_TITLE_WORDS \
            and m.group(1).count("(") == m.group(1).count(")"):
        head = _TRAIL.sub("", m.group(1))
        return clean_title(head), Span(start, start + len(head))
    title = raw
    j = _next_nonblank(doc, infos, i, hi)
    if j is not None and continues(doc, info, infos[j]):
        nxt = _TRAIL.sub("", _line_text(doc, infos[j]).strip())
        title = f"{raw} {nxt}"
        end = infos[j].line.start + len(_line_text(doc, infos[j]).rstrip())
    elif info.marker == "appendix" and j is not None and _is_bare_appendix(raw) \
            and infos[j].kind == "text" and not _line_text(doc, infos[j]).lstrip().startswith("("):
        # "PHỤ LỤC I" / "DANH MỤC ...": the name is on the next line.
        nxt = _TRAIL.sub("", _line_text(doc, infos[j]).strip())
        title = f"{raw} {nxt}"
        end = infos[j].line.start + len(_line_text(doc, infos[j]).rstrip())
    return clean_title(title), Span(start, end)


_BARE_APPENDIX = regex.compile(r"^(?:phụ lục|biểu(?: mẫu)?)(?:\s*(?:số\s*)?(?:\d+|[ivxlc]+|[a-z]))?\s*[.:]?$", regex.V1)
_APPENDIX_ID = regex.compile(r"^(phụ lục|biểu(?: mẫu)?)\s*(?:số\s*)?(\d+|[ivxlc]+(?!\p{L})|[a-z](?!\p{L}))?", regex.V1)


def _is_bare_appendix(text: str) -> bool:
    return bool(_BARE_APPENDIX.match(key(clean_title(text))))


def appendix_id(title: str) -> tuple[str, Optional[str]]:
    """``PL``/``PL2``/``PLII`` for Phụ lục, ``B1`` for Biểu 1; and the number."""
    m = _APPENDIX_ID.match(key(title))
    prefix = "PL" if m and m.group(1) == "phụ lục" else "B"
    number = m.group(2).upper() if m and m.group(2) else None
    if number and number.isdigit():
        number = str(int(number))
    return prefix + (number or ""), number


def part_id(number: str) -> str:
    """``P1`` for ``Phần 1``/``PHẦN THỨ NHẤT``, ``PII`` for ``Phần II``."""
    k = " ".join(key(number).split())
    if k.startswith("thứ"):
        word = k[len("thứ"):].strip()
        return "P" + _ordinals().get(word, word.upper())
    return "P" + number.upper()


@dataclass
class _Open:
    section: Section
    rank: float


class _Builder:
    """Stack machine opening and closing sections line by line."""

    def __init__(self, doc: Document, infos: list[LineInfo]):
        self.doc, self.infos = doc, infos
        self.roots: list[Section] = []
        self.stack: list[_Open] = []
        self.used: dict[str, int] = {}

    def close(self, r: float, offset: int) -> None:
        while self.stack and self.stack[-1].rank >= r:
            done = self.stack.pop().section
            done.span = Span(done.span.start, max(done.heading_span.end, _trim_end(self.doc, done.span.start, offset)))

    def _id(self, info: LineInfo, title: str, parent: Optional[Section]) -> tuple[str, Optional[str]]:
        if info.marker == "appendix":
            return appendix_id(title)
        number = info.number
        if info.marker == "part":
            base = part_id(number)
        elif info.marker == "decimal" and parent is not None and parent.number \
                and number.startswith(parent.number + "."):
            base = f"{parent.id}.{number[len(parent.number) + 1:]}"
        else:
            base = f"{parent.id}.{number}" if parent else number
        return base, number

    def open(self, i: int, r: float, hi: int) -> None:
        info = self.infos[i]
        title, hspan = heading_title(self.doc, self.infos, i, hi)
        parent = self.stack[-1].section if self.stack else None
        base, number = self._id(info, title, parent)
        kind = "phu_luc" if info.marker == "appendix" else kind_of(title)
        n = self.used.get(base, 0) + 1
        self.used[base] = n
        sid = base if n == 1 else f"{base}~{n}"
        sec = Section(id=sid, number=number, title=title, kind=kind, level=len(self.stack) + 1,
                      span=Span(info.line.start, info.line.start), heading_span=hspan,
                      page=self.doc.page_at(info.line.start))
        (parent.children if parent else self.roots).append(sec)
        self.stack.append(_Open(sec, r))


def build_sections(doc: Document, infos: list[LineInfo], regions: Iterable[tuple[int, int, frozenset]]) -> list[Section]:
    """Section tree over ``regions``: ``(first_line, end_line, markers)`` each.

    Sections never extend past the end of their region, so text between
    regions (closing block, web debris) belongs to no section.
    """
    b = _Builder(doc, infos)
    for lo, hi, markers in regions:
        present = {infos[i].marker for i in range(lo, hi) if infos[i].kind == "heading"}
        paren_rank = 5.0 if ("arabic" in present or "decimal" in present) else 2.0
        for i in range(lo, hi):
            info = infos[i]
            if info.kind != "heading" or info.marker not in markers:
                continue
            r = rank(info, paren_rank)
            b.close(r, info.line.start)
            b.open(i, r, hi)
        b.close(-1.0, doc.lines[hi - 1].end if hi > 0 else 0)
    return b.roots


def _trim_end(doc: Document, start: int, end: int) -> int:
    """Drop trailing white space from a section's end."""
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return end
