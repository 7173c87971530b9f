"""Money amounts (``budget[]``): ``1.987.000.000 đồng``, ``2,5 tỷ VNĐ``.

Every amount in the body, appendix and their tables becomes a
:class:`BudgetLine` with ``amount_vnd``, the clause it sits in (``text`` /
``span``) and the ``purpose`` that clause names. Currencies, multipliers and
money words are in ``patterns/units.yaml`` (``money``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import BudgetLine, Document, Section, Span, ancestors, section_at
from vnplan.text.normalise import key as keyof
from vnplan.text.numbers import NUMBER, parse_number
from vnplan.text.phrases import alternation

_TWO_LETTERS = regex.compile(r"\p{L}{2}")

_LETTER_NEXT = regex.compile(r"\s*\p{L}")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class _Money:
    amount: "regex.Pattern[str]"
    multipliers: dict[str, float]
    context: "regex.Pattern[str]"
    trailing: "regex.Pattern[str]"
    reached: "regex.Pattern[str]"
    not_budget_kinds: frozenset
    threshold: "regex.Pattern[str]"
    threshold_before: "regex.Pattern[str]"


@lru_cache(maxsize=1)
def _money() -> _Money:
    m = patterns.load("units")["money"]
    mult = {keyof(k): float(v) for k, v in m["multipliers"].items()}
    amount = regex.compile(
        rf"(?<![\p{{L}}\d/])(?P<n>{NUMBER})\s*"
        rf"(?:(?P<m>{alternation(mult)})(?!\s*(?:{alternation(m['not_after_multiplier'])})(?!\p{{L}}))(?!\p{{L}})\s*)?"
        rf"(?P<c>(?:{alternation(m['currencies'])})(?!\p{{L}})(?!\s+(?:{alternation(m['not_after_currency'])})(?!\p{{L}})))?",
        regex.V1)
    context = regex.compile(rf"(?<!\p{{L}})(?:{alternation(m['money_context'])})(?!\p{{L}})", regex.V1)
    trailing = regex.compile(rf"(?:(?:^|\s)(?:{alternation(m['purpose_trailing'])})\s*)+$", regex.V1)
    reached = regex.compile(rf"(?<!\p{{L}})(?:{alternation(m['reached_before'])})\s*:?\s*$", regex.V1)
    threshold = regex.compile(rf"(?:\s*/\s*[\p{{L}} ]{{1,20}}?){{0,2}}\s*(?:{alternation(m['threshold_after'])})(?!\p{{L}})", regex.V1)
    before = "|".join(keyof(r) for r in m.get("threshold_before", [])) or "(?!)"  # tone-normalised
    threshold_before = regex.compile(rf"(?:{before})\s*$", regex.V1)
    return _Money(amount, mult, context, trailing, reached, frozenset(m["not_budget_kinds"]), threshold,
                  threshold_before)


_CLAUSE_STOP = regex.compile(r"[;\t]|(?<=[.!?])\s+(?=\p{Lu})", regex.V1)
_TRIM = " \t-+*•–:;,.()"
_LEADING = regex.compile(r"^(?:trong đó|bao gồm|gồm|cụ thể)\s*:?\s*", regex.V1 | regex.IGNORECASE)


def _clause(doc: Document, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """The ``;`` / sentence / cell clause of line ``[lo, hi)`` around ``[a, b)``."""
    start = lo
    for m in _CLAUSE_STOP.finditer(doc.text, lo, a):
        start = m.end()
    stop = _CLAUSE_STOP.search(doc.text, b, hi)
    end = stop.start() if stop else hi
    while start < end and doc.text[start] in _TRIM:
        start += 1
    while end > start and doc.text[end - 1] in " \t;,.":
        end -= 1
    return start, end


def _purpose(doc: Document, cs: int, ce: int, a: int, b: int, lo: int, hi: int, money: _Money) -> Optional[str]:
    before = " ".join(doc.text[cs:a].split()).strip(_TRIM)
    tm = money.trailing.search(keyof(before))
    if tm:
        before = before[:tm.start()].strip(_TRIM)
    before = _LEADING.sub("", before)
    after = " ".join(doc.text[b:ce].split()).strip(_TRIM)
    if before and after and len(before.split()) <= 2:
        return f"{before} {after}"  # "Hỗ trợ 500 triệu đồng cho các trạm y tế"
    if before:
        return before
    if after:
        return after
    line = doc.text[lo:hi]
    if "\t" in line:  # a table row: its longest text cell
        cells = [c.strip() for c in line.split("\t") if _TWO_LETTERS.search(c)]
        if cells:
            return max(cells, key=len)
    return None


_PER_UNIT = regex.compile(r"\s*/\s*\p{L}", regex.V1)


def _clause_before(k: str, lo: int, pos: int) -> str:
    """Keyed text from the start of the clause holding ``pos`` (after the last ``;`` / ``.``) up to it."""
    seg = k[lo:pos]
    cut = max(seg.rfind(";"), seg.rfind(". "))
    return seg[cut + 1:] if cut >= 0 else seg


def _sentence_line_start(doc: Document, pos: int) -> int:
    """Start of the line holding ``pos``; in a hard-wrapped text the start of the wrapped lines
    before it that its sentence goes on from (``2. Kinh phí hỗ trợ … từ ngân`` / ``sách tỉnh:
    khoảng 14,5 tỷ đồng/năm.``; :func:`vnplan.structure.lines.wrapped_on`), at most three back."""
    text = doc.text
    start = text.rfind("\n", 0, pos) + 1
    if not doc.wrap_width:
        return start
    from vnplan.structure.lines import wrapped_on

    for _ in range(3):
        if start == 0:
            break
        prev = text.rfind("\n", 0, start - 1) + 1
        eol = text.find("\n", start)
        if "\t" in text[prev:start] or not wrapped_on(doc, text[prev:start - 1], text[start:eol if eol >= 0 else len(text)]):
            break
        start = prev
    return start


def amounts_in(doc: Document, lo: int, hi: int) -> list[tuple[int, int, float]]:
    """``(start, end, amount_vnd)`` of every money amount in ``doc.text[lo:hi]``."""
    money = _money()
    out = []
    for m in money.amount.finditer(doc.key, lo, hi):
        if not m.group("c") and not m.group("m"):
            continue
        if m.group("c") == "đ" and not m.group("m") and m.start("c") > m.end("n") + 1:
            continue  # "5 đ..." spaced single letter: too weak
        if not m.group("c"):
            tail = doc.key[m.end():m.end() + 2]
            line_start = doc.text.rfind("\n", 0, m.start()) + 1
            if _LETTER_NEXT.match(tail) and not money.context.search(doc.key[line_start:m.start()]):
                continue
        if _PER_UNIT.match(doc.key, m.end()) and not money.context.search(
                _clause_before(doc.key, _sentence_line_start(doc, m.start()), m.start())):
            continue  # "thu nhập ... 53 triệu đồng/người/năm": a rate, not money of the plan
            # ("Mức hỗ trợ 50.000đ/người/tháng" names money and stays)
        if money.threshold.match(doc.key, m.end()) or money.threshold_before.search(
                doc.key, max(lo, m.start() - 90), m.start()):
            continue  # "dự án có quy mô từ 5 tỷ đồng trở lên": a threshold, not money of the plan
        try:
            value = parse_number(m.group("n"))
        except ValueError:
            continue
        if m.group("m"):
            value *= money.multipliers[_SPACES.sub(" ", m.group("m"))]
        end = m.end()
        while end > m.start() and doc.text[end - 1].isspace():
            end -= 1
        out.append((m.start(), end, value))
    return out


def _regions_near(spans: list[Span]):
    """``near(start, end)``: the spans that may overlap ``[start, end)``, found by bisection when
    the spans are in order and do not nest (top-level sections), else all (callers still check)."""
    import bisect

    if any(a.start > b.start or a.end > b.end for a, b in zip(spans, spans[1:])):
        return lambda start, end: spans
    starts, ends = [s.start for s in spans], [s.end for s in spans]
    return lambda start, end: spans[bisect.bisect_right(ends, start):bisect.bisect_left(starts, end)]


def _logical_lines(doc: Document) -> list[Span]:
    """The lines amounts are read on: the text's lines, except that in a hard-wrapped text
    a line cut at the page's width and the line going on with it are one ("ngân sách
    phường 185" / "triệu đồng")."""
    lines = [Span(ln.start, ln.end) for ln in doc.lines]
    if not doc.wrap_width:
        return lines
    from vnplan.structure.lines import wrapped_on

    out: list[Span] = []
    for ln in lines:
        if out and ln.start == out[-1].end + 1 and wrapped_on(
                doc, doc.text[doc.text.rfind("\n", 0, out[-1].end) + 1:out[-1].end], doc.text[ln.start:ln.end]):
            out[-1] = Span(out[-1].start, ln.end)
        else:
            out.append(ln)
    return out


