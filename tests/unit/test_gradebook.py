"""artethics check --gradebook: the roster, matching notebooks to students, the three
file formats, and bad input (rosters, unreadable submissions, a folder that disappears)."""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import shutil
from pathlib import Path

import pytest

from artethics.responses.record import MIME
from artethics.tools import gradebook
from artethics.tools.check import command as check_command
from artethics.tools.check.report import FAIL, OK, ExerciseResult, Report
from artethics.tools.manifest import load_manifest

HERE = Path(__file__).parents[1] / "fixtures"
ROSTERS = HERE / "gradebook"


def _fixture_module():
    spec = importlib.util.spec_from_file_location("make_fixtures",
                                                  HERE / "check" / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


FIX = _fixture_module()


@pytest.fixture
def manifest():
    return load_manifest(HERE / "check" / "manifest.json")


def notebook(student: str, recorded: tuple[str, ...] = (), injected: str = "") -> dict:
    nb = FIX.notebook("98_fixture")
    nb["cells"].insert(1, FIX.code("params", f'student: str = "{student}"\n',
                                   {"tags": ["parameters"]}))
    if injected:
        nb["cells"].insert(2, FIX.code("injected", f'student = "{injected}"\n',
                                       {"tags": ["injected-parameters"]}))
    for i, name in enumerate(recorded):
        answer = {"lesson": "98_fixture", "activity": "fixture.poll_before", "kind": "poll",
                  "student": name, "data": {"stance": "for", "confidence": 3}}
        nb["cells"].append(FIX.code(f"rec{i}", "show_poll()\n", outputs=[
            {"output_type": "display_data", "metadata": {},
             "data": {MIME: answer, "text/plain": "Recorded"}}]))
    return nb


def write(folder: Path, name: str, nb: dict) -> str:
    path = folder / f"{name}.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return str(path)


def report(path: str, passed: tuple[bool, bool] = (True, True)) -> Report:
    results = tuple(ExerciseResult(ex, OK if ok else FAIL, "right." if ok else "✘ no. Hint: h")
                    for ex, ok in zip(("fixture.total", "fixture.word"), passed, strict=True))
    return Report(path, "98_fixture", results)


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


# --- the roster --------------------------------------------------------------------------


def test_a_canvas_export_with_its_byte_order_mark_is_read_with_its_columns():
    roster = gradebook.read_roster(ROSTERS / "roster-canvas.csv", "canvas")
    assert [(s.name, s.id) for s in roster.students] == [
        ("Alice Chan", "101"), ("bob", "102"), ("李丹", "103")]
    assert roster.students[0].fields == {"Student": "Chan, Alice", "SIS User ID": "s1001",
                                         "SIS Login ID": "achan", "Section": "Class A"}
    assert roster.find("  alice   CHAN ")[0].id == "101"  # case and spaces do not matter
    assert roster.find("Alice Cha") == []  # but nothing is guessed


def test_moodle_matches_by_id_number_or_by_email():
    by_id = gradebook.read_roster(ROSTERS / "roster-moodle.csv", "moodle")
    by_email = gradebook.read_roster(ROSTERS / "roster-moodle.csv", "moodle", "email")
    assert [s.id for s in by_id.students] == ["A-101", "A-102", "A-103"]
    assert by_email.find("bob")[0].id == "bob@example.edu"


@pytest.mark.parametrize("name, platform, expected", [
    ("roster-bad-no-id.csv", "canvas", r"no column for the canvas id \(ID\).*'Student', "
                                       r"'Section', 'notebook_name'.*Add the column"),
    ("roster-bad-no-id.csv", "moodle", r"no column for the moodle id \(ID number or idnumber\)"),
    ("roster-bad-empty-id.csv", "csv", r"line 3 \(bob\) has no id.*Fix these rows"),
    ("roster-bad-duplicate-id.csv", "csv", r"the id '101' is on lines 2 and 4"),
    ("roster-bad-semicolons.csv", "csv", r"separates its columns with ;.*CSV UTF-8"),
])
def test_bad_rosters_say_what_is_wrong_and_how_to_fix_it(name, platform, expected):
    with pytest.raises(gradebook.RosterError, match=expected):
        gradebook.read_roster(ROSTERS / name, platform)


def test_a_roster_in_another_encoding_is_refused_with_the_way_to_save_it(tmp_path):
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("notebook_name,ID\nAlice,1\n", encoding="utf-16")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("notebook_name,ID\n李丹,1\n".encode("gbk"))
    with pytest.raises(gradebook.RosterError, match="UTF-16.*CSV UTF-8"):
        gradebook.read_roster(utf16, "csv")
    with pytest.raises(gradebook.RosterError, match="not UTF-8 text .* line 2.*GBK"):
        gradebook.read_roster(gbk, "csv")


def test_a_missing_roster_a_folder_and_an_unquoted_comma_are_named(tmp_path):
    with pytest.raises(gradebook.RosterError, match="no roster at"):
        gradebook.read_roster(tmp_path / "nope.csv", "csv")
    with pytest.raises(gradebook.RosterError, match="is a folder"):
        gradebook.read_roster(tmp_path, "csv")
    stray = tmp_path / "stray.csv"
    stray.write_text("name,student_id\nChan, Alice,1\n", encoding="utf-8")
    with pytest.raises(gradebook.RosterError, match="line 2 has 3 fields.*double quotes"):
        gradebook.read_roster(stray, "csv")


# --- who wrote a notebook ---------------------------------------------------------------------


def test_the_student_comes_from_the_parameters_and_the_recorded_answers():
    assert gradebook.notebook_students(notebook("Alice Chan")) == ["Alice Chan"]
    assert gradebook.notebook_students(notebook("anonymous", ("bob",))) == ["bob"]
    assert gradebook.notebook_students(notebook("x", injected="bob")) == ["bob"]
    assert gradebook.notebook_students(notebook("anonymous")) == []
    assert gradebook.notebook_students(notebook("Alice Chan", ("alice chan",))) == ["Alice Chan"]
    assert gradebook.notebook_students(notebook("Alice Chan", ("bob",))) == ["Alice Chan", "bob"]


def test_a_pseudonymised_class_matches_by_name_or_by_pseudonym(tmp_path, manifest):
    nb = notebook("Alice Chan", ("p-3fa2c1d94b7e",))  # answers pseudonymised, name kept
    assert gradebook.notebook_identity(nb) == (["Alice Chan"], ["p-3fa2c1d94b7e"])
    by_name = gradebook.read_roster(ROSTERS / "roster-canvas.csv", "canvas")
    pseudonymous = tmp_path / "roster.csv"
    pseudonymous.write_text("pseudonym,student_id\np-3fa2c1d94b7e,7\n", encoding="utf-8")
    by_pseudonym = gradebook.read_roster(pseudonymous, "csv")
    path = write(tmp_path, "a", nb)
    assert list(gradebook.build([report(path)], by_name, manifest).grades) == [
        ("101", "98_fixture")]
    assert list(gradebook.build([report(path)], by_pseudonym, manifest).grades) == [
        ("7", "98_fixture")]
    two = write(tmp_path, "b", notebook("anonymous", ("p-3fa2c1d94b7e", "p-000000000000")))
    book = gradebook.build([report(two)], by_pseudonym, manifest)
    assert book.grades == {} and "names several students" in book.problems[0]


# --- matching and scoring ---------------------------------------------------------------


def test_every_problem_is_listed_and_no_grade_is_guessed(tmp_path, manifest):
    roster = gradebook.read_roster(ROSTERS / "roster-canvas.csv", "canvas")
    paths = {name: write(tmp_path, name, nb) for name, nb in {
        "alice": notebook("Alice Chan"), "bob": notebook("anonymous", ("bob",)),
        "dan1": notebook("李丹"), "dan2": notebook("李丹"), "eve": notebook("Eve"),
        "nobody": notebook("anonymous"), "two": notebook("Alice Chan", ("bob",)),
        "gone": notebook("Alice Chan")}.items()}
    Path(paths["gone"]).unlink()  # removed after it was checked
    reports = [report(paths["alice"]), report(paths["bob"], (True, False)),
               report(paths["dan1"]), report(paths["dan2"]), report(paths["eve"]),
               report(paths["nobody"]), report(paths["two"]), report(paths["gone"]),
               Report(str(tmp_path / "cut.ipynb"), problem="The file is not valid notebook "
                                                          "JSON")]
    book = gradebook.build(reports, roster, manifest)
    assert {k: g.score for k, g in book.grades.items()} == {("101", "98_fixture"): 2,
                                                            ("102", "98_fixture"): 1}
    text = "\n".join(book.problems)
    assert "'Eve' is not on the roster" in text
    assert "nobody.ipynb: the notebook gives no student name" in text
    assert "two.ipynb: the notebook names several students ('Alice Chan', 'bob')" in text
    assert "two or more submissions of 98_fixture for id 103" in text
    assert "dan1.ipynb" in text and "dan2.ipynb" in text
    assert "gone.ipynb: cannot be read any more" in text
    assert "cut.ipynb: cannot be checked. The file is not valid notebook JSON" in text
    assert any("李丹 (103)" in line for line in book.missing)


def test_a_name_on_two_roster_lines_grades_neither(tmp_path, manifest):
    twice = tmp_path / "roster.csv"
    twice.write_text("name,student_id\nLi Wei,1\nli wei,2\n", encoding="utf-8")
    roster = gradebook.read_roster(twice, "csv")
    book = gradebook.build([report(write(tmp_path, "a", notebook("Li Wei")))], roster, manifest)
    assert book.grades == {}
    text = "\n".join(book.problems)
    assert "the name 'Li Wei' is on roster lines 2, 3 (ids 1, 2)" in text
    assert "a.ipynb: 'Li Wei' is on two roster lines" in text


def test_a_lesson_weighs_its_checks_as_its_metadata_says(tmp_path, manifest):
    weighted = json.loads(json.dumps(manifest))
    weighted["lessons"]["98_fixture"]["points"] = {"fixture.total": 3}
    roster = gradebook.read_roster(ROSTERS / "roster-canvas.csv", "canvas")
    book = gradebook.build([report(write(tmp_path, "a", notebook("bob")), (True, False))],
                           roster, weighted)
    assert book.grades[("102", "98_fixture")].score == 3
    assert book.max_score == {"98_fixture": 4}


def test_the_kits_lessons_name_what_is_marked_by_hand():
    points = gradebook.lesson_points(load_manifest(), "03_lofter")
    assert ("lofter.reflection", 4.0) in points.by_hand
    assert points.of("lofter.days_to_withdrawal") >= 1


# --- the three formats --------------------------------------------------------------------


def _book(tmp_path, manifest, platform, match="idnumber"):
    name = "roster-moodle.csv" if platform == "moodle" else "roster-canvas.csv"
    roster = gradebook.read_roster(ROSTERS / name, platform, match)
    reports = [report(write(tmp_path, "a", notebook("Alice Chan"))),
               report(write(tmp_path, "b", notebook("bob")), (False, True))]
    return gradebook.build(reports, roster, manifest), roster


def test_canvas_gets_its_own_columns_and_the_points_possible_row(tmp_path, manifest):
    book, roster = _book(tmp_path, manifest, "canvas")
    out = tmp_path / "canvas.csv"
    gradebook.export(book, roster, "canvas", out, ["98_fixture=Fixture lesson (4521)"])
    assert rows_of(out) == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Fixture lesson (4521)"],
        ["    Points Possible", "", "", "", "", "2"],
        ["Chan, Alice", "101", "s1001", "achan", "Class A", "2"],
        ["Wong, Bob", "102", "s1002", "bwong", "Class A", "1"],
        ["Li, Dan", "103", "s1003", "dli", "Class B", ""]]
    report_text = gradebook.report_path(out).read_text(encoding="utf-8")
    assert "No submission (information):\n  - 98_fixture: no graded submission from 李丹 (103)" \
        in report_text


