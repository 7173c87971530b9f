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
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Metadata, Section, Span, Table, Target, ancestors, section_at, walk
from vnplan.text.normalise import key as keyof
from vnplan.text.numbers import NUMBER, SYMBOL, parse_number, parse_quantity, symbol_comparator

_DASH = r"[-\u2013\u2014\u2212]"
_YEAR = r"(?:19|20)\d{2}"


# --------------------------------------------------------------------------
# Vocabulary, compiled once


def _alts(phrases) -> str:
    """Alternation of keyed phrases, longest first, spaces as ``\\s+``."""
    keyed = sorted({keyof(p).strip() for p in phrases if str(p).strip()}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in keyed)


@dataclass(frozen=True)
class _Trap:
    name: str
    rx: "regex.Pattern[str]"
    per_n: bool = False
    age: bool = False
    total: bool = False


@dataclass
class _Vocab:
    traps: list[_Trap]
    cue_before: "regex.Pattern[str]"
    cue_comp: dict[str, str]
    cue_after: "regex.Pattern[str]"
    cue_after_comp: dict[str, str]
    linker_end: "regex.Pattern[str]"
    dir_rx: "regex.Pattern[str]"
    dir_of: dict[str, str]
    dir_window: int
    decrease_before: "regex.Pattern[str]"
    not_dir: "regex.Pattern[str]"
    leading: "regex.Pattern[str]"
    achievement: "regex.Pattern[str]"
    achievement_window: int
    output: "regex.Pattern[str]"
    measure_units: frozenset
    increase_before: "regex.Pattern[str]"
    maintain_before: "regex.Pattern[str]"
    target_kinds: frozenset
    target_title: "regex.Pattern[str]"
    heads: "regex.Pattern[str]"
    age_ind: "regex.Pattern[str]"
    horizon: "regex.Pattern[str]"
    not_horizon: "regex.Pattern[str]"
    baseline: "regex.Pattern[str]"
    unit_symbol: "regex.Pattern[str]"
    unit_noun: "regex.Pattern[str]"
    unit_per: "regex.Pattern[str]"
    trailing: "regex.Pattern[str]"
    trailing_keep: "regex.Pattern[str]"
    qualifier_prep: "regex.Pattern[str]"
    from_to: "regex.Pattern[str]"
    horizon_lead: "regex.Pattern[str]"
    not_units: frozenset
    subgroup: "regex.Pattern[str]"
    status_kinds: frozenset
    unit_header: "regex.Pattern[str]"
    indicator_header: "regex.Pattern[str]"
    place_header: "regex.Pattern[str]"
    change_between: "regex.Pattern[str]"
    head_start: "regex.Pattern[str]"
    skip_column: "regex.Pattern[str]"
    status_title: "regex.Pattern[str]"
    status_lead: "regex.Pattern[str]"


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    cues = patterns.load("cues")
    units = patterns.load("units")
    traps = patterns.load("traps")["traps"]
    flags = regex.V1

    def rx(src: str) -> "regex.Pattern[str]":
        return regex.compile(src, flags)

    def sub(src: str) -> str:
        return src.replace("{N}", NUMBER).replace("{D}", _DASH).replace("{Y}", _YEAR)

    trap_list = [_Trap(t["name"], rx(sub(t["re"])), bool(t.get("per_n")), bool(t.get("age")),
                       bool(t.get("total"))) for t in traps]
    cue_comp = {keyof(p): c for c, ps in cues["comparators"].items() for p in ps}
    cue_after_comp = {keyof(p): c for c, ps in cues["comparators_after"].items() for p in ps}
    linkers = [p for p in cues["linkers"] if p not in (":", "=")]
    dir_of = {keyof(p): d for d, ps in cues["directions"].items() for p in ps}
    return _Vocab(
        traps=trap_list,
        cue_before=rx(rf"(?<!\p{{L}})(?P<cue>{_alts(cue_comp)})\s*(?:(?:{_alts(linkers)})\s*)?:?\s*$"),
        cue_comp=cue_comp,
        cue_after=rx(rf"^\s*(?P<cue>{_alts(cue_after_comp)})(?!\p{{L}})"),
        cue_after_comp=cue_after_comp,
        linker_end=rx(rf"(?:(?<!\p{{L}})(?:{_alts(linkers)})|[:=])\s*$"),
        dir_rx=rx(rf"(?<!\p{{L}})(?:{_alts(dir_of)})(?!\p{{L}})"),
        dir_of=dir_of,
        dir_window=int(cues.get("direction_window", 4)),
        decrease_before=rx(rf"(?<!\p{{L}})(?:{_alts(cues['decrease_before_value'])})\s*(?:(?:{_alts(cue_comp)})\s*)?$"),
        not_dir=rx(rf"(?<!\p{{L}})(?:{_alts(cues['not_direction'])})(?!\p{{L}})"),
        leading=rx(rf"^(?:(?:{_alts(list(dir_of) + cues['leading_verbs'])})(?!\p{{L}})\s*)+"),
        achievement=rx(rf"(?<!\p{{L}})(?:{_alts(cues['achievement_cues'])})(?!\p{{L}})"),
        achievement_window=int(cues.get("achievement_window", 6)),
        output=rx(rf"(?<!\p{{L}})(?:{_alts(cues['output_cues'])})(?!\p{{L}})"),
        measure_units=frozenset(keyof(u) for u in units["measures"]),
        maintain_before=rx(rf"(?<!\p{{L}})(?:{_alts(cues['maintain_before_value'])})\s*(?:(?:{_alts(cue_comp)})\s*)?$"),
        increase_before=rx(rf"(?<!\p{{L}})(?:{_alts(cues['increase_before_value'])})\s*(?:(?:{_alts(cue_comp)})\s*)?$"),
        target_kinds=frozenset(cues["target_kinds"]),
        target_title=rx(rf"(?<!\p{{L}})(?:{_alts(cues['target_title_words'])})(?!\p{{L}})"),
        heads=rx(rf"^(?:{_alts(cues['indicator_heads'])})(?!\p{{L}})"),
        age_ind=rx(rf"(?<!\p{{L}})(?:{_alts(cues['age_indicators'])})(?!\p{{L}})"),
        horizon=rx(rf"(?<!\p{{L}})(?:{_alts(cues['horizon'])})\s+(?P<y>{_YEAR})(?!\d)"),
        not_horizon=rx(rf"(?<!\p{{L}})(?:{_alts(cues['not_horizon'])})\s+$"),
        baseline=rx(rf"(?<!\p{{L}})(?:{_alts(cues['baseline'])})\s+(?P<b>[^,;:.()]{{1,40}}?)(?=\s*[,;:.()]|\s*$)"),
        unit_symbol=rx(rf"^\s*(?P<u>{_alts(units['symbols'])})"),
        # a multiplier may come first: "9,5 triệu lượt khách", "2 nghìn tấn"
        unit_noun=rx(rf"^\s+(?P<u>(?:(?:{_alts(units['money']['multipliers'])})\s+)?(?:{_alts(units['nouns'])}))(?!\p{{L}})"),
        unit_per=rx(rf"^\s*/\s*(?P<p>(?:{NUMBER}\s*)?(?:{_alts(units['per_nouns'])}))(?!\p{{L}})"),
        trailing=rx(rf"(?:\s+(?:{_alts(cues['trailing_words'])}))+\s*$"),
        trailing_keep=rx(rf"(?:{_alts(cues['trailing_keep'])})\s*$"),
        qualifier_prep=rx(rf"(?<!\p{{L}})(?:{_alts(cues['qualifier_prepositions'])})\s*$"),
        from_to=rx(rf"^\s*(?:{_alts(cues['from_to'])})\s+(?={NUMBER})"),
        horizon_lead=rx(rf"^(?:{'|'.join(cues['horizon_lead'])})\s*[:,]?\s*"),
        not_units=frozenset(keyof(u) for u in units["not_units"]),
        status_kinds=frozenset(cues["status_kinds"]),
        unit_header=rx(rf"(?:{_alts(cues['table_unit_headers'])})"),
        place_header=rx(rf"^(?:{_alts(cues['table_place_words'])})(?!\p{{L}})"),
        indicator_header=rx(rf"^(?:{_alts(cues['table_indicator_headers'])})(?!\p{{L}})"),
        change_between=rx(rf"^\s*(?:{_alts(dir_of)})(?:\s+(?:xuống|lên|còn|thêm))?\s*$"),
        head_start=rx(rf"[,:]\s+|(?<!\p{{L}})(?:{_alts(list(dir_of) + cues['leading_verbs'])})\s+"),
        skip_column=rx(rf"(?<!\p{{L}})(?:{_alts(cues['skip_table_columns'])})(?!\p{{L}})"),
        status_title=rx(rf"(?<!\p{{L}})(?:{_alts(cues['status_title_words'])})(?!\p{{L}})"),
        status_lead=rx(rf"^(?:{_alts(cues['status_lead'])})(?!\p{{L}})"),
        subgroup=rx(rf"^(?:{_alts(cues['subgroup_cues'])})(?!\p{{L}})"),
    )


