"""Unit tests for artethics.tools.check: the parts that need no kernel."""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import threading
from pathlib import Path

import pytest

from artethics.checking import this_notebook_path
from artethics.tools.check import api as check_api
from artethics.tools.check import command as check_command
from artethics.tools.check import notebook as check_notebook
from artethics.tools.check import report as check_report
from artethics.tools.check import restore as check_restore
from artethics.tools.check import verdicts as check_verdicts
from artethics.tools.check import workers as check_workers
from artethics.tools.manifest import CheckError, load_manifest, sha256

FIXTURES = Path(__file__).parents[1] / "fixtures" / "check"


def _fixture_module():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


FIX = _fixture_module()


@pytest.fixture
def manifest():
    return load_manifest(FIXTURES / "manifest.json")


@pytest.fixture
def paths(tmp_path):
    return FIX.write_all(tmp_path)


def test_committed_manifest_is_what_the_generator_makes(manifest):
    assert manifest == FIX.manifest()
    for entry in manifest["lessons"]["98_fixture"]["checks"]:
        assert sha256(entry["source"]) == entry["sha256"]


def test_truncated_json_says_cut_off_and_how_to_fix(paths):
    with pytest.raises(CheckError, match="cut off") as err:
        check_notebook.read_notebook(paths["98_fixture-fail-truncated"])
    assert "save it again" in str(err.value)


def test_json_that_is_not_a_notebook_is_named_so(paths):
    with pytest.raises(CheckError, match="not a Jupyter notebook"):
        check_notebook.read_notebook(paths["98_fixture-fail-not_a_notebook"])


def test_binary_and_missing_files_are_refused_clearly(tmp_path):
    blob = tmp_path / "photo.ipynb"
    blob.write_bytes(b"\xff\xd8\xff\xe0 not text")
    with pytest.raises(CheckError, match="not text"):
        check_notebook.read_notebook(blob)
    with pytest.raises(CheckError, match="no file"):
        check_notebook.read_notebook(tmp_path / "nope.ipynb")


def test_lesson_from_metadata_then_from_file_name(manifest):
    nb = FIX.notebook("98_fixture")
    assert check_notebook.identify_lesson(nb, "alice.ipynb", manifest) == "98_fixture"
    del nb["metadata"]["artethics"]
    assert check_notebook.identify_lesson(nb, "bob_99_other.ipynb", manifest) == "99_other"
    with pytest.raises(CheckError, match="does not say which lesson"):
        check_notebook.identify_lesson(nb, "carol.ipynb", manifest)


def test_notebook_of_another_lesson_is_refused(manifest):
    nb = FIX.notebook("99_other")
    with pytest.raises(CheckError, match="lesson '99_other', but lesson '98_fixture'"):
        check_notebook.identify_lesson(nb, "98_fixture.ipynb", manifest)
    with pytest.raises(CheckError, match="was expected"):
        check_notebook.identify_lesson(nb, "x.ipynb", manifest, expected="98_fixture")


def test_unknown_lesson_lists_the_known_ones(manifest):
    with pytest.raises(CheckError, match="Known lessons: 98_fixture, 99_other"):
        check_notebook.identify_lesson(FIX.notebook("42_unknown"), "x.ipynb", manifest)


def _steps(plan, kind):
    return [s for s in plan if s["kind"] == kind]


def test_plan_runs_the_students_cells_and_reads_values_where_the_kit_checks(manifest):
    nb = FIX.variants()["98_fixture-fail-saved_outputs_only"]
    before = json.dumps(nb, sort_keys=True)
    checks = manifest["lessons"]["98_fixture"]["checks"]
    plan, tampered, names, skipped = check_restore.build_plan(nb, checks)
    assert json.dumps(nb, sort_keys=True) == before  # the input is not modified
    assert tampered == {} and skipped == []
    assert names == {"fixture.total": ["total"], "fixture.word": ["word"]}
    # the saved check cells (with passing outputs) are never run; values are read instead
    assert [s["kind"] for s in plan] == ["code", "code", "values", "code", "values"]
    assert all("check(" not in s["source"] for s in _steps(plan, "code"))
    assert [s["exercise"] for s in _steps(plan, "values")] == ["fixture.total", "fixture.word"]


