"""Every tracked notebook is in normal form and uses only the kit's vocabulary."""

import copy
from pathlib import Path

import nbformat
import pytest

from artethics import paths
from artethics.tools import nbform

ROOT = paths.root()
SOLUTIONS = sorted((ROOT / "course").rglob("*.ipynb"))
STUDENTS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIXTURE = Path(__file__).parents[1] / "fixtures" / "student" / "lesson_source.ipynb"


@pytest.mark.parametrize("path", SOLUTIONS + STUDENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_tracked_notebook_is_in_normal_form(path):
    nb = nbform.read(path)
    student = path.parent.name == "notebooks" or path.name == "dashboard.ipynb"
    assert nbform.problems(nb, student=student, name=path.name) == []


def test_every_lesson_has_a_parameters_cell_first():
    for path in SOLUTIONS:
        if path.parent.name != "solutions":
            continue
        code = [c for c in nbform.read(path).cells if c.cell_type == "code"]
        assert code and "parameters" in code[0].metadata.get("tags", []), path.name


def _fixture():
    return nbform.normalise(nbform.read(FIXTURE))


def test_fixture_is_clean():
    assert nbform.problems(_fixture()) == []


def test_unknown_tag_is_rejected():
    nb = _fixture()
    nb.cells[1].metadata["tags"] = ["parameters", "hide-me"]
    assert any("unknown tag(s) ['hide-me']" in p for p in nbform.problems(nb))


def test_unknown_role_and_missing_keys_are_rejected():
    nb = _fixture()
    nb.cells[3].metadata["artethics"] = {"role": "quiz"}
    nb.cells[5].metadata["artethics"] = {"role": "check"}
    found = " ".join(nbform.problems(nb))
    assert "unknown artethics role 'quiz'" in found
    assert "role 'check' needs key(s) ['exercise']" in found


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda nb: nb.metadata.update(papermill={"duration": 1.0}), "not in normal form"),
        (lambda nb: nb.cells[2].metadata.update(execution={"iopub": "t"}), "not in normal form"),
        (lambda nb: nb.cells[2].update(source="x = object()  # at 0x7f12ab34cd"), "memory address"),
        (lambda nb: nb.cells[2].update(source="open('/home/ana/data.csv')"), "absolute path"),
    ],
)
def test_stray_metadata_addresses_and_paths_are_rejected(mutate, expected):
    nb = _fixture()
    mutate(nb)
    assert any(expected in p for p in nbform.problems(nb))


def test_outputs_are_renumbered_and_stripped():
    nb = _fixture()
    cell = nb.cells[2]
    cell.execution_count = 7
    cell.outputs = [nbformat.from_dict({"output_type": "execute_result", "execution_count": 7,
                                        "data": {"text/plain": "1"}, "metadata": {"foo": 1}})]
    out = nbform.normalise(copy.deepcopy(nb))
    assert out.cells[2].execution_count == 1
    assert out.cells[2].outputs[0]["metadata"] == {}
    assert out.cells[2].outputs[0]["execution_count"] == 1


def test_stderr_and_errors_are_reported():
    nb = _fixture()
    nb.cells[2].outputs = [nbformat.from_dict(
        {"output_type": "stream", "name": "stderr", "text": "Warning"})]
    nb.cells[2].execution_count = 1
    assert any("stderr" in p for p in nbform.problems(nb))


def test_every_parameter_is_declared_to_papermill():
    # papermill cannot parse a parameter line whose comment holds '=' (it then ignores the
    # parameter, and `artethics run -p` would reject it as unknown).
    import ast

    from artethics.tools import runner

    for path in SOLUTIONS + STUDENTS:
        cells = [c for c in nbform.read(path).cells if "parameters" in c.metadata.get("tags", [])]
        if not cells:
            continue
        tree = ast.parse(nbform.source(cells[0]))
        names = {t.target.id if isinstance(t, ast.AnnAssign) else t.targets[0].id
                 for t in tree.body if isinstance(t, (ast.Assign, ast.AnnAssign))}
        declared = set(runner.declared_parameters(path))
        assert names == declared, f"{path.name}: papermill does not see {names - declared}"


def test_base64_images_are_not_mistaken_for_memory_addresses():
    nb = _fixture()
    nb.cells[2].execution_count = 1
    nb.cells[2].outputs = [nbformat.from_dict({
        "output_type": "display_data", "metadata": {},
        "data": {"image/png": "iVBORw0x66EFA8AAAA",
                 "text/plain": "<Figure size 10x10 with 1 Axes>"}})]
    assert nbform.problems(nb) == []


def test_trailing_semicolon_is_rejected():
    nb = _fixture()
    nb.cells[2].source = "x = 1\nprint(x);"
    assert any("ends with ';'" in p for p in nbform.problems(nb))


# --- nbgrader grading metadata (issue 17) ---------------------------------------------------


def _grading(nb, cell_id):
    return next(c for c in nb.cells if c.id == cell_id).metadata["nbgrader"]


def test_checks_are_autograder_tests_worth_one_point_by_default():
    nb = _fixture()
    check = _grading(nb, "check")
    assert check["grade"] is True and check["points"] == 1 and check["locked"] is True
    assert check["solution"] is False
    answer = _grading(nb, "answer")
    assert answer["grade"] is False and answer["solution"] is True and "points" not in answer


def test_reflections_are_manually_graded_with_the_rubric_points():
    nb = _fixture()
    reflect = _grading(nb, "reflect")
    assert reflect == {"grade": True, "grade_id": "demo-why-answer", "locked": False,
                       "points": nbform.RUBRIC_POINTS, "schema_version": 3, "solution": True,
                       "task": False}
    rubrics = (ROOT / "course" / "guide" / "rubrics.md").read_text(encoding="utf-8")
    assert f"**{nbform.RUBRIC_POINTS} excellent" in rubrics  # the rubric's top level


def test_the_policy_draft_is_manually_graded_and_its_check_autograded():
    nb = _fixture()
    nb.cells[3].metadata["artethics"] = {"role": "answer", "exercise": "synthesis.policy"}
    nb.cells[3].metadata.pop("nbgrader")
    grading = nbform.normalise(nb).cells[3].metadata["nbgrader"]
    assert grading["grade"] is True and grading["solution"] is True
    assert grading["points"] == nbform.RUBRIC_POINTS


def test_a_lesson_weighs_its_checks_in_its_metadata():
    nb = _fixture()
    nb.metadata["artethics"]["points"] = {"demo.gap": 3}
    assert _grading(nbform.normalise(nb), "check")["points"] == 3
    assert nbform.problems(nbform.normalise(nb)) == []


@pytest.mark.parametrize("points, expected", [
    ({"demo.nothing": 2}, "has no check cell"),
    ({"demo.gap": 0}, "give a positive number"),
    ({"demo.gap": "two"}, "give a positive number"),
    ([2], "must be a table"),
])
def test_bad_points_are_named(points, expected):
    nb = _fixture()
    nb.metadata["artethics"]["points"] = points
    assert any(expected in p for p in nbform.problems(nbform.normalise(nb)))


def test_stale_grading_metadata_is_not_normal_form():
    """A notebook stored with nbgrader's grade: false on a check cell (which scored 0 of 0)
    is out of normal form, and normalising gives the check its point."""
    nb = _fixture()
    cell = next(c for c in nb.cells if c.id == "check")
    cell.metadata["nbgrader"] = {"grade": False, "grade_id": "demo-gap-check", "locked": True,
                                 "schema_version": 3, "solution": False, "task": False}
    assert any("not in normal form" in p for p in nbform.problems(nb))
    assert _grading(nbform.normalise(nb), "check")["points"] == 1
