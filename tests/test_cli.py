"""Batch command line: vnplan parse DIR -o OUT / --jsonl, exit codes, summary, logging."""
import json
import subprocess
import sys

import pytest

from tests.conftest import PLANS
from vnplan.cli import _Reporter, main


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "vnplan.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    (d / "x").mkdir(parents=True)
    (d / "y").mkdir()
    (d / "x" / "plan.txt").write_bytes(PLANS["hai_phong"].read_bytes())
    (d / "y" / "plan.txt").write_bytes(PLANS["muong_khuong"].read_bytes())
    return d


def test_folder_to_output_folder_exit_0_and_summary(folder, tmp_path):
    out = tmp_path / "out"
    r = run("parse", folder, "-o", out, "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr.splitlines()[-1].startswith("parsed 2 · skipped 0 · failed 0 in ")
    x = json.loads((out / "x" / "plan.json").read_text(encoding="utf-8"))
    y = json.loads((out / "y" / "plan.json").read_text(encoding="utf-8"))
    assert x["metadata"]["issuer"] == "Ủy ban nhân dân thành phố Hải Phòng"
    assert y["source"]["path"] == str(folder / "y" / "plan.txt")
    assert not (out / "errors.jsonl").exists()
    r = run("parse", folder, "-o", out)
    assert r.returncode == 0
    assert "parsed 0 · skipped 2 · failed 0" in r.stderr
    r = run("parse", folder, "-o", out, "--force", "-j", "1")
    assert "parsed 2 · skipped 0 · failed 0" in r.stderr


def test_one_bad_file_exit_3_logged_and_listed(folder, tmp_path):
    (folder / "x" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    r = run("parse", folder, "-o", out)
    assert r.returncode == 3
    assert f"vnplan: {folder / 'x' / 'empty.txt'}: file is empty" in r.stderr.splitlines()
    assert "parsed 2 · skipped 0 · failed 1" in r.stderr
    assert "\r" not in r.stderr  # not a terminal: no progress bar
    [err] = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert err == {"file": str(folder / "x" / "empty.txt"), "error": "EmptyDocumentError",
                   "message": f"{folder / 'x' / 'empty.txt'}: file is empty"}
    assert (out / "x" / "plan.json").exists() and (out / "y" / "plan.json").exists()


def test_jsonl_file_and_stdout(folder, tmp_path):
    j = tmp_path / "plans.jsonl"
    r = run("parse", folder, "--jsonl", j)
    assert r.returncode == 0, r.stderr
    docs = [json.loads(x) for x in j.read_text(encoding="utf-8").splitlines()]
    assert [d["source"]["path"] for d in docs] == [str(folder / "x" / "plan.txt"), str(folder / "y" / "plan.txt")]
    r = run("parse", folder, "--jsonl", "-", "-j", "2")
    assert r.returncode == 0
    assert r.stdout == j.read_text(encoding="utf-8")


def test_single_file_into_existing_folder(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["parse", str(folder / "x" / "plan.txt"), "-o", str(out)]) == 0
    assert json.loads((out / "plan.json").read_text(encoding="utf-8"))["schema_version"] == "1.0"


def test_several_inputs_without_output_is_usage_error(folder):
    r = run("parse", folder)
    assert r.returncode == 2
    assert r.stderr == "vnplan: several inputs need -o DIR or --jsonl FILE\n"


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_bad_jobs_is_usage_error(folder, tmp_path, jobs):
    r = run("parse", folder, "-o", tmp_path / "out", "--jobs", jobs)
    assert r.returncode == 2
    assert "--jobs" in r.stderr or "-j" in r.stderr


def test_empty_folder_exit_3(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("parse", tmp_path / "empty", "-o", tmp_path / "out")
    assert r.returncode == 3
    assert r.stderr == f"vnplan: {tmp_path / 'empty'}: no files found\n"


def test_output_folder_inside_input_is_not_reparsed(folder):
    r = run("parse", ".", "-o", "out", cwd=folder)
    assert r.returncode == 0, r.stderr
    r = run("parse", ".", "-o", "out", cwd=folder)
    assert "parsed 0 · skipped 2 · failed 0" in r.stderr


class _Stream:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, s):
        self.text += s

    def flush(self):
        pass


class _Oc:
    def __init__(self, status, error=None, message=None):
        self.status, self.error, self.message = status, error, message


def test_reporter_logs_lines_when_not_a_terminal():
    s = _Stream(tty=False)
    rep = _Reporter(5, stream=s, every=2)
    for oc in [_Oc("parsed"), _Oc("failed", "DecodeError", "a.txt: bad"), _Oc("skipped"),
               _Oc("failed", "InternalError", "b.txt: KeyError: 'x'"), _Oc("parsed")]:
        rep(oc)
    rep.close()
    assert s.text.splitlines() == ["vnplan: a.txt: bad", "vnplan: 2/5 done", "vnplan: internal error: b.txt: KeyError: 'x'",
                                   "vnplan: 4/5 done"]


def test_reporter_draws_a_bar_on_a_terminal():
    s = _Stream(tty=True)
    rep = _Reporter(3, stream=s)
    for _ in range(3):
        rep(_Oc("parsed"))
    rep.close()
    assert "3/3" in s.text and "\r" in s.text


def test_quiet_reporter_prints_only_failures():
    s = _Stream(tty=True)
    rep = _Reporter(2000, stream=s, quiet=True)
    for i in range(2000):
        rep(_Oc("failed", "DecodeError", "z.txt: bad") if i == 5 else _Oc("parsed"))
    rep.close()
    assert s.text == "vnplan: z.txt: bad\n"
