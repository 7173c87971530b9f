"""Targets written in the running text: sentence by sentence, section by section."""
from __future__ import annotations

from typing import Optional

import regex

from vnplan.model import Document, Metadata, Section, Span, Target, ancestors, walk
from vnplan.text.normalise import key as keyof
from vnplan.extract.targets.clauses import (
    CLAUSE_BREAK, TRIM, Clause, clause_direction, clause_indicator, clean_words, cut_point, elide_indicator,
    has_words_before, strip_span,
)
from vnplan.extract.targets.sections import interval_index, is_status_section, is_target_section, overlaps_any, skip_regions
from vnplan.extract.targets.values import WINDOW, find_values, trap_spans
from vnplan.extract.targets.vocab import page_number_rx, vocab
from vnplan.extract.targets.years import earliest_year, heading_year, horizon_years, plan_year
from vnplan.structure.lines import blank_out, continues_after, page_number_spans

_STRONG_PUNCT = regex.compile(r"[;.:]")
_LIST_END = regex.compile(r"(?:,|\svà)\s*$")
_CLAUSE_TAIL = regex.compile(r"[,;(]|\s-\s")
_MONEY_UNIT = regex.compile(r"(?<!\p{L})(?:đồng|vnđ|vnd|usd)\s*$", regex.V1 | regex.IGNORECASE)


