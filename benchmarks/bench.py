"""vnplan benchmark: one command, figures for the corpus, written to benchmarks/results.json.

    python benchmarks/bench.py            # full run (batch of 2,001 documents)
    python benchmarks/bench.py --n 300    # quicker

Measures, in one run on the same texts:
- single-document parse time (median, p95) of each corpus plan, bytes -> Plan;
- ``underthesea.word_tokenize`` time on the same texts as a reference, and the ratio;
- batch throughput (documents/s, MB/s) of the corpus replicated to N files, through the same
  code path as ``vnplan parse DIR -o OUT`` (``vnplan.batch``) with ``--jobs 1`` and ``--jobs 2``;
- peak memory per worker (max RSS of each worker process; tracemalloc peak of one parse);
- linearity: a document 10x longer (its body sections repeated) vs the original;
- ``import vnplan`` time in a fresh interpreter.
underthesea is imported last so that it does not inflate the memory figures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vnplan  # noqa: E402
from vnplan import batch  # noqa: E402

CORPUS = ROOT / "corpus"
RESULTS = ROOT / "benchmarks" / "results.json"
TARGETS = {
    "ratio_vs_word_tokenize_min": 30.0,  # parse at least 30x faster than word_tokenize, each plan
    "batch_docs_per_s_jobs2": 300.0,
    "speedup_jobs2_vs_jobs1": 1.7,
    "peak_rss_mb_per_worker": 150.0,  # at most
    "linearity_10x": 12.0,  # at most
    "import_s": 0.5,  # at most
}


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(q * (len(s) - 1))))
    return s[k]


def _time(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def import_time(runs: int = 5) -> float:
    """Median wall time of ``import vnplan`` in a fresh interpreter."""
    code = "import time; t=time.perf_counter(); import vnplan; print(time.perf_counter()-t)"
    times = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        times.append(float(r.stdout.strip()))
    return statistics.median(times)


def single(docs: dict[str, bytes], repeat: int) -> dict[str, list[float]]:
    vnplan.parse_bytes(next(iter(docs.values())), "warm-up")
    return {name: _time(lambda d=data, n=name: vnplan.parse_bytes(d, n), repeat) for name, data in docs.items()}


def tenfold(text: str) -> str:
    """The plan with its body (from the first section heading) repeated to 10x its length."""
    plan = vnplan.parse_text(text)
    start = plan.sections[0].span.start if plan.sections else 0
    head, body = text[:start], text[start:]
    copies = max(1, round((10 * len(text) - len(head)) / max(1, len(body))))
    return head + "\n".join([body] * copies)


def linearity(text: str, repeat: int) -> dict:
    big = tenfold(text)
    t1 = statistics.median(_time(lambda: vnplan.parse_text(text), repeat))
    t10 = statistics.median(_time(lambda: vnplan.parse_text(big), max(3, repeat // 5)))
    size_ratio = len(big) / len(text)
    return {"size_ratio": round(size_ratio, 2), "t1_ms": t1 * 1e3, "t10_ms": t10 * 1e3,
            "time_ratio": t10 / t1, "time_ratio_per_10x": t10 / t1 * 10 / size_ratio}


def tracemalloc_peak(data: bytes) -> float:
    tracemalloc.start()
    vnplan.parse_bytes(data, "mem")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def batch_run(folder: Path, jobs: int, tmp: Path) -> dict:
    out = tmp / f"out-j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    inputs = batch.collect([folder])
    t0 = os.times()
    s = batch.run(inputs, out_dir=out, jobs=jobs)
    t1 = os.times()
    assert s.failed == 0 and s.parsed == len(inputs), s.line()
    # CPU seconds of this process and its (reaped) workers: tells a busy machine from a slow parser
    cpu = sum(t1[i] - t0[i] for i in range(4))
    return {"jobs": jobs, "docs": s.parsed, "seconds": s.seconds, "docs_per_s": s.parsed / s.seconds,
            "cpu_seconds": cpu, "cpu_use": cpu / (s.seconds * jobs),
            "mb_per_s": s.bytes / 2**20 / s.seconds,
            "peak_rss_mb_per_worker": max(s.peak_rss_kb.values()) / 1024 if s.peak_rss_kb else None,
            "workers": len(s.peak_rss_kb)}


def word_tokenize_times(docs: dict[str, bytes], repeat: int) -> dict[str, list[float]]:
    from underthesea import word_tokenize

    texts = {n: vnplan.parse_bytes(d, n).text for n, d in docs.items()}
    word_tokenize(next(iter(texts.values())))  # loads the model
    return {n: _time(lambda t=t: word_tokenize(t), repeat) for n, t in texts.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2001, help="documents in the batch (corpus replicated)")
    ap.add_argument("--repeat", type=int, default=30, help="timed parses per corpus plan")
    ap.add_argument("--no-write", action="store_true", help="do not write benchmarks/results.json")
    ap.add_argument("--table", action="store_true", help="only print the table of benchmarks/results.json")
    ap.add_argument("--readme", action="store_true",
                    help="also put the table of benchmarks/results.json between the bench markers of README.md")
    args = ap.parse_args(argv)
    if args.table:
        print(table(json.loads(RESULTS.read_text(encoding="utf-8"))))
        return _readme() if args.readme else 0

    docs = {p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))}
    res: dict = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "vnplan": vnplan.__version__, "commit": _commit(), "python": platform.python_version(),
                 "cpus": batch.default_jobs(), "machine": platform.machine(), "targets": TARGETS}
    res["import_s"] = import_time()

    per_doc = single(docs, args.repeat)
    largest = max(docs, key=lambda n: len(docs[n]))
    res["linearity"] = linearity(docs[largest].decode("utf-8"), args.repeat) | {"doc": largest}
    res["tracemalloc_peak_mb"] = tracemalloc_peak(docs[largest])

    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmpd:
        tmp = Path(tmpd)
        folder = tmp / "in"
        for i in range(args.n):
            name = list(docs)[i % len(docs)]
            sub = folder / f"{i // 500:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{i:05d}-{name}").write_bytes(docs[name])
        res["batch"] = [batch_run(folder, 1, tmp), batch_run(folder, 2, tmp)]

    wt = word_tokenize_times(docs, max(3, args.repeat // 5))
    res["documents"] = []
    for name, data in docs.items():
        p_med, wt_med = statistics.median(per_doc[name]), statistics.median(wt[name])
        res["documents"].append({"doc": name, "kb": round(len(data) / 1024, 1),
                                 "parse_median_ms": p_med * 1e3, "parse_p95_ms": _pct(per_doc[name], 0.95) * 1e3,
                                 "word_tokenize_median_ms": wt_med * 1e3, "ratio": wt_med / p_med})
    all_times = [t for ts in per_doc.values() for t in ts]
    res["parse_median_ms"] = statistics.median(all_times) * 1e3
    res["parse_p95_ms"] = _pct(all_times, 0.95) * 1e3
    b1, b2 = res["batch"]
    res["speedup_jobs2_vs_jobs1"] = b2["docs_per_s"] / b1["docs_per_s"]
    figures = {
        "ratio_vs_word_tokenize_min": min(d["ratio"] for d in res["documents"]),
        "batch_docs_per_s_jobs2": b2["docs_per_s"],
        "speedup_jobs2_vs_jobs1": res["speedup_jobs2_vs_jobs1"],
        "peak_rss_mb_per_worker": max(b["peak_rss_mb_per_worker"] or 0 for b in res["batch"]),
        "linearity_10x": res["linearity"]["time_ratio_per_10x"],
        "import_s": res["import_s"],
    }
    at_most = {"peak_rss_mb_per_worker", "linearity_10x", "import_s"}
    res["checks"] = {k: {"value": v, "target": TARGETS[k], "ok": (v <= TARGETS[k]) if k in at_most else (v >= TARGETS[k])}
                     for k, v in figures.items()}
    print(table(res))
    if not args.no_write:
        RESULTS.write_text(json.dumps(_round(res), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten {RESULTS.relative_to(ROOT)}")
        if args.readme:
            return _readme()
    return 0


_START, _END = "<!-- bench:start -->", "<!-- bench:end -->"


def _readme() -> int:
    """Replace only the block between the bench markers of README.md by the latest table."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if _START not in text or _END not in text:
        print("README.md has no bench markers", file=sys.stderr)
        return 1
    res = json.loads(RESULTS.read_text(encoding="utf-8"))
    block = f"{_START}\nFigures of {res['date']} (commit {res['commit']}, {res['cpus']} CPUs):\n\n{table(res)}\n{_END}"
    head, rest = text.split(_START, 1)
    readme.write_text(head + block + rest.split(_END, 1)[1], encoding="utf-8")
    return 0


