"""Clauses of a sentence: where to cut between values, the indicator and
direction of each clause, and elided indicators."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from vnplan.text.normalise import key as keyof
from vnplan.extract.targets.values import Value
from vnplan.extract.targets.vocab import Vocab

_TWO_LETTERS = regex.compile(r"\p{L}{2}")
_LATEX_DEBRIS = regex.compile(r"\$\\?[a-z]*\$?")
_COMMA_COLON = regex.compile(r"[,:]\s+")
_COLON_CAPITAL = regex.compile(r":\s*(\p{Lu})")
_COLON = regex.compile(r"\s*:\s*")


CLAUSE_BREAK = regex.compile(r";")
_WEAK = regex.compile(r",\s|\s+và\s+|\s+-\s+")
TRIM = " \t-+*•–:;,.\u00a0"
_SHARE_NOUN_WORDS = 4  # words of a share's counted noun before its verb ("100% trạm y tế duy trì")


def cut_point(k: str, a: int, b: int, first: bool = False) -> int:
    """Where to split between two values at ``a``..``b``: the last ``;``,
    else the last comma / ``và`` (the first one when the earlier value
    closes its clause, "đạt 11%, riêng tại ... và miền núi dưới 15%")."""
    seg = k[a:b]
    strong = [m.end() for m in CLAUSE_BREAK.finditer(seg)]
    if strong:
        return a + strong[-1]
    weak = [m for m in _WEAK.finditer(seg)]
    if weak:
        return a + (weak[0] if first else weak[-1]).start()
    return b


def has_words_before(k: str, a: int, lead: int, v: "Vocab") -> bool:
    """Whether an indicator is written before the value at ``lead``."""
    pre = k[a:lead].strip(TRIM)
    for _ in range(3):
        m = v.horizon_lead.match(pre) or v.leading.match(pre)
        if not m or not m.end():
            break
        pre = pre[m.end():].strip(TRIM)
    return bool(_TWO_LETTERS.search(pre))


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in " \t;,:(\u00a0":
        b -= 1
    return a, b


def clean_words(s: str) -> str:
    s = " ".join(s.split())
    s = _LATEX_DEBRIS.sub("", s)
    s = s.strip(" -+*•:;,.")
    if s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:]
    if s.endswith("(") or (s.endswith(")") and s.count(")") > s.count("(")):
        s = s[:-1]
    return s.strip(" -+*•:;,.")


@dataclass
class Clause:
    value: Value
    start: int
    end: int
    indicator: str = ""
    direction: Optional[str] = None
    colon_head: str = ""
    bare: bool = False  # nothing but a leading verb before the value


def clause_direction(masked: str, clause: Clause, v: Vocab) -> Optional[str]:
    """Direction cue of a clause; ``masked`` is the sentence key with names such
    as "tăng huyết áp" blanked out."""
    val = clause.value
    prefix = masked[clause.start:val.lead]
    starts = [0] + [m.end() for m in _COMMA_COLON.finditer(prefix)]
    for st in starts:  # "Giảm tỷ lệ ...", "Về y tế, giảm tỷ lệ ..."
        m = v.dir_rx.match(prefix[st:].lstrip(TRIM))
        if m:
            return v.direction_of(m.group())
    if v.decrease_before.search(masked[clause.start:val.lead]):
        return "decrease"
    if v.increase_before.search(masked[clause.start:val.lead]):
        return "increase"
    words = masked[clause.start:val.lead].split()
    window = " ".join(words[-v.dir_window:])
    found = list(v.dir_rx.finditer(window))
    if found:
        return v.direction_of(found[-1].group())
    after = masked[val.unit_end:clause.end].lstrip(TRIM)
    m = v.dir_rx.match(after)
    if m and not clause.value.linked:
        return v.direction_of(m.group())
    if val.unit == "%" and not prefix.strip(TRIM) and not clause.value.linked:
        # a leading share, its counted noun, then a verb of keeping: "100% khu phố duy trì
        # hoạt động …", "100% trạm y tế duy trì đạt Bộ tiêu chí quốc gia"
        head = " ".join(after.split()[:_SHARE_NOUN_WORDS + 2])
        for m in v.dir_rx.finditer(head):
            if v.direction_of(m.group()) == "maintain" and (m.start() == 0 or head[m.start() - 1] == " "):
                return "maintain"
            break
    return None


def clause_indicator(text: str, k: str, clause: Clause, v: Vocab) -> tuple[str, bool]:
    """Indicator words of a clause and whether the value came first."""
    val = clause.value
    pre_a, pre_b = clause.start, val.lead
    if val.from_lead is not None and pre_a <= val.from_lead < pre_b:
        pre_b = val.from_lead
    pre_k = k[pre_a:pre_b]
    off = len(pre_k) - len(pre_k.lstrip(TRIM))
    for _ in range(3):
        m = v.horizon_lead.match(pre_k[off:]) or v.leading.match(pre_k[off:])
        if not m or not m.end():
            break
        off += m.end()
        off += len(pre_k[off:]) - len(pre_k[off:].lstrip(TRIM))
    pre = text[pre_a + off:pre_b]
    pre_key = keyof(pre)
    # trailing linkers / "giảm còn" / baseline
    for _ in range(3):
        m = v.linker_end.search(pre_key)
        pm = v.decrease_before.search(pre_key)
        cut = min([x.start() for x in (m, pm) if x] or [len(pre_key)])
        bm = v.baseline.search(pre_key)
        if bm:
            cut = min(cut, bm.start())
        if cut == len(pre_key):
            break
        pre, pre_key = pre[:cut], pre_key[:cut]
        dm = v.dir_end.search(pre_key)
        if dm:
            pre, pre_key = pre[:dm.start()], pre_key[:dm.start()]
    # "Ngoài ra, tỷ lệ ...", "đến năm 2030: tỷ lệ ...": start at the head
    if not v.heads.match(pre_key):
        heads = [m.end() for m in v.head_start.finditer(pre_key) if v.heads.match(pre_key[m.end():])]
        if heads:
            pre, pre_key = pre[heads[0]:], pre_key[heads[0]:]
    dm = v.dir_end.search(pre_key)
    if dm and dm.start() > 0 and pre_key[dm.start() - 1].isspace() and not v.not_dir.search(pre_key[max(0, dm.start() - 12):]):
        pre = pre[:dm.start()]
    pre = clean_words(pre)
    post = clean_words(text[val.unit_end:clause.end])
    pb = v.baseline.search(keyof(post))
    if pb:
        post = clean_words(post[:pb.start()] + post[pb.end():])
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
            pre = clean_words(pre[pm.end():])
        noun = val.unit if val.unit and val.unit not in ("%", "‰") else ""
        ind = " ".join(x for x in (pre, noun, post) if x)
    else:
        tm = v.trailing.search(keyof(pre))
        keep = v.trailing_keep.search(keyof(pre))
        ind = pre[:tm.start()] if tm and tm.start() > 0 and not keep else pre
    clause.bare = not pre
    clause.colon_head = clean_words(ind.rsplit(":", 1)[0]) if ":" in ind and not value_first else ""
    ind = _COLON_CAPITAL.sub(lambda m: " " + m.group(1).lower(), ind)
    ind = _COLON.sub(" ", ind)
    bm = v.baseline.search(keyof(ind))
    if bm and bm.start() > 0:
        ind = ind[:bm.start()] + ind[bm.end():]
    hm = v.horizon_tail.search(keyof(ind))  # "Số nhiệm vụ ...: năm 2025 đạt 20 nhiệm vụ"
    if hm and hm.start() > 0:
        ind = ind[:hm.start()]
    return clean_words(ind), value_first


def elide_indicator(first: str, this: str, v: Vocab, colon_head: str = "") -> str:
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
