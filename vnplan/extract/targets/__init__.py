"""Numeric targets: indicator, comparator, value, unit, direction and year.

A small grammar over each sentence of the body (table lines and headings
excepted):

1. find every number, drop the ones inside trap phrases (citations, dates,
   population qualifiers, per-N denominators, money, ...: ``patterns/traps.yaml``);
2. read each remaining number as a quantity: comparator symbol or cue word
   before it, range or ``X/Y`` fraction, unit after it (``patterns/units.yaml``);
3. cut the sentence into clauses (``;``, then ``,`` / `` và `` between values);
4. the indicator is the clause minus cue, value and unit; an elided indicator
   (``...; tử vong trẻ dưới 1 tuổi còn 14,5‰``) borrows the head of the
   sentence's first clause; direction and year come from cue words, the
   enclosing headings and the plan year.

Outside MỤC TIÊU / CHỈ TIÊU sections a number is a target only when it is a
rate (``%``, ``‰``, ``X/Y``, ``/vạn dân``), carries a comparator, or follows
an achievement cue (``đạt``, ``phấn đấu``): bare counts there are activities.
Results sections (THỰC TRẠNG, KẾT QUẢ ...), KINH PHÍ sections and sentences
stating a current figure (``Hiện nay ...``) give no targets; appendix
captions and the closing block are skipped; a sentence broken by a page
break is read whole.
Tables of targets (one row per ward, or one row per indicator) are read by
:func:`table_targets`.

Modules: ``vocab`` (compiled vocabulary), ``values`` (numbers read as
quantities), ``clauses`` (clause cutting, indicator, direction, elision),
``years`` (horizon and plan years), ``sections`` (which sections hold
targets), ``text`` (running text), ``tables`` (tables of targets), ``concepts``
(a stable code per kind of indicator, ``patterns/indicators.yaml``).
"""
from __future__ import annotations

from vnplan.model import Document, Metadata, Section, Table, Target
from vnplan.extract.targets.concepts import concept_of, concepts, label_of
from vnplan.extract.targets.tables import table_targets
from vnplan.extract.targets.text import sentence_targets, text_targets
from vnplan.extract.targets.vocab import vocab
from vnplan.extract.targets.years import earliest_year, find_year, horizon_years, plan_year

__all__ = [
    "get_targets", "sentence_targets", "text_targets", "table_targets",
    "plan_year", "earliest_year", "find_year", "horizon_years", "vocab",
    "concept_of", "concepts", "label_of",
]


def get_targets(doc: Document, sections: list[Section], tables: list[Table], metadata: Metadata) -> list[Target]:
    """Every numeric target of the plan, in document order, ids ``T001``..."""
    found = text_targets(doc, sections, metadata) + table_targets(doc, tables or [], sections, metadata)
    found.sort(key=lambda t: (t.value_span or t.span, t.span))
    for i, t in enumerate(found, 1):
        t.id = f"T{i:03d}"
        t.concept = concept_of(t.indicator, t.unit)
    return found
