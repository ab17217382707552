"""`artethics check` end to end on fixture notebooks: real kernels, real nbval."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from artethics.checking import check_this_notebook
from artethics.tools.check import api as check_api
from artethics.tools.manifest import load_manifest

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parents[1] / "fixtures" / "check"
MANIFEST = FIXTURES / "manifest.json"


def _fixture_module():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Every fixture checked in one run (2 workers); {name: (path, sha256 before, report)}."""
    paths = _fixture_module().write_all(tmp_path_factory.mktemp("check"))
    before = {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in paths.items()}
    reports = check_api.check_notebooks(sorted(paths.values()), timeout=4, jobs=2,
                                       manifest=load_manifest(MANIFEST))
    by_path = {r.path: r for r in reports}
    return {k: (p, before[k], by_path[str(p)]) for k, p in paths.items()}


def statuses(report):
    return {r.exercise: r.status for r in report.results}


def test_complete_notebook_passes(checked):
    report = checked["98_fixture-pass-complete"][2]
    assert report.ok, report.text()
    assert "2 of 2 exercises pass" in report.text()


def test_blank_notebook_lists_missing_answers_with_hints(checked):
    report = checked["98_fixture-fail-blank"][2]
    assert statuses(report) == {"fixture.total": "missing", "fixture.word": "missing"}
    assert "Hint: Replace the None" in report.results[0].message


def test_wrong_answer_fails_with_the_students_hint_line(checked):
    report = checked["98_fixture-fail-wrong"][2]
    assert statuses(report) == {"fixture.total": "fail", "fixture.word": "pass"}
    assert report.results[0].message == "✘ fixture.total: not the sum. Hint: Add the two numbers."


def test_saved_passing_outputs_do_not_pass(checked):
    report = checked["98_fixture-fail-saved_outputs_only"][2]
    assert not report.ok
    assert set(statuses(report).values()) == {"missing"}


def test_tampered_notebook_is_reported_as_tampered(checked):
    report = checked["98_fixture-fail-tampered"][2]
    assert statuses(report) == {"fixture.total": "tampered", "fixture.word": "tampered"}
    assert "edited" in report.text() and "deleted" in report.text()


def test_infinite_loop_is_stopped_and_explained(checked):
    report = checked["98_fixture-fail-infinite_loop"][2]
    assert statuses(report)["fixture.total"] == "fail"
    assert any("did not finish within 4 s" in n for n in report.notes)


@pytest.mark.parametrize("name, words", [
    ("98_fixture-fail-truncated", "cut off"),
    ("98_fixture-fail-not_a_notebook", "not a Jupyter notebook"),
    ("98_fixture-fail-holds_other_lesson", "lesson '99_other', but lesson '98_fixture'"),
    ("unknown_lesson", "does not have"),
])
def test_unusable_files_get_one_clear_verdict(checked, name, words):
    report = checked[name][2]
    assert report.problem and words in report.problem
    assert "Traceback" not in report.text() and "\n" not in report.text()


def test_student_files_are_never_modified(checked):
    for path, before, _ in checked.values():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before, path


def test_cli_exit_code_and_csv(checked, tmp_path):
    good = checked["98_fixture-pass-complete"][0]
    bad = checked["98_fixture-fail-truncated"][0]
    cmd = [sys.executable, "-m", "artethics", "check", "--manifest", str(MANIFEST),
           "--timeout", "10", "--jobs", "1"]
    ok = subprocess.run([*cmd, str(good)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    out = tmp_path / "r.csv"
    fail = subprocess.run([*cmd, "--csv", str(out), str(bad)], capture_output=True, text=True,
                          check=False)
    assert fail.returncode == 1 and "Traceback" not in fail.stdout + fail.stderr
    assert "cut off" in out.read_text(encoding="utf-8")


def test_check_this_notebook_uses_the_session_path(checked, monkeypatch, capsys):
    monkeypatch.setenv("JPY_SESSION_NAME", str(checked["98_fixture-fail-wrong"][0]))
    assert check_this_notebook(timeout=10, manifest=MANIFEST) is None  # nothing to display
    out = capsys.readouterr().out
    assert "save it first" in out and "1 of 2 exercises pass" in out
    assert "Report(" not in out


def test_check_this_notebook_leaves_no_child_process(checked, capsys):
    from artethics.tools.check.sandbox import descendants

    before = set(descendants())
    check_this_notebook(checked["98_fixture-fail-infinite_loop"][0], timeout=3,
                        manifest=MANIFEST)
    out = capsys.readouterr().out
    assert "check again" in out and "notebooks pass" not in out and "Report(" not in out
    assert set(descendants()) - before == set()  # no kernel, worker or check left running


def test_check_this_notebook_inside_a_check_only_says_it_is_skipped(monkeypatch, capsys):
    monkeypatch.setenv("ARTETHICS_INSIDE_CHECK", "1")
    check_this_notebook("anything.ipynb")
    assert capsys.readouterr().out.strip() == (
        "(The self-check is skipped while the notebook itself is being checked.)")
