"""Hostile files for `artethics check` and `artethics collect`: every one gets its own clear
line, none a traceback, none stops the others, special files are skipped with a reason.
The corpus is written at test time (hostile_corpus.py); figures go to FIGURES."""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from artethics.tools import collect as collect_mod
from artethics.tools.check import api as check_api
from artethics.tools.check.report import clean
from artethics.tools.manifest import load_manifest

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "check"
MANIFEST = FIXTURES / "manifest.json"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


CORPUS = _module(HERE / "hostile_corpus.py", "hostile_corpus")
FIX = _module(FIXTURES / "make_fixtures.py", "make_fixtures_hostile")
FIGURES = _module(HERE / "figures.py", "hostile_figures")
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory):
    return CORPUS.notebook_files(tmp_path_factory.mktemp("hostile_nb"), FIX.notebook)


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    return CORPUS.answer_files(tmp_path_factory.mktemp("hostile_answers"))


def test_the_corpus_is_large_enough(notebooks, answers):
    assert len(notebooks) + len(answers) >= 100


def _no_kernels(monkeypatch):
    """check_notebooks up to the point where kernels would start (every file is read,
    identified and planned; the plans are not run)."""
    monkeypatch.setattr(check_api, "run_all", lambda prepared, *a, **k: [{}] * len(prepared))


def test_check_gives_every_hostile_notebook_its_own_clear_report(notebooks, monkeypatch):
    _no_kernels(monkeypatch)
    notebooks = {k: p for k, p in notebooks.items() if not p.is_dir()}  # folders are expanded
    paths = sorted(str(p) for p in notebooks.values())
    start = time.monotonic()
    reports = check_api.check_notebooks(paths, manifest=load_manifest(MANIFEST), timeout=5,
                                        jobs=1)
    assert time.monotonic() - start < 60  # a FIFO or /dev/zero never blocks
    assert [r.path for r in reports] == paths  # one report each, in order, none lost
    for name, path in notebooks.items():
        report = next(r for r in reports if r.path == str(path))
        text = report.text()
        FIGURES.tried("check: hostile notebook files")
        FIGURES.bad("tracebacks", "Traceback" in text)
        assert "Traceback" not in text and not RAW_CONTROL.search(text), name
        text.encode("utf-8")  # printable: no lone surrogate reaches the terminal
        if report.problem:
            FIGURES.clear("check: hostile notebook files")
            assert len(report.problem) > 30, (name, report.problem)  # says what and how
        else:  # readable enough to run: planned, never passed without running
            FIGURES.planned("check: hostile notebook files")
            assert not report.ok, name


@pytest.mark.parametrize("name, words", [
    ("fifo", "named pipe"), ("link_dev_zero", "device"), ("link_dev_urandom", "device"),
    ("symlink_loop", "cannot be opened"), ("link_missing", "No such file"),
    ("sparse_60mb", "larger than"), ("deep_nesting_200k", "nested too deeply"),
    ("int_5000_digits", "number too long"), ("lesson_is_int", "not a lesson id"),
    ("lesson_unknown", "does not have"), ("empty_file", "not valid notebook JSON"),
    ("binary_jpeg", "not text"), ("nbformat_3", "version 3"),
])
def test_special_and_broken_notebooks_say_why(notebooks, monkeypatch, name, words):
    _no_kernels(monkeypatch)
    [report] = check_api.check_notebooks([notebooks[name]], manifest=load_manifest(MANIFEST))
    assert words in report.problem, report.text()


def test_a_folder_of_hostile_notebooks_lists_special_files_too(notebooks, monkeypatch):
    _no_kernels(monkeypatch)
    folder = next(iter(notebooks.values())).parent
    reports = check_api.check_notebooks([folder], manifest=load_manifest(MANIFEST))
    paths = {r.path for r in reports}
    for name in ("fifo", "link_dev_zero", "non_utf8_file_name", "symlink_loop"):
        assert str(notebooks[name]) in paths, name


def test_collect_reads_every_hostile_answer_file_without_stopping(answers, tmp_path):
    start = time.monotonic()
    result = collect_mod.collect(sorted(answers.values()))
    assert time.monotonic() - start < 60
    named = {p.path.split(" (")[0] for p in result.problems}
    for path in answers.values():
        FIGURES.tried("collect: hostile answer files")
        if str(path) in named:
            FIGURES.clear("collect: hostile answer files")
    # every answer that got in has the types the dashboard relies on
    for r in result.responses:
        assert isinstance(r.student, str) and isinstance(r.data, dict)
        for key in ("stance", "case", "when"):
            assert not isinstance(r.data.get(key), (list, dict)), r
    # the good answer (in an export and, with another time, alone) is kept once
    assert [r.student for r in result.responses] == ["alice"]
    db = collect_mod.write_db(result, tmp_path / "class.sqlite")
    with sqlite3.connect(db) as conn:
        problems = conn.execute("SELECT path, reason FROM problems").fetchall()
    assert len(problems) == len(result.problems)
    assert not any(RAW_CONTROL.search(p + r) for p, r in problems)


@pytest.mark.parametrize("name", ["stance_is_list", "confidence_is_bool", "policy_is_list",
                                  "student_is_list", "year_1_time", "data_5000_digit_int",
                                  "data_nested_deep", "student_lone_surrogate", "ok_is_text",
                                  "fifo", "link_dev_zero", "sparse_60mb"])
def test_each_bad_answer_is_refused_with_a_reason(answers, name):
    found, problems = collect_mod.read_file(answers[name])
    assert found == [] and problems and all(len(p.reason) > 10 for p in problems), problems