def get_budget(doc: Document, sections: list[Section]) -> list[BudgetLine]:
    """Every money amount of the plan's sections, in document order, ids ``B001``..."""
    money = _money()
    out: list[BudgetLine] = []
    spans = [s.span for s in sections]  # no sections: not a plan, no budget
    near = _regions_near(spans)
    for line in _logical_lines(doc):
        for region in near(line.start, line.end):
            if line.end <= region.start or line.start >= region.end:
                continue
            lo, hi = max(line.start, region.start), min(line.end, region.end)
            prev_end = lo
            for a, b, value in amounts_in(doc, lo, hi):
                if money.reached.search(doc.key, max(lo, a - 30), a) or any(
                        s.kind in money.not_budget_kinds for s in ancestors(sections, a)):
                    continue  # "doanh thu đạt 10.500 tỷ đồng", last year's results: no budget
                cs, ce = _clause(doc, a, b, lo, hi)
                if prev_end > cs:  # two amounts in one clause: split after the first
                    cs = prev_end
                    while cs < a and doc.text[cs] in _TRIM:
                        cs += 1
                prev_end = b
                sec = section_at(sections, a)
                out.append(BudgetLine(
                    id="", amount_vnd=value, text=doc.text[cs:ce], span=Span(cs, ce),
                    purpose=_purpose(doc, cs, ce, a, b, lo, hi, money),
                    section_id=sec.id if sec else None, page=doc.page_at(cs),
                ))
    out.sort(key=lambda x: (x.span.start, x.span.end))
    for i, line in enumerate(out, 1):
        line.id = f"B{i:03d}"
    return out
