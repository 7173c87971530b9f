"""vnplan -> spaCy: a plan as a ``spacy.blank("vi")`` Doc with its facts as span groups.

>>> from vnplan.spacy_bridge import to_spacy            # doctest: +SKIP
>>> doc = to_spacy(vnplan.parse("corpus/long-bien-2021-y-te.txt"))
>>> [(s.label_, s.id_) for s in doc.spans["targets"]][:1]
[('TARGET', 'T001')]

Span groups: ``sections`` (label = section kind, id = section id such as ``II.2``),
``headings``, ``targets``, ``budget``, ``agencies`` (every mention; label = agency id),
``assignments`` (label = role) and ``legal_bases``. ``doc.text == plan.text``; character spans
are widened to whole tokens (the Vietnamese blank tokenizer splits on white space).
``doc.user_data["vnplan"]`` holds the source, metadata and the plain items by id.
spaCy is imported only when this module is used (``import vnplan`` stays light).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Optional

from vnplan.model import Plan, Span, to_plain, walk


@lru_cache(maxsize=1)
def blank_vi():
    """``spacy.blank("vi")`` with the plain white-space tokenizer (no pyvi needed)."""
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def _group(doc, items: Iterable[tuple[Span, str, str]]) -> list:
    out = []
    for span, label, ident in items:
        if span is None or span.end <= span.start:
            continue
        s = doc.char_span(span.start, span.end, label=label, alignment_mode="expand")
        if s is None:
            continue
        s.id_ = ident
        out.append(s)
    return out


def to_spacy(plan: Plan, nlp: Optional[Any] = None):
    """The plan's text as a spaCy Doc with sections, targets, agencies, ... as span groups."""
    nlp = nlp or blank_vi()
    doc = nlp.make_doc(plan.text)
    sections = list(walk(plan.sections))
    doc.spans["sections"] = _group(doc, ((s.span, s.kind or "section", s.id) for s in sections))
    doc.spans["headings"] = _group(doc, ((s.heading_span, s.kind or "section", s.id) for s in sections))
    doc.spans["targets"] = _group(doc, ((t.span, "TARGET", t.id) for t in plan.targets))
    doc.spans["budget"] = _group(doc, ((b.span, "BUDGET", b.id) for b in plan.budget))
    doc.spans["agencies"] = _group(doc, ((m, a.id, a.id) for a in plan.agencies for m in a.mentions))
    doc.spans["assignments"] = _group(doc, ((a.span, a.role, a.id) for a in plan.assignments))
    doc.spans["legal_bases"] = _group(doc, ((b.span, b.type, b.number or "") for b in plan.metadata.legal_bases))
    doc.user_data["vnplan"] = {
        "source": to_plain(plan.source),
        "metadata": to_plain(plan.metadata),
        "targets": {t.id: to_plain(t) for t in plan.targets},
        "agencies": {a.id: to_plain(a) for a in plan.agencies},
    }
    return doc