@pytest.mark.parametrize("match, column, first", [("idnumber", "ID number", "A-101"),
                                                  ("email", "Email address",
                                                   "alice@example.edu")])
def test_moodle_gets_one_column_to_match_and_one_per_grade_item(tmp_path, manifest, match,
                                                               column, first):
    book, roster = _book(tmp_path, manifest, "moodle", match)
    out = tmp_path / "moodle.csv"
    gradebook.export(book, roster, "moodle", out, match=match)
    assert rows_of(out) == [[column, "98_fixture"], [first, "2"], [roster.students[1].id, "1"],
                            [roster.students[2].id, ""]]


def test_plain_csv_has_one_row_per_student_and_lesson(tmp_path, manifest):
    book, roster = _book(tmp_path, manifest, "csv")
    out = tmp_path / "plain.csv"
    gradebook.export(book, roster, "csv", out)
    rows = rows_of(out)
    assert rows[0] == list(gradebook.CSV_COLUMNS)
    assert rows[1][:7] == ["101", "Alice Chan", "98_fixture", "2", "2", "2", "2"]
    assert rows[2][:5] == ["102", "bob", "98_fixture", "1", "2"]
    assert rows[3][3] == "" and rows[3][8] == "no graded submission"


def test_an_assignment_that_is_not_lesson_equals_name_is_refused():
    with pytest.raises(ValueError, match="is not LESSON=NAME"):
        gradebook.assignment_names(["Lesson 3"], ["03_lofter"])


