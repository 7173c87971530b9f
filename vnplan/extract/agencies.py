"""Responsible agencies and their assignments.

``get_agencies`` runs the role rules of :mod:`vnplan.extract.assignments`,
then resolves the mentions to agencies: variant spellings (``Uỷ``/``Ủy``,
``Tài chính- Kế hoạch``/``Tài chính - Kế hoạch``), abbreviations
(``TTYT quận``/``Trung tâm Y tế quận``) and the plan's own level
(``TTYT``/``TTYT quận`` in a district plan) resolve to one agency whose
``aliases`` keep every surface form. Ids are ``A01``... by first mention and
assignments ``AS001``... in text order.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.extract.assignments import RoleMention, get_role_mentions
from vnplan.extract.bodies import Body, bodies_in, find_bodies, vocab, words_of
from vnplan.model import Agency, Assignment, Document, Metadata, Section, Span, Table
from vnplan.text.normalise import key

_DASH = regex.compile(r"\s*[-–—]\s*")
_AMPERSAND = regex.compile(r"\s*&\s*")
_COMMA = regex.compile(r"\s*,\s*")
_PLURAL_LEAD = regex.compile(r"^(?:các|những) ")

_GLOSSARY_HEAD = regex.compile(r"(?:ghi chú|giải thích)?\s*(?:các )?(?:chữ|từ) viết tắt\s*:?", regex.V1)
_GLOSSARY_LINE = regex.compile(r"^\s*[-+*•]?\s*([\p{Lu}][\p{Lu}\p{Ll}\d&\-/ ]{0,14}?)\s*[:=–]\s*(\S.{2,120}?)[\.;]?\s*$",
                               regex.V1 | regex.M)
_PAREN_ABBR = regex.compile(r"\((\p{Lu}[\p{Lu}&\-]{1,9})\)", regex.V1)


def get_glossary(doc: Document) -> dict[str, str]:
    """Abbreviations the plan defines: a ``Ghi chú chữ viết tắt`` list, and
    ``an toàn thực phẩm (ATTP)`` expansions at first use (initials must agree)."""
    out: dict[str, str] = {}
    for head in _GLOSSARY_HEAD.finditer(doc.key):
        if not doc.key[head.start():head.end()].strip():
            continue
        block = doc.text[head.end():head.end() + 2000]
        for m in _GLOSSARY_LINE.finditer(block):
            out.setdefault(m.group(1).strip(), m.group(2).strip())
    for m in _PAREN_ABBR.finditer(doc.text):
        abbr = m.group(1)
        letters = [ch for ch in abbr if ch.isalpha()]
        before = doc.text[max(0, m.start() - 120):m.start()].split()
        if len(before) < len(letters):
            continue
        cand = before[-len(letters):]
        if all(key(w)[:1] == key(ch) for w, ch in zip(cand, letters)):
            out.setdefault(abbr, " ".join(cand))
        elif abbr not in out and abbr not in vocab().abbreviations:
            # a foreign acronym after a body: "Trung tâm Kiểm soát bệnh tật (CDC)"
            line_start = doc.text.rfind("\n", 0, m.start()) + 1
            bodies = find_bodies(doc, words_of(doc, [Span(max(line_start, m.start() - 160), m.start())]))
            if bodies and not doc.text[bodies[-1].span.end:m.start()].strip():
                out[abbr] = bodies[-1].name
    return out


def _own_level(metadata: Metadata) -> tuple[Optional[str], Optional[str]]:
    """The issuer's level and place: ``("quận", "long biên")`` for UBND quận Long Biên."""
    if not metadata.issuer:
        return None, None
    levels = patterns.load("agencies")["levels"]
    alts = "|".join(sorted((key(x) for x in levels), key=len, reverse=True))
    m = regex.search(rf"(?<!\p{{L}})({alts})(?:\s+(\S.*))?$", key(metadata.issuer).strip())
    if not m:
        return None, None
    return m.group(1), (m.group(2) or "").strip() or None


@lru_cache(maxsize=8192)  # pure; the same names recur hundreds of times per plan
def identity(name: str, own: tuple[Optional[str], Optional[str]]) -> str:
    """Key under which variant names of one agency meet."""
    k = key(name)
    k = _DASH.sub(" - ", k)
    k = _AMPERSAND.sub(" và ", k)
    k = _COMMA.sub(", ", k)
    k = " ".join(k.split())
    k = _PLURAL_LEAD.sub("", k)
    level, place = own
    if level:
        tail = rf"(?: (?:ở|của))? {regex.escape(level)}(?: {regex.escape(place)})?$" if place \
            else rf"(?: (?:ở|của))? {regex.escape(level)}$"
        stripped = regex.sub(tail, "", k)
        if stripped and stripped != k and " " in stripped or stripped in ("công an",):
            k = stripped
    return k


