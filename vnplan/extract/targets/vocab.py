"""Vocabulary of the targets extractor, compiled once from ``patterns/cues.yaml``,
``patterns/units.yaml``, ``patterns/traps.yaml`` and ``patterns/layout.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from vnplan import patterns
from vnplan.text.normalise import key as keyof
from vnplan.text.numbers import NUMBER

_DASH = r"[-\u2013\u2014\u2212]"
_YEAR = r"(?:19|20)\d{2}"


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


@lru_cache(maxsize=1)
def _page_number_rx() -> "regex.Pattern[str]":
    alts = "|".join(f"(?:{p})" for p in patterns.load("layout").get("page_number_lines", []))
    return regex.compile(rf"^\s*(?:{alts})\s*$", regex.V1) if alts else regex.compile(r"(?!)")
