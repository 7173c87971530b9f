"""Vocabulary of the targets extractor, compiled once from ``patterns/cues.yaml``,
``patterns/units.yaml``, ``patterns/traps.yaml`` and ``patterns/layout.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from vnplan import patterns
from vnplan.text.normalise import key as keyof
from vnplan.text.phrases import alternation
from vnplan.text.numbers import NUMBER

_SPACES = regex.compile(r"\s+")

DASH = r"[-\u2013\u2014\u2212]"
YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class Trap:
    name: str
    rx: "regex.Pattern[str]"
    per_n: bool = False
    age: bool = False
    total: bool = False


@dataclass
class Vocab:
    traps: list[Trap]
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
    horizon_tail: "regex.Pattern[str]"
    dir_end: "regex.Pattern[str]"
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
    range_to: "regex.Pattern[str]"
    range_start: frozenset
    approx_end: "regex.Pattern[str]"
    clause_conj: "regex.Pattern[str]"
    per_n_lead: "regex.Pattern[str]"
    index_header: "regex.Pattern[str]"
    unit_column_words: tuple
    baseline_word: "regex.Pattern[str]"
    task_kinds: frozenset = frozenset()
    clause_opening: "regex.Pattern[str]" = regex.compile(r"(?!)")
    clause_opening_not_after: "regex.Pattern[str]" = regex.compile(r"(?!)")
    paren_label: "regex.Pattern[str]" = regex.compile(r"(?!)")

    def direction_of(self, phrase: str) -> str:
        """Direction (increase / decrease / maintain) of a matched direction phrase."""
        return self.dir_of[spaced(phrase)]

    def mask_not_direction(self, k: str) -> str:
        """``k`` with names holding a direction word ("tăng huyết áp") blanked, offsets kept."""
        return self.not_dir.sub(lambda m: " " * len(m.group()), k)


def spaced(phrase: str) -> str:
    """A matched phrase with its runs of white space folded, to look it up in a cue table."""
    return _SPACES.sub(" ", phrase)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The targets vocabulary, compiled once."""
    cues = patterns.load("cues")
    units = patterns.load("units")
    traps = patterns.load("traps")["traps"]
    flags = regex.V1

    def rx(src: str) -> "regex.Pattern[str]":
        return regex.compile(src, flags)

    def words(phrases) -> "regex.Pattern[str]":  # any of the phrases, as whole words
        return rx(rf"(?<!\p{{L}})(?:{alternation(phrases)})(?!\p{{L}})")

    def starts(phrases) -> "regex.Pattern[str]":  # text starting with one of the phrases
        return rx(rf"^(?:{alternation(phrases)})(?!\p{{L}})")

    def before_value(phrases) -> "regex.Pattern[str]":  # phrase (and comparator cue) ending the text
        return rx(rf"(?<!\p{{L}})(?:{alternation(phrases)})\s*(?:(?:{alternation(cue_comp)})\s*)?$")

    def sub(src: str) -> str:
        return src.replace("{N}", NUMBER).replace("{D}", DASH).replace("{Y}", YEAR)

    trap_list = [Trap(t["name"], rx(sub(t["re"])), bool(t.get("per_n")), bool(t.get("age")),
                       bool(t.get("total"))) for t in traps]
    cue_comp = {keyof(p): c for c, ps in cues["comparators"].items() for p in ps}
    cue_comp.update({keyof(p): c for c, ps in cues.get("negated_caps", {}).items() for p in ps})
    cue_after_comp = {keyof(p): c for c, ps in cues["comparators_after"].items() for p in ps}
    linkers = [p for p in cues["linkers"] if p not in (":", "=")]
    dir_of = {keyof(p): d for d, ps in cues["directions"].items() for p in ps}
    return Vocab(
        traps=trap_list,
        cue_before=rx(rf"(?<!\p{{L}})(?P<cue>{alternation(cue_comp)})\s*(?:(?:{alternation(linkers)})\s*)?:?\s*$"),
        cue_comp=cue_comp,
        cue_after=rx(rf"^\s*(?P<cue>{alternation(cue_after_comp)})(?!\p{{L}})"),
        cue_after_comp=cue_after_comp,
        linker_end=rx(rf"(?:(?<!\p{{L}})(?:{alternation(linkers)})|[:=])\s*$"),
        dir_rx=words(dir_of),
        dir_end=rx(rf"(?<!\p{{L}})(?:{alternation(dir_of)})(?:\s+(?:{alternation(cues.get('direction_adverbs', [])) or '(?!)'}))?\s*$"),
        dir_of=dir_of,
        dir_window=int(cues.get("direction_window", 4)),
        decrease_before=before_value(cues['decrease_before_value']),
        not_dir=words(cues['not_direction']),
        leading=rx(rf"^(?:(?:{alternation(list(dir_of) + cues['leading_verbs'])})(?!\p{{L}})\s*)+"),
        achievement=words(cues['achievement_cues']),
        achievement_window=int(cues.get("achievement_window", 6)),
        output=words(cues['output_cues']),
        measure_units=frozenset(keyof(u) for u in units["measures"]),
        maintain_before=before_value(cues['maintain_before_value']),
        increase_before=before_value(cues['increase_before_value']),
        target_kinds=frozenset(cues["target_kinds"]),
        target_title=words(cues['target_title_words']),
        heads=starts(cues['indicator_heads']),
        age_ind=words(cues['age_indicators']),
        horizon=rx(rf"(?<!\p{{L}})(?:{alternation(cues['horizon'])})\s+(?P<y>{YEAR})(?!\d)"),
        not_horizon=rx(rf"(?<!\p{{L}})(?:{alternation(cues['not_horizon'])})\s+$"),
        baseline=rx(rf"(?<!\p{{L}})(?:{alternation(cues['baseline'])})\s+(?P<b>[^,;:.()]{{1,40}}?)(?=\s*[,;:.()]|\s*$)"),
        unit_symbol=rx(rf"^\s*(?P<u>{alternation(units['symbols'])})"),
        # a multiplier may come first: "9,5 triệu lượt khách", "2 nghìn tấn"
        unit_noun=rx(rf"^\s+(?P<u>(?:(?:{alternation(units['money']['multipliers'])})\s+)?(?:{alternation(units['nouns'])}))(?!\p{{L}})"),
        unit_per=rx(rf"^\s*/\s*(?P<p>(?:{NUMBER}\s*)?(?:{alternation(units['per_nouns'])}))(?!\p{{L}})"),
        trailing=rx(rf"(?:\s+(?:{alternation(cues['trailing_words'])}))+\s*$"),
        trailing_keep=rx(rf"(?:{alternation(cues['trailing_keep'])})\s*$"),
        qualifier_prep=rx(rf"(?<!\p{{L}})(?:{alternation(cues['qualifier_prepositions'])})\s*$"),
        from_to=rx(rf"^\s*(?:{alternation(cues['from_to'])})\s+(?={NUMBER})"),
        horizon_lead=rx(rf"^(?:{'|'.join(cues['horizon_lead'])})\s*[:,]?\s*"),
        horizon_tail=rx(rf"[\s:,]*(?<!\p{{L}})(?:{'|'.join(cues['horizon_lead'])})\s*[:,]?\s*$"),
        not_units=frozenset(keyof(u) for u in units["not_units"]),
        status_kinds=frozenset(cues["status_kinds"]),
        unit_header=rx(rf"(?:{alternation(cues['table_unit_headers'])})"),
        place_header=starts(cues['table_place_words']),
        indicator_header=starts(cues['table_indicator_headers']),
        change_between=rx(rf"^\s*(?:{alternation(dir_of)})(?:\s+(?:{alternation(cues['change_particles'])}))?\s*$"),
        head_start=rx(rf"[,:]\s+|(?<!\p{{L}})(?:{alternation(list(dir_of) + cues['leading_verbs'])})\s+"),
        skip_column=words(cues['skip_table_columns']),
        status_title=words(cues['status_title_words']),
        status_lead=starts(cues['status_lead']),
        subgroup=starts(cues['subgroup_cues']),
        range_to=rx(rf"^\s*(?:{DASH}|{alternation(cues['range_words'])})\s*(?P<b>{NUMBER})"),
        range_start=frozenset(keyof(p) for p in cues["range_start"]),
        approx_end=rx(rf"(?<!\p{{L}})(?:{alternation(cues.get('approximators', [])) or '(?!)'})\s*$"),
        # compiled without V1, as the clause splitters are
        clause_conj=regex.compile(rf"[\s,;-]*(?:{alternation(cues['clause_conjunctions'])})\s+"),
        per_n_lead=rx(rf"^(?:{alternation(cues['per_n_prefixes'])}|/)\s*"),
        index_header=rx(rf"^(?:{alternation(cues['table_index_headers'])})$"),
        unit_column_words=tuple(keyof(p) for p in cues["table_unit_column_words"]),
        baseline_word=rx(alternation(cues["baseline"])),
        task_kinds=frozenset(cues.get("task_kinds", [])),
        # a clause opened by an output or service verb (after an item number and at most one
        # verb before a comma: "Đầu tư, nâng cấp ... cho 04 trường"), or by a verb of organising
        # before it ("Tổ chức khám sàng lọc ... cho 25.000 người": clause_opening_prefixes)
        clause_opening=rx(rf"^(?:(?:[a-zđ]\)|\d{{1,2}}(?:\.\d{{1,2}})*[.)])\s*)?"
                          rf"(?:(?:{alternation(cues.get('clause_opening_prefixes', [])) or '(?!)'})\s+)?"
                          rf"(?:\p{{L}}+(?:\s+\p{{L}}+){{0,2}},\s*)?"
                          rf"(?:{alternation(cues['output_cues'] + cues.get('clause_opening_cues', []))})(?!\p{{L}})"),
        clause_opening_not_after=rx(rf"(?<!\p{{L}})(?:{alternation(cues.get('clause_opening_not_after', []))})\s*$"),
        paren_label=rx(rf"(?<!\p{{L}})(?:{'|'.join(sub(p.replace('{Y}', f'(?P<y>{YEAR})')) for p in cues.get('paren_value_labels', [])) or '(?!)'})\s*$"),
    )


@lru_cache(maxsize=1)
def page_number_rx() -> "regex.Pattern[str]":
    alts = "|".join(f"(?:{p})" for p in patterns.load("layout").get("page_number_lines", []))
    return regex.compile(rf"^\s*(?:{alts})\s*$", regex.V1) if alts else regex.compile(r"(?!)")