def _all_mentions(doc: Document, metadata: Metadata, glossary: dict[str, str],
                  names: tuple[tuple[str, ...], ...]) -> list[Body]:
    """Every body named in the body and the appendix (not the preamble or closing)."""
    lay = metadata.layout
    regions = [r for r in (lay.body, lay.appendix) if r is not None] if lay else []
    return [b for r in regions for b in bodies_in(doc, [r], glossary, names)]


def _canonical(bodies: list[Body]) -> str:
    """Full (non-abbreviated) form if any, preferring one with a level; else the expansion."""
    def score(b: Body) -> tuple:
        shouting = b.surface.isupper() and len(b.surface) > 4  # "SỞ Y TẾ" in a capitalised heading
        return (b.abbreviated, shouting, -len(b.name), -sum(ch.isupper() for ch in b.surface), b.span.start)
    name = min(bodies, key=score).name
    return name[:1].upper() + name[1:]


def get_agencies(doc: Document, sections: list[Section], tables: list[Table],
                 metadata: Metadata) -> tuple[list[Agency], list[Assignment]]:
    """Agencies given a role in the plan, and one assignment per task and role."""
    glossary = get_glossary(doc)
    found = get_role_mentions(doc, sections, tables, metadata, glossary)
    own = _own_level(metadata)
    groups: dict[str, list[Body]] = defaultdict(list)
    roles: dict[str, set[str]] = defaultdict(set)
    standing: set[str] = set()
    for rm in found.roles:
        kid = identity(rm.body.name, own)
        groups[kid].append(rm.body)
        roles[kid].add(rm.role)
    for b in found.standing:
        kid = identity(b.name, own)
        groups[kid].append(b)
        standing.add(kid)
    for b in _all_mentions(doc, metadata, glossary, found.names):
        kid = identity(b.name, own)
        if kid in groups:
            groups[kid].append(b)
    order = sorted(groups, key=lambda k: (min(b.span.start for b in groups[k]), k))
    ids = {k: f"A{i:02d}" for i, k in enumerate(order, start=1)}
    agencies = []
    for k in order:
        bodies = groups[k]
        aliases, seen = [], set()
        for b in sorted(bodies, key=lambda b: b.span.start):
            if b.surface not in seen:
                seen.add(b.surface)
                aliases.append(b.surface)
        parts = {b.span: mention_parts(doc, b) for b in bodies}
        mentions = sorted(parts)
        agencies.append(Agency(ids[k], _canonical(bodies), aliases, sorted(roles[k]), k in standing, mentions,
                               [parts[m] for m in mentions], [doc.page_at(m.start) for m in mentions]))
    assignments = _assignments(doc, found.roles, ids, own)
    return agencies, assignments


def _assignments(doc: Document, mentions: list[RoleMention], ids: dict[str, str], own) -> list[Assignment]:
    seen: dict[tuple, RoleMention] = {}
    for rm in mentions:
        aid = ids[identity(rm.body.name, own)]
        k = (aid, rm.role, rm.span)
        if k not in seen:
            seen[k] = rm
    rows = sorted(seen.items(), key=lambda kv: (kv[0][2].start, kv[0][2].end, kv[0][1] != "lead", kv[0][0]))
    out = []
    for i, ((aid, role, span), rm) in enumerate(rows, start=1):
        out.append(Assignment(f"AS{i:03d}", aid, role, rm.task, span, rm.deadline, rm.section_id,
                              doc.page_at(span.start), rm.parts))
    return out


def mention_parts(doc: Document, body: Body) -> Optional[list[Span]]:
    """None when the body's span is its name as printed; else the spans of the pieces of
    a name printed over two lines of a table cell (the text between them is other cells)."""
    text = doc.text
    if "\t" not in text[body.span.start:body.span.end] and "\n" not in text[body.span.start:body.span.end]:
        return None
    runs: list[list[int]] = []
    for w in body.words:
        if w.brk:
            continue
        if runs and (w.start < runs[-1][1] or not _CELL_GAP.search(text, runs[-1][1], w.start)):
            runs[-1][1] = max(runs[-1][1], w.end)  # same piece (an abbreviation's expansion shares its token)
        else:
            runs.append([w.start, w.end])
    return [Span(a, b) for a, b in runs] if len(runs) > 1 else None


_CELL_GAP = regex.compile(r"[\t\n]")
