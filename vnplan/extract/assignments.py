"""Who is given which task: role-bearing mentions of bodies.

Three places give a body a role (cues in ``patterns/agencies.yaml``):

* the implementation section (TỔ CHỨC THỰC HIỆN): each item is headed by one
  or more bodies (``4. Phòng Tài chính- Kế hoạch: Tham mưu ...``,
  ``11. Đề nghị Ủy ban MTTQ ...``), who *lead* each task below it; a
  sub-heading ``* Ủy ban MTTQ ...:`` changes the heading bodies;
* phrases in any task sentence of the body: ``phối hợp với A, B`` (A, B
  *cooperate*), ``Giao A ...`` / ``A chủ trì`` (*lead*), ``cơ quan thường
  trực (A)`` / ``Là cơ quan thường trực`` (*standing*), and a sentence whose
  subject is a body (``Trạm y tế phối hợp ...`` / ``Ban Chỉ đạo ... tổ chức
  kiểm tra``);
* tables with ``Đơn vị chủ trì`` / ``Đơn vị tham mưu`` (lead) and
  ``Đơn vị phối hợp`` (cooperate) columns, ``Thời gian thực hiện`` giving
  the deadline.

The preamble, the closing block (Nơi nhận, signature) and KIẾN NGHỊ sections
give no roles.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.extract.bodies import Body, bodies_in, learn_name, words_of
from vnplan.extract.deadlines import deadline_of, find_deadline
from vnplan.model import Deadline, Document, Metadata, Section, Span, Table, ancestors, section_at, walk
from vnplan.structure.lines import classify_all, get_paragraphs
from vnplan.text.normalise import key

_IMPLEMENTATION = {"to_chuc_thuc_hien"}
_NO_ROLES = {"kien_nghi", "phu_luc"}
_BULLET = regex.compile(r"[\s*+•·●▪◦\-–—]*(?:\d{1,2}[\.\)]\s*|[a-zđ]\)\s*)?")

_LIST_GAP = regex.compile(r"\s*(?:,|và|;)\s*")
_STANDING_BEFORE = regex.compile(r"[\s\-–(]*(?:là\s*)?")
_STANDING_AFTER = regex.compile(r"\s*(?:là|\(|:)\s*")


@dataclass
class RoleMention:
    body: Body
    role: str  # lead / cooperate
    task: str
    span: Span  # of the task
    deadline: Optional[Deadline] = None
    section_id: Optional[str] = None
    parts: Optional[list[Span]] = None  # fragments of a task cell continued over lines


@dataclass
class Found:
    roles: list[RoleMention] = field(default_factory=list)
    standing: list[Body] = field(default_factory=list)
    names: tuple[tuple[str, ...], ...] = ()  # full body names learned from item headings


# --------------------------------------------------------------------------
# Cues


def _alts(items: list[str]) -> str:
    return "|".join(key(x) for x in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _cues() -> dict[str, "regex.Pattern[str]"]:
    d = patterns.load("agencies")
    filler = _alts([regex.escape(x) for x in d["list_filler"]])
    return {
        "cooperate": regex.compile(rf"(?<!\p{{L}})(?:{_alts(d['cooperate_cues'])})(?!\p{{L}})", regex.V1),
        "lead": regex.compile(rf"(?<!\p{{L}})(?:{_alts(d['lead_cues'])})(?!\p{{L}})", regex.V1),
        "lead_after": regex.compile(rf"^\s{{0,2}}(?:{_alts(d['lead_after_cues'])})(?!\p{{L}})", regex.V1),
        "standing": regex.compile(rf"(?<!\p{{L}})(?:{_alts(d['standing_cues'])})(?!\p{{L}})", regex.V1),
        "standing_start": regex.compile(rf"^(?:{_alts(d['standing_task_start'])})(?!\p{{L}})", regex.V1),
        # at most 12 filler words, whatever the spaces and commas between them
        "filler": regex.compile(rf"^[\s,;&]*(?:(?:{filler})(?!\p{{L}})[\s,;&]*){{0,12}}$", regex.V1),
        "subject_coop": regex.compile(rf"^\s*(?:{_alts(d['subject_cooperate_verbs'])})(?!\p{{L}})", regex.V1),
        "item_closing": regex.compile(rf"\W{{0,3}}(?:{_alts(d.get('item_closing', []))})(?!\p{{L}})", regex.V1),
        "heading_lead": regex.compile(rf"\s*(?:{_alts(d['heading_lead_words'])})(?!\p{{L}})\s*", regex.V1),
    }


# --------------------------------------------------------------------------
# Helpers


def _bodies(ctx: "_Ctx", spans: list[Span]) -> list[Body]:
    return bodies_in(ctx.doc, spans, ctx.glossary, ctx.found.names)


def _listed_after(doc: Document, bodies: list[Body], pos: int, limit: int = 60) -> list[Body]:
    """Bodies listed right after offset ``pos``, separated only by filler words."""
    out, anchor = [], pos
    for b in bodies:
        if b.span.start < anchor:
            continue
        gap = doc.key[anchor:b.span.start]
        if len(gap) > limit or not _cues()["filler"].match(gap):
            break
        out.append(b)
        anchor = b.span.end
    return out


def _subject(doc: Document, bodies: list[Body], start: int) -> tuple[list[Body], int]:
    """Bodies opening a sentence at ``start`` (``A, B và C``) and where they end."""
    out, anchor = [], start
    for b in bodies:
        if b.span.start < anchor:
            continue
        gap = doc.key[anchor:b.span.start]
        if out and not _LIST_GAP.fullmatch(gap):
            break
        if not out and gap.strip(" *-+•–") and not _cues()["filler"].match(gap.strip(" *-+•–")):
            break  # a generic plural may open the list: "Các sở, ban, ngành; UBND các huyện"
        out.append(b)
        anchor = b.span.end
    return out, anchor


class _Ctx:
    def __init__(self, doc: Document, sections: list[Section], metadata: Metadata, glossary: dict[str, str]):
        self.doc, self.sections, self.metadata, self.glossary = doc, sections, metadata, glossary
        p = metadata.period
        self.year = p.end if p and p.end and p.start == p.end else (p.start if p and p.start else None)
        if self.year is None and metadata.date:
            self.year = metadata.date.year
        self.found = Found()
        self.starts = [ln.start for ln in doc.lines]
        self.table_spans: list[Span] = []

    def sid(self, offset: int) -> Optional[str]:
        s = section_at(self.sections, offset)
        return s.id if s else None

    def add(self, body: Body, role: str, task_span: Span, deadline: Optional[Deadline] = None,
            task: Optional[str] = None, parts: Optional[list[Span]] = None) -> None:
        text = task if task is not None else self.doc.text[task_span.start:task_span.end]
        self.found.roles.append(RoleMention(body, role, text, task_span, deadline, self.sid(task_span.start),
                                            parts))


# --------------------------------------------------------------------------
# Phrases in a task sentence


def _phrases(ctx: _Ctx, para: Span, heads: list[Body]) -> None:
    """Roles given by phrases inside paragraph ``para``."""
    doc, c = ctx.doc, _cues()
    bodies = _bodies(ctx, [para])
    if not bodies:
        return  # every rule below gives a role to a body of the paragraph
    k = doc.key[para.start:para.end]
    deadline = find_deadline(doc.text[para.start:para.end], ctx.year)
    for m in c["cooperate"].finditer(k):
        for b in _listed_after(doc, bodies, para.start + m.end()):
            ctx.add(b, "cooperate", para, deadline)
    for m in c["lead"].finditer(k):
        for b in _listed_after(doc, bodies, para.start + m.end(), limit=12):
            ctx.add(b, "lead", para, deadline)
    for b in bodies:
        if c["lead_after"].match(doc.key[b.span.end:para.end]):
            ctx.add(b, "lead", para, deadline)
    for m in c["standing"].finditer(k):
        pos = para.start + m.start()
        before = [b for b in bodies if b.span.end <= pos and _STANDING_BEFORE.fullmatch(doc.key, b.span.end, pos)]
        after = [b for b in bodies if b.span.start >= para.start + m.end()
                 and _STANDING_AFTER.fullmatch(doc.key, para.start + m.end(), b.span.start)]
        ctx.found.standing.extend(before[-1:] or after[:1])
    # A sentence whose subject is a body: "Trạm y tế phối hợp ...", "Ban Chỉ đạo ... tổ chức ...".
    start = _BULLET.match(doc.text, para.start, para.end).end()
    lead_in = c["heading_lead"].match(doc.key, start, para.end)
    start = lead_in.end() if lead_in else start
    subj, end = _subject(doc, bodies, start)
    if subj and not heads and not _states_aims(ctx, para.start):
        rest = doc.text[end:para.end]
        word = rest.lstrip(" ,\n\t")[:1]
        if word and (word.islower() or rest.lstrip().startswith(":")):
            role = "cooperate" if c["subject_coop"].match(doc.key[end:para.end].lstrip(" ,:")) else "lead"
            for b in subj:
                ctx.add(b, role, para, deadline)


def _states_aims(ctx: _Ctx, offset: int) -> bool:
    """True inside a section of aims, targets or facts (no tasks there)."""
    kinds = set(patterns.load("agencies")["no_subject_rule_kinds"])
    return any(s.kind in kinds for s in ancestors(ctx.sections, offset))


# --------------------------------------------------------------------------
# The implementation section


def _trim(doc: Document, lo: int, hi: int) -> Optional[Span]:
    text = doc.text[lo:hi]
    if not text.strip(" \t\r\n*"):
        return None
    # a markdown "**" closing a bold label ("**Sở Y tế:** Tham mưu ...") is no part of the task
    return Span(lo + len(text) - len(text.lstrip(" \t\r\n*")), lo + len(text.rstrip()))


_LABEL_TAIL = regex.compile(r"[\s,;.*]*(?:\([^()\n]{0,60}\)[\s,;.*]*)?(?:(?:và|các|những|có trách nhiệm|chịu trách nhiệm|thực hiện)(?!\p{L})[^:]{0,60})?$", regex.V1)


def _heads(ctx: _Ctx, span: Span) -> tuple[list[Body], Optional[Span], bool]:
    """Bodies heading an item or paragraph, its task and whether it is a label.

    ``Phòng Y tế`` / ``Sở Tài chính: Tham mưu ...`` / ``Đề nghị Ủy ban MTTQ
    và các đoàn thể`` are labels (their bodies lead the tasks below, and the
    text after the colon); ``Sở Y tế chủ trì, phối hợp ...`` is a sentence
    whose subject leads that one task.
    """
    doc, c = ctx.doc, _cues()
    lo = _BULLET.match(doc.text, span.start, span.end).end()
    lead = c["heading_lead"].match(doc.key, lo, span.end)
    lo = lead.end() if lead else lo
    text = doc.text[span.start:span.end]
    colon = text.find(":")
    hi = span.start + colon if colon >= 0 else span.end
    heads, end = _subject(doc, _bodies(ctx, [Span(lo, hi)]), lo)
    if not heads:
        return [], None, False
    if _LABEL_TAIL.fullmatch(doc.key, end, hi):
        return heads, (_trim(doc, hi + 1, span.end) if colon >= 0 else None), True
    rest = doc.text[end:span.end].lstrip(" ,\n\t")  # the task may go on after a page break
    if rest[:1].islower():  # "Sở Y tế chủ trì, phối hợp ...": the sentence is the task
        return heads, _trim(doc, span.start, span.end), False
    return [], None, False


def _paragraphs(ctx: _Ctx, infos, lo: int, hi: int) -> list[Span]:
    """Paragraphs within ``[lo, hi)``, table rows left out (tables are read by column)."""
    doc, starts = ctx.doc, ctx.starts
    a = bisect.bisect_right(starts, lo) - 1
    b = bisect.bisect_left(starts, hi)
    return [p for p in get_paragraphs(doc, infos, max(a, 0), b) if p.start >= lo and p.end <= hi
            and not any(p.start in t for t in ctx.table_spans)]


def _line_of(ctx: _Ctx, offset: int):
    return ctx.doc.lines[bisect.bisect_right(ctx.starts, offset) - 1]


@lru_cache(maxsize=1)
def _closing_re() -> "regex.Pattern[str]":
    return regex.compile(rf"(?:{_alts(patterns.load('layout')['closing_paragraph'])})", regex.V1)


def _closing_paragraph(doc: Document, para: Span) -> bool:
    return bool(_closing_re().match(doc.key, para.start, para.end))


_GENERIC_LABEL = regex.compile(r"\s*\*[^:]{0,80}:", regex.V1)
_HEAD_PAREN = regex.compile(r"\s*\(([^()]{1,120})\)", regex.V1)  # a note after a heading's bodies


def _item(ctx: _Ctx, infos, sec: Section, heads: list[Body]) -> None:
    """Tasks of one implementation item (recursively through its sub-items)."""
    doc = ctx.doc
    line = _line_of(ctx, sec.heading_span.start)
    head_span = Span(sec.heading_span.start, max(sec.heading_span.end, line.end))
    if doc.wrap_width:  # a heading's inline task hard-wrapped over the next lines
        i = bisect.bisect_right(ctx.starts, head_span.start) - 1
        first = get_paragraphs(doc, infos, i, min(i + 12, len(infos)))[:1]
        if first and first[0].start <= head_span.start < first[0].end:
            head_span = Span(head_span.start, max(head_span.end, min(first[0].end, sec.span.end)))
    own, inline, _label = _heads(ctx, head_span)
    if own:
        heads = own
        paren = _HEAD_PAREN.match(doc.key, own[-1].span.end, head_span.end)
        if paren and _cues()["standing"].search(paren.group(1)):
            ctx.found.standing.extend(own)  # "1. Công an huyện (Cơ quan Thường trực Ban Chỉ đạo huyện)"
    tasks: list[tuple[Span, list[Body], str]] = []
    if inline and own:
        tasks.append((inline, own, "lead"))
    elif not own and heads:
        tasks.append((head_span, heads, "lead"))  # a sub-item's title is a task of its parent's bodies
    child_spans = [ch.span for ch in sec.children]
    current = heads
    closed = False
    for para in _paragraphs(ctx, infos, head_span.end, sec.span.end):
        if closed or _closing_paragraph(doc, para) or _cues()["item_closing"].match(doc.key, para.start, para.end):
            closed = True  # "Trên đây là Kế hoạch ...", a glossary: the last item is over
            continue
        if any(para.start in cs for cs in child_spans):
            continue
        sub, task, label = _heads(ctx, para)
        text = doc.text[para.start:para.end]
        if sub and label:  # "* Ủy ban MTTQ và các ngành, đoàn thể quận:" — new heading bodies
            current = sub
            if task:
                tasks.append((task, current, "lead"))
        elif sub:  # "- Trung tâm Y tế phối hợp ..." — a sentence with its own subject
            role = "cooperate" if _cues()["subject_coop"].match(doc.key[sub[-1].span.end:para.end].lstrip(" ,:")) \
                else "lead"
            tasks.append((task, sub, role))
        elif (m := _GENERIC_LABEL.match(text)) is not None:
            current = []  # "* Các phòng, ban khác của quận: ..." — a generic plural, no body
            if (rest := _trim(doc, para.start + m.end(), para.end)) is not None:
                tasks.append((rest, current, "lead"))
        else:
            tasks.append((para, current, "lead"))
    for span, bodies, role in tasks:
        deadline = find_deadline(doc.text[span.start:span.end], ctx.year)
        for b in bodies:
            ctx.add(b, role, span, deadline)
        k = doc.key[span.start:span.end].lstrip(" -+*•–")
        if _cues()["standing_start"].match(k):
            ctx.found.standing.extend(bodies)
        _phrases(ctx, span, bodies)
    for ch in sec.children:
        _item(ctx, infos, ch, heads)


# --------------------------------------------------------------------------
# Tables


@lru_cache(maxsize=1)
def _column_res() -> dict[str, "regex.Pattern[str]"]:
    cols = patterns.load("agencies")["columns"]
    return {role: regex.compile(rf"(?<!\p{{L}})(?:{_alts(phrases)})(?!\p{{L}})", regex.V1)
            for role, phrases in cols.items()}


def _column_role(header: str) -> Optional[str]:
    k = " ".join(key(header).split())
    res = _column_res()
    for role in ("deadline", "task"):
        m = res[role].match(k)
        if m:
            return role
    if res["lead"].search(k):
        return "lead"
    if res["cooperate"].search(k):
        return "cooperate"
    return None


def column_roles(table: Table) -> dict[str, int]:
    """Column index of ``lead``, ``cooperate``, ``deadline`` and ``task`` in a table's header."""
    found: dict[str, int] = {}
    if not table.header_rows:
        return found
    width = max(len(r.cells) for r in table.header)
    for col in range(width):
        texts = [r.cells[col].text for r in table.header if col < len(r.cells) and r.cells[col].text]
        # the most specific header row first ("Chủ trì" under a merged "Đơn vị thực hiện")
        for text in texts[::-1] + [" ".join(texts)]:
            role = _column_role(text)
            if role:
                found.setdefault(role, col)
                break
    return found