def test_edited_and_deleted_checks_are_detected_and_restored(manifest):
    nb = FIX.variants()["98_fixture-fail-tampered"]
    checks = manifest["lessons"]["98_fixture"]["checks"]
    plan, tampered, _, _ = check_restore.build_plan(nb, checks)
    assert tampered == {"fixture.total": "its check cell was edited",
                        "fixture.word": "its check cell was deleted"}
    # the forged print never runs; the deleted check is read right after its answer cell
    assert all("print(" not in s["source"] for s in _steps(plan, "code"))
    assert plan[-1] == {"kind": "values", "exercise": "fixture.word", "names": ["word"],
                        "cell": 3}


def test_cells_calling_the_self_check_are_skipped(manifest):
    nb = FIX.variants()["98_fixture-pass-complete"]
    nb["cells"].append(FIX.code("self", "from artethics.checking import check_this_notebook\n"
                                        "check_this_notebook()\n"))
    plan, _, _, skipped = check_restore.build_plan(nb, manifest["lessons"]["98_fixture"]["checks"])
    assert skipped == [5] and all("check_this_notebook" not in s.get("source", "") for s in plan)


def test_answer_names_come_from_the_kits_check_source():
    assert check_restore.answer_names({"exercise": "a.b", "source": 'check("a.b", x)\n'}) == ["x"]
    assert check_restore.answer_names(
        {"exercise": "a.b", "source": 'check("a.b", x, student=who)'}) == ["x", "who"]
    with pytest.raises(CheckError, match="not of the form"):
        check_restore.answer_names({"exercise": "a.b", "source": "print('✔')"})


def _prep(exercises, tampered=None):
    plan = [{"kind": "values", "exercise": ex, "names": ["v"], "cell": i}
            for i, ex in enumerate(exercises)]
    return check_restore.Prepared("a.ipynb", "98_fixture", plan, list(exercises),
                                  tampered or {}, {ex: ["v"] for ex in exercises})


def _got(value_json, nonce="n"):
    text = repr(json.dumps({"nonce": nonce, "values": {"v": value_json}}))
    return {"how": "reply", "nonce": "n", "names": ["v"], "text": text}


@pytest.fixture
def fixture_checkers(manifest):
    check_verdicts.load_checkers(manifest, "98_fixture")


def test_values_become_pass_fail_missing_and_not_run(fixture_checkers):
    prep = _prep(["fixture.total", "fixture.word", "fixture.total", "fixture.word"])
    prep.exercises = ["fixture.total", "fixture.word", "e.c", "e.d"]
    prep.names.update({"e.c": ["v"], "e.d": ["v"]})
    result = {"started": True, "stopped": "timeout", "stopped_at": 7,
              "cells": [{"cell": 7, "status": "timeout"}],
              "values": {"fixture.total": _got(4), "fixture.word": _got("unfair"),
                         "e.c": _got({"$": "undefined"})}}
    report = check_verdicts.build_report(prep, result, timeout=5)
    assert [r.status for r in report.results] == ["pass", "fail", "fail", "not run"]
    assert report.results[0].message == "✔ fixture.total: right."
    assert "NameError: name 'v' is not defined" in report.results[2].message
    assert any("did not finish within 5 s" in n for n in report.notes)
    assert not report.ok


def test_a_forged_reply_is_unreadable_never_a_pass(fixture_checkers):
    prep = _prep(["fixture.total"])
    for got in (_got(4, nonce="guessed"), {"how": "reply", "nonce": "n", "names": ["v"],
                                           "text": "4"},
                _got({"$": "eval", "items": "__import__('os')"}),
                {"how": "reply", "nonce": "n", "names": ["v"], "text": None}):
        result = {"started": True, "values": {"fixture.total": got}, "cells": []}
        report = check_verdicts.build_report(prep, result, timeout=5)
        assert report.results[0].status == "fail", got
        assert "could not be read" in report.results[0].message


def test_a_kernel_that_cannot_start_is_not_run_with_the_reason():
    report = check_verdicts.build_report(_prep(["e.a"]), {"started": False,
                                         "problem": "Kernel died before replying"}, timeout=5)
    assert report.results[0].status == "not run"
    assert "could not be started (Kernel died" in report.results[0].message


