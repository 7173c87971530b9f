"""Numeric targets (stub)."""
from __future__ import annotations

from vnplan.model import Document, Metadata, Section, Table, Target


def get_targets(doc: Document, sections: list[Section], tables: list[Table], metadata: Metadata) -> list[Target]:
    return []