# --------------------------------------------------------------------------
# Plan year and horizon years


def horizon_years(k: str, v: Optional[_Vocab] = None) -> list[tuple[int, int]]:
    """``(offset, year)`` of every horizon year in the keyed text ``k`` (``đến năm 2025``),
    baselines (``so với năm 2020``) and dates left out."""
    v = v or vocab()
    out = []
    for m in v.horizon.finditer(k):
        if v.not_horizon.search(k[max(0, m.start() - 30):m.start("y")]):
            continue
        out.append((m.start(), int(m.group("y"))))
    return out


def find_year(k: str, v: Optional[_Vocab] = None) -> Optional[int]:
    """Last horizon year in the keyed text ``k``."""
    years = horizon_years(k, v)
    return years[-1][1] if years else None


def earliest_year(metadata: Optional[Metadata]) -> Optional[int]:
    """No target is for a year before the plan was issued: "Luật Giáo dục năm 2019"
    in a 2024 plan names a law, not a horizon."""
    date = getattr(metadata, "date", None) if metadata is not None else None
    period = getattr(metadata, "period", None) if metadata is not None else None
    years = [y for y in (getattr(date, "year", None), getattr(period, "start", None)) if y]
    return min(years) if years else None


def plan_year(metadata: Optional[Metadata]) -> Optional[int]:
    """Year the plan's targets refer to: its period's end, else its title's horizon, else its date."""
    if metadata is None:
        return None
    period = getattr(metadata, "period", None)
    if period is not None and getattr(period, "end", None):
        return period.end  # "giai đoạn 2024 - 2025, định hướng đến năm 2030" -> 2025
    title = getattr(metadata, "title", None)
    if title:
        y = find_year(keyof(title))
        if y:
            return y
    date = getattr(metadata, "date", None)
    return getattr(date, "year", None) if date is not None else None


