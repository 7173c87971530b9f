"""Responsible agencies and assignments (stub)."""
from __future__ import annotations

from vnplan.model import Agency, Assignment, Document, Metadata, Section, Table


def get_agencies(doc: Document, sections: list[Section], tables: list[Table],
                 metadata: Metadata) -> tuple[list[Agency], list[Assignment]]:
    return [], []
