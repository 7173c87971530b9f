"""Numbers of a sentence read as quantities: traps left out, comparator,
range or fraction, and the unit written after each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from vnplan.text.numbers import NUMBER, SYMBOL, parse_number, symbol_comparator
from vnplan.extract.targets.vocab import Vocab, spaced

_DOLLAR_START = regex.compile(r"\s*\$")
_DIGIT_START = regex.compile(r"\d")
_DOLLAR_END = regex.compile(r"\$\s*$")


@dataclass
class Value:
    start: int  # offsets relative to the sentence
    end: int  # end of the number (or of the range / fraction)
    value: float
    value_max: Optional[float] = None
    of: Optional[float] = None
    comparator: str = "="
    lead: int = 0  # start of the comparator cue / symbol
    unit: Optional[str] = None
    unit_end: int = 0
    in_parens: bool = False
    labelled: bool = False  # in parentheses, but labelled by a year of the plan ("(năm 2025: 18 km")
    linked: bool = False  # a linker (đạt, là, :) sits right before
    from_to: bool = False  # "từ 25 lên 30": this is the starting point
    baseline: Optional[str] = None
    from_lead: Optional[int] = None  # where the "từ 25" starting point begins


def trap_spans(k: str, v: Vocab, age_is_value: bool):
    """Spans of trap phrases, the per-N denominators among them, and totals
    (``(offset, number)`` of "trên tổng số 50 xã")."""
    spans, per_n, totals = [], [], []
    for t in v.traps:
        if t.age and age_is_value:
            continue
        for m in t.rx.finditer(k):
            spans.append((m.start(), m.end()))
            if t.per_n:
                per_n.append((m.start(), m.end(), m.group()))
            if t.total:
                total = _num(m.group("total"))
                if total is not None:
                    totals.append((m.start(), total))
    return spans, per_n, totals


def _inside(a: int, b: int, spans) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _paren_depths(k: str) -> list[int]:
    depth, out = 0, []
    for ch in k:
        if ch == "(":
            depth += 1
        out.append(depth)
        if ch == ")":
            depth = max(0, depth - 1)
    return out


_NUM_RX = regex.compile(NUMBER, regex.V1)
WINDOW = 200  # how far around a number its cue words and unit are looked for
_FRACTION_RX = regex.compile(rf"^\s*/\s*(?P<b>{NUMBER})(?=\s*\p{{L}})", regex.V1)
_NEXT_WORD = regex.compile(r"^\s+(?P<u>\p{Ll}\p{L}{0,20})", regex.V1)
_SYMBOL_END = regex.compile(rf"(?P<sym>{SYMBOL})\s*\$?\s*$", regex.V1)


def _num(raw: str) -> Optional[float]:
    """:func:`parse_number`, or None for a malformed number ("0.100.000")."""
    try:
        return parse_number(raw)
    except ValueError:
        return None


def _per_n(den: float, value: float) -> bool:
    """``den`` is a per-N base (100, 1.000, 100.000 ...) rather than a total."""
    return den >= 100 and den != value and float(f"1e{len(str(int(den))) - 1}") == den


def _read_unit(text: str, k: str, pos: int, v: Vocab) -> tuple[Optional[str], int]:
    """Unit written after offset ``pos`` (sentence-relative) and where it ends."""
    rest = k[pos:pos + WINDOW]
    p = v.unit_per.match(rest)
    if p:
        end = pos + p.end()
        return "/" + " ".join(text[pos + p.start("p"):end].split()), end
    m = v.unit_symbol.match(rest)
    if m:
        unit = "%" if "%" in m.group("u") else "‰"
        end = pos + m.end()
        d = _DOLLAR_START.match(k, end, end + WINDOW)
        end = d.end() if d else end
        p = v.unit_per.match(k[end:end + WINDOW])
        if p and not _DIGIT_START.match(p.group("p")):  # "7,5%/năm"
            unit += "/" + " ".join(text[end + p.start("p"):end + p.end()].split())
            end += p.end()
        return unit, end
    m = v.unit_noun.match(rest)
    if m:
        u_start, end = pos + m.start("u"), pos + m.end()
        for _ in range(2):  # "triệu đồng/người/năm"
            p = v.unit_per.match(k[end:end + WINDOW])
            if not p:
                break
            end += p.end()
        return " ".join(text[u_start:end].split()).replace(" /", "/").replace("/ ", "/"), end
    m = _NEXT_WORD.match(rest)
    if m and not v.dir_rx.match(m.group("u")) and m.group("u") not in v.not_units:
        u_start, end = pos + m.start("u"), pos + m.end("u")
        p = v.unit_per.match(k[end:end + WINDOW])
        if p:
            end += p.end()
        return " ".join(text[u_start:end].split()), end
    return None, pos


def _strip_approx(before: str, val: Value, off: int, v: Vocab) -> str:
    """Move the value's lead before a word of approximation ("đạt khoảng 95%")."""
    am = v.approx_end.search(before)
    if not am:
        return before
    val.lead = min(val.lead, off + am.start())
    return before[:am.start()]