def _cli(*args, timeout=120, **kw):
    return subprocess.run([sys.executable, "-m", "artethics", *args], capture_output=True,
                          text=True, timeout=timeout, check=False, **kw)


def test_collect_cli_over_the_whole_hostile_folder(answers, tmp_path):
    folder = next(iter(answers.values())).parent
    out = tmp_path / "class.sqlite"
    done = _cli("collect", str(folder), "--db", str(out))
    FIGURES.tried("collect: CLI over the hostile folder")
    FIGURES.bad("tracebacks", "Traceback" in done.stdout + done.stderr)
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 0 and out.is_file(), done.stderr
    assert not RAW_CONTROL.search(done.stderr.replace("\n", ""))
    FIGURES.clear("collect: CLI over the hostile folder")


def test_collect_refuses_to_overwrite_what_is_not_its_database(tmp_path, answers):
    export = tmp_path / "export.json"
    export.write_text('{"format": "artethics-responses", "responses": []}', encoding="utf-8")
    store_db = tmp_path / "responses.sqlite"
    with sqlite3.connect(store_db) as conn:
        conn.executescript("CREATE TABLE responses (x);")
    for target in (export, answers["stance_is_list"], store_db):
        before = target.read_bytes()
        done = _cli("collect", str(answers["stance_is_list"]), "--db", str(target))
        FIGURES.tried("collect: --db over a foreign file")
        assert done.returncode == 2 and "not overwritten" in done.stderr, done.stderr
        assert target.read_bytes() == before
        FIGURES.clear("collect: --db over a foreign file")
    ours = tmp_path / "class.sqlite"
    assert _cli("collect", str(answers["year_9999_time"]), "--db", str(ours)).returncode in (0, 1)
    second = _cli("collect", str(answers["year_9999_time"]), "--db", str(ours))
    assert second.returncode in (0, 1) and "not overwritten" not in second.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_collect_on_a_read_only_folder_says_so_before_reading(tmp_path, answers):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    done = _cli("collect", str(answers["stance_is_list"]), "--db", str(ro / "c.sqlite"))
    assert done.returncode == 2 and "read-only" in done.stderr


def test_write_errors_after_the_work_are_one_clear_line(tmp_path, answers, monkeypatch):
    result = collect_mod.collect([answers["year_9999_time"]])

    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(collect_mod.os, "replace", full)
    with pytest.raises(OSError, match="No space"):
        collect_mod.write_db(result, tmp_path / "c.sqlite")
    assert not list(tmp_path.glob(".*tmp"))  # the half-written file is removed


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "1e9", "-inf"])
def test_check_refuses_timeouts_that_are_not_finite_and_positive(value, tmp_path):
    done = _cli("check", "--manifest", str(MANIFEST), "--timeout", value, str(tmp_path))
    FIGURES.tried("check: edge timeouts")
    assert done.returncode == 2 and "--timeout" in done.stderr
    assert "Traceback" not in done.stderr
    FIGURES.clear("check: edge timeouts")


@pytest.mark.parametrize("target", ["/dev/full", "folder", "/proc/version", "missing/x.csv"])
def test_check_csv_that_cannot_be_written_is_refused_before_the_work(target, tmp_path):
    out = str(tmp_path) if target == "folder" else (
        str(tmp_path / target) if target.startswith("missing") else target)
    done = _cli("check", "--manifest", str(MANIFEST), "--csv", out, str(tmp_path))
    FIGURES.tried("check: unwritable --csv")
    assert done.returncode == 2 and "nothing was checked" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    FIGURES.clear("check: unwritable --csv")


def test_csv_rows_are_escaped_and_one_per_file(notebooks, monkeypatch, tmp_path):
    _no_kernels(monkeypatch)
    reports = check_api.check_notebooks(sorted(notebooks.values()),
                                        manifest=load_manifest(MANIFEST))
    from artethics.tools.check.report import write_csv

    write_csv(reports, tmp_path / "r.csv")
    with open(tmp_path / "r.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["student_file"] for r in rows} == {clean(r.path) for r in reports}
    assert not any(RAW_CONTROL.search(v) for row in rows for v in row.values())


@pytest.mark.parametrize("damage", ["header_only", "empty", "huge_field", "nul_byte",
                                    "stray_quote_at_end", "not_utf8"])
def test_every_csv_failure_is_a_data_error(tmp_path, damage):
    import shutil

    from artethics import data
    from artethics.paths import root

    shutil.copytree(root() / "data", tmp_path / "data")
    shutil.copytree(root() / "seeds", tmp_path / "seeds")
    path = tmp_path / data.schema("cases").path
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    damaged = {
        "header_only": lines[0].encode(),
        "empty": b"",
        "huge_field": (lines[0] + '"' + "x" * 200_000 + '"' + lines[1][lines[1].find(","):]
                       ).encode(),
        "nul_byte": (lines[0] + lines[1].replace(",", ",\x00", 1)).encode(),
        "stray_quote_at_end": (lines[0] + lines[1].rstrip("\n") + ',"unclosed').encode(),
        "not_utf8": lines[0].encode() + b"\xff\xfe,\n",
    }[damage]
    path.write_bytes(damaged)
    FIGURES.tried("data: damaged CSV")
    with pytest.raises(data.DataError) as err:
        data.load("cases", root=tmp_path)
    assert "cases.csv" in str(err.value)
    FIGURES.clear("data: damaged CSV")
