"""Parse one plan and print what vnplan found: header, section outline, targets, agencies.

    python examples/parse_one.py                                   # a corpus plan
    python examples/parse_one.py path/to/plan.txt [--json]          # any plan; --json: the full JSON
"""
from __future__ import annotations

import sys
from pathlib import Path

import vnplan
from vnplan.errors import VnplanError
from vnplan.model import walk

DEFAULT = Path(__file__).resolve().parent.parent / "corpus" / "long-bien-2021-y-te.txt"


def summary(plan: vnplan.Plan) -> str:
    m = plan.metadata
    date = "-".join(str(x) for x in (m.date.year, m.date.month, m.date.day) if x is not None)
    lines = [f"{m.doc_type or '?'} {m.number or '(no number)'} · {m.issuer or '(no issuer)'} · {date or '(no date)'}",
             f"  {m.title or '(no title)'}", "", "Sections:"]
    for s in walk(plan.sections):
        lines.append(f"  {'  ' * (s.level - 1)}{s.id:<10} {s.kind or '':<14} {(s.title or '')[:60]}")
    lines += ["", f"Targets ({len(plan.targets)}):"]
    for t in plan.targets[:15]:
        value = f"{t.value:g}" + (f"–{t.value_max:g}" if t.value_max is not None else "")
        lines.append(f"  {t.id} {t.comparator:>2} {value} {t.unit or ''} · {t.indicator[:60]} ({t.year or '?'})")
    if len(plan.targets) > 15:
        lines.append(f"  … {len(plan.targets) - 15} more")
    lines += ["", f"Agencies ({len(plan.agencies)}): " + "; ".join(a.name for a in plan.agencies[:8])]
    lines += [f"Warnings: {', '.join(w.code for w in plan.warnings) or 'none'}"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "--json"]
    path = Path(args[0]) if args else DEFAULT
    try:
        plan = vnplan.parse(path)
    except VnplanError as err:
        print(f"parse_one: {err}", file=sys.stderr)
        return 3
    print(plan.to_json() if "--json" in argv else summary(plan))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
