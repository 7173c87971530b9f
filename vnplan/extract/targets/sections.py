"""Which sections and regions of a plan can hold targets."""
from __future__ import annotations

from typing import Optional

from vnplan.model import Document, Metadata, Section, Span, walk
from vnplan.text.normalise import key as keyof
from vnplan.extract.targets.vocab import Vocab


def is_status_section(secs: list[Section], v: Vocab) -> bool:
    """Sections reporting results (THỰC TRẠNG, KẾT QUẢ THỰC HIỆN): their numbers are not targets."""
    return any(s.kind in v.status_kinds or v.status_title.search(keyof(s.title)) for s in secs)


def is_target_section(secs: list[Section], v: Vocab) -> bool:
    """Whether the innermost section that says what it holds states targets: a task section
    inside a part of aims ("Phần II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" > "II- NHIỆM VỤ VÀ
    GIẢI PHÁP") holds tasks, not targets."""
    for s in reversed(secs):
        if s.kind in v.target_kinds or v.target_title.search(keyof(s.title)):
            return True
        if s.kind in v.task_kinds:
            return False
    return False


def skip_regions(doc: Document, sections: list[Section], metadata: Optional[Metadata]) -> list[Span]:
    """Appendix captions ("Biểu 2: ... 14/14 phường" restates a target) and the closing block."""
    spans = [s.heading_span for s in walk(sections) if s.kind == "phu_luc"]
    layout = getattr(metadata, "layout", None)
    closing = getattr(layout, "closing", None) if layout is not None else None
    if closing is not None:
        spans.append(closing)
    return spans


def interval_index(spans: list[Span]) -> tuple[list[int], list[int]]:
    """Starts in order and the running maximum of ends, for :func:`overlaps_any`."""
    spans = sorted(spans)
    ends, top = [], -1
    for s in spans:
        top = max(top, s.end)
        ends.append(top)
    return [s.start for s in spans], ends


def overlaps_any(index: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the indexed spans, in O(log n)."""
    import bisect

    starts, max_ends = index
    i = bisect.bisect_left(starts, end)  # spans[:i] start before ``end``
    return i > 0 and max_ends[i - 1] > start