# --- the command ------------------------------------------------------------------------


def _args(tmp_path, paths, **extra):
    values = dict(paths=paths, timeout=60, total=None, jobs=1, csv=None, lesson="",
                  manifest=str(HERE / "check" / "manifest.json"), gradebook="canvas",
                  roster=str(ROSTERS / "roster-canvas.csv"), out=str(tmp_path / "grades.csv"),
                  force=False, assignment=[], match="idnumber")
    values.update(extra)
    return argparse.Namespace(**values)


@pytest.fixture
def fake_check(monkeypatch):
    """check_notebooks without kernels: every notebook passes; records the calls."""
    calls = []

    def fake(paths, **kwargs):
        calls.append(list(paths))
        return [report(str(p)) for p in paths]

    monkeypatch.setattr(check_command, "check_notebooks", fake)
    return calls


def test_the_command_writes_the_gradebook_and_exits_3_when_someone_is_listed(
        tmp_path, fake_check, capsys):
    paths = [write(tmp_path, "a", notebook("Alice Chan")), write(tmp_path, "e", notebook("Eve"))]
    assert check_command.main(_args(tmp_path, paths)) == 3
    err = capsys.readouterr().err
    assert "not graded:" in err and "'Eve' is not on the roster" in err
    assert rows_of(tmp_path / "grades.csv")[2][-1] == "2"
    assert "'Eve' is not on the roster" in (tmp_path / "grades.report.txt").read_text("utf-8")
    (tmp_path / "grades.csv").unlink()
    (tmp_path / "grades.report.txt").unlink()
    assert check_command.main(_args(tmp_path, paths[:1])) == 0  # everyone matched