# --------------------------------------------------------------------------
# Values inside one sentence


@dataclass
class _Value:
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
    linked: bool = False  # a linker (đạt, là, :) sits right before
    from_to: bool = False  # "từ 25 lên 30": this is the starting point
    baseline: Optional[str] = None
    from_lead: Optional[int] = None  # where the "từ 25" starting point begins


def _trap_spans(k: str, v: _Vocab, age_is_value: bool):
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
_W = 200  # how far around a number its cue words and unit are looked for
_RANGE_RX = regex.compile(rf"^\s*(?:{_DASH}|đến|tới)\s*(?P<b>{NUMBER})", regex.V1)
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


def _read_unit(text: str, k: str, pos: int, v: _Vocab) -> tuple[Optional[str], int]:
    """Unit written after offset ``pos`` (sentence-relative) and where it ends."""
    rest = k[pos:pos + _W]
    p = v.unit_per.match(rest)
    if p:
        end = pos + p.end()
        return "/" + " ".join(text[pos + p.start("p"):end].split()), end
    m = v.unit_symbol.match(rest)
    if m:
        unit = "%" if "%" in m.group("u") else "‰"
        end = pos + m.end()
        d = regex.match(r"^\s*\$", k[end:end + _W])
        end += d.end() if d else 0
        p = v.unit_per.match(k[end:end + _W])
        if p and not regex.match(r"\d", p.group("p")):  # "7,5%/năm"
            unit += "/" + " ".join(text[end + p.start("p"):end + p.end()].split())
            end += p.end()
        return unit, end
    m = v.unit_noun.match(rest)
    if m:
        u_start, end = pos + m.start("u"), pos + m.end()
        for _ in range(2):  # "triệu đồng/người/năm"
            p = v.unit_per.match(k[end:end + _W])
            if not p:
                break
            end += p.end()
        return " ".join(text[u_start:end].split()).replace(" /", "/").replace("/ ", "/"), end
    m = _NEXT_WORD.match(rest)
    if m and not v.dir_rx.match(m.group("u")) and m.group("u") not in v.not_units:
        u_start, end = pos + m.start("u"), pos + m.end("u")
        p = v.unit_per.match(k[end:end + _W])
        if p:
            end += p.end()
        return " ".join(text[u_start:end].split()), end
    return None, pos


def _values(text: str, k: str, v: _Vocab, traps) -> list[_Value]:
    """Every number of a sentence that is not inside a trap, read as a quantity."""
    depths = _paren_depths(k)
    out: list[_Value] = []
    skip_until = -1
    for m in _NUM_RX.finditer(k):
        a, b = m.span()
        if a < skip_until:
            continue
        off = max(0, a - _W)
        before = k[off:a]
        if before.rstrip().endswith("/"):
            continue  # a denominator: "/100 trẻ nữ", "ca/100.000 dân"
        if _inside(a, b, traps):
            continue
        try:
            value = parse_number(m.group())
        except ValueError:
            continue
        val = _Value(a, b, value, lead=a)
        after = k[b:b + _W]
        r = _RANGE_RX.match(after)
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
        cm = v.cue_before.search(before)
        if cm:
            comp = v.cue_comp.get(regex.sub(r"\s+", " ", cm.group("cue")))
            if comp == ">=" and keyof("từ") == cm.group("cue") and val.comparator == "range":
                pass
            elif comp and val.comparator == "=":
                val.comparator = comp
            val.lead = min(val.lead, off + cm.start())
            before = before[:cm.start()]
        dm = regex.search(r"\$\s*$", k[off:val.lead])
        if dm:
            val.lead = off + dm.start()
        val.linked = bool(v.linker_end.search(k[off:val.lead]))
        val.unit, val.unit_end = _read_unit(text, k, val.end, v)
        if val.unit is None:
            val.unit_end = val.end
        r2 = _RANGE_RX.match(k[val.unit_end:val.unit_end + _W]) if val.comparator in ("=", ">=") and val.unit else None
        if r2 and not _inside(val.unit_end + r2.start("b"), val.unit_end + r2.end("b"), traps):
            hi = _num(r2.group("b"))
            unit2, end2 = _read_unit(text, k, val.unit_end + r2.end(), v)
            if hi is not None and hi > value and unit2 == val.unit:  # "từ 70% đến 80%", "5 ha - 10 ha"
                val.comparator, val.value_max, val.unit_end = "range", hi, end2
                skip_until = end2
        am = v.cue_after.match(k[val.unit_end:val.unit_end + _W])
        if am:
            val.comparator = v.cue_after_comp[regex.sub(r"\s+", " ", am.group("cue"))]
            val.unit_end += am.end()
        val.in_parens = depths[a] > 0
        val.from_to = bool(v.from_to.match(k[val.unit_end:val.unit_end + _W]))
        out.append(val)
    return out


# --------------------------------------------------------------------------
# Clauses


_STRONG = regex.compile(r";")
_WEAK = regex.compile(r",\s|\s+và\s+|\s+-\s+")
_CONJ = regex.compile(r"[\s,;-]*(?:và|hoặc|cùng)\s+")
_TRIM = " \t-+*•–:;,.\u00a0"


