"""Compare one indicator across plans (provinces, years): every target whose indicator matches.

    python examples/compare_indicator.py "trạm y tế" corpus/
    python examples/compare_indicator.py "bảo hiểm y tế" out/ --csv > bhyt.csv
    python examples/compare_indicator.py stunting_under5 corpus/ tests/heldout/

A query that is a concept code of patterns/indicators.yaml ("stunting_under5",
"health_insurance_coverage") matches the targets filed under that concept, whatever each
plan's wording; any other query matches indicators containing it, on vnplan's key (lower
case, one tone-mark placement, one dash form), so "Trạm Y tế", "trạm y tế" and "trạm y tế"
all match. Inputs are plan files or vnplan JSON output.
"""
from __future__ import annotations

import csv
import sys

from to_sqlite import plans_from  # examples/ is on sys.path when run as a script

from vnplan.extract.targets import label_of
from vnplan.text.normalise import squash


def matches(query: str, paths: list[str]) -> list[dict]:
    """One row per matching target: who, when, what value, and the quoted source."""
    q = squash(query)
    by_concept = label_of(query) is not None
    rows = []
    for plan in plans_from(paths):
        meta = plan.get("metadata") or {}
        for t in plan.get("targets") or []:
            if (t.get("concept") == query) if by_concept else (q in squash(t.get("indicator") or "")):
                rows.append({"issuer": meta.get("issuer"), "number": meta.get("number"),
                             "plan_year": (meta.get("date") or {}).get("year"), "year": t.get("year"),
                             "concept": t.get("concept"), "indicator": t.get("indicator"),
                             "comparator": t.get("comparator"),
                             "value": t.get("value"), "value_max": t.get("value_max"), "unit": t.get("unit"),
                             "scope": t.get("scope"), "id": t.get("id"), "text": t.get("text")})
    rows.sort(key=lambda r: (r["issuer"] or "", r["year"] or 0, r["id"]))
    return rows


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "--csv"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = matches(args[0], args[1:])
    if "--csv" in argv:
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["issuer"])
        w.writeheader()
        w.writerows(rows)
        return 0
    for r in rows:
        value = f"{r['value']:g}" + (f"–{r['value_max']:g}" if r["value_max"] is not None else "")
        scope = f" [{r['scope']}]" if r["scope"] else ""
        print(f"{r['issuer'] or '?'} · {r['year'] or '?'} · {r['comparator']} {value} {r['unit'] or ''}{scope}"
              f" · {r['indicator']}")
    print(f"{len(rows)} targets match {args[0]!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