def table(res: dict) -> str:
    """The figures as a Markdown table (pasted into the README)."""
    rows = ["| document | KB | parse median ms | parse p95 ms | word_tokenize ms | ratio |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for d in res["documents"]:
        rows.append(f"| {d['doc']} | {d['kb']:.1f} | {d['parse_median_ms']:.1f} | {d['parse_p95_ms']:.1f} "
                    f"| {d['word_tokenize_median_ms']:.1f} | {d['ratio']:.1f}× |")
    rows += ["", "| figure | value | target | ok |", "| --- | ---: | ---: | :-: |"]
    for b in res["batch"]:
        use = f" · CPU use {b['cpu_use']:.0%}" if "cpu_use" in b else ""
        rows.append(f"| batch `--jobs {b['jobs']}`, {b['docs']:,} docs | {b['docs_per_s']:.0f} docs/s · "
                    f"{b['mb_per_s']:.1f} MB/s{use} | {'≥ 300 docs/s' if b['jobs'] == 2 else ''} | "
                    f"{_ok(res, 'batch_docs_per_s_jobs2') if b['jobs'] == 2 else ''} |")
    names = {"ratio_vs_word_tokenize_min": ("parse vs word_tokenize (slowest plan)", "≥ 30×", "{:.1f}×"),
             "speedup_jobs2_vs_jobs1": ("speed-up `--jobs 2` / `--jobs 1`", "≥ 1.7×", "{:.2f}×"),
             "peak_rss_mb_per_worker": ("peak memory per worker (max RSS)", "≤ 150 MB", "{:.0f} MB"),
             "linearity_10x": ("10× longer document, time ratio", "≤ 12×", "{:.1f}×"),
             "import_s": ("`import vnplan`", "≤ 0.5 s", "{:.3f} s")}
    for k, (label, target, fmt) in names.items():
        rows.append(f"| {label} | {fmt.format(res['checks'][k]['value'])} | {target} | {_ok(res, k)} |")
    rows.append(f"| parse per document, all plans: median / p95 | {res['parse_median_ms']:.1f} / "
                f"{res['parse_p95_ms']:.1f} ms | | |")
    rows.append(f"| tracemalloc peak of one parse ({res['linearity']['doc']}) | {res['tracemalloc_peak_mb']:.1f} MB | | |")
    return "\n".join(rows)


def _ok(res: dict, key: str) -> str:
    return "yes" if res["checks"][key]["ok"] else "**no**"


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def _round(obj):
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_round(v) for v in obj]
    return obj


if __name__ == "__main__":
    sys.exit(main())
