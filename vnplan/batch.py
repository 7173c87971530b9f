"""Batch parsing at archive scale: many inputs, all cores, resumable, never stopped by one bad file.

>>> from vnplan.batch import collect, run
>>> summary = run(collect(["corpus/"]), out_dir="out/", jobs=2)   # doctest: +SKIP
>>> summary.line()                                                # doctest: +SKIP
'parsed 3 · skipped 0 · failed 0'

Design:
- :func:`collect` expands folders (sorted, hidden files skipped) and gives every input a
  relative output name that mirrors its folder, so ``a/plan.txt`` and ``b/plan.txt`` never collide.
- :func:`run` hands the inputs to a process pool in chunks. Each worker parses, writes its own
  output file atomically (temp file + rename) and returns a small :class:`Outcome`; nothing a
  worker does can raise into the parent: a :class:`~vnplan.errors.VnplanError` is a ``failed``
  outcome with its type, any other exception an ``InternalError`` outcome.
- A worker that dies (segfault, out-of-memory kill) breaks the pool; the unfinished inputs
  are re-run one at a time so the culprit is reported as ``WorkerCrash`` and the batch goes on.
- Resumable: an output whose head carries the same ``schema_version`` and ``source.sha256``
  as the input bytes is ``skipped`` (only the first few KB of the old JSON are read).
- Deterministic: output files do not depend on ``jobs``; the JSON Lines stream and
  ``errors.jsonl`` are written in input order.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator, Optional, Sequence

ERRORS_NAME = "errors.jsonl"
INTERNAL_ERROR = "InternalError"
_HEAD_BYTES = 8192
_HEAD_VERSION = re.compile(rb'^\{\s*"schema_version":\s*"([^"\\]{1,32})"')
_HEAD_SHA = re.compile(rb'"sha256":\s*"([0-9a-f]{64})"')


@dataclass(frozen=True)
class Input:
    """One file to parse: ``path`` as given (used as ``source.path``), ``rel`` its output name."""

    path: Path
    rel: PurePath


@dataclass(frozen=True)
class Outcome:
    """What happened to one input. ``status`` is ``parsed``, ``skipped`` or ``failed``."""

    index: int
    path: str
    status: str
    error: Optional[str] = None  # error type name for failed inputs
    message: Optional[str] = None
    seconds: float = 0.0
    size: int = 0
    line: Optional[str] = None  # compact JSON, only when streaming JSON Lines
    pid: int = 0
    max_rss_kb: int = 0

    def error_record(self) -> dict:
        return {"file": self.path, "error": self.error, "message": self.message}


@dataclass
class Summary:
    parsed: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    bytes: int = 0
    errors: list[Outcome] = field(default_factory=list)
    peak_rss_kb: dict[int, int] = field(default_factory=dict)  # per worker pid

    @property
    def total(self) -> int:
        return self.parsed + self.skipped + self.failed

    def line(self) -> str:
        return f"parsed {self.parsed:,} · skipped {self.skipped:,} · failed {self.failed:,}"


# ---------------------------------------------------------------- inputs and names

def _hidden(rel: PurePath) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _inside(path: Path, folder: Optional[Path]) -> bool:
    if folder is None:
        return False
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def collect(paths: Sequence[str | os.PathLike], exclude: Sequence[str | os.PathLike] = ()) -> list[Input]:
    """Expand files and folders into :class:`Input` s in a stable order.

    Folders are walked recursively in sorted order, hidden files and folders skipped;
    anything under an ``exclude`` folder (e.g. the output folder) is left out. Output names
    mirror each file's path relative to the common folder of all arguments.
    """
    skip = [Path(os.path.abspath(e)) for e in exclude]
    found: list[tuple[Path, Path]] = []  # (path as given, base folder)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            base = Path(os.path.abspath(p))
            for f in sorted(p.rglob("*")):
                absf = Path(os.path.abspath(f))
                if f.is_file() and not _hidden(absf.relative_to(base)) and not any(_inside(absf, s) for s in skip):
                    found.append((f, base))
        else:
            found.append((p, Path(os.path.abspath(p)).parent))
    if not found:
        return []
    root = Path(os.path.commonpath([str(b) for _, b in found]))
    seen: set[Path] = set()
    items: list[tuple[Path, PurePath]] = []
    for f, _ in found:
        absf = Path(os.path.abspath(f))
        if absf in seen:
            continue
        seen.add(absf)
        items.append((f, PurePath(absf.relative_to(root))))
    return [Input(f, rel) for f, rel in zip((f for f, _ in items), output_names([r for _, r in items]))]


def output_names(rels: Sequence[PurePath]) -> list[PurePath]:
    """``a/plan.txt`` -> ``a/plan.json``; inputs that would share a name keep their extension
    (``plan.txt.json``, ``plan.pdf.json``)."""
    plain = [r.with_suffix(".json") if r.suffix else r.with_name(r.name + ".json") for r in rels]
    counts: dict[PurePath, int] = {}
    for name in plain:
        counts[name] = counts.get(name, 0) + 1
    return [r.with_name(r.name + ".json") if counts[n] > 1 else n for r, n in zip(rels, plain)]


# ---------------------------------------------------------------- resumability

def _head_key(head: bytes) -> Optional[tuple[str, str]]:
    v, s = _HEAD_VERSION.search(head), _HEAD_SHA.search(head)
    if v and s:
        return v.group(1).decode(), s.group(1).decode()
    return None


def output_key(path: Path) -> Optional[tuple[str, str]]:
    """``(schema_version, source.sha256)`` of an existing output, read from its first bytes;
    falls back to loading the whole JSON when the head is unusual; None if absent or broken."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
            key = _head_key(head)
            if key is not None:
                return key
            data = json.loads(head + fh.read())
        return str(data["schema_version"]), str(data["source"]["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def jsonl_index(path: Path) -> dict[str, tuple[str, str, int, int]]:
    """Index an existing JSON Lines output: ``source.path -> (schema_version, sha256, offset, length)``."""
    index: dict[str, tuple[str, str, int, int]] = {}
    try:
        fh = open(path, "rb")
    except OSError:
        return index
    with fh:
        offset = 0
        for raw in fh:
            key = _head_key(raw[:_HEAD_BYTES])
            m = re.search(rb'"source":\s*\{"path":\s*("(?:[^"\\]|\\.){0,4096}")', raw[:_HEAD_BYTES])
            if key and m and raw.endswith(b"\n"):
                try:
                    index[json.loads(m.group(1))] = (key[0], key[1], offset, len(raw))
                except ValueError:
                    pass
            offset += len(raw)
    return index


# ---------------------------------------------------------------- the worker

@dataclass(frozen=True)
class _Task:
    index: int
    path: str
    out: Optional[str]  # output file (folder mode) or None (JSON Lines)
    known_sha: Optional[str]  # JSON Lines resume: sha256 of the previous line for this path
    force: bool
    strict: bool = False  # a text without plan structure fails (NotAPlanError)


def _atomic_write(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".vnplan-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _sha256(path: str) -> Optional[str]:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()  # type: ignore[attr-defined]
    except AttributeError:  # Python < 3.11
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def _is_current(task: _Task) -> bool:
    """True when the existing output was made from the same bytes by the same schema."""
    from vnplan.model import SCHEMA_VERSION

    if task.force:
        return False
    if task.out is not None:
        key = output_key(Path(task.out))
        if key is None or key[0] != SCHEMA_VERSION:
            return False
        old_sha = key[1]
    elif task.known_sha is not None:
        old_sha = task.known_sha
    else:
        return False
    return _sha256(task.path) == old_sha


def _rss_kb() -> int:
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except Exception:  # pragma: no cover - non-Unix
        return 0


def parse_one(task: _Task) -> Outcome:
    """Parse one input; never raises (errors become ``failed`` outcomes)."""
    from vnplan import parse
    from vnplan.errors import VnplanError

    t0 = time.perf_counter()
    common = dict(index=task.index, path=task.path, pid=os.getpid())
    try:
        size = os.path.getsize(task.path) if os.path.isfile(task.path) else 0
    except OSError:
        size = 0
    try:
        if _is_current(task):
            return Outcome(status="skipped", size=size, seconds=time.perf_counter() - t0,
                           max_rss_kb=_rss_kb(), **common)
        plan = parse(task.path, strict=task.strict)
        if task.out is not None:
            _atomic_write(Path(task.out), plan.to_json() + "\n")
            line = None
        else:
            line = plan.to_json(indent=None) + "\n"
        return Outcome(status="parsed", size=size, line=line, seconds=time.perf_counter() - t0,
                       max_rss_kb=_rss_kb(), **common)
    except VnplanError as err:
        return Outcome(status="failed", error=type(err).__name__, message=str(err), size=size,
                       seconds=time.perf_counter() - t0, max_rss_kb=_rss_kb(), **common)
    except Exception as err:  # a bug in vnplan: reported for this file, the batch goes on
        where = _last_frame(err)
        return Outcome(status="failed", error=INTERNAL_ERROR,
                       message=f"{task.path}: {type(err).__name__}: {err}{where}", size=size,
                       seconds=time.perf_counter() - t0, max_rss_kb=_rss_kb(), **common)


def _last_frame(err: BaseException) -> str:
    tb = err.__traceback__
    if tb is None:
        return ""
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    return f" (at {Path(code.co_filename).name}:{tb.tb_lineno} in {code.co_name})"


_WARMUP = "ỦY BAN NHÂN DÂN\nKẾ HOẠCH\nI. MỤC ĐÍCH\n1. Mục tiêu: đạt 95% trạm y tế.\nII. TỔ CHỨC THỰC HIỆN\n"


def warm_up() -> None:
    """Import the pipeline and compile the pattern caches once (before forking workers)."""
    try:
        import vnplan

        vnplan.parse_text(_WARMUP, "<warm-up>")
    except Exception:
        pass


def _init_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    warm_up()


# ---------------------------------------------------------------- the run

def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def _chunksize(n: int, jobs: int) -> int:
    return max(1, min(32, n // (jobs * 8) or 1))


def _parse_chunk(tasks: list[_Task]) -> list[Outcome]:
    return [parse_one(t) for t in tasks]


WORKER_CRASH = "WorkerCrash"


def _outcomes(tasks: list[_Task], jobs: int) -> Iterator[Outcome]:
    """Outcomes in completion order; in-process when ``jobs == 1`` or there is one task.

    A worker that dies (a crash in a C extension, the out-of-memory killer) breaks the pool:
    the unfinished inputs are then run one at a time in a one-worker pool, so the input that
    kills its worker is identified, reported as ``WorkerCrash`` and the batch goes on.
    """
    if jobs <= 1 or len(tasks) <= 1:
        warm_up()
        for t in tasks:
            yield parse_one(t)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    if ctx.get_start_method() == "fork":
        warm_up()  # children inherit the imported modules and compiled patterns
    size = _chunksize(len(tasks), jobs)
    done: set[int] = set()
    ex = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=ctx, initializer=_init_worker)
    try:
        futures = [ex.submit(_parse_chunk, tasks[i:i + size]) for i in range(0, len(tasks), size)]
        for fut in as_completed(futures):
            for oc in fut.result():
                done.add(oc.index)
                yield oc
        ex.shutdown()
        return
    except BrokenProcessPool:
        ex.shutdown(wait=True)
    except BaseException:  # Ctrl-C or the caller stopped: drop what has not started
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    for t in (t for t in tasks if t.index not in done):  # isolation: one input per pool run
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init_worker) as solo:
            try:
                yield solo.submit(parse_one, t).result()
            except BrokenProcessPool:
                yield Outcome(index=t.index, path=t.path, status="failed", error=WORKER_CRASH,
                              message=f"{t.path}: the worker process died while parsing this file")


def run(
    inputs: Sequence[Input],
    out_dir: Optional[str | os.PathLike] = None,
    *,
    jsonl: Optional[str | os.PathLike] = None,
    jsonl_stream=None,
    errors_path: Optional[str | os.PathLike] = None,
    jobs: Optional[int] = None,
    force: bool = False,
    strict: bool = False,
    on_outcome: Optional[Callable[[Outcome], None]] = None,
) -> Summary:
    """Parse ``inputs`` into ``out_dir`` (one JSON per input) or into one JSON Lines file.

    ``jsonl`` is a file path (written atomically; lines of unchanged inputs are reused unless
    ``force``); ``jsonl_stream`` an open text stream (e.g. stdout) instead. Failures go to
    ``errors_path`` (default ``out_dir/errors.jsonl``, or ``<jsonl stem>.errors.jsonl``);
    the file is removed when nothing failed. ``on_outcome`` is called for each input as it
    finishes (progress). ``strict``: a text without plan structure is a failure
    (``NotAPlanError``) instead of a plan with a warning. Returns counts, errors in input
    order and per-worker peak memory.
    """
    jobs = max(1, jobs or default_jobs())
    t0 = time.perf_counter()
    streaming = jsonl is not None or jsonl_stream is not None
    if not streaming and out_dir is None:
        raise ValueError("run() needs out_dir, jsonl or jsonl_stream")
    old_index: dict[str, tuple[str, str, int, int]] = {}
    if jsonl is not None and not force:
        from vnplan.model import SCHEMA_VERSION

        old_index = {k: v for k, v in jsonl_index(Path(jsonl)).items() if v[0] == SCHEMA_VERSION}
    tasks = []
    for i, item in enumerate(inputs):
        out = None if streaming else str(Path(out_dir) / item.rel)
        known = old_index[str(item.path)][1] if str(item.path) in old_index else None
        tasks.append(_Task(i, str(item.path), out, known, force, strict))

    if errors_path is None:
        if out_dir is not None:
            errors_path = Path(out_dir) / ERRORS_NAME
        elif jsonl is not None:
            errors_path = Path(jsonl).with_name(Path(jsonl).stem + ".errors.jsonl")

    summary = Summary()
    failures: dict[int, Outcome] = {}
    writer = _OrderedLines(jsonl, jsonl_stream, old_index) if streaming else None
    try:
        for oc in _outcomes(tasks, jobs):
            setattr(summary, oc.status, getattr(summary, oc.status) + 1)
            summary.bytes += oc.size
            if oc.pid:
                summary.peak_rss_kb[oc.pid] = max(summary.peak_rss_kb.get(oc.pid, 0), oc.max_rss_kb)
            if oc.status == "failed":
                failures[oc.index] = oc
            if writer is not None:
                writer.add(oc)
            if on_outcome is not None:
                on_outcome(oc)
        if writer is not None:
            writer.close()
    finally:
        if writer is not None:
            writer.abort()
    summary.errors = [failures[i] for i in sorted(failures)]
    if errors_path is not None:
        _write_errors(Path(errors_path), summary.errors)
    summary.seconds = time.perf_counter() - t0
    return summary


def _write_errors(path: Path, errors: list[Outcome]) -> None:
    if errors:
        _atomic_write(path, "".join(json.dumps(e.error_record(), ensure_ascii=False) + "\n" for e in errors))
    else:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


class _OrderedLines:
    """Writes JSON Lines in input order although outcomes arrive in completion order."""

    def __init__(self, path, stream, old_index):
        self.next = 0
        self.pending: dict[int, Outcome] = {}
        self.old_index = old_index
        self.path = Path(path) if path is not None else None
        self.old = open(self.path, "rb") if self.path is not None and old_index else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=".vnplan-", suffix=".tmp", dir=self.path.parent)
            self.out = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        else:
            self.tmp, self.out = None, stream

    def add(self, oc: Outcome) -> None:
        self.pending[oc.index] = oc
        while self.next in self.pending:
            self._emit(self.pending.pop(self.next))
            self.next += 1

    def _emit(self, oc: Outcome) -> None:
        if oc.status == "parsed" and oc.line is not None:
            self.out.write(oc.line)
        elif oc.status == "skipped" and self.old is not None:
            _, _, offset, length = self.old_index[oc.path]
            self.old.seek(offset)
            self.out.write(self.old.read(length).decode("utf-8"))

    def close(self) -> None:
        if self.tmp is not None:
            self.out.close()
            if self.old is not None:
                self.old.close()
                self.old = None
            os.replace(self.tmp, self.path)
            self.tmp = None
        else:
            self.out.flush()

    def abort(self) -> None:
        if self.old is not None:
            self.old.close()
        if self.tmp is not None:
            self.out.close()
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