def _cell_bodies(ctx: _Ctx, cell) -> list[Body]:
    return _bodies(ctx, cell.parts or [cell.span]) if cell.text else []


def _tables(ctx: _Ctx, tables: list[Table]) -> None:
    for t in tables:
        cols = column_roles(t)
        if "lead" not in cols and "cooperate" not in cols:
            continue
        for row in t.body:
            cells = row.cells
            task_cell = cells[cols["task"]] if "task" in cols and cols["task"] < len(cells) else None
            dl_cell = cells[cols["deadline"]] if "deadline" in cols and cols["deadline"] < len(cells) else None
            deadline = deadline_of(dl_cell.text, ctx.year) if dl_cell is not None else None
            span = task_cell.span if task_cell is not None and task_cell.text else row.span
            task = task_cell.text if task_cell is not None and task_cell.text else ctx.doc.text[span.start:span.end]
            # a task cell continued over lines: its fragments, not the neighbouring cells its span covers
            parts = list(task_cell.parts) if task_cell is not None and task_cell.text and len(task_cell.parts) > 1 \
                else None
            for role in ("lead", "cooperate"):
                if role in cols and cols[role] < len(cells):
                    for b in _cell_bodies(ctx, cells[cols[role]]):
                        ctx.add(b, role, span, deadline, task=task, parts=parts)