def find_values(text: str, k: str, v: Vocab, traps) -> list[Value]:
    """Every number of a sentence that is not inside a trap, read as a quantity."""
    depths = _paren_depths(k)
    out: list[Value] = []
    skip_until = -1
    for m in _NUM_RX.finditer(k):
        a, b = m.span()
        if a < skip_until:
            continue
        off = max(0, a - WINDOW)
        before = k[off:a]
        if before.rstrip().endswith("/"):
            continue  # a denominator: "/100 trẻ nữ", "ca/100.000 dân"
        if _inside(a, b, traps):
            continue
        try:
            value = parse_number(m.group())
        except ValueError:
            continue
        val = Value(a, b, value, lead=a)
        after = k[b:b + WINDOW]
        r = v.range_to.match(after)
        f = _FRACTION_RX.match(after)
        per = v.unit_per.match(after)
        if f and per and _per_n(_num(f.group("b")) or 0.0, value):
            f = None  # "46/100.000 trẻ đẻ sống": a rate, its unit read below
        if r and not _inside(b + r.start("b"), b + r.end("b"), traps):
            hi = _num(r.group("b"))
            if hi is not None and hi > value:
                val.comparator, val.value_max, val.end = "range", hi, b + r.end()
                skip_until = val.end
        elif f:
            den = _num(f.group("b"))
            if den is not None and value <= den:
                val.of, val.end = den, b + f.end()
                skip_until = val.end
            else:
                continue  # "26/12", "11/7": a date
        # comparator: symbol or cue word right before
        sm = _SYMBOL_END.search(before)
        if sm and val.comparator != "range":
            val.comparator, val.lead = symbol_comparator(sm.group("sym")), off + sm.start()
            before = before[:sm.start()]
        before = _strip_approx(before, val, off, v)
        cm = v.cue_before.search(before)
        if cm:
            comp = v.cue_comp.get(spaced(cm.group("cue")))
            if comp == ">=" and cm.group("cue") in v.range_start and val.comparator == "range":
                pass
            elif comp and val.comparator == "=":
                val.comparator = comp
            val.lead = min(val.lead, off + cm.start())
            before = before[:cm.start()]
            before = _strip_approx(before, val, off, v)
        dm = _DOLLAR_END.search(k, off, val.lead)
        if dm:
            val.lead = dm.start()
        val.linked = bool(v.linker_end.search(k[off:val.lead]))
        val.unit, val.unit_end = _read_unit(text, k, val.end, v)
        if val.unit is None:
            val.unit_end = val.end
        r2 = v.range_to.match(k[val.unit_end:val.unit_end + WINDOW]) if val.comparator in ("=", ">=") and val.unit else None
        if r2 and not _inside(val.unit_end + r2.start("b"), val.unit_end + r2.end("b"), traps):
            hi = _num(r2.group("b"))
            unit2, end2 = _read_unit(text, k, val.unit_end + r2.end(), v)
            if hi is not None and hi > value and unit2 == val.unit:  # "từ 70% đến 80%", "5 ha - 10 ha"
                val.comparator, val.value_max, val.unit_end = "range", hi, end2
                skip_until = end2
        am = v.cue_after.match(k[val.unit_end:val.unit_end + WINDOW])
        if am:
            val.comparator = v.cue_after_comp[spaced(am.group("cue"))]
            val.unit_end += am.end()
        val.in_parens = depths[a] > 0
        val.from_to = bool(v.from_to.match(k[val.unit_end:val.unit_end + WINDOW]))
        out.append(val)
    return out
