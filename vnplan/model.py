"""The document model at the centre of vnplan.

Readers produce a :class:`Document`; the structure stage and the extractors
read it and produce the parts of a :class:`Plan`. Every extracted item keeps a
:class:`Span` into ``Document.text`` (computed once, where it is found).
"""
from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator, Optional

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class Source:
    path: Optional[str]
    sha256: str
    format: str  # txt, pdf, docx, html, doc
    encoding: Optional[str]  # utf-8, utf-8-sig, utf-16, windows-1258, tcvn3, vni, ...
    size: int = 0


@dataclass
class Warning:
    code: str  # e.g. "debris_dropped", "no_plan_structure", "no_sections"
    message: str
    span: Optional[Span] = None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text, without its line break."""

    index: int
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Document:
    """Decoded NFC text plus where it came from. Built by a reader."""

    text: str
    source: Source
    page_starts: list[int] = field(default_factory=list)  # offset of each page's first char
    warnings: list[Warning] = field(default_factory=list)

    @cached_property
    def key(self) -> str:
        """Lower-case, tone-normalised matching key, same length as ``text``."""
        from vnplan.text.normalise import key

        return key(self.text)

    @cached_property
    def lines(self) -> list[Line]:
        out, start = [], 0
        for i, raw in enumerate(self.text.split("\n")):
            out.append(Line(i, start, start + len(raw)))
            start += len(raw) + 1
        return out

    @cached_property
    def wrap_width(self) -> Optional[int]:
        """The line width of a text hard-wrapped by a converter (a PDF saved as text), else None.

        Such a text breaks its sentences at one width: most of its long lines end within a
        few characters of it, many of them mid-sentence. A text with one paragraph a line
        has long lines of every length and no such width.
        """
        lens = sorted(len(raw.rstrip()) for raw in self.text.split("\n") if "\t" not in raw)
        long = [n for n in lens if n >= 40]
        if len(long) < 12:
            return None
        width = long[(len(long) * 9) // 10]
        if not 60 <= width <= 130:
            return None
        near = sum(1 for n in long if width - 14 <= n <= width + 2)
        over = sum(1 for n in long if n > width + 8)
        return width if near >= 0.6 * len(long) and over <= 0.05 * len(long) else None

    def line_text(self, line: Line) -> str:
        return self.text[line.start:line.end]

    def page_at(self, offset: int) -> Optional[int]:
        """1-based page number of ``offset``, or None when pages are unknown."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


# --------------------------------------------------------------------------
# Structure


@dataclass
class Section:
    id: str  # path such as "II.2.a"
    number: Optional[str]  # as printed: "II", "2", "2.1", "a"
    title: str
    kind: str  # closed vocabulary, see patterns/headings.yaml
    level: int  # 1 = Roman numeral / Phần / Phụ lục
    span: Span  # heading start to end of the section (children included)
    heading_span: Span
    children: list["Section"] = field(default_factory=list)
    page: Optional[int] = None


def walk(sections: list[Section]) -> Iterator[Section]:
    """Every section, depth first, in document order."""
    for s in sections:
        yield s
        yield from walk(s.children)


def _child_at(level: list[Section], offset: int) -> Optional[Section]:
    """The sibling containing ``offset``: bisection on the (ordered, disjoint) siblings of a
    long list, a scan of a short one (O(log n) on huge trees)."""
    if len(level) > 8:
        import bisect

        i = bisect.bisect_right(level, offset, key=lambda s: s.span.start)
        return level[i - 1] if i and offset in level[i - 1].span else None
    for s in level:
        if offset in s.span:
            return s
    return None


def section_at(sections: list[Section], offset: int) -> Optional[Section]:
    """The deepest section containing ``offset``."""
    found = None
    level = sections
    while (s := _child_at(level, offset)) is not None:
        found, level = s, s.children
    return found


def ancestors(sections: list[Section], offset: int) -> list[Section]:
    """Sections containing ``offset``, outermost first."""
    out, level = [], sections
    while (s := _child_at(level, offset)) is not None:
        out.append(s)
        level = s.children
    return out


@dataclass
class Cell:
    text: str
    span: Span
    parts: list[Span] = field(default_factory=list)  # fragment spans of a cell continued over lines


@dataclass
class Row:
    cells: list[Cell]
    span: Span


@dataclass
class Table:
    id: str
    span: Span
    rows: list[Row]
    header_rows: int = 1
    title: Optional[str] = None
    section_id: Optional[str] = None
    layout: str = "tsv"  # "tsv" or "flattened"

    @property
    def header(self) -> list[Row]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> list[Row]:
        return self.rows[self.header_rows:]


# --------------------------------------------------------------------------
# Metadata


@dataclass
class DateParts:
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None


@dataclass
class Period:
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class LegalBasis:
    type: str  # Quyết định, Nghị quyết, Kế hoạch, Thông tư, Nghị định, Đề án, Chỉ thị, Luật...
    number: Optional[str]  # "1300/QĐ-BYT"
    symbol: Optional[str]  # "QĐ-BYT"
    date: Optional[DateParts]
    issuer: Optional[str]
    text: str
    span: Span
    page: Optional[int] = None  # 1-based page of the span's start (PDF); None when pages are unknown


