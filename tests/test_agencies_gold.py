"""Agencies and assignments of the three corpus plans against hand-read gold.

Run ``python -m pytest -q -s tests/test_agencies_gold.py`` to see the figures.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vnplan.extract.agencies import _own_level, identity
from vnplan.extract.assignments import column_roles
from vnplan.model import walk

GOLD = Path(__file__).parent / "gold"
PLANS = ["hai_phong", "long_bien", "muong_khuong"]


def _gold(name):
    return yaml.safe_load((GOLD / f"agencies_{name}.yaml").read_text(encoding="utf-8"))


def _f1(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _predicted(plan):
    own = _own_level(plan.metadata)
    out = {}
    for a in plan.agencies:
        out[identity(a.name, own)] = a
    return own, out


def _scores(corpus_plans):
    lead_pred, lead_gold, role_pred, role_gold = set(), set(), set(), set()
    for name in PLANS:
        plan = corpus_plans[name]
        own, pred = _predicted(plan)
        for k, a in pred.items():
            if "lead" in a.roles:
                lead_pred.add((name, k))
            role_pred.add((name, k, tuple(sorted(a.roles))))
        for g in _gold(name)["agencies"]:
            k = identity(g["name"], own)
            if "lead" in g["roles"]:
                lead_gold.add((name, k))
            role_gold.add((name, k, tuple(sorted(g["roles"]))))
    return _f1(lead_pred, lead_gold), _f1(role_pred, role_gold), (lead_pred, lead_gold, role_pred, role_gold)


def test_f1_against_gold(corpus_plans):
    (lp, lr, lf), (rp, rr, rf), (lpred, lgold, rpred, rgold) = _scores(corpus_plans)
    print(f"\nlead agencies:            P={lp:.3f} R={lr:.3f} F1={lf:.3f}  (pred {len(lpred)}, gold {len(lgold)})")
    print(f"agencies with role (all): P={rp:.3f} R={rr:.3f} F1={rf:.3f}  (pred {len(rpred)}, gold {len(rgold)})")
    for miss in sorted(rgold - rpred):
        print("  missed:", miss)
    for extra in sorted(rpred - rgold):
        print("  extra: ", extra)
    assert lf >= 0.95
    assert rf >= 0.9


@pytest.mark.parametrize("name", PLANS)
def test_standing_body(corpus_plans, name):
    own, pred = _predicted(corpus_plans[name])
    gold = {identity(g["name"], own) for g in _gold(name)["agencies"] if g.get("standing")}
    assert {k for k, a in pred.items() if a.standing} == gold


@pytest.mark.parametrize("name", PLANS)
def test_every_implementation_item_has_assignments(corpus_plans, name):
    plan = corpus_plans[name]
    generic = set(_gold(name).get("generic_items") or [])
    impl = [s for s in walk(plan.sections) if s.kind == "to_chuc_thuc_hien"]
    assert impl
    items = [ch for s in impl for ch in s.children]
    assert items
    for item in items:
        ids = {s.id for s in walk([item])}
        got = [a for a in plan.assignments if a.section_id in ids and a.role == "lead"]
        if item.id in generic:
            assert not got, item.id
        else:
            assert got, f"no lead assignment for item {item.id} {item.title!r}"
            # every heading body leads every task of its item
            assert {a.span for a in got} >= {a.span for a in got if a.agency_id == got[0].agency_id}


def test_every_table_row_with_bodies_has_assignments_and_deadlines(corpus_plans):
    plan = corpus_plans["long_bien"]
    checked = 0
    for t in plan.tables:
        cols = column_roles(t)
        if "lead" not in cols:
            continue
        for row in t.body:
            lead = row.cells[cols["lead"]].text if cols["lead"] < len(row.cells) else ""
            coop = row.cells[cols["cooperate"]].text if cols["cooperate"] < len(row.cells) else ""
            if not (lead or coop):
                continue
            checked += 1
            got = [a for a in plan.assignments if row.span.start <= a.span.start < row.span.end]
            assert got, f"no assignment for row {row.cells[1].text!r}"
            due = row.cells[cols["deadline"]].text if cols["deadline"] < len(row.cells) else ""
            if due:
                assert all(a.deadline and a.deadline.text == " ".join(due.split()) for a in got)
    assert checked == 72  # Biểu 1-5 rows naming a lead or cooperating body


def test_table_row_assignment_values(corpus_plans):
    plan = corpus_plans["long_bien"]
    by_id = {a.id: a for a in plan.agencies}
    row = [a for a in plan.assignments if a.task.startswith("Xây dựng và triển khai KH thực hiện chỉ tiêu y tế")]
    assert {(by_id[a.agency_id].name, a.role) for a in row} == {("Phòng Y tế", "lead"), ("Trung tâm Y tế quận", "cooperate")}
    assert row[0].deadline.text == "Trước 10/01/2021"
    assert row[0].deadline.normalized == "before 2021-01-10"
    assert row[0].section_id == "B1"
    kt = [a for a in plan.assignments if a.task.startswith("Kiểm tra, giám sát các phường triển khai")]
    assert {by_id[a.agency_id].name for a in kt} == {"Trung tâm Y tế quận", "Phòng Y tế"}
    assert kt[0].deadline.normalized == "2021-06, 2021-09"


def test_item_tasks_and_deadline(corpus_plans):
    plan = corpus_plans["long_bien"]
    by_name = {a.name: a for a in plan.agencies}
    for d in _gold("long_bien")["deadlines"]:
        aid = by_name[d["agency"]].id
        got = [a for a in plan.assignments if a.agency_id == aid and a.deadline and a.deadline.text == d["text"]]
        assert got and got[0].deadline.normalized == d["normalized"]
        assert got[0].task.startswith("- Hoàn thành việc xây dựng kế hoạch thực hiện trên địa bàn phường")
    # "8. Phòng Kinh tế, Công an quận": two bodies lead the same task
    task = [a for a in plan.assignments if a.section_id == "IV.8" and a.role == "lead"]
    assert {plan.agencies[int(a.agency_id[1:]) - 1].name for a in task} == {"Phòng Kinh tế", "Công an quận"}
    assert len({a.span for a in task}) == 1
    # "10. Hội Chữ thập đỏ quận: Phối hợp ..." — the task on the heading line
    hct = [a for a in plan.assignments if a.section_id == "IV.10"]
    assert hct and hct[0].task.startswith("Phối hợp với y tế triển khai các đợt khám sức khỏe")


def test_assignment_spans_quote_tasks(corpus_plans):
    for plan in corpus_plans.values():
        for a in plan.assignments:
            src = plan.text[a.span.start:a.span.end]
            assert src == a.task or " ".join(src.split()).startswith(a.task.split(" ")[0])
        for ag in plan.agencies:
            assert ag.mentions == sorted(ag.mentions)
            for m in ag.mentions:
                assert plan.text[m.start:m.end].strip()


def test_aliases_resolve_to_one_agency(corpus_plans):
    plan = corpus_plans["long_bien"]
    by_name = {a.name: a for a in plan.agencies}
    ttyt = by_name["Trung tâm Y tế quận"]
    assert {"TTYT", "TTYT quận", "Trung tâm Y tế quận", "Trung tâm Y tế"} <= set(ttyt.aliases)
    assert {"Phòng GD&ĐT", "Phòng Giáo dục & Đào tạo"} <= set(by_name["Phòng Giáo dục và Đào tạo"].aliases)
    assert {"Ban CHQS quận", "BCHQS quận", "BCH QS"} <= set(by_name["Ban Chỉ huy quân sự quận"].aliases)
    assert [a.id for a in plan.agencies] == [f"A{i:02d}" for i in range(1, len(plan.agencies) + 1)]
    firsts = [a.mentions[0].start for a in plan.agencies]
    assert firsts == sorted(firsts)


def test_no_agency_from_closing_or_preamble(corpus_plans):
    for plan in corpus_plans.values():
        closing = plan.metadata.layout.closing
        pre = plan.metadata.layout.preamble
        for a in plan.agencies:
            for m in a.mentions:
                assert not (closing and closing.start <= m.start < closing.end)
                assert not (pre and pre.start <= m.start < pre.end)
    names = {a.name for a in corpus_plans["hai_phong"].agencies}
    assert "Bộ Y tế" not in names and "Ủy ban nhân dân thành phố" not in names
