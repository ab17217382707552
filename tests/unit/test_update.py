"""`artethics update`: a student's copy rebuilt from a changed lesson keeps every answer.

The lesson changes in every way a course update does: an exercise is added, one is
removed, one question is reworded, one exercise is changed (it now asks for another
variable), cells are moved, and the student had added a cell of their own."""

import copy
import json
from pathlib import Path

import nbformat
import pytest

from artethics import paths
from artethics.responses.record import MIME
from artethics.tools import nbform, student, update

SOURCE = paths.solutions_dir() / "03_lofter.ipynb"


def _by_id(nb):
    return {c.id: c for c in nb.cells}


@pytest.fixture(scope="module")
def versions():
    """(old student copy with the student's work, new lesson's solution notebook)."""
    solution = nbform.read(SOURCE)
    solution.metadata.setdefault("artethics", {})["lesson"] = "03_lofter"
    old = student.make_student(solution, SOURCE.name)
    cells = _by_id(old)
    cells["cell-03"].source = cells["cell-03"].source.replace('"anonymous"', '"Mei Ling"')
    cells["cell-25"].source = "days_to_withdrawal = 2  # my answer"
    cells["cell-29"].source = "days_since_artstation = 85"
    cells["cell-32"].source = 'unconfirmed = ["lofter_creators"]'
    cells["flaw-answer"].source = 'legal_flaw = "is_ought"'
    cells["cell-41"].source = 'my_reflection = """\nLOFTER owed its creators a say.\n"""'
    cells["matrix"].outputs = [nbformat.v4.new_output(
        "display_data", data={MIME: {"activity": "lofter.matrix"},
                              "text/plain": "Recorded: your matrix for lofter.matrix"})]
    mine = nbformat.v4.new_code_cell("my_note = 'check the ArtStation date again'",
                                     id="a1b2c3d4-student")
    old.cells.insert(24, mine)

    new = copy.deepcopy(solution)
    cells = _by_id(new)
    # removed exercise: Exercise 2
    new.cells = [c for c in new.cells if c.id not in ("cell-28", "cell-29", "cell-30")]
    # reworded question
    cells["cell-31"].source = cells["cell-31"].source.replace("Make a **list**",
                                                              "Build a **list**")
    # changed exercise: the check now wants another variable
    cells["flaw-answer"].source = ('### BEGIN SOLUTION\nflaw_name = "law_for_ethics"\n'
                                   "### END SOLUTION")
    cells["flaw-check"].source = 'check("lofter.legal_so_fine", flaw_name)'
    # moved cells: the evidence exercise now comes before the table exercises
    moving = [c for c in new.cells if c.id in ("consult-show", "consult-answer",
                                               "consult-check")]
    new.cells = [c for c in new.cells if c not in moving]
    at = next(i for i, c in enumerate(new.cells) if c.id == "cell-24")
    new.cells[at:at] = moving
    # new exercise
    new.cells.append(nbformat.v4.new_markdown_cell("**Exercise 6 — new.** Assign 1 to `one`.",
                                                   id="new-md"))
    answer = nbformat.v4.new_code_cell("### BEGIN SOLUTION\none = 1\n### END SOLUTION",
                                       id="new-answer")
    answer.metadata = {"artethics": {"role": "answer", "exercise": "lofter.new_one"}}
    new.cells.append(answer)
    return old, new


@pytest.fixture(scope="module")
def updated(versions):
    old, new = versions
    fresh = student.make_student(new, SOURCE.name)
    return update.update_copy(json.loads(nbform.dumps(old)), fresh, Path("03_lofter.ipynb"))


def test_answers_are_carried_over_by_exercise_id_even_when_cells_move(updated):
    nb, report = updated
    cells = _by_id(nb)
    assert cells["cell-25"].source == "days_to_withdrawal = 2  # my answer"
    assert cells["cell-41"].source.startswith('my_reflection = """\nLOFTER owed')
    assert "lofter.days_to_withdrawal" in report.carried
    ids = [c.id for c in nb.cells]
    assert ids.index("consult-answer") < ids.index("cell-25")  # the new order is the lesson's


def test_the_students_settings_are_kept(updated):
    nb, _ = updated
    assert 'student: str = "Mei Ling"' in _by_id(nb)["cell-03"].source


def test_recorded_widget_answers_are_kept(updated):
    nb, report = updated
    assert _by_id(nb)["matrix"].outputs[0]["data"][MIME] == {"activity": "lofter.matrix"}
    assert "lofter.matrix" in report.carried


def test_a_reworded_question_keeps_the_answer_and_says_so(updated):
    nb, report = updated
    assert _by_id(nb)["cell-32"].source == 'unconfirmed = ["lofter_creators"]'
    assert report.reworded == ["lofter.unconfirmed_facts"]


def test_a_new_exercise_comes_in_empty_and_is_reported(updated):
    nb, report = updated
    assert "None" in _by_id(nb)["new-answer"].source
    assert "lofter.new_one" in report.new


def test_removed_changed_and_own_cells_are_kept_in_a_marked_section(updated):
    nb, report = updated
    ids = [c.id for c in nb.cells]
    start = ids.index(update.KEPT_HEADING_ID)
    kept = "\n".join(c.source for c in nb.cells[start:])
    assert all(c.cell_type == "markdown" for c in nb.cells[start:])  # nothing runs
    assert "days_since_artstation = 85" in kept  # removed exercise
    assert 'legal_flaw = "is_ought"' in kept  # changed exercise
    assert "check the ArtStation date again" in kept  # the student's own cell
    assert "flaw_name = None" in _by_id(nb)["flaw-answer"].source
    assert sorted(report.kept) == ["cell a1b2c3d4-student", "lofter.days_since_artstation "
                                   "(removed)", "lofter.legal_so_fine (changed)"]