_DIGIT = regex.compile(r"\d")
_SENT_END = regex.compile(r"(?<=[.!?…])\s+(?=\S)|(?<=\.)(?=\p{Lu})", regex.V1)


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _SENT_END.finditer(doc.text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    return [(a, b) for a, b in out if doc.text[a:b].strip()]


def sentence_targets(doc: Document, start: int, end: int, *, in_target_section: bool,
                     year: Optional[int], section_id: Optional[str],
                     min_year: Optional[int] = None) -> list[Target]:
    """Targets of the sentence ``doc.text[start:end]``."""
    v = vocab()
    text, k = doc.text[start:end], doc.key[start:end]
    if not _DIGIT.search(k):
        return []  # every value is written in digits
    if v.status_lead.match(k.lstrip(TRIM)):
        return []  # "Hiện nay, tỷ lệ ... đạt 92%": a result, not a target
    traps, per_n, totals = trap_spans(k, v, bool(v.age_ind.search(k)))
    if "\n" in k:  # a sentence read across a page break: its page number is neither value nor words
        spans = page_number_spans(k)
        text, k = blank_out(text, spans), blank_out(k, spans)
    vals = find_values(text, k, v, traps)
    for x in vals:  # "Cứng hóa mới 65 km (năm 2025: 18 km; năm 2026: 22 km)": a per-year breakdown
        lm = v.paren_label.search(k, max(0, x.lead - 40), x.lead) if x.in_parens else None
        if lm and (min_year is None or int(lm.group("y")) >= min_year):
            x.in_parens, x.labelled = False, True
    if any(not x.in_parens for x in vals):
        vals = [x for x in vals if not x.in_parens]
    for cur, nxt in zip(vals, vals[1:]):
        if cur.from_to:  # "tăng từ 25 lên 30 giường": 25 is where it starts
            nxt.baseline = clean_words(text[cur.start:cur.unit_end])
            nxt.from_lead = cur.lead
    vals = [x for i, x in enumerate(vals) if not (x.from_to and i + 1 < len(vals))]
    kept = []
    for val in vals:
        rate = val.unit in ("%", "‰") or val.of is not None or (val.unit and "/" in val.unit)
        cue = val.comparator != "="
        window = " ".join(k[max(0, val.lead - WINDOW):val.lead].split()[-v.achievement_window:])
        achieved = bool(v.achievement.search(window) or v.output.search(window))
        if not achieved:  # "Đào tạo trình độ sơ cấp ... cho khoảng 12.000 lao động": the clause's verb
            cs = max(k.rfind(";", 0, val.lead), k.rfind(":", 0, val.lead)) + 1
            achieved = bool(v.clause_opening.match(k[cs:val.lead].lstrip(TRIM))) \
                and not v.clause_opening_not_after.search(k, cs, val.lead)
        change = bool(v.decrease_before.search(k[max(0, val.lead - 40):val.lead])
                      or v.increase_before.search(k[max(0, val.lead - 40):val.lead])
                      or v.maintain_before.search(k[max(0, val.lead - 40):val.lead]))
        measure = bool(val.unit) and keyof(val.unit) in v.measure_units
        gap = k[kept[-1].unit_end:val.lead] if kept else ""
        coordinated = bool(kept) and len(gap) <= 60 and not _STRONG_PUNCT.search(gap) \
            and bool(_LIST_END.search(gap)) and val.unit is not None
        if not (in_target_section or rate or cue or achieved or change or measure or coordinated):
            continue
        if val.unit is None and not (val.linked or cue or val.of is not None):
            continue
        if kept and cut_point(k, kept[-1].unit_end, val.lead) == val.lead \
                and v.qualifier_prep.search(k[kept[-1].unit_end:val.lead]):
            continue  # "đạt 95% với 8 loại vắc xin": a qualifier of the first
        kept.append(val)
    for pos, total in totals:  # "45 xã ... trên tổng số 50 xã": 50 is what 45 is out of
        prev = [x for x in kept if x.unit_end <= pos and x.of is None]
        if prev and not CLAUSE_BREAK.search(k, prev[-1].unit_end, pos):
            prev[-1].of = total
    # "các xã có tỷ lệ hộ nghèo trên 25% giảm từ 4% trở lên": 25% qualifies
    # the subject; the change that follows it is the target
    # "Tỷ lệ phụ nữ khám thai đủ 4 lần đạt 90%": a number inside the indicator
    # of a linked value that follows without a break is part of that indicator
    kept = [x for x, nxt in zip(kept, kept[1:] + [None])
            if nxt is None or not (v.change_between.match(k[x.unit_end:nxt.lead])
                                   or (nxt.linked and not nxt.labelled
                                       and cut_point(k, x.unit_end, nxt.lead) == nxt.lead))]
    if not kept:
        return []
    # clauses
    clauses: list[Clause] = []
    bounds = [0]
    for prev, nxt in zip(kept, kept[1:]):
        paren = k.rfind("(", prev.unit_end, nxt.lead) if nxt.labelled else -1
        if paren >= 0:  # "65 km ... (năm 2025: 18 km": the breakdown opens its own clause
            bounds.append(paren)
            continue
        value_last = prev.linked or has_words_before(k, bounds[-1], prev.lead, v)
        bounds.append(cut_point(k, prev.unit_end, nxt.lead, first=value_last))
    bounds.append(len(k))
    for i, val in enumerate(kept):
        a, b = bounds[i], bounds[i + 1]
        strong_end = CLAUSE_BREAK.search(k, val.unit_end, b)
        if strong_end:
            b = strong_end.start()
        strong_start = [m.end() for m in CLAUSE_BREAK.finditer(k, a, val.lead)]
        if strong_start:
            a = strong_start[-1]
        conj = v.clause_conj.match(k, a, val.lead)
        if conj:
            a = conj.end()
        clauses.append(Clause(val, a, b))
    first_ind, first_value_first, first_colon = "", False, ""
    masked = v.mask_not_direction(k)
    out_inds: list[str] = []
    out = []
    for i, c in enumerate(clauses):
        ind, value_first = clause_indicator(text, k, c, v)
        if not value_first:
            cm = _CLAUSE_TAIL.search(k, c.value.unit_end, c.end)
            if cm:
                c.end = cm.start()
        direction = clause_direction(masked, c, v)
        if direction is None and i > 0 and c.value.unit and c.value.unit == clauses[i - 1].value.unit:
            gap = k[clauses[i - 1].value.unit_end:c.value.lead]  # "Duy trì hoạt động của 03 cơ sở
            if len(gap) <= 60 and not _STRONG_PUNCT.search(gap) and _LIST_END.search(gap):  # ... và 05 cơ sở"
                direction = clauses[i - 1].direction  # one verb governs both counts of one noun
        if i == 0:
            first_ind, first_value_first = ind, value_first
            first_colon = c.colon_head
        else:
            new = elide_indicator(first_ind, ind, v, first_colon) if not value_first and not first_value_first else ind
            raw_start = k[c.start:c.value.lead].lstrip(TRIM).lstrip()  # a line break may stand before it
            if out_inds and v.subgroup.match(raw_start) and not v.heads.match(keyof(ind)):
                new = f"{out_inds[-1]}, {ind}"  # "..., riêng ở vùng miền núi dưới 25,5%"
            if new != ind or not ind:  # an elided clause shares the first one's direction
                direction = direction or clauses[i - 1].direction
            elif direction is None and v.subgroup.match(raw_start):  # "duy trì 100% đối tượng …, trong
                direction = clauses[i - 1].direction  # đó 100% trẻ em …": the subgroup shares its verb
            ind = new
            if not ind and out_inds and c.value.unit and (c.value.unit[0] in "%‰" or c.value.linked):
                ind = out_inds[-1]  # "chiếm 38,1%, giảm 0,07% so với năm 2023", "Doanh thu ...
                # tăng bình quân 20 - 25%/năm, đến năm 2026 đạt khoảng 520 triệu USD"
            if c.value.labelled:  # "65 km ... (năm 2025: 18 km; năm 2026: 22 km)": the breakdown's
                ind = next((clauses[j].indicator for j in range(i - 1, -1, -1)  # indicator
                            if not clauses[j].value.labelled), ind)
        c.indicator, c.direction = ind, direction
        out_inds.append(ind)
    # a per-capita suffix of a count distributes over the sentence's bare counts ("10 bác
    # sĩ/vạn dân, 2 dược sĩ"), not one of a rate or an amount ("tăng 10 - 12%/năm; có ít nhất 40
    # doanh nghiệp", "doanh thu dưới 50 tỷ đồng/năm; ... 1 tỷ đồng" keep their own units)
    suffixes = [c.value.unit[c.value.unit.index("/"):] for c in clauses
                if c.value.unit and "/" in c.value.unit and c.value.unit[0] not in "%‰"
                and not _MONEY_UNIT.search(c.value.unit[:c.value.unit.index("/")])]
    for c in clauses:
        u = c.value.unit
        if u and u not in ("%", "‰") and "/" not in u:
            if suffixes and c.bare:
                c.value.unit = u + suffixes[-1]
            else:
                for ps, pe, raw in per_n:
                    if c.start <= ps < c.end or (c.start <= pe <= c.end):
                        den = v.per_n_lead.sub("", text[ps:pe])
                        c.value.unit = f"{u}/{' '.join(den.split())}"
                        break
        if not c.indicator:
            c.indicator = c.value.unit or ""
    years = [(pos, yr) for pos, yr in horizon_years(k, v) if min_year is None or yr >= min_year]
    for c in clauses:
        val = c.value
        a, b = strip_span(text, c.start, c.end)
        b = max(b, val.unit_end) if b < val.unit_end else b
        clause_k = k[a:b]
        bm = v.baseline.search(clause_k)
        y = next((yr for pos, yr in reversed(years) if pos < b), None) or year
        out.append(Target(
            id="", indicator=c.indicator, comparator=val.comparator, value=val.value,
            unit=val.unit, text=doc.text[start + a:start + b], span=Span(start + a, start + b),
            value_max=val.value_max, of=val.of, direction=c.direction, year=y,
            baseline=clean_words(text[a + bm.start("b"):a + bm.end("b")]) if bm else val.baseline,
            section_id=section_id, value_span=Span(start + val.start, start + val.end),
            page=doc.page_at(start + a),
        ))
    return out


def _continues(doc: Document, prev_end: int, start: int) -> bool:
    """Whether the line at ``start`` goes on with the sentence ending at ``prev_end``
    (the structure stage's rule, :func:`vnplan.structure.lines.continues_after`)."""
    return continues_after(doc, prev_end, start)


def text_targets(doc: Document, sections: list[Section], metadata: Optional[Metadata]) -> list[Target]:
    """Targets written in the running text of every section."""
    v = vocab()
    base_year = plan_year(metadata)
    min_year = earliest_year(metadata)
    skip = skip_regions(doc, sections, metadata)
    skip_index = interval_index(skip)
    # a numbered heading may itself state a target ("a) 100% trạm y tế có bác sĩ"):
    # read it from after its number
    title_starts = {doc.text.rfind("\n", 0, s.heading_span.start) + 1: s.heading_span.start
                    for s in walk(sections) if s.kind != "phu_luc"}
    paragraphs: list[list[int]] = []  # [begin, end] of runs of lines
    for line in doc.lines:
        raw = doc.text[line.start:line.end]
        if not raw.strip() or "\t" in raw or page_number_rx().match(doc.key[line.start:line.end]):
            continue  # blank, table row, page number
        if overlaps_any(skip_index, line.start, line.end):
            continue
        begin = title_starts.get(line.start, line.start)
        if paragraphs and begin == line.start and _continues(doc, paragraphs[-1][1], line.start):
            paragraphs[-1][1] = line.end  # a sentence broken by a page break
        else:
            paragraphs.append([begin, line.end])
    out: list[Target] = []
    for begin, end in paragraphs:
        secs = ancestors(sections, begin)
        if not secs or is_status_section(secs, v):
            continue
        in_target = is_target_section(secs, v)
        year = heading_year(doc, secs, v, min_year) or base_year
        for a, b in _sentences(doc, begin, end):
            out.extend(sentence_targets(doc, a, b, in_target_section=in_target, year=year,
                                        section_id=secs[-1].id, min_year=min_year))
    return out
