"""Load plans into SQLite: one row per plan, section, target, budget line, agency, assignment.

    python examples/to_sqlite.py plans.db corpus/                 # parse plan files (folders walked)
    python examples/to_sqlite.py plans.db out/ all.jsonl          # or load vnplan JSON / JSON Lines output

Ids are stable: a plan is keyed by ``source.sha256`` (the same bytes are the same plan wherever
they are stored) and each item by ``(plan_id, item id)`` (``T001``, ``II.2.a``, ...). A plan is
replaced as a whole in one transaction, so re-running never duplicates rows and a re-parse with a
newer vnplan leaves no stale items behind. Spans are kept as ``start``/``end`` into ``plans.text``.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

import vnplan
from vnplan.errors import VnplanError

SCHEMA = """
CREATE TABLE IF NOT EXISTS plans (
    plan_id TEXT PRIMARY KEY, path TEXT, schema_version TEXT, format TEXT,
    doc_type TEXT, number TEXT, issuer TEXT, place TEXT,
    year INTEGER, month INTEGER, day INTEGER, title TEXT,
    period_start INTEGER, period_end INTEGER, text TEXT);
CREATE TABLE IF NOT EXISTS sections (
    plan_id TEXT, id TEXT, parent_id TEXT, number TEXT, kind TEXT, level INTEGER, title TEXT,
    start INTEGER, "end" INTEGER, PRIMARY KEY (plan_id, id));
CREATE TABLE IF NOT EXISTS targets (
    plan_id TEXT, id TEXT, section_id TEXT, indicator TEXT, comparator TEXT, value REAL, value_max REAL,
    "of" REAL, unit TEXT, direction TEXT, year INTEGER, scope TEXT, text TEXT, start INTEGER, "end" INTEGER,
    concept TEXT, PRIMARY KEY (plan_id, id));
CREATE TABLE IF NOT EXISTS budget (
    plan_id TEXT, id TEXT, section_id TEXT, amount_vnd REAL, purpose TEXT, text TEXT, start INTEGER, "end" INTEGER,
    PRIMARY KEY (plan_id, id));
CREATE TABLE IF NOT EXISTS agencies (
    plan_id TEXT, id TEXT, name TEXT, roles TEXT, standing INTEGER, mentions INTEGER, PRIMARY KEY (plan_id, id));
CREATE TABLE IF NOT EXISTS assignments (
    plan_id TEXT, id TEXT, agency_id TEXT, role TEXT, task TEXT, deadline TEXT, section_id TEXT,
    start INTEGER, "end" INTEGER, PRIMARY KEY (plan_id, id));
CREATE INDEX IF NOT EXISTS targets_indicator ON targets (indicator);
"""
# columns added after a table was first created: (table, column, type)
ADDED = (("targets", "concept", "TEXT"),)


def create(db: sqlite3.Connection) -> None:
    """Create the tables, or add the columns a database made by an older version lacks."""
    db.executescript(SCHEMA)
    for table, column, kind in ADDED:
        if column not in {row[1] for row in db.execute(f"PRAGMA table_info({table})")}:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    db.execute("CREATE INDEX IF NOT EXISTS targets_concept ON targets (concept)")
CHILDREN = ("sections", "targets", "budget", "agencies", "assignments")


def _span(item: dict, name: str = "span") -> tuple:
    span = item.get(name) or (None, None)
    return span[0], span[1]


def _sections(items: list[dict], parent: str | None = None) -> Iterator[tuple[dict, str | None]]:
    for s in items:
        yield s, parent
        yield from _sections(s.get("children") or [], s.get("id"))


def load_plan(db: sqlite3.Connection, plan: dict[str, Any]) -> str:
    """Replace one plan (a ``Plan.to_dict()``) and all its items; returns its plan_id."""
    src, meta = plan["source"], plan.get("metadata") or {}
    pid = src["sha256"]
    date, period = meta.get("date") or {}, meta.get("period") or {}
    with db:  # one transaction: a plan is never half loaded
        for table in CHILDREN:
            db.execute(f"DELETE FROM {table} WHERE plan_id = ?", (pid,))
        db.execute("INSERT OR REPLACE INTO plans VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            pid, src.get("path"), plan.get("schema_version"), src.get("format"), meta.get("doc_type"),
            meta.get("number"), meta.get("issuer"), meta.get("place"), date.get("year"), date.get("month"),
            date.get("day"), meta.get("title"), period.get("start"), period.get("end"), plan.get("text")))
        db.executemany("INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?)", [
            (pid, s["id"], parent, s.get("number"), s.get("kind"), s.get("level"), s.get("title"), *_span(s))
            for s, parent in _sections(plan.get("sections") or [])])
        db.executemany("INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
            (pid, t["id"], t.get("section_id"), t.get("indicator"), t.get("comparator"), t.get("value"),
             t.get("value_max"), t.get("of"), t.get("unit"), t.get("direction"), t.get("year"), t.get("scope"),
             t.get("text"), *_span(t), t.get("concept")) for t in plan.get("targets") or []])
        db.executemany("INSERT INTO budget VALUES (?,?,?,?,?,?,?,?)", [
            (pid, b["id"], b.get("section_id"), b.get("amount_vnd"), b.get("purpose"), b.get("text"), *_span(b))
            for b in plan.get("budget") or []])
        db.executemany("INSERT INTO agencies VALUES (?,?,?,?,?,?)", [
            (pid, a["id"], a.get("name"), json.dumps(a.get("roles") or [], ensure_ascii=False),
             int(bool(a.get("standing"))), len(a.get("mentions") or [])) for a in plan.get("agencies") or []])
        db.executemany("INSERT INTO assignments VALUES (?,?,?,?,?,?,?,?,?)", [
            (pid, a["id"], a.get("agency_id"), a.get("role"), a.get("task"),
             json.dumps(a["deadline"], ensure_ascii=False) if a.get("deadline") else None, a.get("section_id"),
             *_span(a)) for a in plan.get("assignments") or []])
    return pid


def plans_from(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Plan dicts from vnplan outputs (.json, .jsonl) or from plan files parsed on the fly."""
    for raw in paths:
        p = Path(raw)
        files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")) if p.is_dir() else [p]
        for f in files:
            if f.name.endswith("errors.jsonl"):
                continue
            if f.suffix == ".jsonl":
                for line in f.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        yield json.loads(line)
            elif f.suffix == ".json":
                yield json.loads(f.read_text(encoding="utf-8"))
            else:
                try:
                    yield vnplan.parse(f).to_dict()
                except VnplanError as err:
                    print(f"to_sqlite: skipped {err}", file=sys.stderr)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    db = sqlite3.connect(argv[0])
    create(db)
    n = sum(1 for plan in plans_from(argv[1:]) if load_plan(db, plan))
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("plans",) + CHILDREN}
    db.close()
    print(f"loaded {n} plans; database now holds " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