def _cut(k: str, a: int, b: int, first: bool = False) -> int:
    """Where to split between two values at ``a``..``b``: the last ``;``,
    else the last comma / ``và`` (the first one when the earlier value
    closes its clause, "đạt 11%, riêng tại ... và miền núi dưới 15%")."""
    seg = k[a:b]
    strong = [m.end() for m in _STRONG.finditer(seg)]
    if strong:
        return a + strong[-1]
    weak = [m for m in _WEAK.finditer(seg)]
    if weak:
        return a + (weak[0] if first else weak[-1]).start()
    return b


def _has_words_before(k: str, a: int, lead: int, v: "_Vocab") -> bool:
    """Whether an indicator is written before the value at ``lead``."""
    pre = k[a:lead].strip(_TRIM)
    for _ in range(3):
        m = v.horizon_lead.match(pre) or v.leading.match(pre)
        if not m or not m.end():
            break
        pre = pre[m.end():].strip(_TRIM)
    return bool(regex.search(r"\p{L}{2}", pre))


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in " \t;,:(\u00a0":
        b -= 1
    return a, b


def _clean(s: str) -> str:
    s = " ".join(s.split())
    s = regex.sub(r"\$\\?[a-z]*\$?", "", s)
    s = s.strip(" -+*•:;,.")
    if s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:]
    if s.endswith("(") or (s.endswith(")") and s.count(")") > s.count("(")):
        s = s[:-1]
    return s.strip(" -+*•:;,.")


@dataclass
class _Clause:
    value: _Value
    start: int
    end: int
    indicator: str = ""
    direction: Optional[str] = None
    colon_head: str = ""
    bare: bool = False  # nothing but a leading verb before the value


def _direction(masked: str, clause: _Clause, v: _Vocab) -> Optional[str]:
    """Direction cue of a clause; ``masked`` is the sentence key with names such
    as "tăng huyết áp" blanked out."""
    val = clause.value
    prefix = masked[clause.start:val.lead]
    starts = [0] + [m.end() for m in regex.finditer(r"[,:]\s+", prefix)]
    for st in starts:  # "Giảm tỷ lệ ...", "Về y tế, giảm tỷ lệ ..."
        m = v.dir_rx.match(prefix[st:].lstrip(_TRIM))
        if m:
            return v.dir_of[regex.sub(r"\s+", " ", m.group())]
    if v.decrease_before.search(masked[clause.start:val.lead]):
        return "decrease"
    if v.increase_before.search(masked[clause.start:val.lead]):
        return "increase"
    words = masked[clause.start:val.lead].split()
    window = " ".join(words[-v.dir_window:])
    found = list(v.dir_rx.finditer(window))
    if found:
        return v.dir_of[regex.sub(r"\s+", " ", found[-1].group())]
    after = masked[val.unit_end:clause.end].lstrip(_TRIM)
    m = v.dir_rx.match(after)
    if m and not clause.value.linked:
        return v.dir_of[regex.sub(r"\s+", " ", m.group())]
    return None


def _indicator(text: str, k: str, clause: _Clause, v: _Vocab) -> tuple[str, bool]:
    """Indicator words of a clause and whether the value came first."""
    val = clause.value
    pre_a, pre_b = clause.start, val.lead
    if val.from_lead is not None and pre_a <= val.from_lead < pre_b:
        pre_b = val.from_lead
    pre_k = k[pre_a:pre_b]
    off = len(pre_k) - len(pre_k.lstrip(_TRIM))
    for _ in range(3):
        m = v.horizon_lead.match(pre_k[off:]) or v.leading.match(pre_k[off:])
        if not m or not m.end():
            break
        off += m.end()
        off += len(pre_k[off:]) - len(pre_k[off:].lstrip(_TRIM))
    pre = text[pre_a + off:pre_b]
    pre_key = keyof(pre)
    # trailing linkers / "giảm còn" / baseline
    for _ in range(3):
        m = regex.search(rf"(?:{v.linker_end.pattern})", pre_key)
        pm = v.decrease_before.search(pre_key)
        cut = min([x.start() for x in (m, pm) if x] or [len(pre_key)])
        bm = v.baseline.search(pre_key)
        if bm:
            cut = min(cut, bm.start())
        if cut == len(pre_key):
            break
        pre, pre_key = pre[:cut], pre_key[:cut]
        dm = regex.search(rf"(?:{v.dir_rx.pattern})\s*$", pre_key)
        if dm:
            pre, pre_key = pre[:dm.start()], pre_key[:dm.start()]
    # "Ngoài ra, tỷ lệ ...", "đến năm 2030: tỷ lệ ...": start at the head
    if not v.heads.match(pre_key):
        heads = [m.end() for m in v.head_start.finditer(pre_key) if v.heads.match(pre_key[m.end():])]
        if heads:
            pre, pre_key = pre[heads[0]:], pre_key[heads[0]:]
    dm = regex.search(rf"\s(?:{v.dir_rx.pattern})\s*$", pre_key)
    if dm and not v.not_dir.search(pre_key[max(0, dm.start() - 12):]):
        pre = pre[:dm.start()]
    pre = _clean(pre)
    post = _clean(text[val.unit_end:clause.end])
    pb = v.baseline.search(keyof(post))
    if pb:
        post = _clean(post[:pb.start()] + post[pb.end():])
    value_first = not val.linked and len(post.split()) >= 2
    if value_first:
        cut = max(pre.rfind(", "), pre.rfind("; "))
        if cut >= 0:
            pre = pre[cut + 2:]
        for _ in range(3):
            pk = keyof(pre)
            pm = v.horizon_lead.match(pk) or v.leading.match(pk)
            if not pm or not pm.end():
                break
            pre = _clean(pre[pm.end():])
        noun = val.unit if val.unit and val.unit not in ("%", "‰") else ""
        ind = " ".join(x for x in (pre, noun, post) if x)
    else:
        tm = v.trailing.search(keyof(pre))
        keep = v.trailing_keep.search(keyof(pre))
        ind = pre[:tm.start()] if tm and tm.start() > 0 and not keep else pre
    clause.bare = not pre
    clause.colon_head = _clean(ind.rsplit(":", 1)[0]) if ":" in ind and not value_first else ""
    ind = regex.sub(r":\s*(\p{Lu})", lambda m: " " + m.group(1).lower(), ind)
    ind = regex.sub(r"\s*:\s*", " ", ind)
    bm = v.baseline.search(keyof(ind))
    if bm and bm.start() > 0:
        ind = ind[:bm.start()] + ind[bm.end():]
    return _clean(ind), value_first


