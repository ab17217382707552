"""papermill over every notebook of the course, as `make course` and CI run it.

Solution notebooks must pass every check; student copies must run top to bottom
without an exception while their checks say what is missing.
"""

import pytest

from artethics import nbform, paths, runner

pytestmark = pytest.mark.slow

ROOT = paths.root()
LESSONS = sorted(p.stem for p in (ROOT / "course" / "solutions").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("course")
    results = runner.run([], parameters={"student": "ci"}, jobs=2, output_dir=out,
                         progress=False)
    return out, {r.name: r for r in results}


def test_every_notebook_executes(executed):
    _, results = executed
    failed = [runner.format_failure(r) for r in results.values() if r.status != runner.OK]
    assert not failed, "\n\n".join(failed)
    expected = {f"notebooks/{n}.ipynb" for n in LESSONS} | {
        f"course/solutions/{n}.ipynb" for n in LESSONS}
    assert expected <= set(results)


def _check_lines(path):
    nb = nbform.read(path)
    return {nbform.kit_meta(c)["exercise"]: "".join(o.get("text", "") for o in c.outputs)
            for c in nb.cells if nbform.role(c) == "check"}


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_passes_every_check_and_student_copy_says_what_is_missing(executed, lesson):
    out, _ = executed
    solution = _check_lines(out / "executed" / "course" / "solutions" / f"{lesson}.ipynb")
    student = _check_lines(out / "executed" / "notebooks" / f"{lesson}.ipynb")
    assert solution and set(solution) == set(student)
    for exercise, line in solution.items():
        assert line.startswith(f"✔ {exercise}:"), line
    for exercise, line in student.items():
        assert line.startswith(f"✘ {exercise}: no answer yet"), line
        assert "Hint:" in line


def test_html_handouts_are_written_and_offline(executed):
    out, _ = executed
    for lesson in LESSONS:
        html = (out / "html" / "notebooks" / f"{lesson}.ipynb.html").read_text(encoding="utf-8")
        assert runner.external_references(html) == []
