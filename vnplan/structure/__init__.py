"""Structure stage: header metadata, layout regions and the section tree.

``get_structure(doc)`` finds, in order: the body (first section heading), the
closing block (Nơi nhận / TM. / KT.), the appendix (PHỤ LỤC, Biểu 1 ...) and
web-page debris; then reads the header, the preamble's legal bases, the
recipients and signer, and builds the section tree of the body and appendix.

Warnings: ``debris_dropped`` (web-page debris after the signature, appendix
or body, left out of every section; span = the debris) and
``no_plan_structure`` (no numbered headings, or neither a document type nor
any known section kind: e.g. a news paragraph; the text is still returned).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from vnplan.model import Document, Layout, Metadata, Section, Table, Warning
from vnplan.structure import layout as lay
from vnplan.structure.closing import get_closing
from vnplan.structure.header import get_header, issuer_from_preamble
from vnplan.structure.issuer import ends_with_admin_unit
from vnplan.structure.lines import LineInfo, classify_all
from vnplan.structure.period import get_period
from vnplan.structure.sections import BODY_MARKERS, build_sections
from vnplan.structure.tables import get_tables

_APPENDIX = frozenset({"appendix"})


@dataclass
class Structure:
    metadata: Metadata
    sections: list[Section]
    infos: list[LineInfo]
    tables: list[Table] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def _first(infos: list[LineInfo], markers: set[str], lo: int = 0, hi: Optional[int] = None) -> Optional[int]:
    for info in infos[lo:hi]:
        if info.kind == "heading" and info.marker in markers:
            return info.line.index
    return None


def find_body_start(infos: list[LineInfo]) -> Optional[int]:
    """Line of the first top-level heading (Phần / A. / I.), else of the first ``1.``."""
    first = _first(infos, {"part", "upper", "roman"})
    if first is None:
        return _first(infos, {"arabic", "decimal", "paren"})
    # A numbered preamble list ("1. Luật ...") before "I." does not count.
    return first


@dataclass
class Regions:
    body_start: Optional[int]
    body_end: int
    closing: Optional[int]
    appendix: Optional[int]
    debris: list[tuple[int, int]]


def find_regions(doc: Document, infos: list[LineInfo]) -> Regions:
    n = len(infos)
    body_start = find_body_start(infos)
    lo = body_start or 0
    closing = lay.find_closing(doc, infos, lo) if body_start is not None else None
    if closing is not None:
        appendix = lay.find_appendix(doc, infos, closing, n, strong_only=False)
        debris_from = closing
    else:
        appendix = lay.find_appendix(doc, infos, lo + 1, n, strong_only=True) if body_start is not None else None
        tail = lay.last_closing_paragraph(doc, infos, lo, appendix or n)
        debris_from = tail if tail is not None else lo
    debris = lay.find_debris(doc, infos, debris_from)
    if appendix is not None:
        debris = [d for d in debris if d[0] > appendix or d[1] <= appendix]
    ends = [x for x in (closing, appendix, debris[0][0] if debris else None) if x is not None]
    body_end = min(ends) if ends else n
    return Regions(body_start, body_end, closing, appendix, debris)


def _appendix_regions(appendix: int, n: int, debris: list[tuple[int, int]]) -> list[tuple[int, int, frozenset]]:
    out, lo = [], appendix
    for a, b in debris:
        if a < appendix:
            continue
        if a > lo:
            out.append((lo, a, _APPENDIX))
        lo = b
    if lo < n:
        out.append((lo, n, _APPENDIX))
    return out


def get_structure(doc: Document) -> Structure:
    """Metadata, section tree, tables and warnings of a document."""
    from vnplan.extract.citations import get_legal_bases

    infos = classify_all(doc)
    n = len(infos)
    r = find_regions(doc, infos)
    header = get_header(doc, infos, r.body_start if r.body_start is not None else n)

    regions = []
    if r.body_start is not None:
        regions.append((r.body_start, r.body_end, BODY_MARKERS))
    if r.appendix is not None:
        regions.extend(_appendix_regions(r.appendix, n, r.debris))
    sections = build_sections(doc, infos, regions)

    pre_lo = header.title_end_line if header.title_end_line is not None else 0
    pre_hi = r.body_start if r.body_start is not None else pre_lo
    closing_end = _closing_end(r, n)
    layout = _layout(doc, r, header.title_end_line, pre_lo, pre_hi, closing_end, sections)
    if header.preamble_start is not None and layout.header and layout.header.end > header.preamble_start:
        # the title's last line runs into the preamble: the header ends and the preamble opens there
        end = layout.preamble.end if layout.preamble else layout.header.end
        layout.header = lay.trimmed(doc, layout.header.start, header.preamble_start)
        layout.preamble = lay.trimmed(doc, header.preamble_start, end)

    meta = Metadata(doc_type=header.doc_type, number=header.number, symbol=header.symbol,
                    place=header.place, date=header.date, title=header.title, layout=layout)
    meta.period = get_period(header.title, header.date)
    meta.legal_bases = get_legal_bases(doc, layout.preamble)
    if r.closing is not None:
        meta.recipients, meta.signer = get_closing(doc, infos, r.closing, closing_end)
    meta.issuer = header.issuer or _fallback_issuer(doc, infos, pre_lo, pre_hi, meta)
    warnings = _warnings(doc, r, header.doc_type, sections)
    return Structure(meta, sections, infos, tables=get_tables(doc, sections, infos), warnings=warnings)


def _closing_end(r: Regions, n: int) -> int:
    """Line after the closing block: the appendix, web debris or the end."""
    if r.closing is None:
        return n
    after = [x for x in (r.appendix, r.debris[0][0] if r.debris else None) if x is not None and x > r.closing]
    return min(after, default=n)


def _layout(doc: Document, r: Regions, title_end: Optional[int], pre_lo: int, pre_hi: int,
            closing_end: int, sections: list[Section]) -> Layout:
    appendix_end = max((s.span.end for s in sections if s.kind == "phu_luc"), default=None)
    return Layout(
        header=lay.line_span(doc, 0, title_end) if title_end is not None else None,
        preamble=lay.line_span(doc, pre_lo, pre_hi),
        body=lay.line_span(doc, r.body_start, r.body_end) if r.body_start is not None else None,
        closing=lay.line_span(doc, r.closing, closing_end) if r.closing is not None else None,
        appendix=lay.trimmed(doc, doc.lines[r.appendix].start, appendix_end)
        if r.appendix is not None and appendix_end else None,
    )


def _warnings(doc: Document, r: Regions, doc_type: Optional[str], sections: list[Section]) -> list[Warning]:
    out = []
    for a, b in r.debris:
        where = ("appendix" if r.appendix is not None and a > r.appendix
                 else "signature" if r.closing is not None else "body")
        out.append(Warning("debris_dropped",
                           f"web-page debris after the {where} left out of the sections (lines {a + 1}-{b})",
                           lay.line_span(doc, a, b)))
    if not sections or (doc_type is None and all(s.kind == "other" for s in sections)):
        what = "no numbered section headings" if not sections else "no document type and no known section headings"
        out.append(Warning("no_plan_structure", f"text has no plan structure ({what})"))
    return out


def _fallback_issuer(doc: Document, infos: list[LineInfo], lo: int, hi: int, meta: Metadata) -> Optional[str]:
    """Issuer when the header block is missing: preamble sentence, then signature."""
    found = issuer_from_preamble(doc, infos, lo, hi, meta.place)
    if found:
        return found
    body = meta.signer.on_behalf
    if not body:
        return None
    unit = _unit_of_place(doc, meta.place, meta.title)
    return f"{body} {unit}" if unit and not ends_with_admin_unit(body) else body


def _unit_of_place(doc: Document, place: Optional[str], title: Optional[str]) -> Optional[str]:
    """``quận Long Biên`` when the title names the date line's place with its unit."""
    import regex

    from vnplan import patterns
    from vnplan.text.normalise import key

    if not place or not title:
        return None
    units = "|".join(key(u) for u in patterns.load("issuers")["admin_units"])
    m = regex.search(rf"(?<!\p{{L}})({units})\s+{regex.escape(key(place))}(?!\p{{L}})", key(title))
    return title[m.start():m.end()] if m else None
