"""The kit with the real nbgrader command line.

1. Every solution notebook (in normal form, as `make student` writes it) goes through
   `nbgrader generate_assignment --no-db` with the course's shipped nbgrader_config.py:
   the release copies keep no solution and have their check cells locked.
2. End to end, with nbgrader's database, on a course folder made here: generate_assignment
   → release_assignment → one solved, one blank, one half-done and one tampered submission
   → autograde → generate_feedback → export. The scores equal what `artethics check`
   says, exercise by exercise; the tampered check cell is caught by nbgrader's checksums;
   the feedback shows verdicts and hints and no expected value or solution text; the
   released copy runs top to bottom.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from artethics import paths

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parents[1] / "fixtures" / "check"
CONFIG = paths.root() / "course" / "nbgrader_config.py"


def _env() -> dict:
    """nbgrader runs `alembic` (its database migrations) from the environment's bin folder."""
    return dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent),
                                                  os.environ.get("PATH", "")]))


def _normal_form(src: Path, dest: Path) -> None:
    """The solution notebook as `make student` stores it (the normal form sets the
    nbgrader metadata)."""
    from artethics.tools import nbform

    nbform.write(nbform.normalise(nbform.read(src)), dest)
REGION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
SKELETON_LINE = re.compile(r'^\w+ = (""")?$|^\w+ = \{$|^"""$')  # what the skeleton keeps


def _fixture_solution() -> dict:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.solution_notebook()


def _src(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def stray_regions(nb: dict) -> list[int]:
    """Cells holding a solution region without nbgrader's ``solution: true`` (nbgrader
    refuses the whole assignment for one of these)."""
    return [i for i, c in enumerate(nb["cells"]) if "BEGIN SOLUTION" in _src(c)
            and not c["metadata"].get("nbgrader", {}).get("solution")]


def _solutions() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(paths.solutions_dir().glob("[0-9][0-9]_*.ipynb"))}


def _skip_if_not_nbgrader_ready(name: str) -> None:
    """Every lesson must be nbgrader-ready (the normal form adds the metadata)."""
    if name != "98_fixture":
        stray = stray_regions(_solutions()[name])
        assert not stray, (f"{name}: cells {stray} hold a solution region but no nbgrader "
                           "metadata with solution: true; run `make student` to add it")


NAMES = [*_solutions(), "98_fixture"]


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """{name: (solution, release)} for every nbgrader-ready solution notebook and the
    fixture lesson, from one real `nbgrader generate_assignment --no-db` run."""
    course = tmp_path_factory.mktemp("nbgrader")
    source = course / "source" / "lessons"
    source.mkdir(parents=True)
    shutil.copy(CONFIG, course / "nbgrader_config.py")
    for name in _solutions():
        _normal_form(paths.solutions_dir() / f"{name}.ipynb", source / f"{name}.ipynb")
    (source / "98_fixture.ipynb").write_text(json.dumps(_fixture_solution()), encoding="utf-8")
    _normal_form(source / "98_fixture.ipynb", source / "98_fixture.ipynb")
    nbgrader = [sys.executable, "-m", "nbgrader", "generate_assignment", "lessons", "--no-db",
                "--CourseDirectory.root=."]
    run = subprocess.run(nbgrader, cwd=course, capture_output=True, text=True, check=False,
                         env=_env())
    assert run.returncode == 0, run.stdout + run.stderr
    out = {}
    for nb in sorted(source.glob("*.ipynb")):
        release = course / "release" / "lessons" / nb.name
        out[nb.stem] = (json.loads(nb.read_text()), json.loads(release.read_text()))
    return out


def test_the_stray_region_finder_finds_one():
    nb = _fixture_solution()
    assert stray_regions(nb) == []
    del nb["cells"][2]["metadata"]["nbgrader"]
    assert stray_regions(nb) == [2]


@pytest.mark.parametrize("name", NAMES)
def test_release_holds_no_solution_text(released, name):
    _skip_if_not_nbgrader_ready(name)
    solution, release = released[name]
    text = "\n".join(_src(c) for c in release["cells"])
    assert "BEGIN SOLUTION" not in text
    for cell in solution["cells"]:
        for region in REGION.findall(_src(cell)):
            for line in filter(None, (ln.strip() for ln in region.splitlines())):
                if sum(ch.isalnum() for ch in line) < 4 or SKELETON_LINE.match(line):
                    continue  # a lone "}" or ")", or the prose skeleton's `name = """`
                assert line not in text, f"solution line survives: {line!r}"


