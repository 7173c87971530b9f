"""Single-file CLI behaviour: output, exit codes 0/2/3, one-line errors, schema, version."""
import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

from vnplan import __version__
from vnplan.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLANS = {
    "hai_phong": CORPUS / "hai-phong-2024-tieu-chi-y-te-xa.txt",
    "long_bien": CORPUS / "long-bien-2021-y-te.txt",
    "muong_khuong": CORPUS / "muong-khuong-2023-suc-khoe.txt",
}


def run(*args):
    return subprocess.run([sys.executable, "-m", "vnplan.cli", *args], capture_output=True, text=True)


def test_parse_prints_json(capsys):
    assert main(["parse", str(PLANS["hai_phong"])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["metadata"]["issuer"] == "Ủy ban nhân dân thành phố Hải Phòng"


def test_parse_writes_file(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["parse", str(PLANS["long_bien"]), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["number"] == "460/KH-UBND"
    assert capsys.readouterr().out == ""


def test_empty_file_exit_3_one_line(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_bytes(b"")
    r = run("parse", str(f))
    assert r.returncode == 3
    assert r.stdout == ""
    assert r.stderr == f"vnplan: {f}: file is empty\n"


def test_empty_file_relative_name(tmp_path):
    (tmp_path / "plan.txt").write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "vnplan.cli", "parse", "plan.txt"], capture_output=True,
                       text=True, cwd=tmp_path)
    assert (r.returncode, r.stderr) == (3, "vnplan: plan.txt: file is empty\n")


def test_binary_file_exit_3(tmp_path):
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)))
    r = run("parse", str(f))
    assert r.returncode == 3
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith(f"vnplan: {f}: ")


@pytest.mark.parametrize("args", [[], ["parse"], ["frobnicate"], ["parse", "x.txt", "--bogus"]])
def test_usage_errors_exit_2(args):
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "vnplan" in r.stderr


def test_schema_command():
    r = run("schema")
    assert r.returncode == 0
    assert json.loads(r.stdout)["title"] == "vnplan Plan"


def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"vnplan {__version__}"


def test_output_file_in_missing_folder_is_created(tmp_path):
    out = tmp_path / "nonexist" / "sub" / "x.json"
    r = run("parse", str(PLANS["hai_phong"]), "-o", str(out))
    assert (r.returncode, r.stderr) == (0, "")
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["issuer"] == "Ủy ban nhân dân thành phố Hải Phòng"


def test_output_file_that_cannot_be_written_exit_3_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "x.json"  # its parent is a file: the folder cannot be created
    r = run("parse", str(PLANS["hai_phong"]), "-o", str(out))
    assert r.returncode == 3
    assert r.stdout == ""
    assert r.stderr.startswith(f"vnplan: {out}: cannot write output") and r.stderr.count("\n") == 1


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_invalid_max_bytes_variable_is_usage_error(value):
    env = dict(os.environ, VNPLAN_MAX_BYTES=value)
    r = subprocess.run([sys.executable, "-m", "vnplan.cli", "parse", str(PLANS["hai_phong"])],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr == f"vnplan: VNPLAN_MAX_BYTES must be a whole number of bytes, 1 or more (got {value!r})\n"


def test_max_bytes_variable_read_when_used(monkeypatch):
    import vnplan
    from vnplan.errors import FileTooLargeError

    monkeypatch.setenv("VNPLAN_MAX_BYTES", "1000")  # set after import: still applies
    with pytest.raises(FileTooLargeError):
        vnplan.parse(PLANS["hai_phong"])
    r = subprocess.run([sys.executable, "-m", "vnplan.cli", "parse", str(PLANS["hai_phong"])],
                       capture_output=True, text=True, env={**os.environ, "VNPLAN_MAX_BYTES": "1000"})
    assert r.returncode == 3 and "over the limit of 1,000" in r.stderr
    monkeypatch.setenv("VNPLAN_MAX_BYTES", "abc")
    with pytest.raises(ValueError, match="VNPLAN_MAX_BYTES"):
        vnplan.parse(PLANS["hai_phong"])