# --------------------------------------------------------------------------


def _learn_names(ctx: _Ctx, impl: list[Section], tables: list[Table] = ()) -> tuple[tuple[str, ...], ...]:
    """Full names of bodies heading implementation items (see :func:`learn_name`)
    and listed in task-table cells."""
    doc, names = ctx.doc, set()
    for sec in impl:
        for item in walk(sec.children):
            line = _line_of(ctx, item.heading_span.start)
            lo = _BULLET.match(doc.text, item.heading_span.start, line.end).end()
            lead = _cues()["heading_lead"].match(doc.key, lo, line.end)
            lo = lead.end() if lead else lo
            colon = doc.text.find(":", lo, line.end)
            hi = colon if colon >= 0 else line.end
            while hi > lo and doc.text[hi - 1] in " .;":
                hi -= 1
            words = words_of(doc, [Span(lo, hi)], ctx.glossary)
            name = learn_name(doc, words) if words else None
            if name:
                names.add(name)
    names |= _learn_cell_names(ctx, tables)
    return tuple(sorted(names, key=len, reverse=True))


_CELL_SEP = regex.compile(r"[,;\n]")


def _learn_cell_names(ctx: _Ctx, tables: list[Table]) -> set[tuple[str, ...]]:
    """Full names from the lead / cooperating cells of task tables: such a cell lists
    bodies only, so lower-case words after a body up to the next comma complete its name
    (``Trung tâm Quản lý bảo tồn di sản văn hóa``)."""
    doc, out = ctx.doc, set()
    for t in tables:
        cols = column_roles(t)
        for row in t.body:
            for role in ("lead", "cooperate"):
                if role not in cols or cols[role] >= len(row.cells):
                    continue
                cell = row.cells[cols[role]]
                lo = cell.span.start
                for m in _CELL_SEP.finditer(doc.text + "\n", cell.span.start, cell.span.end + 1):
                    hi = min(m.start(), cell.span.end)
                    words = words_of(doc, [Span(lo, hi)], ctx.glossary) if hi > lo else []
                    name = learn_name(doc, words, max_tail=10) if words else None  # the cell is the name
                    if name:
                        out.add(name)
                    lo = m.end()
                    if lo >= cell.span.end:
                        break
    return out