def test_an_existing_gradebook_is_never_replaced_without_force(tmp_path, fake_check, capsys):
    paths = [write(tmp_path, "a", notebook("Alice Chan"))]
    old = tmp_path / "grades.csv"
    old.write_text("the instructor's edited gradebook\n", encoding="utf-8")
    assert check_command.main(_args(tmp_path, paths)) == 2
    assert "already exist" in capsys.readouterr().err
    assert old.read_text(encoding="utf-8") == "the instructor's edited gradebook\n"
    assert fake_check == []  # nothing was checked
    assert check_command.main(_args(tmp_path, paths, force=True)) == 0
    assert (tmp_path / "grades.csv.bak").read_text("utf-8") == "the instructor's edited gradebook\n"
    assert rows_of(old)[0][0] == "Student"
    assert check_command.main(_args(tmp_path, paths, force=True)) == 0
    assert (tmp_path / "grades.csv.bak.2").exists()  # a backup is never overwritten


def test_refusing_an_existing_gradebook_says_how_to_go_on(tmp_path, fake_check, capsys):
    (tmp_path / "grades.csv").write_text("old\n", encoding="utf-8")
    check_command.main(_args(tmp_path, [write(tmp_path, "a", notebook("bob"))]))
    err = capsys.readouterr().err
    assert "already exist(s); nothing was checked or written" in err and "--force" in err


