"""Batch parsing end to end on a temporary archive: good, duplicate and broken files."""
import json
import os
from pathlib import Path, PurePath

import pytest

from tests.conftest import PLANS
from vnplan import batch
from vnplan.batch import collect, output_key, output_names, run

NEWS = ("Hà Nội mưa lớn, nhiều tuyến phố ngập sâu\n\nChiều 5/8, mưa lớn kéo dài khiến nhiều tuyến phố "
        "của Thủ đô ngập sâu, giao thông ùn tắc. Người dân phải dắt xe qua những đoạn ngập.\n")


@pytest.fixture
def archive(tmp_path):
    """in/a: the three plans; in/b: a duplicate with the same stem, empty, binary, not-a-plan."""
    a, b = tmp_path / "in" / "a", tmp_path / "in" / "b"
    a.mkdir(parents=True)
    b.mkdir()
    for p in PLANS.values():
        (a / p.name).write_bytes(p.read_bytes())
    (b / PLANS["long_bien"].name).write_bytes(PLANS["long_bien"].read_bytes())  # same stem as a/
    (b / "empty.txt").write_bytes(b"")
    (b / "blob.doc").write_bytes(bytes(range(256)) * 8)
    (b / "news.txt").write_text(NEWS, encoding="utf-8")
    (b / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return tmp_path / "in"


GOOD = {"a/hai-phong-2024-tieu-chi-y-te-xa.json", "a/long-bien-2021-y-te.json",
        "a/muong-khuong-2023-suc-khoe.json", "b/long-bien-2021-y-te.json", "b/news.json"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_collect_mirrors_folders_and_skips_hidden(archive):
    names = [str(i.rel) for i in collect([archive])]
    assert names == sorted(names)
    assert "a/long-bien-2021-y-te.json" in names and "b/long-bien-2021-y-te.json" in names
    assert not any("hidden" in n for n in names)
    assert len(names) == 7


def test_collect_files_from_two_folders_do_not_collide(archive):
    files = [archive / "a" / "long-bien-2021-y-te.txt", archive / "b" / "long-bien-2021-y-te.txt"]
    assert [str(i.rel) for i in collect(files)] == ["a/long-bien-2021-y-te.json", "b/long-bien-2021-y-te.json"]


def test_collect_deduplicates_the_same_file(archive):
    f = archive / "b" / "news.txt"
    assert len(collect([f, f, archive / "b"])) == 4


def test_output_names_keep_extension_only_on_collision():
    rels = [PurePath("x/plan.txt"), PurePath("x/plan.pdf"), PurePath("x/other.txt"), PurePath("README")]
    assert [str(n) for n in output_names(rels)] == ["x/plan.txt.json", "x/plan.pdf.json", "x/other.json",
                                                    "README.json"]


def test_collect_excludes_output_folder_inside_input(archive):
    out = archive / "out"
    run(collect([archive], exclude=[out]), out_dir=out, jobs=1)
    again = collect([archive], exclude=[out])
    assert not any("out" in i.rel.parts for i in again)


def test_run_end_to_end_errors_and_outputs(archive, tmp_path):
    out = tmp_path / "out"
    s = run(collect([archive]), out_dir=out, jobs=2)
    assert (s.parsed, s.skipped, s.failed) == (5, 0, 2)
    assert s.line() == "parsed 5 · skipped 0 · failed 2"
    files = _tree(out)
    assert set(files) == GOOD | {"errors.jsonl"}
    a = json.loads(files["a/long-bien-2021-y-te.json"])
    b = json.loads(files["b/long-bien-2021-y-te.json"])
    assert a["metadata"]["number"] == "460/KH-UBND"
    assert a["source"]["sha256"] == b["source"]["sha256"]
    assert a["source"]["path"].endswith("a/long-bien-2021-y-te.txt")
    errors = [json.loads(x) for x in files["errors.jsonl"].decode().splitlines()]
    assert [(Path(e["file"]).name, e["error"]) for e in errors] == [("blob.doc", "DecodeError"),
                                                                     ("empty.txt", "EmptyDocumentError")]
    assert errors[1]["message"] == f"{archive / 'b' / 'empty.txt'}: file is empty"
    assert not list(out.rglob(".vnplan-*"))  # no temp files left behind


def test_rerun_skips_up_to_date_outputs_and_force_reparses(archive, tmp_path):
    out = tmp_path / "out"
    run(collect([archive]), out_dir=out, jobs=1)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    s = run(collect([archive]), out_dir=out, jobs=1)
    assert (s.parsed, s.skipped, s.failed) == (0, 5, 2)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == before
    s = run(collect([archive]), out_dir=out, jobs=1, force=True)
    assert (s.parsed, s.skipped, s.failed) == (5, 0, 2)


def test_changed_input_or_schema_version_is_reparsed(archive, tmp_path):
    out = tmp_path / "out"
    run(collect([archive]), out_dir=out, jobs=1)
    (archive / "b" / "news.txt").write_text(NEWS + "Thêm một dòng.\n", encoding="utf-8")
    old = out / "a" / "hai-phong-2024-tieu-chi-y-te-xa.json"
    old.write_text(old.read_text(encoding="utf-8").replace('"schema_version": "1.0"', '"schema_version": "0.9"', 1),
                   encoding="utf-8")
    s = run(collect([archive]), out_dir=out, jobs=1)
    assert (s.parsed, s.skipped) == (2, 3)
    assert '"schema_version": "1.0"' in old.read_text(encoding="utf-8")


def test_truncated_or_garbage_output_is_reparsed(archive, tmp_path):
    out = tmp_path / "out"
    run(collect([archive]), out_dir=out, jobs=1)
    (out / "b" / "news.json").write_text("{not json", encoding="utf-8")
    s = run(collect([archive]), out_dir=out, jobs=1)
    assert (s.parsed, s.skipped) == (1, 4)


def test_output_key_reads_head_and_falls_back_to_full_json(tmp_path, corpus_plans):
    plan = corpus_plans["hai_phong"]
    f = tmp_path / "x.json"
    f.write_text(plan.to_json(), encoding="utf-8")
    assert output_key(f) == ("1.0", plan.source.sha256)
    data = plan.to_dict()
    data = {"source": data["source"], **{k: v for k, v in data.items() if k != "source"}}  # unusual order
    f.write_text(json.dumps(data), encoding="utf-8")
    assert output_key(f) == ("1.0", plan.source.sha256)
    assert output_key(tmp_path / "missing.json") is None


def test_jobs_1_and_2_give_identical_outputs(archive, tmp_path):
    run(collect([archive]), out_dir=tmp_path / "o1", jobs=1)
    run(collect([archive]), out_dir=tmp_path / "o2", jobs=2)
    assert _tree(tmp_path / "o1") == _tree(tmp_path / "o2")


def test_jsonl_in_input_order_identical_for_any_jobs(archive, tmp_path):
    s1 = run(collect([archive]), jsonl=tmp_path / "j1.jsonl", jobs=1)
    s2 = run(collect([archive]), jsonl=tmp_path / "j2.jsonl", jobs=2)
    assert (s2.parsed, s2.failed) == (5, 2)
    one, two = (tmp_path / "j1.jsonl").read_bytes(), (tmp_path / "j2.jsonl").read_bytes()
    assert one == two
    docs = [json.loads(x) for x in one.decode().splitlines()]
    expected = [str(i.path) for i in collect([archive]) if i.path.name not in ("empty.txt", "blob.doc")]
    assert [d["source"]["path"] for d in docs] == expected
    assert (tmp_path / "j2.errors.jsonl").read_text(encoding="utf-8") == \
        (tmp_path / "j1.errors.jsonl").read_text(encoding="utf-8")
    assert s1.line() == s2.line()


def test_jsonl_rerun_reuses_unchanged_lines(archive, tmp_path):
    j = tmp_path / "all.jsonl"
    run(collect([archive]), jsonl=j, jobs=1)
    first = j.read_bytes()
    (archive / "b" / "news.txt").write_text(NEWS + "Thêm.\n", encoding="utf-8")
    s = run(collect([archive]), jsonl=j, jobs=2)
    assert (s.parsed, s.skipped, s.failed) == (1, 4, 2)
    lines, old = j.read_bytes().splitlines(), first.splitlines()
    assert lines[:4] == old[:4] and lines[4] != old[4]
    assert json.loads(lines[4])["text"].endswith("Thêm.\n")


def test_internal_error_in_a_worker_is_reported_not_raised(archive, tmp_path, monkeypatch):
    import vnplan.pipeline

    real = vnplan.pipeline.build_plan

    def flaky(doc):
        if "news" in (doc.source.path or ""):
            raise ZeroDivisionError("boom")
        return real(doc)

    monkeypatch.setattr(vnplan.pipeline, "build_plan", flaky)
    s = run(collect([archive]), out_dir=tmp_path / "out", jobs=1)
    assert (s.parsed, s.failed) == (4, 3)
    internal = [e for e in s.errors if e.error == batch.INTERNAL_ERROR]
    assert len(internal) == 1
    assert internal[0].path.endswith("news.txt")
    assert "ZeroDivisionError: boom" in internal[0].message
    assert "errors.jsonl" in os.listdir(tmp_path / "out")


def test_errors_file_removed_when_nothing_fails(archive, tmp_path):
    out = tmp_path / "out"
    run(collect([archive]), out_dir=out, jobs=1)
    assert (out / "errors.jsonl").exists()
    for name in ("empty.txt", "blob.doc"):
        (archive / "b" / name).unlink()
    s = run(collect([archive]), out_dir=out, jobs=1)
    assert s.failed == 0 and not (out / "errors.jsonl").exists()


def test_missing_input_file_is_a_failure_not_a_crash(tmp_path):
    s = run(collect([tmp_path / "nope.txt", PLANS["hai_phong"]]), out_dir=tmp_path / "out", jobs=2)
    assert (s.parsed, s.failed) == (1, 1)
    assert s.errors[0].message.endswith("nope.txt: file not found")


def test_peak_memory_reported_per_worker(archive, tmp_path):
    s = run(collect([archive]), out_dir=tmp_path / "out", jobs=2)
    assert 1 <= len(s.peak_rss_kb) <= 2
    assert all(kb > 1000 for kb in s.peak_rss_kb.values())


def test_a_worker_that_dies_is_reported_and_the_batch_goes_on(archive, tmp_path, monkeypatch):
    """os._exit in a worker (as a segfault would) breaks the pool; the culprit is isolated."""
    import vnplan.pipeline

    real = vnplan.pipeline.build_plan

    def deadly(doc):
        if "news" in (doc.source.path or ""):
            os._exit(1)
        return real(doc)

    monkeypatch.setattr(vnplan.pipeline, "build_plan", deadly)  # inherited by forked workers
    s = run(collect([archive]), out_dir=tmp_path / "out", jobs=2)
    assert (s.parsed, s.failed) == (4, 3)
    crash = [e for e in s.errors if e.error == batch.WORKER_CRASH]
    assert [Path(e.path).name for e in crash] == ["news.txt"]
    assert crash[0].message.endswith("news.txt: the worker process died while parsing this file")
    assert set(_tree(tmp_path / "out")) == (GOOD - {"b/news.json"}) | {"errors.jsonl"}