def get_role_mentions(doc: Document, sections: list[Section], tables: list[Table],
                      metadata: Metadata, glossary: dict[str, str]) -> Found:
    """Every role-bearing mention of a body, in the order the rules find them."""
    ctx = _Ctx(doc, sections, metadata, glossary)
    ctx.table_spans = [t.span for t in tables]
    infos = classify_all(doc)
    body = metadata.layout.body if metadata.layout and metadata.layout.body else Span(0, len(doc.text))
    closing = metadata.layout.closing if metadata.layout else None
    skip: list[Span] = [s.span for s in walk(sections) if s.kind in _NO_ROLES]
    if closing:
        skip.append(closing)
    impl = [s for s in walk(sections) if s.kind in _IMPLEMENTATION
            and not any(s.span.start in a.span and a is not s for a in walk(sections) if a.kind in _IMPLEMENTATION)]
    ctx.found.names = _learn_names(ctx, impl, tables)
    for sec in impl:
        for para in _paragraphs(ctx, infos, sec.heading_span.end, sec.span.end):
            if any(para.start in ch.span for ch in sec.children):
                continue
            heads, inline, _label = _heads(ctx, para)
            if heads and inline:
                for b in heads:
                    ctx.add(b, "lead", inline, find_deadline(doc.text[inline.start:inline.end], ctx.year))
                _phrases(ctx, inline, heads)
            else:
                _phrases(ctx, para, [])
        for ch in sec.children:
            _item(ctx, infos, ch, [])
    impl_spans = [s.span for s in impl]
    for para in _paragraphs(ctx, infos, body.start, body.end):
        if any(para.start in s for s in impl_spans) or any(para.start in s for s in skip):
            continue
        _phrases(ctx, para, [])
    _tables(ctx, tables)
    return ctx.found