@pytest.mark.parametrize("name", NAMES)
def test_release_locks_check_cells_and_clears_outputs(released, name):
    _skip_if_not_nbgrader_ready(name)
    release = released[name][1]
    checks = [c for c in release["cells"]
              if c["metadata"].get("artethics", {}).get("role") == "check"]
    assert checks, "no check cells found"
    for cell in checks:
        assert cell["metadata"]["nbgrader"]["locked"] is True
        assert cell["metadata"].get("editable") is False
        assert cell["metadata"].get("deletable") is False
    assert all(not c.get("outputs") for c in release["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("name", NAMES)
def test_release_scores_checks_and_keeps_the_kit_placeholders(released, name):
    _skip_if_not_nbgrader_ready(name)
    release = released[name][1]
    text = "\n".join(_src(c) for c in release["cells"])
    assert "NotImplementedError" not in text  # nbgrader's own stub stops Run All
    if any(REGION.search(_src(c)) for c in released[name][0]["cells"]):
        assert "YOUR ANSWER HERE" in text
    assert not [c for c in release["cells"]
                if c["metadata"].get("artethics", {}).get("role") == "instructor"]
    for cell in release["cells"]:
        kit = cell["metadata"].get("artethics", {})
        grading = cell["metadata"].get("nbgrader", {})
        if kit.get("role") == "check":
            assert grading["grade"] is True and grading["points"] > 0, kit
        if kit.get("role") == "reflection":
            assert grading["grade"] is True and grading["solution"] is True, kit
            assert grading["points"] == 4  # the rubric's top level
            assert '"""\n\n"""' in _src(cell)


# --- end to end, with nbgrader's database ------------------------------------------------

LESSON = "03_lofter"
ASSIGNMENT = "ps1"
STUDENTS = ("alice", "bob", "carol", "dave")  # solved, blank, half-done, tampered


def _nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=_env(),
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"nbgrader {' '.join(args)}:\n{run.stdout}\n{run.stderr}"
    return run


def _unwrapped(text: str) -> str:
    """A solution cell's source as a student who solved it would write it (no markers)."""
    from artethics.tools import student

    return "".join(chunk for chunk, _ in student.split_regions(text, "solution"))


def _answer_names(solution: dict) -> list[str]:
    """Every name the answer regions of the solution notebook assign."""
    import ast
    import textwrap

    names: list[str] = []
    for cell in solution["cells"]:
        if cell["metadata"].get("artethics", {}).get("role") != "answer":
            continue
        for region in REGION.findall(_src(cell)):
            for node in ast.walk(ast.parse(textwrap.dedent(region))):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.append(node.id)
    return sorted(set(names))


EXPECTED_PROBE = '''import json as _json
def _forms(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return [f for item in value for f in _forms(item)]
    if isinstance(value, dict):
        return [f for item in value.values() for f in _forms(item)]
    out = {str(value), repr(value)}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        out |= {f"{value:,}", f"{value:g}", f"{value:.1f}", f"{value:.2f}", f"{value:,.0f}"}
    return sorted(out)
print("EXPECTED=" + _json.dumps({n: _forms(globals()[n]) for n in NAMES if n in globals()}))
'''


def _probe_cell(names: list[str]) -> dict:
    return {"cell_type": "code", "id": "expected-probe", "metadata": {}, "execution_count": None,
            "outputs": [], "source": f"NAMES = {names!r}\n" + EXPECTED_PROBE}


def _submissions(release: dict, solution: dict) -> dict[str, dict]:
    """{student: notebook}: alice solved everything (and adds a last cell that prints the
    expected values, for the leak test), bob changed nothing, carol solved the first two
    exercises and gave a wrong answer to the third, dave left the answers blank but made
    his check cells print a pass."""
    import copy

    solved = {c["metadata"]["nbgrader"]["grade_id"]: _unwrapped(_src(c))
              for c in solution["cells"] if c["metadata"].get("nbgrader", {}).get("solution")}
    answers = [c["metadata"]["nbgrader"]["grade_id"] for c in release["cells"]
               if c["metadata"].get("artethics", {}).get("role") == "answer"]
    out = {}
    alice = copy.deepcopy(release)
    for cell in alice["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in solved:
            cell["source"] = solved[grade_id]
    alice["cells"].append(_probe_cell(_answer_names(solution)))
    out["alice"] = alice
    out["bob"] = copy.deepcopy(release)
    carol = copy.deepcopy(release)
    for cell in carol["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers[:2]:
            cell["source"] = solved[grade_id]
        elif grade_id == answers[2]:
            cell["source"] = "\n".join(
                line.split("=")[0] + "= 123456789" if " = None" in line else line
                for line in _src(cell).splitlines())
    out["carol"] = carol
    dave = copy.deepcopy(release)
    for cell in dave["cells"]:
        kit = cell["metadata"].get("artethics", {})
        if kit.get("role") == "check":
            cell["source"] = f'print("✔ {kit["exercise"]}: right.")'
    out["dave"] = dave
    return out


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The course folder after the whole nbgrader round, with what each step printed."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(CONFIG, course / "nbgrader_config.py")
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    solution_path = paths.solutions_dir() / f"{LESSON}.ipynb"
    _normal_form(solution_path, course / "source" / ASSIGNMENT / f"{LESSON}.ipynb")
    exchange = course / "exchange"
    exchange.mkdir()
    where = [f"--Exchange.root={exchange}", "--CourseDirectory.course_id=artethics"]
    _nbgrader(course, "generate_assignment", ASSIGNMENT)
    released_run = _nbgrader(course, "release_assignment", ASSIGNMENT, *where)
    release = json.loads((course / "release" / ASSIGNMENT / f"{LESSON}.ipynb").read_text())
    solution = json.loads((course / "source" / ASSIGNMENT / f"{LESSON}.ipynb").read_text())
    for name, nb in _submissions(release, solution).items():
        folder = course / "submitted" / name / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / f"{LESSON}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    logs = {name: _nbgrader(course, "autograde", ASSIGNMENT, f"--student={name}").stderr
            for name in STUDENTS}
    _nbgrader(course, "generate_feedback", ASSIGNMENT)
    _nbgrader(course, "export")
    return {"course": course, "release": release, "solution": solution, "logs": logs,
            "released_to": exchange, "release_log": released_run.stderr,
            "solution_path": solution_path}


@pytest.fixture(scope="module")
def kit_reports(graded):
    """What `artethics check` says about the same four submissions."""
    from artethics.tools.check import check_notebooks
    from artethics.tools.student import build_manifest

    manifest = build_manifest([graded["solution_path"]])
    files = [graded["course"] / "submitted" / s / ASSIGNMENT / f"{LESSON}.ipynb"
             for s in STUDENTS]
    reports = check_notebooks(files, manifest=manifest, timeout=120, jobs=2)
    return dict(zip(STUDENTS, reports, strict=True))


def _points(release: dict) -> dict[str, float]:
    return {c["metadata"]["artethics"]["exercise"]: c["metadata"]["nbgrader"]["points"]
            for c in release["cells"]
            if c["metadata"].get("artethics", {}).get("role") == "check"}


def _grades(course: Path, name: str) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(LESSON, ASSIGNMENT, name)
        return {g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in nb.grades}


def test_release_reaches_the_exchange(graded):
    assert (graded["released_to"] / "artethics" / "outbound" / ASSIGNMENT
            / f"{LESSON}.ipynb").is_file()


def test_scores_equal_artethics_check_exercise_by_exercise(graded, kit_reports):
    points = _points(graded["release"])
    assert points and all(p > 0 for p in points.values())
    for name in STUDENTS:
        grades = _grades(graded["course"], name)
        report = kit_reports[name]
        assert not report.problem, report.problem
        kit = {r.exercise: r.ok for r in report.results}
        assert sorted(kit) == sorted(points), name
        for exercise, ok in kit.items():
            auto, most, _ = grades[f"{exercise.replace('.', '-')}-check"]
            assert most == points[exercise]
            assert auto == (points[exercise] if ok else 0), (name, exercise, report.text())
    assert all(r.ok for r in kit_reports["alice"].results)  # the solved one scores in full
    assert not any(r.ok for r in kit_reports["bob"].results)
    carol = [r.ok for r in kit_reports["carol"].results]
    assert carol[:2] == [True, True] and not any(carol[2:])


def test_export_totals_are_the_check_points(graded, kit_reports):
    import csv

    points = _points(graded["release"])
    with open(graded["course"] / "grades.csv", encoding="utf-8") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)}
    manual = sum(c["metadata"]["nbgrader"]["points"] for c in graded["release"]["cells"]
                 if c["metadata"].get("nbgrader", {}).get("solution")
                 and c["metadata"]["nbgrader"].get("grade"))
    assert manual == 4  # the reflection, by hand in the formgrader
    for name in STUDENTS:
        passed = sum(points[r.exercise] for r in kit_reports[name].results if r.ok)
        assert float(rows[name]["raw_score"]) == passed, name
        assert float(rows[name]["max_score"]) == sum(points.values()) + manual
    assert float(rows["alice"]["raw_score"]) == sum(points.values()) > 0


def test_autograde_records_answers_inside_the_course_folder(graded):
    """The shipped config sends what the autograded notebooks record (alice's reflection)
    to a database in the course folder, not to the instructor's own ~/.artethics."""
    import sqlite3

    db = graded["course"] / ".artethics-autograde" / "responses.sqlite"
    with sqlite3.connect(db) as con:
        kinds = {row[0] for row in con.execute("SELECT kind FROM responses")}
    assert "reflection" in kinds


def test_reflection_is_left_to_the_instructor(graded):
    alice = _grades(graded["course"], "alice")["lofter-reflection-answer"]
    bob = _grades(graded["course"], "bob")["lofter-reflection-answer"]
    assert alice == (None, 4, True)  # written: the instructor marks it
    assert bob[:2] == (0, 4)  # the skeleton left as released: no response, zero


def test_tampered_check_cell_is_caught_by_nbgrader(graded, kit_reports):
    log = graded["logs"]["dave"]
    for exercise in _points(graded["release"]):
        grade_id = f"{exercise.replace('.', '-')}-check"
        assert f"Attribute 'checksum' for cell {grade_id} has changed" in log
    for name in ("alice", "bob", "carol"):
        assert "Attribute 'checksum'" not in graded["logs"][name]
    assert {r.status for r in kit_reports["dave"].results} == {"tampered"}


def _visible_text(html_text: str) -> str:
    import html

    html_text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html_text)
    text = html.unescape(re.sub(r"(?s)<[^>]+>", " ", html_text))
    # nbgrader's own score lines ("Score: 2.0 / 9.0") are not the lesson's values
    return re.sub(r"Score:\s*[\d.]+\s*/\s*[\d.]+", " ", text)


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[\w.,%$'-]+", text)) | set(re.findall(r"\w+", text))


def _text(output: dict) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def _expected_values(graded) -> set[str]:
    autograded = graded["course"] / "autograded" / "alice" / ASSIGNMENT / f"{LESSON}.ipynb"
    nb = json.loads(autograded.read_text(encoding="utf-8"))
    printed = "".join(_text(o) for c in nb["cells"] if c.get("id") == "expected-probe"
                      for o in c.get("outputs", []))
    assert "EXPECTED=" in printed, printed
    forms = json.loads(printed.split("EXPECTED=", 1)[1])
    return {f.strip() for values in forms.values() for f in values if f.strip()}


@pytest.fixture(scope="module")
def student_run(graded, tmp_path_factory):
    """The released copy run top to bottom as a student runs it (no nbgrader, no
    allowed errors): it must finish; its text is what the student sees anyway."""
    import nbformat
    from nbclient import NotebookClient

    folder = tmp_path_factory.mktemp("student")
    nb = nbformat.reads(json.dumps(graded["release"]), as_version=4)
    env = {"ARTETHICS_DB": str(folder / "responses.sqlite"), "ARTETHICS_CLASS_DIR": "",
           "NBGRADER_EXECUTION": None}
    saved = {k: os.environ.get(k) for k in env}
    for key, value in env.items():
        os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    return nb


def test_released_copy_runs_top_to_bottom(student_run):
    outputs = [o for c in student_run.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    checks = [c for c in student_run.cells if c.metadata.get("artethics", {}).get("role")
              == "check"]
    assert checks and all("no answer yet" in "".join(_text(o) for o in c.outputs)
                          for c in checks)


@pytest.mark.parametrize("name", ["bob", "carol", "dave"])
def test_feedback_shows_verdicts_and_leaks_no_answer(graded, student_run, name):
    page = graded["course"] / "feedback" / name / ASSIGNMENT / f"{LESSON}.html"
    text = _visible_text(page.read_text(encoding="utf-8"))
    assert "✘" in text and "Hint:" in text
    assert "does not pass yet" in text  # the one-line error that scores the cell zero
    assert "artethics/exercises" not in text  # no traceback through the kit's code
    # What a student sees anyway: the released copy, its sources and its outputs.
    seen = "\n".join(_src(c) + json.dumps(c.get("outputs", []), ensure_ascii=False)
                     for c in student_run.cells)
    autograded = json.loads((graded["course"] / "autograded" / name / ASSIGNMENT
                             / f"{LESSON}.ipynb").read_text(encoding="utf-8"))
    verdicts = "".join(json.dumps(o, ensure_ascii=False) for c in autograded["cells"]
                       if c["metadata"].get("artethics", {}).get("role") == "check"
                       for o in c.get("outputs", []))
    expected = _expected_values(graded)
    assert expected
    known = _tokens(seen)
    leaks = sorted(v for v in expected if v in _tokens(text) and v not in known)
    assert not leaks, f"{name}'s feedback shows expected value(s) {leaks}"
    verdict_tokens = _tokens(verdicts)
    in_verdicts = sorted(v for v in expected if len(v) > 2 and v in verdict_tokens
                         and v not in known)
    assert not in_verdicts, f"{name}'s check verdicts show {in_verdicts}"
    # No solution text: the solved lines of every exercise this student did not answer.
    own = "\n".join(_src(c) for c in autograded["cells"])
    for cell in graded["solution"]["cells"]:
        for region in REGION.findall(_src(cell)):
            for line in filter(None, (ln.strip() for ln in region.splitlines())):
                if sum(ch.isalnum() for ch in line) >= 4 and line not in own:
                    assert line not in text, f"solution line in {name}'s feedback: {line!r}"
