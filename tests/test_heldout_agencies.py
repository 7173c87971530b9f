"""Agencies and assignments on held-out plans (other provinces and sectors).

The plans and their gold in ``tests/heldout_agencies/`` were written and committed
before vnplan was run on them. Run ``python -m pytest -q -s
tests/test_heldout_agencies.py`` to see per-plan and overall figures: F1 of lead
agencies and of agencies-with-role, standing accuracy, item accuracy (lead
bodies and task count per implementation item), table-row accuracy and
deadline accuracy.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import vnplan
from vnplan.extract.agencies import _own_level, identity
from vnplan.model import walk
from vnplan.text.normalise import key

HERE = Path(__file__).parent / "heldout_agencies"
PLANS = sorted(p.stem for p in HERE.glob("*.txt"))

# Floors a little under what the code reaches after the fixes (all 1.000; first
# run 0.894 / 0.842 / 0.961 / 0.710 / 0.833 / 0.389 — see the README of the folder).
# These plans informed the fixes, so they no longer measure generalisation on their
# own: ``fresh_*`` plans added later were measured once, before any further change.
MIN_LEAD_F1 = 0.95
MIN_ROLE_F1 = 0.95
MIN_STANDING = 0.95
MIN_ITEMS = 0.9
MIN_ROWS = 0.9
MIN_DEADLINES = 0.9

# A new round's plans, while on their first run (their causes not fixed yet), are held
# to floors a little under their first-run figures and the other plans to the floors
# above; once fixed, the round leaves FIRST_RUN and joins them. Round 7
# (``fresh_an_toan_thuc_pham_cai_be``, ``fresh_phong_chong_thien_tai_ha_tinh``; first
# run 0.875 / 0.828 / 1.000 / 0.864 / 0.800 / 0.900) has been fixed and left it.
# Round 8 (employment Bắc Giang, forest Na Rì, administrative reform Bình Phước; first run
# 0.698 / 0.703 / 0.974 / 0.567 / 0.857 / 0.714, held then to the floors below) has been
# fixed and left it too.
# Round 9 (science and technology Thái Nguyên, population Lạc Hồng, drug prevention
# Mường Ảng; first run 0.897 / 0.917 / 0.974 / 0.857 / 1.000 / 1.000) has been fixed and
# left it as well.
# Round 11 (HIV/AIDS, tuberculosis and malaria Lai Châu, rural roads Tam Nông, e-commerce
# Cần Thơ; first run 0.915 / 0.831 / 0.974 / 0.786 / 1.000 / 0.871, held then to items 0.75 and
# rows 0.90 and the floors below otherwise) has been fixed and left it too.
# Round 12 (BHYT coverage Tuyên Quang, nutrition Đắk Glong, NCD Vĩnh Long; first run 1.000 /
# 0.980 / 0.958 / 0.875 / – / 0.643, held then to deadlines 0.60 and the floors below otherwise)
# has been fixed and left it too.
# Round 13 (OCOP Mỏ Cày Nam, fire prevention Phong Hải, gender equality Ninh Thuận; first run
# 0.857 / 0.829 / 0.976 / 0.643 / 0.929 / 0.824, held then to items 0.60, rows 0.90, deadlines
# 0.80 and the floors below otherwise) has been fixed and left it too (0.975 / 0.965 / 1.000 /
# 0.964 / 1.000 / 1.000 after its fixes).
FIRST_RUN: set[str] = set()
MIN_FIRST_RUN = dict(lead=0.85, role=0.80, standing=0.95, items=0.85, rows=0.75, due=0.85)


@pytest.fixture(scope="module")
def heldout():
    out = {}
    for name in PLANS:
        plan = vnplan.parse(HERE / f"{name}.txt")
        gold = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
        out[name] = (plan, gold)
    return out


def _f1(pred: set, gold: set) -> float:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _due_ok(pred, gold_text: str) -> bool:
    """The printed deadline phrase (a leading 'thời gian:'/'trong' may be kept)."""
    if pred is None:
        return False
    p, g = " ".join(key(pred.text).split()), " ".join(key(gold_text).split())
    return g in p and len(p) <= len(g) + 24


def _measure(plan, gold) -> dict:
    own = _own_level(plan.metadata)
    ident = lambda n: identity(n, own)  # noqa: E731
    by_id = {a.id: a for a in plan.agencies}
    pred_roles = {ident(a.name): set(a.roles) for a in plan.agencies}
    gold_roles = {ident(g["name"]): set(g["roles"]) for g in gold["agencies"]}
    lead_p = {k for k, r in pred_roles.items() if "lead" in r}
    lead_g = {k for k, r in gold_roles.items() if "lead" in r}
    role_p = {(k, tuple(sorted(r))) for k, r in pred_roles.items()}
    role_g = {(k, tuple(sorted(r))) for k, r in gold_roles.items()}
    st_g = {ident(g["name"]) for g in gold["agencies"] if g.get("standing")}
    st_p = {ident(a.name) for a in plan.agencies if a.standing}
    standing = sum(1 for k in gold_roles if (k in st_g) == (k in st_p)) / len(gold_roles)
    sections = {s.id: s for s in walk(plan.sections)}
    items_ok, due_ok, due_n, errors = 0, 0, 0, []
    for it in gold["items"]:
        ids = {s.id for s in walk([sections[it["item"]]])} if it["item"] in sections else set()
        got = [a for a in plan.assignments if a.section_id in ids and a.role == "lead"]
        leads = {ident(by_id[a.agency_id].name) for a in got}
        want = {ident(n) for n in it["leads"]}
        spans = {a.span for a in got}
        if leads == want and len(spans) == it["tasks"]:
            items_ok += 1
        else:
            errors.append(f"item {it['item']}: leads {sorted(leads)} tasks {len(spans)}")
        for name, text in it["deadlines"]:
            due_n += 1
            if any(_due_ok(a.deadline, text) for a in got if ident(by_id[a.agency_id].name) == ident(name)):
                due_ok += 1
            else:
                errors.append(f"deadline {it['item']} {name}: {text!r} not found")
    rows_ok = 0
    for row in gold["rows"]:
        got = [a for a in plan.assignments if " ".join(a.task.split()).startswith(row["task"])]
        lead = {ident(by_id[a.agency_id].name) for a in got if a.role == "lead"}
        coop = {ident(by_id[a.agency_id].name) for a in got if a.role == "cooperate"}
        ok_due = bool(got) and all(_due_ok(a.deadline, row["deadline"]) for a in got)
        due_n += 1
        due_ok += ok_due
        if lead == {ident(n) for n in row["lead"]} and coop == {ident(n) for n in row["cooperate"]} and ok_due:
            rows_ok += 1
        else:
            errors.append(f"row {row['task']!r}: lead {sorted(lead)} coop {sorted(coop)} due ok {ok_due}")
    return {
        "lead": (lead_p, lead_g), "role": (role_p, role_g), "standing": standing,
        "items": (items_ok, len(gold["items"])), "rows": (rows_ok, len(gold["rows"])),
        "due": (due_ok, due_n), "errors": errors,
        "missed": sorted(role_g - role_p), "extra": sorted(role_p - role_g),
    }


def _aggregate(measures: dict) -> tuple[float, ...]:
    tot = {k: [set(), set()] for k in ("lead", "role")}
    sums = {"items": [0, 0], "rows": [0, 0], "due": [0, 0]}
    for name, m in measures.items():
        for k in ("lead", "role"):
            tot[k][0] |= {(name, x) for x in m[k][0]}
            tot[k][1] |= {(name, x) for x in m[k][1]}
        for k in sums:
            sums[k][0] += m[k][0]
            sums[k][1] += m[k][1]
    standing = sum(m["standing"] for m in measures.values()) / len(measures)
    return (_f1(*tot["lead"]), _f1(*tot["role"]), standing,
            *(sums[k][0] / sums[k][1] if sums[k][1] else 1.0 for k in ("items", "rows", "due")))


def test_heldout_agencies(heldout):
    measures = {name: _measure(*heldout[name]) for name in PLANS}
    print()
    print(f"{'plan':28} {'lead F1':>7} {'role F1':>7} {'stand':>6} {'items':>6} {'rows':>6} {'dues':>6}")
    for name, m in measures.items():
        frac = lambda a, b: f"{a}/{b}"  # noqa: E731
        print(f"{name:28} {_f1(*m['lead']):7.3f} {_f1(*m['role']):7.3f} {m['standing']:6.3f} "
              f"{frac(*m['items']):>6} {frac(*m['rows']):>6} {frac(*m['due']):>6}")
        for x in m["missed"]:
            print("    missed:", x)
        for x in m["extra"]:
            print("    extra: ", x)
        for e in m["errors"]:
            print("    ", e)
    groups = {
        "first four (informed fixes)": {k: v for k, v in measures.items() if not k.startswith("fresh_")},
        "fresh (written after fixes)": {k: v for k, v in measures.items() if k.startswith("fresh_")},
        "current round (first run)": {k: v for k, v in measures.items() if k in FIRST_RUN},
        "ALL": measures,
    }
    for label, ms in groups.items():
        if ms:
            print(f"{label:28} " + " ".join(f"{x:{w}.3f}" for x, w in zip(_aggregate(ms), (7, 7, 6, 6, 6, 6))))
    first = {k: v for k, v in measures.items() if k in FIRST_RUN}
    if first:
        got = dict(zip(("lead", "role", "standing", "items", "rows", "due"), _aggregate(first)))
        for k, floor in MIN_FIRST_RUN.items():
            assert got[k] >= floor, (k, got[k])
    lead, role, standing, items, rows, due = _aggregate(
        {k: v for k, v in measures.items() if k not in FIRST_RUN})
    assert lead >= MIN_LEAD_F1
    assert role >= MIN_ROLE_F1
    assert standing >= MIN_STANDING
    assert items >= MIN_ITEMS
    assert rows >= MIN_ROWS
    assert due >= MIN_DEADLINES
