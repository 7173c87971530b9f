"""Generalisation check on held-out plans (``tests/heldout``).

The four plans and their gold were written from the text, before vnplan was
run on them (see ``tests/heldout/README.md``). Run
``python -m pytest -q -s tests/test_heldout.py`` to see the figures.

Targets: a prediction matches a gold target when its value equals the gold
value and its value span lies inside the gold ``at`` quote (one-to-one).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

import vnplan
import vnplan.schema
from vnplan.model import walk
from vnplan.text.normalise import squash

HERE = Path(__file__).parent
# round 1: used to find the causes of misses (no longer unseen);
# round 2: written after those fixes, before running vnplan on them.
SETS = {"heldout": sorted(p.stem for p in (HERE / "heldout").glob("*.yaml")),
        "heldout2": sorted(p.stem for p in (HERE / "heldout2").glob("*.yaml")),
        "heldout3": sorted(p.stem for p in (HERE / "heldout3").glob("*.yaml")),
        "heldout4": sorted(p.stem for p in (HERE / "heldout4").glob("*.yaml")),
        "heldout5": sorted(p.stem for p in (HERE / "heldout5").glob("*.yaml")),
        "heldout6": sorted(p.stem for p in (HERE / "heldout6").glob("*.yaml")),
        "heldout7": sorted(p.stem for p in (HERE / "heldout7").glob("*.yaml")),
        "heldout8": sorted(p.stem for p in (HERE / "heldout8").glob("*.yaml")),
        "heldout9": sorted(p.stem for p in (HERE / "heldout9").glob("*.yaml")),
        "heldout11": sorted(p.stem for p in (HERE / "heldout11").glob("*.yaml")),
        "heldout12": sorted(p.stem for p in (HERE / "heldout12").glob("*.yaml")),
        "heldout13": sorted(p.stem for p in (HERE / "heldout13").glob("*.yaml"))}
NAMES = [f"{d}/{n}" for d, names in SETS.items() for n in names]
ATTRS = ("comparator", "unit", "year", "direction", "of", "value_max")
META = ("doc_type", "number", "symbol", "issuer", "place", "date", "title", "period")

# Levels reached after the generalisation work, a little below the figures
# (tests/heldout/README.md) so that one more miss on a later change is seen
# in the printout before it fails: target P/R, each target attribute,
# metadata fields, top-level section kinds, budget P/R.
MIN = {"heldout": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       "heldout2": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       # one plan of 16 targets: one unit disagreement is 6 %
       "heldout3": dict(p=0.95, r=0.95, attr=0.90, meta=0.95, kinds=0.95, budget=0.95),
       "heldout4": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       "heldout5": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       "heldout6": dict(p=0.95, r=0.95, attr=0.90, meta=0.95, kinds=0.95, budget=0.95),
       "heldout7": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       # round 8: first run 0.929 / 0.937 (floor 0.85 then), 1.000 / 1.000 after its fixes
       "heldout8": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       # round 9: first run 0.931 / 0.942 (floor 0.85 then), 1.000 / 0.988 after its fixes
       "heldout9": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       # round 11: first run 0.966 / 0.779 (floors 0.85 / 0.75 then), 1.000 / 1.000 after its fixes
       "heldout11": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       # round 12: first run 0.941 / 0.982 (floor 0.85 then), 1.000 / 1.000 after its fixes
       "heldout12": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95),
       # round 13: first run 1.000 / 0.925 (floors 0.95 / 0.90, attrs 0.90, budget 0.85 then),
       # 1.000 / 0.950 after its fixes
       "heldout13": dict(p=0.95, r=0.95, attr=0.95, meta=0.95, kinds=0.95, budget=0.95)}


@lru_cache(maxsize=None)
def _plan(name: str):
    return vnplan.parse(HERE / f"{name}.txt")


@lru_cache(maxsize=None)
def _gold(name: str) -> dict:
    return yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))


def _same(attr: str, gold, pred) -> bool:
    if attr == "unit":
        return (squash(gold) if gold else None) == (squash(pred) if pred else None)
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return abs(gold - pred) < 1e-9
    return gold == pred


def match_targets(plan, gold: dict):
    """(pairs, missed gold, extra predictions)."""
    text = plan.text
    pairs, missed, used = [], [], set()
    taken: Counter = Counter()
    for g in gold["targets"]:
        at = g["at"]
        assert text.count(at) == 1, f"gold quote not unique in the plan: {at!r}"
        a = text.index(at)
        b = a + len(at)
        hit = None
        for i, t in enumerate(plan.targets):
            vs = t.value_span or t.span
            if i in used or not (a <= vs.start and vs.end <= b):
                continue
            if abs(t.value - g["value"]) < 1e-9:
                hit = i
                break
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, plan.targets[hit]))
        taken[at] += 1
    extra = [t for i, t in enumerate(plan.targets) if i not in used]
    return pairs, missed, extra


def meta_fields(plan) -> dict:
    m = plan.metadata
    return {"doc_type": m.doc_type, "number": m.number, "symbol": m.symbol, "issuer": m.issuer,
            "place": m.place, "date": [m.date.year, m.date.month, m.date.day], "title": m.title,
            "period": [m.period.start, m.period.end]}


def score(name: str) -> dict:
    plan, gold = _plan(name), _gold(name)
    pairs, missed, extra = match_targets(plan, gold)
    attr_ok = {a: sum(_same(a, g.get(a), getattr(t, a)) for g, t in pairs) for a in ATTRS}
    got = meta_fields(plan)
    meta_ok = {f: got[f] == gold["metadata"][f] for f in META}
    top = {s.id: s.kind for s in plan.sections}
    kinds_ok = sum(top.get(sid) == kind for sid, kind in gold["sections"])
    kinds_n = max(len(gold["sections"]), len(top))
    pred_b = Counter(round(b.amount_vnd) for b in plan.budget)
    gold_b = Counter(round(float(x)) for x in gold["budget"])
    b_hit = sum((pred_b & gold_b).values())
    return dict(name=name, pairs=pairs, missed=missed, extra=extra, attr_ok=attr_ok, meta_ok=meta_ok,
                got=got, gold=gold, top=top, kinds_ok=kinds_ok, kinds_n=kinds_n,
                b_hit=b_hit, b_pred=sum(pred_b.values()), b_gold=sum(gold_b.values()))


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def _print(s: dict) -> None:
    n_pairs = len(s["pairs"])
    p = _ratio(n_pairs, n_pairs + len(s["extra"]))
    r = _ratio(n_pairs, n_pairs + len(s["missed"]))
    attr = _ratio(sum(s["attr_ok"].values()), n_pairs * len(ATTRS))
    print(f"\n[{s['name']}] targets gold={n_pairs + len(s['missed'])} pred={n_pairs + len(s['extra'])} "
          f"P={p:.3f} R={r:.3f} attrs={attr:.3f} "
          + " ".join(f"{a}={_ratio(v, n_pairs):.2f}" for a, v in s["attr_ok"].items())
          + f" | meta={_ratio(sum(s['meta_ok'].values()), len(META)):.3f}"
          f" kinds={_ratio(s['kinds_ok'], s['kinds_n']):.3f}"
          f" budget P={_ratio(s['b_hit'], s['b_pred']):.2f} R={_ratio(s['b_hit'], s['b_gold']):.2f}")
    for g in s["missed"]:
        print(f"   missed: {g['at']!r} {g['value']}")
    for t in s["extra"]:
        print(f"   extra:  {t.value} {t.unit} | {t.text[:90]!r}")
    for g, t in s["pairs"]:
        bad = [a for a in ATTRS if not _same(a, g.get(a), getattr(t, a))]
        if bad:
            print(f"   wrong {bad}: {g['at']!r} -> " + ", ".join(f"{a}={getattr(t, a)!r} (gold {g.get(a)!r})" for a in bad))
    for f, ok in s["meta_ok"].items():
        if not ok:
            print(f"   meta {f}: {s['got'][f]!r} (gold {s['gold']['metadata'][f]!r})")
    if s["b_hit"] < max(s["b_pred"], s["b_gold"]):
        print(f"   budget: {[b.amount_vnd for b in _plan(s['name']).budget]} (gold {s['gold']['budget']})")
    if s["kinds_ok"] < s["kinds_n"]:
        print(f"   sections: {s['top']} (gold {s['gold']['sections']})")


@pytest.mark.parametrize("which", list(SETS))
def test_heldout_figures(which):
    scores = [score(f"{which}/{n}") for n in SETS[which]]
    for s in scores:
        _print(s)
    n_pairs = sum(len(s["pairs"]) for s in scores)
    p = _ratio(n_pairs, n_pairs + sum(len(s["extra"]) for s in scores))
    r = _ratio(n_pairs, n_pairs + sum(len(s["missed"]) for s in scores))
    attrs = {a: _ratio(sum(s["attr_ok"][a] for s in scores), n_pairs) for a in ATTRS}
    meta = _ratio(sum(sum(s["meta_ok"].values()) for s in scores), len(META) * len(scores))
    kinds = _ratio(sum(s["kinds_ok"] for s in scores), sum(s["kinds_n"] for s in scores))
    b_hit = sum(s["b_hit"] for s in scores)
    bp = _ratio(b_hit, sum(s["b_pred"] for s in scores))
    br = _ratio(b_hit, sum(s["b_gold"] for s in scores))
    attr_all = sum(attrs.values()) / len(attrs)
    print(f"\n[ALL {which}] targets P={p:.3f} R={r:.3f} attrs={attr_all:.3f} "
          + " ".join(f"{a}={v:.3f}" for a, v in attrs.items())
          + f" | metadata={meta:.3f} section_kinds={kinds:.3f} budget P={bp:.3f} R={br:.3f}")
    lim = MIN[which]
    assert p >= lim["p"] and r >= lim["r"], (p, r)
    for a, v in attrs.items():
        assert v >= lim["attr"], (a, v)
    assert meta >= lim["meta"], meta
    assert kinds >= lim["kinds"], kinds
    assert bp >= lim["budget"] and br >= lim["budget"], (bp, br)


def test_heldout_output_is_grounded_and_valid():
    for name in NAMES:
        plan = _plan(name)
        for t in plan.targets:
            assert plan.text[t.span.start:t.span.end] == t.text
        vnplan.schema.validate(plan.to_dict())