def test_nothing_is_dropped_and_a_second_update_changes_nothing(updated, versions):
    nb, _ = updated
    _, new = versions
    fresh = student.make_student(new, SOURCE.name)
    again, report = update.update_copy(json.loads(nbform.dumps(nb)), fresh)
    assert nbform.dumps(again) == nbform.dumps(nb)
    assert not report.kept and not report.reworded


def test_unanswered_exercises_take_the_new_placeholder(versions):
    old, new = versions
    untouched = student.make_student(nbform.read(SOURCE), SOURCE.name)
    fresh = student.make_student(new, SOURCE.name)
    nb, report = update.update_copy(json.loads(nbform.dumps(untouched)), fresh)
    assert not report.kept and not report.carried
    assert nbform.dumps(nb) == nbform.dumps(fresh)


def test_parameters_merge_keeps_only_known_names():
    old = 'student: str = "Kai"  # you\nclass_folder: str = "/srv/class"\ngone = 1\n'
    new = 'student: str = "anonymous"  # you\nclass_folder: str = ""  # shared\nseed: int = 0'
    assert update.merge_parameters(old, new).splitlines() == [
        'student: str = "Kai"  # you', 'class_folder: str = "/srv/class"  # shared',
        "seed: int = 0"]


# --- files ---------------------------------------------------------------------------------


@pytest.fixture
def kit(tmp_path, monkeypatch, versions):
    """A kit whose lesson 03 is the new version, and a student's folder with the old copy."""
    _, new = versions
    root = tmp_path / "kit"
    (root / "course" / "solutions").mkdir(parents=True)
    nbform.write(new, root / "course" / "solutions" / "03_lofter.ipynb")
    monkeypatch.setenv("ARTETHICS_ROOT", str(root))
    work = tmp_path / "work"
    work.mkdir()
    return work


def test_update_writes_the_new_copy_and_keeps_the_old_file(kit, versions, capsys):
    old, _ = versions
    path = kit / "03_lofter.ipynb"
    nbform.write(old, path)
    before = path.read_bytes()
    assert update.main(update.argparse.Namespace(targets=[kit], dry_run=False)) == 0
    out = capsys.readouterr().out
    assert "03_lofter.before-update-1.ipynb" in out and "kept at the end" in out
    assert (kit / "03_lofter.before-update-1.ipynb").read_bytes() == before
    assert "days_to_withdrawal = 2" in path.read_text(encoding="utf-8")
    # a second run finds nothing to do and makes no second backup
    assert update.main(update.argparse.Namespace(targets=[kit], dry_run=False)) == 0
    assert "already up to date" in capsys.readouterr().out
    assert not (kit / "03_lofter.before-update-2.ipynb").exists()


def test_a_dry_run_writes_nothing(kit, versions):
    old, _ = versions
    path = kit / "03_lofter.ipynb"
    nbform.write(old, path)
    before = path.read_bytes()
    assert update.main(update.argparse.Namespace(targets=[path], dry_run=True)) == 0
    assert path.read_bytes() == before and len(list(kit.iterdir())) == 1


@pytest.mark.parametrize(("content", "message"), [
    ('{"cells": [', "not valid notebook JSON"),
    ('{"cells": [], "nbformat": 4, "metadata": {}}', "does not say which lesson"),
    ('{"cells": [], "nbformat": 4, "metadata": {"artethics": {"lesson": "99_none"}}}',
     "no lesson '99_none'"),
    ('{"cells": [], "nbformat": 4, "metadata": {"artethics": {"lesson": "03_lofter", '
     '"lang": "fr"}}}', "unknown language"),
])
def test_bad_notebooks_are_reported_and_left_untouched(kit, content, message, capsys):
    path = kit / "broken.ipynb"
    path.write_text(content, encoding="utf-8")
    assert update.main(update.argparse.Namespace(targets=[path], dry_run=False)) == 1
    assert message in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == content
    assert [p.name for p in kit.iterdir()] == ["broken.ipynb"]


def test_a_folder_that_disappears_is_reported(kit, capsys):
    gone = kit / "gone"
    assert update.main(update.argparse.Namespace(targets=[gone], dry_run=False)) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_file(kit, versions, monkeypatch, capsys):
    old, _ = versions
    path = kit / "03_lofter.ipynb"
    nbform.write(old, path)
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(update.os, "replace", full_disk)
    assert update.main(update.argparse.Namespace(targets=[path], dry_run=False)) == 1
    assert "could not be written" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert not [p for p in kit.iterdir() if p.name.endswith(".tmp")]


def test_copies_without_checksums_are_read_by_their_placeholders(versions):
    old, new = versions
    legacy = json.loads(nbform.dumps(old))
    del legacy["metadata"]["artethics"]["cells"]
    fresh = student.make_student(new, SOURCE.name)
    nb, report = update.update_copy(legacy, fresh)
    assert _by_id(nb)["cell-25"].source == "days_to_withdrawal = 2  # my answer"
    assert "lofter.days_to_withdrawal" in report.carried
    unanswered = [k for k in ("lofter.consult_evidence",) if k in report.carried]
    assert not unanswered  # the untouched placeholder is not an answer