def _elide(first: str, this: str, v: _Vocab, colon_head: str = "") -> str:
    """Borrow the head of the first clause's indicator for an elided one."""
    if not first or not this or v.heads.match(keyof(this)):
        return this
    word = keyof(this).split()[0]
    fk = keyof(first)
    for m in regex.finditer(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", fk):
        if m.start() > 0:
            return " ".join((first[:m.start()].strip() + " " + this).split())
    if colon_head:
        return f"{colon_head} {this}"
    return this


# --------------------------------------------------------------------------
# Sentences of the body


_SENT_END = regex.compile(r"(?<=[.!?…])\s+(?=\S)|(?<=\.)(?=\p{Lu})", regex.V1)


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _SENT_END.finditer(doc.text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    return [(a, b) for a, b in out if doc.text[a:b].strip()]


def _status_section(secs: list[Section], v: _Vocab) -> bool:
    """Sections reporting results (THỰC TRẠNG, KẾT QUẢ THỰC HIỆN): their numbers are not targets."""
    return any(s.kind in v.status_kinds or v.status_title.search(keyof(s.title)) for s in secs)


def _target_section(secs: list[Section], v: _Vocab) -> bool:
    return any(s.kind in v.target_kinds or v.target_title.search(keyof(s.title)) for s in secs)


def _heading_year(doc: Document, secs: list[Section], v: _Vocab, min_year: Optional[int] = None) -> Optional[int]:
    for s in reversed(secs):
        hs = s.heading_span
        line_end = doc.text.find("\n", hs.start)
        line_end = len(doc.text) if line_end < 0 else max(line_end, hs.end)
        line_start = doc.text.rfind("\n", 0, hs.start) + 1
        y = find_year(doc.key[line_start:line_end], v)
        if y and (min_year is None or y >= min_year):
            return y
    return None


def _skip_regions(doc: Document, sections: list[Section], metadata: Optional[Metadata]) -> list[Span]:
    """Appendix captions ("Biểu 2: ... 14/14 phường" restates a target) and the closing block."""
    spans = [s.heading_span for s in walk(sections) if s.kind == "phu_luc"]
    layout = getattr(metadata, "layout", None)
    closing = getattr(layout, "closing", None) if layout is not None else None
    if closing is not None:
        spans.append(closing)
    return spans


def _interval_index(spans: list[Span]) -> tuple[list[int], list[int]]:
    """Starts in order and the running maximum of ends, for :func:`_overlaps_any`."""
    spans = sorted(spans)
    ends, top = [], -1
    for s in spans:
        top = max(top, s.end)
        ends.append(top)
    return [s.start for s in spans], ends


def _overlaps_any(index: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the indexed spans, in O(log n)."""
    import bisect

    starts, max_ends = index
    i = bisect.bisect_left(starts, end)  # spans[:i] start before ``end``
    return i > 0 and max_ends[i - 1] > start


def sentence_targets(doc: Document, start: int, end: int, *, in_target_section: bool,
                     year: Optional[int], section_id: Optional[str],
                     min_year: Optional[int] = None) -> list[Target]:
    """Targets of the sentence ``doc.text[start:end]``."""
    v = vocab()
    text, k = doc.text[start:end], doc.key[start:end]
    if v.status_lead.match(k.lstrip(_TRIM)):
        return []  # "Hiện nay, tỷ lệ ... đạt 92%": a result, not a target
    traps, per_n, totals = _trap_spans(k, v, bool(v.age_ind.search(k)))
    if "\n" in k:  # a sentence read across a page break: its page number is no value
        traps += [m.span() for m in regex.finditer(r"[^\n]+", k) if _page_number_rx().match(m.group())]
    vals = _values(text, k, v, traps)
    if any(not x.in_parens for x in vals):
        vals = [x for x in vals if not x.in_parens]
    for cur, nxt in zip(vals, vals[1:]):
        if cur.from_to:  # "tăng từ 25 lên 30 giường": 25 is where it starts
            nxt.baseline = _clean(text[cur.start:cur.unit_end])
            nxt.from_lead = cur.lead
    vals = [x for i, x in enumerate(vals) if not (x.from_to and i + 1 < len(vals))]
    kept = []
    for val in vals:
        rate = val.unit in ("%", "‰") or val.of is not None or (val.unit and "/" in val.unit)
        cue = val.comparator != "="
        window = " ".join(k[max(0, val.lead - _W):val.lead].split()[-v.achievement_window:])
        achieved = bool(v.achievement.search(window) or v.output.search(window))
        change = bool(v.decrease_before.search(k[max(0, val.lead - 40):val.lead])
                      or v.increase_before.search(k[max(0, val.lead - 40):val.lead])
                      or v.maintain_before.search(k[max(0, val.lead - 40):val.lead]))
        measure = bool(val.unit) and keyof(val.unit) in v.measure_units
        gap = k[kept[-1].unit_end:val.lead] if kept else ""
        coordinated = bool(kept) and len(gap) <= 60 and not regex.search(r"[;.:]", gap) \
            and bool(regex.search(r"(?:,|\svà)\s*$", gap)) and val.unit is not None
        if not (in_target_section or rate or cue or achieved or change or measure or coordinated):
            continue
        if val.unit is None and not (val.linked or cue or val.of is not None):
            continue
        if kept and _cut(k, kept[-1].unit_end, val.lead) == val.lead \
                and v.qualifier_prep.search(k[kept[-1].unit_end:val.lead]):
            continue  # "đạt 95% với 8 loại vắc xin": a qualifier of the first
        kept.append(val)
    for pos, total in totals:  # "45 xã ... trên tổng số 50 xã": 50 is what 45 is out of
        prev = [x for x in kept if x.unit_end <= pos and x.of is None]
        if prev and not _STRONG.search(k, prev[-1].unit_end, pos):
            prev[-1].of = total
    # "các xã có tỷ lệ hộ nghèo trên 25% giảm từ 4% trở lên": 25% qualifies
    # the subject; the change that follows it is the target
    # "Tỷ lệ phụ nữ khám thai đủ 4 lần đạt 90%": a number inside the indicator
    # of a linked value that follows without a break is part of that indicator
    kept = [x for x, nxt in zip(kept, kept[1:] + [None])
            if nxt is None or not (v.change_between.match(k[x.unit_end:nxt.lead])
                                   or (nxt.linked and _cut(k, x.unit_end, nxt.lead) == nxt.lead))]
    if not kept:
        return []
    # clauses
    clauses: list[_Clause] = []
    bounds = [0]
    for prev, nxt in zip(kept, kept[1:]):
        value_last = prev.linked or _has_words_before(k, bounds[-1], prev.lead, v)
        bounds.append(_cut(k, prev.unit_end, nxt.lead, first=value_last))
    bounds.append(len(k))
    for i, val in enumerate(kept):
        a, b = bounds[i], bounds[i + 1]
        strong_end = _STRONG.search(k, val.unit_end, b)
        if strong_end:
            b = strong_end.start()
        strong_start = [m.end() for m in _STRONG.finditer(k, a, val.lead)]
        if strong_start:
            a = strong_start[-1]
        conj = _CONJ.match(k, a, val.lead)
        if conj:
            a = conj.end()
        clauses.append(_Clause(val, a, b))
    first_ind, first_value_first, first_colon = "", False, ""
    masked = v.not_dir.sub(lambda m: " " * len(m.group()), k)
    out_inds: list[str] = []
    out = []
    for i, c in enumerate(clauses):
        ind, value_first = _indicator(text, k, c, v)
        if not value_first:
            cm = regex.search(r"[,;(]|\s-\s", k[c.value.unit_end:c.end])
            if cm:
                c.end = c.value.unit_end + cm.start()
        direction = _direction(masked, c, v)
        if i == 0:
            first_ind, first_value_first = ind, value_first
            first_colon = c.colon_head
        else:
            new = _elide(first_ind, ind, v, first_colon) if not value_first and not first_value_first else ind
            raw_start = k[c.start:c.value.lead].lstrip(_TRIM)
            if out_inds and v.subgroup.match(raw_start) and not v.heads.match(keyof(ind)):
                new = f"{out_inds[-1]}, {ind}"  # "..., riêng ở vùng miền núi dưới 25,5%"
            if new != ind or not ind:  # an elided clause shares the first one's direction
                direction = direction or clauses[i - 1].direction
            ind = new
            if not ind and out_inds and c.value.unit and c.value.unit[0] in "%‰":
                ind = out_inds[-1]  # "chiếm 38,1%, giảm 0,07% so với năm 2023"
        c.indicator, c.direction = ind, direction
        out_inds.append(ind)
    # a per-capita suffix distributes over bare counts of the same sentence
    suffixes = [c.value.unit[c.value.unit.index("/"):] for c in clauses
                if c.value.unit and "/" in c.value.unit]
    for c in clauses:
        u = c.value.unit
        if u and u not in ("%", "‰") and "/" not in u:
            if suffixes and c.bare:
                c.value.unit = u + suffixes[-1]
            else:
                for ps, pe, raw in per_n:
                    if c.start <= ps < c.end or (c.start <= pe <= c.end):
                        den = regex.sub(r"^(?:trên|mỗi|cho mỗi|trong|/)\s*", "", text[ps:pe])
                        c.value.unit = f"{u}/{' '.join(den.split())}"
                        break
        if not c.indicator:
            c.indicator = c.value.unit or ""
    years = [(pos, yr) for pos, yr in horizon_years(k, v) if min_year is None or yr >= min_year]
    for c in clauses:
        val = c.value
        a, b = _strip_span(text, c.start, c.end)
        b = max(b, val.unit_end) if b < val.unit_end else b
        clause_k = k[a:b]
        bm = v.baseline.search(clause_k)
        y = next((yr for pos, yr in reversed(years) if pos < b), None) or year
        out.append(Target(
            id="", indicator=c.indicator, comparator=val.comparator, value=val.value,
            unit=val.unit, text=text[a:b], span=Span(start + a, start + b),
            value_max=val.value_max, of=val.of, direction=c.direction, year=y,
            baseline=_clean(text[a + bm.start("b"):a + bm.end("b")]) if bm else val.baseline,
            section_id=section_id, value_span=Span(start + val.start, start + val.end),
            page=doc.page_at(start + a),
        ))
    return out


_CONTINUATION = regex.compile(r"\s*\p{Ll}", regex.V1)


@lru_cache(maxsize=1)
def _page_number_rx() -> "regex.Pattern[str]":
    alts = "|".join(f"(?:{p})" for p in patterns.load("layout").get("page_number_lines", []))
    return regex.compile(rf"^\s*(?:{alts})\s*$", regex.V1) if alts else regex.compile(r"(?!)")


def _page_number_gap(doc: Document, a: int, b: int) -> bool:
    """Whether ``doc.text[a:b]`` holds nothing but blank and page-number lines."""
    rx = _page_number_rx()
    return all(not ln.strip() or rx.match(ln) for ln in doc.key[a:b].split("\n"))
_TERMINAL = regex.compile(r"[.;:!?…)\]]\W*$", regex.V1)


def _continues(doc: Document, prev_end: int, start: int) -> bool:
    """Whether the line at ``start`` goes on with the sentence ending at ``prev_end``
    (only blank lines between, no closing punctuation, a lower-case start)."""
    gap = doc.text[prev_end:start]
    return (_page_number_gap(doc, prev_end, start) and gap.count("\n") <= 6 and not _TERMINAL.search(doc.text[max(0, prev_end - 3):prev_end])
            and bool(_CONTINUATION.match(doc.text, start)))


def text_targets(doc: Document, sections: list[Section], metadata: Optional[Metadata]) -> list[Target]:
    """Targets written in the running text of every section."""
    v = vocab()
    base_year = plan_year(metadata)
    min_year = earliest_year(metadata)
    skip = _skip_regions(doc, sections, metadata)
    skip_index = _interval_index(skip)
    # a numbered heading may itself state a target ("a) 100% trạm y tế có bác sĩ"):
    # read it from after its number
    title_starts = {doc.text.rfind("\n", 0, s.heading_span.start) + 1: s.heading_span.start
                    for s in walk(sections) if s.kind != "phu_luc"}
    paragraphs: list[list[int]] = []  # [begin, end] of runs of lines
    for line in doc.lines:
        raw = doc.text[line.start:line.end]
        if not raw.strip() or "\t" in raw or _page_number_rx().match(doc.key[line.start:line.end]):
            continue  # blank, table row, page number
        if _overlaps_any(skip_index, line.start, line.end):
            continue
        begin = title_starts.get(line.start, line.start)
        if paragraphs and begin == line.start and _continues(doc, paragraphs[-1][1], line.start):
            paragraphs[-1][1] = line.end  # a sentence broken by a page break
        else:
            paragraphs.append([begin, line.end])
    out: list[Target] = []
    for begin, end in paragraphs:
        secs = ancestors(sections, begin)
        if not secs or _status_section(secs, v):
            continue
        in_target = _target_section(secs, v)
        year = _heading_year(doc, secs, v, min_year) or base_year
        for a, b in _sentences(doc, begin, end):
            out.extend(sentence_targets(doc, a, b, in_target_section=in_target, year=year,
                                        section_id=secs[-1].id, min_year=min_year))
    return out


# --------------------------------------------------------------------------
# Tables of targets


_INDEX_HEADER = regex.compile(r"^(?:s?tt|số tt|stt|thứ tự|no\.?)$", regex.V1)
_UNIT_IN_HEADER = regex.compile(r"\((?P<u>%|‰|[^()]{1,20})\)\s*$", regex.V1)


def _header_paths(table: Table) -> list[list[str]]:
    """Per column, the header texts from top to bottom (merged cells filled)."""
    header = table.header
    width = max((len(r.cells) for r in table.rows), default=0)
    grid = [[(r.cells[j].text.strip() if j < len(r.cells) else "") for j in range(width)] for r in header]
    for i, row in enumerate(grid):
        for j in range(1, width):
            if not row[j] and row[j - 1] and any(grid[x][j] for x in range(i + 1, len(grid))):
                row[j] = row[j - 1]
    return [[grid[i][j] for i in range(len(grid)) if grid[i][j]] for j in range(width)]


def _scope_column(table: Table, paths: list[list[str]]) -> Optional[int]:
    body = table.body
    width = len(paths)
    for j in range(width):
        if paths[j] and _INDEX_HEADER.match(keyof(paths[j][0])):
            continue
        cells = [r.cells[j].text.strip() for r in body if j < len(r.cells) and r.cells[j].text.strip()]
        if cells and sum(1 for c in cells if regex.search(r"\p{L}", c)) > len(cells) / 2:
            return j
    return None


def _header_year(hk: str, v: _Vocab) -> Optional[int]:
    """Year a column header names: "Chỉ tiêu năm 2021", "Mục tiêu 2025" (not "so với năm 2020")."""
    y = find_year(hk, v)
    if y:
        return y
    for m in reversed(list(regex.finditer(rf"(?<![\d.,/]){_YEAR}(?![\d.,/])", hk))):
        if not v.not_horizon.search(hk[max(0, m.start() - 30):m.start()]) and "so với" not in hk[max(0, m.start() - 16):m.start()]:
            return int(m.group())
    return None


def _unit_column(table: Table, paths: list[list[str]], v: _Vocab) -> Optional[int]:
    """Column giving each row's unit ("ĐVT", "Đơn vị tính"; "Đơn vị" when its cells are units)."""
    for j, path in enumerate(paths):
        hk = keyof(" ".join(path)).strip()
        if not v.unit_header.fullmatch(hk):
            continue
        if "tính" in hk or "đvt" in hk:
            return j
        cells = [keyof(r.cells[j].text).strip() for r in table.body if j < len(r.cells) and r.cells[j].text.strip()]
        units = [c for c in cells if c in ("%", "‰") or v.unit_noun.fullmatch(" " + c)]
        if cells and len(units) * 2 >= len(cells):
            return j
    return None


def table_targets(doc: Document, tables: list[Table], sections: list[Section],
                  metadata: Optional[Metadata]) -> list[Target]:
    """One target per numeric cell of a table.

    Two layouts: one row per place or unit (Biểu 6: column header = indicator,
    row name = ``scope``), or one row per indicator (first text column headed
    "Chỉ tiêu" / "Nội dung": row name = indicator, column header = year or scope).
    """
    v = vocab()
    base_year = plan_year(metadata)
    out: list[Target] = []
    for table in tables:
        if not table.rows or table.header_rows < 1:
            continue
        paths = _header_paths(table)
        name_col = _scope_column(table, paths)
        unit_col = _unit_column(table, paths, v)
        rows_are_indicators = name_col is not None and bool(paths[name_col]) and \
            bool(v.indicator_header.search(keyof(" ".join(paths[name_col]))))
        title_year = find_year(keyof(table.title or ""), v)
        secs = ancestors(sections, table.span.start)
        if secs and _status_section(secs, v):
            continue
        sec_year = _heading_year(doc, secs, v) if secs else None
        for row in table.body:
            name = None
            if name_col is not None and name_col < len(row.cells):
                name = " ".join(row.cells[name_col].text.split()) or None
            if name is None:
                name = next((" ".join(c.text.split()) for c in row.cells
                             if regex.search(r"\p{L}", c.text)), None)
            row_unit = None
            if unit_col is not None and unit_col < len(row.cells):
                row_unit = " ".join(row.cells[unit_col].text.split()) or None
            for j, cell in enumerate(row.cells):
                if j in (name_col, unit_col) or j >= len(paths) or not paths[j]:
                    continue
                if _INDEX_HEADER.match(keyof(paths[j][0])):
                    continue
                path = paths[j]
                hk = keyof(" ".join(path))
                if v.skip_column.search(hk):
                    continue  # money, time and results columns: not targets
                q = parse_quantity(cell.text)
                if q is None:
                    continue
                unit = q.unit or row_unit
                for h in reversed(path):
                    um = _UNIT_IN_HEADER.search(h)
                    if um and unit is None:
                        unit = um.group("u").strip()
                header = " — ".join(_clean(_UNIT_IN_HEADER.sub("", h)) or h for h in path)
                if rows_are_indicators and name:
                    um = _UNIT_IN_HEADER.search(name)
                    if um and unit is None:
                        unit = um.group("u").strip()
                    indicator = _clean(_UNIT_IN_HEADER.sub("", name)) or name
                    # the column is a year ("Mục tiêu 2025"), a place ("Toàn tỉnh")
                    # or a measure ("Số lượng") of the row's indicator
                    if regex.fullmatch(rf"(?:\p{{L}}+\s+){{0,3}}{_YEAR}", hk.strip()):
                        scope = None
                    elif v.place_header.match(hk.strip()):
                        scope = header
                    else:
                        scope, indicator = None, f"{indicator} — {header}"
                    about = keyof(name) + " " + hk
                else:
                    indicator, scope, about = header, name, hk
                masked = v.not_dir.sub(lambda m: " " * len(m.group()), about)
                dm = v.dir_rx.search(masked)
                bm = v.baseline.search(about)
                year = _header_year(hk, v) or title_year or sec_year or base_year
                sec = section_at(sections, cell.span.start)
                out.append(Target(
                    id="", indicator=indicator, comparator=q.comparator, value=q.value,
                    unit=unit, text=doc.text[cell.span.start:cell.span.end], span=cell.span,
                    value_max=q.value_max, of=None,
                    direction=v.dir_of[regex.sub(r"\s+", " ", dm.group())] if dm else None,
                    year=year, baseline=_clean(about[bm.start("b"):bm.end("b")]) if bm else None,
                    scope=scope, section_id=table.section_id or (sec.id if sec else None),
                    value_span=cell.span, page=doc.page_at(cell.span.start),
                ))
    return out


# --------------------------------------------------------------------------


def get_targets(doc: Document, sections: list[Section], tables: list[Table], metadata: Metadata) -> list[Target]:
    """Every numeric target of the plan, in document order, ids ``T001``..."""
    found = text_targets(doc, sections, metadata) + table_targets(doc, tables or [], sections, metadata)
    found.sort(key=lambda t: (t.value_span or t.span, t.span))
    for i, t in enumerate(found, 1):
        t.id = f"T{i:03d}"
    return found