@dataclass
class Signer:
    name: Optional[str] = None
    title: Optional[str] = None  # PHÓ CHỦ TỊCH
    on_behalf: Optional[str] = None  # TM. ỦY BAN NHÂN DÂN -> "Ủy ban nhân dân"
    authority: Optional[str] = None  # KT. CHỦ TỊCH -> "Chủ tịch"
    span: Optional[Span] = None
    page: Optional[int] = None


@dataclass
class Recipient:
    text: str
    span: Span
    page: Optional[int] = None


@dataclass
class Layout:
    """Where the big regions of the document lie."""

    header: Optional[Span] = None
    preamble: Optional[Span] = None
    body: Optional[Span] = None
    closing: Optional[Span] = None  # Nơi nhận + signature block
    appendix: Optional[Span] = None


@dataclass
class Metadata:
    doc_type: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    date: DateParts = field(default_factory=DateParts)
    title: Optional[str] = None
    period: Period = field(default_factory=Period)
    legal_bases: list[LegalBasis] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    recipients: list[Recipient] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)


# --------------------------------------------------------------------------
# Extracted facts


@dataclass
class Target:
    id: str
    indicator: str
    comparator: str  # "=", ">", ">=", "<", "<=", "range"
    value: float
    unit: Optional[str]
    text: str
    span: Span
    value_max: Optional[float] = None
    of: Optional[float] = None
    direction: Optional[str] = None  # increase, decrease, maintain
    year: Optional[int] = None
    baseline: Optional[str] = None
    scope: Optional[str] = None  # table row (ward, unit) the target applies to
    section_id: Optional[str] = None
    value_span: Optional[Span] = None
    page: Optional[int] = None


@dataclass
class BudgetLine:
    id: str
    amount_vnd: float
    text: str
    span: Span
    purpose: Optional[str] = None
    section_id: Optional[str] = None
    page: Optional[int] = None


@dataclass
class Agency:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # sorted subset of {"cooperate", "lead"}
    standing: bool = False
    mentions: list[Span] = field(default_factory=list)
    # parallel to ``mentions``: None when ``text[mention]`` is the name as printed, else
    # the fragments of a name printed over two lines of a table cell (joined by a space)
    mention_parts: list[Optional[list[Span]]] = field(default_factory=list)
    # parallel to ``mentions``: the 1-based page of each mention (PDF), None when pages are unknown
    mention_pages: list[Optional[int]] = field(default_factory=list)


@dataclass
class Deadline:
    text: str
    normalized: Optional[str] = None


@dataclass
class Assignment:
    id: str
    agency_id: str
    role: str  # lead / cooperate
    task: str
    span: Span
    deadline: Optional[Deadline] = None
    section_id: Optional[str] = None
    page: Optional[int] = None
    # None when ``task == text[span]``; else the task is assembled from the fragments of a table
    # cell continued over lines (``task`` = the fragments joined by a space, ``span`` covers them)
    parts: Optional[list[Span]] = None


# --------------------------------------------------------------------------
# The plan


@dataclass
class Plan:
    source: Source
    metadata: Metadata
    sections: list[Section]
    text: str
    targets: list[Target] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list, repr=False)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict in the documented key order."""
        return {
            "schema_version": self.schema_version,
            "source": to_plain(self.source),
            "metadata": to_plain(self.metadata),
            "sections": to_plain(self.sections),
            "targets": to_plain(self.targets),
            "agencies": to_plain(self.agencies),
            "assignments": to_plain(self.assignments),
            "budget": to_plain(self.budget),
            "warnings": to_plain(self.warnings),
            "text": self.text,
        }

    def to_json(self, indent: Optional[int] = 2) -> str:
        """JSON text: one line (``indent=None``), or the top levels indented with
        each item of a list (a section, a target, ...) on a line of its own."""
        data = self.to_dict()
        if indent is None:
            return _encoder()(data)
        return _layout_json(data, indent, 0)


def _layout_json(obj: Any, indent: int, depth: int) -> str:
    """Readable JSON fast: objects down to depth 2 spread over lines, list items
    one per line, everything below written by the C encoder in one line."""
    encode = _encoder()
    pad, inner = " " * (indent * depth), " " * (indent * (depth + 1))
    if isinstance(obj, dict) and obj and depth < 2:
        body = ",\n".join(f"{inner}{encode(k)}: {_layout_json(v, indent, depth + 1)}" for k, v in obj.items())
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(obj, list) and obj and isinstance(obj[0], (dict, list)):
        return "[\n" + ",\n".join(inner + encode(x) for x in obj) + "\n" + pad + "]"
    return encode(obj)


_ENCODE = None


def _encoder():
    """``encode`` of one shared JSON encoder (json.dumps builds a new one per call)."""
    global _ENCODE
    if _ENCODE is None:
        import json

        _ENCODE = json.JSONEncoder(ensure_ascii=False).encode
    return _ENCODE


_FIELDS: dict[type, tuple[str, ...]] = {}


def to_plain(obj: Any) -> Any:
    """Dataclasses to dicts, spans to ``[start, end]``, recursively."""
    cls = type(obj)
    if cls is Span:
        return [obj.start, obj.end]
    if cls in (str, int, float, bool) or obj is None:
        return obj
    if cls is list or cls is tuple:
        return [to_plain(x) for x in obj]
    names = _FIELDS.get(cls)
    if names is None and dataclasses.is_dataclass(obj):
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {n: to_plain(getattr(obj, n)) for n in names}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj
