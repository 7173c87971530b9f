"""Structure stage: header metadata, layout regions and the section tree."""
from __future__ import annotations

from dataclasses import dataclass, field

from vnplan.model import Document, Layout, Metadata, Section, Span, Table, Warning
from vnplan.structure.header import get_metadata
from vnplan.structure.lines import LineInfo, classify_all
from vnplan.structure.sections import build_sections, find_closing


@dataclass
class Structure:
    metadata: Metadata
    sections: list[Section]
    infos: list[LineInfo]
    tables: list[Table] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def _first(infos: list[LineInfo], markers: set[str], lo: int = 0):
    for info in infos[lo:]:
        if info.kind == "heading" and info.marker in markers:
            return info.line.index
    return None


def get_structure(doc: Document) -> Structure:
    infos = classify_all(doc)
    n = len(infos)
    body_start = _first(infos, {"part", "roman"})
    if body_start is None:
        body_start = _first(infos, {"arabic", "decimal"})
    warnings: list[Warning] = []
    if body_start is None:
        meta, _ = get_metadata(doc, infos, n)
        warnings.append(Warning("no_sections", "no numbered section headings found"))
        return Structure(meta, [], infos, warnings=warnings)
    meta, title_end = get_metadata(doc, infos, body_start)
    closing = find_closing(doc, infos, body_start)
    appendix = _first(infos, {"appendix"}, closing) if closing is not None else None
    body_end = closing if closing is not None else n
    sections = build_sections(doc, infos, body_start, body_end, appendix)
    lines = doc.lines
    meta.layout = Layout(
        header=Span(0, lines[title_end - 1].end) if title_end else None,
        preamble=Span(lines[title_end].start, lines[body_start].start) if title_end else None,
        body=Span(lines[body_start].start, sections[-1].span.end if sections else lines[body_end - 1].end),
        closing=Span(lines[closing].start, lines[(appendix or n) - 1].end) if closing is not None else None,
        appendix=Span(lines[appendix].start, len(doc.text)) if appendix is not None else None,
    )
    return Structure(meta, sections, infos, warnings=warnings)
