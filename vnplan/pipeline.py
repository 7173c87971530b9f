"""Document -> Plan: the structure stage, then each extractor in turn."""
from __future__ import annotations

from vnplan.model import Document, Plan
from vnplan.structure import get_structure
from vnplan.extract.targets import get_targets
from vnplan.extract.budget import get_budget
from vnplan.extract.agencies import get_agencies


def build_plan(doc: Document) -> Plan:
    st = get_structure(doc)
    targets = get_targets(doc, st.sections, st.tables, st.metadata)
    budget = get_budget(doc, st.sections)
    agencies, assignments = get_agencies(doc, st.sections, st.tables, st.metadata)
    return Plan(
        source=doc.source,
        metadata=st.metadata,
        sections=st.sections,
        text=doc.text,
        targets=targets,
        agencies=agencies,
        assignments=assignments,
        budget=budget,
        warnings=doc.warnings + st.warnings,
        tables=st.tables,
    )