def test_tampered_exercise_never_counts_as_passed(fixture_checkers):
    prep = _prep(["fixture.total"], {"fixture.total": "its check cell was edited"})
    result = {"started": True, "values": {"fixture.total": _got(4)}, "cells": []}
    report = check_verdicts.build_report(prep, result, timeout=5)
    assert report.results[0].status == "tampered" and not report.ok
    assert "edited" in report.text()


def test_csv_has_one_row_per_exercise_and_per_unreadable_file(tmp_path):
    good = check_report.Report(
        "a.ipynb", "l", (check_report.ExerciseResult("e.a", "pass", "✔ e.a: ok"),))
    bad = check_report.Report("b.ipynb", problem="The file is not valid notebook JSON.")
    out = tmp_path / "r.csv"
    check_report.write_csv([good, bad], out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["student_file"], r["exercise"], r["ok"]) for r in rows] == [
        ("a.ipynb", "e.a", "True"), ("b.ipynb", "", "False")]


def test_folders_expand_sorted_without_checkpoints(tmp_path):
    for name in ["b.ipynb", "a.ipynb", ".ipynb_checkpoints/a-checkpoint.ipynb", "notes.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("{}")
    assert [Path(p).name for p in check_api.expand([tmp_path])] == ["a.ipynb", "b.ipynb"]


def test_bad_files_only_need_no_kernel_and_fail(paths, manifest):
    bad = [paths[k] for k in ("98_fixture-fail-truncated", "unknown_lesson")]
    reports = check_api.check_notebooks(bad, manifest=manifest, jobs=2)
    assert [bool(r.problem) for r in reports] == [True, True]
    assert all(r.text().startswith("✘") and "Traceback" not in r.text() for r in reports)


def test_cli_refuses_a_missing_manifest_without_traceback(tmp_path, capsys):
    args = argparse.Namespace(paths=["x.ipynb"], timeout=5, jobs=1, csv=None, lesson="",
                              manifest=str(tmp_path / "none.json"))
    assert check_command.main(args) == 2
    assert "There is no check manifest at" in capsys.readouterr().err


def test_a_missing_default_manifest_says_run_make_student(monkeypatch, tmp_path):
    from artethics.tools import manifest as kit_manifest

    monkeypatch.setattr(kit_manifest, "MANIFEST", tmp_path / "checks_manifest.json")
    with pytest.raises(CheckError, match="make student"):
        load_manifest()


def test_an_unreadable_default_manifest_says_run_make_student(monkeypatch, tmp_path):
    from artethics.tools import manifest as kit_manifest

    broken = tmp_path / "checks_manifest.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(kit_manifest, "MANIFEST", broken)
    with pytest.raises(CheckError, match="make student"):
        load_manifest()


def test_this_notebook_needs_a_session_or_a_path(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert this_notebook_path() is None
    monkeypatch.setenv("JPY_SESSION_NAME", "/abs/notebooks/02_x.ipynb")
    assert this_notebook_path() == Path("/abs/notebooks/02_x.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", "course-root/notebooks/02_x.ipynb")
    assert this_notebook_path() == Path("02_x.ipynb")  # relative to the kernel's folder


def test_a_notebook_of_another_lesson_is_known_by_its_exercises(manifest):
    nb = FIX.notebook("98_fixture")
    del nb["metadata"]["artethics"]
    for cell in nb["cells"]:  # only fixture.word: it belongs to 98_fixture alone
        if check_notebook.cell_role(cell)[1] == "fixture.total":
            cell["metadata"]["artethics"]["exercise"] = "fixture.word"
    with pytest.raises(CheckError, match="lesson '98_fixture', but lesson '99_other'"):
        check_notebook.identify_lesson(nb, "alice_99_other.ipynb", manifest)
    assert check_notebook.identify_lesson(nb, "alice.ipynb", manifest) == "98_fixture"


def test_batches_shrink_to_one_near_the_end_of_the_queue():
    todo, lock = list(range(100)), threading.Lock()
    sizes = []
    while batch := check_workers.take_batch(todo, lock, jobs=2):
        sizes.append(len(batch))
    assert sum(sizes) == 100 and max(sizes) == check_workers.MAX_BATCH
    assert sizes == sorted(sizes, reverse=True) and sizes[-6:] == [1] * 6
    assert check_workers.take_batch(list(range(3)), lock, jobs=2) == [0]


class _FakeWorker:
    """Stands in for a worker process: echoes each notebook's cell count as its records;
    the first worker made dies on its first batch."""

    made = 0

    def __init__(self):
        _FakeWorker.made += 1
        self.dies = _FakeWorker.made == 1

    def check(self, plans, timeout, total, budget):
        if self.dies:
            return None
        return [{"cells": len(plan)} for plan in plans]

    def close(self):
        pass


def test_a_dead_worker_loses_only_its_batch_and_is_replaced(monkeypatch):
    monkeypatch.setattr(check_workers, "_Worker", _FakeWorker)
    _FakeWorker.made = 0
    prepared = [check_restore.Prepared(f"{i}.ipynb", "l", [{}] * (i + 1), ["e.a"])
                for i in range(40)]
    results = check_workers.run_all(prepared, timeout=5, jobs=1)
    lost = [i for i, r in enumerate(results) if not r]
    # larger notebooks go first: the dead worker's batch held the largest ones
    assert lost == list(range(40 - len(lost), 40)) and 1 <= len(lost) <= check_workers.MAX_BATCH
    assert all(r == {"cells": i + 1} for i, r in enumerate(results) if r)
    assert _FakeWorker.made == 2


def test_time_spans_dates_and_tables_travel_as_data():
    from artethics.tools.check import values

    sent = {"nonce": "n", "values": {
        "a": {"$": "timedelta", "ns": 35 * 86400 * 10**9},
        "b": {"$": "datetime", "iso": "2022-01-05T00:00:00"},
        "c": {"$": "series", "name": None, "index": [0, 1], "values": [1.5, 2]},
        "d": {"$": "timedelta", "ns": "35 days"},
        "e": {"$": "date", "iso": "2020-01-02"}}}
    got = values.decode(repr(json.dumps(sent)), "n", list("abcde"))
    assert got["a"].days == 35 and got["b"].year == 2022 and list(got["c"]) == [1.5, 2]
    assert isinstance(got["d"], values.Unreadable) and got["e"].day == 2


def test_the_kernel_edition_has_no_checkers_and_a_change_is_noticed(tmp_path):
    from artethics.tools.check.sandbox import fingerprint, kernel_kit

    kit = kernel_kit(tmp_path / "kit")
    package = kit / "artethics"
    assert not (package / "tools").exists() and not (package / "exercises" / "belamy.py").exists()
    assert "def expected" not in (package / "exercises" / "__init__.py").read_text(encoding="utf-8")
    before = fingerprint(kit)
    with open(package / "data.py", "a", encoding="utf-8") as fh:
        fh.write("\nraise SystemExit\n")
    assert fingerprint(kit) != before


@pytest.mark.parametrize("timeout", [float("inf"), float("nan"), 0, -1, "10"])
def test_self_check_refuses_a_timeout_that_is_not_finite_and_positive(timeout, capsys):
    from artethics.checking import check_this_notebook

    check_this_notebook("x.ipynb", timeout=timeout)
    assert "timeout must be a number of seconds" in capsys.readouterr().out


def test_the_self_check_speaks_to_one_student():
    from artethics.checking import _for_the_student

    target = Path("/tmp/xyz/work/03_lofter.ipynb")
    out = ("/tmp/xyz/work/03_lofter.ipynb (lesson 03_lofter): 1 of 2 exercises pass\n"
           "  ✔ lofter.a [pass]: right.\n  ✘ lofter.b [fail]: not yet. Hint: count again.\n"
           "0 of 1 notebooks pass every exercise.\n")
    text = _for_the_student(out, "", 1, target)
    assert text.startswith("03_lofter.ipynb (lesson 03_lofter): 1 of 2 exercises pass")
    assert "/tmp/xyz" not in text and "notebooks pass" not in text
    assert text.endswith("save (Ctrl+S), and check again.")
    done = _for_the_student(out.replace("1 of 2", "2 of 2"), "", 0, target)
    assert done.endswith("Every exercise passes. Well done!")
    assert _for_the_student("", "boom\n", 2, target) == "boom"


def test_a_report_line_names_the_exercise_once():
    result = check_report.ExerciseResult("lofter.a", "fail", "✘ lofter.a: not yet. Hint: count.")
    assert result.line() == "✘ lofter.a [fail]: not yet. Hint: count."
    other = check_report.ExerciseResult("lofter.a", "not run", "not run: an earlier cell failed.")
    assert other.line() == "- lofter.a [not run]: not run: an earlier cell failed."
