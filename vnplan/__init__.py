"""vnplan: Vietnamese government plans (Kế hoạch) to structured, grounded JSON.

>>> import vnplan
>>> plan = vnplan.parse("corpus/long-bien-2021-y-te.txt")
>>> plan.metadata.number
'460/KH-UBND'
"""
from __future__ import annotations

import os
from typing import Optional

from vnplan.errors import VnplanError
from vnplan.model import Plan

__version__ = "0.1.0"
__all__ = ["parse", "parse_text", "parse_bytes", "Plan", "VnplanError", "__version__"]


def parse(path: str | os.PathLike, *, max_bytes: Optional[int] = None, strict: bool = False) -> Plan:
    """Parse a plan file (.txt, .pdf, .docx, .html, .doc) into a :class:`Plan`.

    A text without plan structure (a news article, a novel chapter) gives a plan with
    a ``no_plan_structure`` warning and nothing invented; ``strict=True`` raises
    :class:`~vnplan.errors.NotAPlanError` instead.
    """
    from vnplan.pipeline import build_plan
    from vnplan.readers import read_path

    return _checked(build_plan(read_path(path, max_bytes=max_bytes or None)), strict)


def parse_bytes(data: bytes, name: Optional[str] = None, *, strict: bool = False) -> Plan:
    """Parse the raw bytes of a plan file; ``name`` labels errors and ``source.path``."""
    from vnplan.pipeline import build_plan
    from vnplan.readers import read_bytes

    return _checked(build_plan(read_bytes(data, name)), strict)


def parse_text(text: str, name: Optional[str] = None, *, strict: bool = False) -> Plan:
    """Parse plan text already decoded to ``str``."""
    from vnplan.pipeline import build_plan
    from vnplan.readers import read_bytes

    return _checked(build_plan(read_bytes(text.encode("utf-8"), name)), strict)


def _checked(plan: Plan, strict: bool) -> Plan:
    """``plan``, or NotAPlanError under ``strict`` when it has no plan structure."""
    if strict:
        found = next((w for w in plan.warnings if w.code == "no_plan_structure"), None)
        if found is not None:
            from vnplan.errors import NotAPlanError

            raise NotAPlanError(plan.source.path or "<text>", found.message)
    return plan
