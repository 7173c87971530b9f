"""The runnable examples work end to end on the corpus."""
import json
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, PLANS, ROOT

EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(EXAMPLES))

import to_sqlite  # noqa: E402


def run(script, *args, cwd=None):
    return subprocess.run([sys.executable, str(EXAMPLES / script), *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def test_parse_one_prints_header_and_targets():
    r = run("parse_one.py", PLANS["long_bien"])
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("KẾ HOẠCH 460/KH-UBND · Ủy ban nhân dân quận Long Biên · 2020-12-31")
    assert "Sections:" in r.stdout and "Targets (" in r.stdout


def test_parse_one_json_and_bad_input(tmp_path):
    r = run("parse_one.py", PLANS["hai_phong"], "--json")
    assert json.loads(r.stdout)["source"]["format"] == "txt"
    (tmp_path / "e.txt").write_bytes(b"")
    r = run("parse_one.py", tmp_path / "e.txt")
    assert (r.returncode, r.stderr) == (3, f"parse_one: {tmp_path / 'e.txt'}: file is empty\n")


def _counts(db_path):
    db = sqlite3.connect(db_path)
    out = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("plans",) + to_sqlite.CHILDREN}
    db.close()
    return out


def test_to_sqlite_rerun_does_not_duplicate(tmp_path, corpus_plans):
    db_path = tmp_path / "plans.db"
    assert run("to_sqlite.py", db_path, CORPUS).returncode == 0
    first = _counts(db_path)
    assert first["plans"] == 3
    assert first["targets"] == sum(len(p.targets) for p in corpus_plans.values())
    assert first["sections"] > 3
    assert run("to_sqlite.py", db_path, CORPUS).returncode == 0
    assert _counts(db_path) == first
    # the same plans as vnplan JSON output: same ids, still no duplicates
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "vnplan.cli", "parse", str(CORPUS), "-o", str(out)], check=True,
                   capture_output=True)
    assert run("to_sqlite.py", db_path, out).returncode == 0
    assert _counts(db_path) == first


def test_to_sqlite_ids_are_stable_and_spans_quote_the_text(tmp_path, corpus_plans):
    db = sqlite3.connect(tmp_path / "p.db")
    db.executescript(to_sqlite.SCHEMA)
    plan = corpus_plans["long_bien"]
    pid = to_sqlite.load_plan(db, plan.to_dict())
    assert pid == plan.source.sha256
    text = db.execute("SELECT text FROM plans WHERE plan_id = ?", (pid,)).fetchone()[0]
    rows = db.execute("SELECT id, text, start, \"end\" FROM targets WHERE plan_id = ? ORDER BY id", (pid,)).fetchall()
    assert [r[0] for r in rows] == sorted(t.id for t in plan.targets)
    assert all(text[s:e] == t for _, t, s, e in rows)
    number = db.execute("SELECT number FROM plans").fetchone()[0]
    assert number == "460/KH-UBND"
    parent = db.execute("SELECT parent_id FROM sections WHERE plan_id = ? AND id = 'II.1'", (pid,)).fetchone()[0]
    assert parent == "II"


def test_to_sqlite_reload_drops_stale_items(tmp_path, corpus_plans):
    db = sqlite3.connect(tmp_path / "p.db")
    db.executescript(to_sqlite.SCHEMA)
    data = corpus_plans["long_bien"].to_dict()
    to_sqlite.load_plan(db, data)
    data["targets"] = data["targets"][:2]
    to_sqlite.load_plan(db, data)
    assert db.execute("SELECT count(*) FROM targets").fetchone()[0] == 2


def test_compare_indicator_finds_the_same_indicator_across_plans():
    r = run("compare_indicator.py", "BẢO HIỂM Y TẾ", CORPUS, "--csv")
    assert r.returncode == 0, r.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and all("bảo hiểm y tế" in row["indicator"].lower() for row in rows)
    mk = [row for row in rows if "Mường Khương" in row["issuer"]]
    assert any(float(row["value"]) == 98.0 and row["unit"] == "%" for row in mk)
    r = run("compare_indicator.py", "trạm y tế", CORPUS)
    assert r.stderr.strip().endswith("targets match 'trạm y tế'")


def test_compare_indicator_by_concept_lines_up_plans_worded_differently():
    r = run("compare_indicator.py", "stunting_under5", CORPUS, ROOT / "tests" / "heldout", "--csv")
    assert r.returncode == 0, r.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["concept"] for row in rows} == {"stunting_under5"}
    issuers = {row["issuer"] for row in rows}
    assert any("Mường Khương" in i for i in issuers) and any("Sóc Trăng" in i for i in issuers)
    assert len({row["indicator"] for row in rows}) >= 2  # the same quantity, in several wordings


def test_to_sqlite_adds_the_concept_column_to_an_older_database(tmp_path, corpus_plans):
    db = sqlite3.connect(tmp_path / "old.db")
    old = to_sqlite.SCHEMA.replace('"end" INTEGER,\n    concept TEXT, PRIMARY KEY', '"end" INTEGER,\n    PRIMARY KEY')
    assert old != to_sqlite.SCHEMA
    db.executescript(old)
    to_sqlite.create(db)
    to_sqlite.load_plan(db, corpus_plans["muong_khuong"].to_dict())
    got = db.execute("SELECT value FROM targets WHERE concept = 'stunting_under5'").fetchall()
    assert got == [(31.9,)]