@pytest.mark.parametrize("extra, expected", [
    ({"roster": None}, "--gradebook needs --roster"),
    ({"roster": str(ROSTERS / "roster-bad-duplicate-id.csv")}, "the id '101' is on lines 2"),
    ({"roster": str(ROSTERS / "roster-bad-semicolons.csv")}, "separates its columns with ;"),
    ({"assignment": ["03_lofter"]}, "is not LESSON=NAME"),
    ({"gradebook": None}, "--roster and --out go with --gradebook"),
])
def test_bad_options_stop_before_anything_is_checked(tmp_path, fake_check, capsys, extra,
                                                     expected):
    paths = [write(tmp_path, "a", notebook("bob"))]
    assert check_command.main(_args(tmp_path, paths, **extra)) == 2
    assert expected in capsys.readouterr().err
    assert fake_check == [] and not (tmp_path / "grades.csv").exists()


def test_a_folder_that_disappears_mid_run_loses_nothing(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    paths = [write(tmp_path, "a", notebook("bob"))]

    def vanishing(paths, **kwargs):
        shutil.rmtree(out)  # the output folder goes while the notebooks are checked
        return [report(p) for p in paths]

    monkeypatch.setattr(check_command, "check_notebooks", vanishing)
    code = check_command.main(_args(tmp_path, paths, out=str(out / "grades.csv")))
    err = capsys.readouterr().err
    assert code == 2
    assert "the gradebook could not be written" in err and "no earlier file was changed" in err
    assert "the verdicts above" not in err and not out.exists()


def test_a_failed_write_leaves_the_old_gradebook_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "grades.csv"
    target.write_text("old\n", encoding="utf-8")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gradebook.os, "replace", broken)
    with pytest.raises(gradebook.GradebookError, match="No space left on device"):
        gradebook.write_files({target: "new\n", gradebook.report_path(target): "r\n"})
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_unreadable_submissions_are_listed_not_dropped(tmp_path, capsys):
    """A real check (kernels) of a good notebook, a cut-off file and a folder named .ipynb."""
    subs = tmp_path / "subs"
    subs.mkdir()
    write(subs, "a-98_fixture", notebook("Alice Chan"))
    (subs / "b-98_fixture.ipynb").write_text('{"cells": [', encoding="utf-8")
    (subs / "c-98_fixture.ipynb").mkdir()
    code = check_command.main(_args(tmp_path, [str(subs)], jobs=1))
    err = capsys.readouterr().err
    assert code == 3
    assert "b-98_fixture.ipynb: cannot be checked" in err and "cut off" in err
    assert "c-98_fixture.ipynb: cannot be checked" in err and "folder" in err
    assert rows_of(tmp_path / "grades.csv")[2][-1] == "2"


def test_what_the_rubrics_mark_is_named_in_the_csv_and_the_report_never_scored(tmp_path):
    manifest = load_manifest()
    checks = [c["exercise"] for c in manifest["lessons"]["03_lofter"]["checks"]]
    rep = Report(write(tmp_path, "a", notebook("bob")), "03_lofter",
                 tuple(ExerciseResult(ex, OK, "right.") for ex in checks))
    roster = gradebook.read_roster(ROSTERS / "roster-canvas.csv", "canvas")
    book = gradebook.build([rep], roster, manifest)
    out = tmp_path / "plain.csv"
    gradebook.export(book, roster, "csv", out)
    row = next(r for r in rows_of(out) if r[0] == "102")
    assert row[3] == row[4] == str(len(checks))  # the reflection's 4 points are not added
    assert "lofter.reflection (4 points)" in row[7]
    assert "03_lofter: lofter.reflection (4 points)" in gradebook.report_path(out).read_text(
        encoding="utf-8")


def test_a_file_name_that_looks_like_a_formula_stays_text():
    assert gradebook.not_a_formula("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert gradebook.not_a_formula("subs/alice.ipynb") == "subs/alice.ipynb"
