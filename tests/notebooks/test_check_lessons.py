"""`artethics check` on every real lesson, with fixtures made at test time from the lesson.

For each lesson in course/solutions/ the module writes, into a temporary folder:

- complete: the solution notebook as it is;
- blank: the student copy as it is;
- wrong: the student copy with the last exercise's placeholder replaced by the solution's
  own code followed by lines that change its value into a plausible wrong one of the same
  type (a number doubled, a list one item short, a dict one part short...). Nothing is
  executed here: only the cell's source is edited;
- tampered: the student copy with its first check cell edited to print a fake pass and its
  last check cell deleted (a one-exercise lesson: edited only);
- renamed: the student copy saved under the next lesson's file name;
- truncated: the first half of the solution file's text;

plus one infinite-loop notebook. Every executing fixture is checked in ONE
``check_notebooks(..., jobs=2)`` call, so the suite costs about one kernel per fixture.
Prose edits in the lessons never break these tests; exercise ids, check cells and
parameters are what they rely on.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from artethics.exercises import evaluate
from artethics.tools.check import api as check_api
from artethics.tools.check import report as check_report
from artethics.tools.manifest import load_manifest
from artethics.tools.student import PLACEHOLDER_COMMENT

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
SOLUTIONS = ROOT / "course" / "solutions"
STUDENT = ROOT / "notebooks"
LESSONS = sorted(p.stem for p in SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
TIMEOUT = 20  # seconds per cell; real lesson cells take a few seconds even on a loaded machine
WRONG = """
# A plausible wrong answer (test fixture): the right value, changed but of the same type.
import numbers as _numbers
if isinstance({name}, _numbers.Number):
    {name} = {name} * 2
elif isinstance({name}, str):
    {name} = "confirmed" if {name}.strip().lower() != "confirmed" else "wrong"
elif isinstance({name}, tuple):
    {name} = tuple(v * 2 for v in {name})
elif isinstance({name}, list):
    {name} = {name}[:-1] if len({name}) > 1 else {name} + ["not_a_fact"]
elif isinstance({name}, dict):
    {name} = dict(list({name}.items())[:-1])
"""


# --- building the fixtures from a lesson (pure functions on notebook dicts) -----------------


def _source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _cell(nb: dict, role: str, exercise: str) -> dict:
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("artethics", {})
        if meta.get("role") == role and meta.get("exercise") == exercise:
            return cell
    raise AssertionError(f"no {role} cell for {exercise}: check the lesson's cell metadata")


def _exercises(lesson: str) -> list[str]:
    return [c["exercise"] for c in load_manifest()["lessons"][lesson]["checks"]]


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _checked_name(check_source: str) -> str:
    """The variable a check cell passes: ``check("x.y", name)`` -> ``name``."""
    found = re.search(r"check\(\s*\"[^\"]+\"\s*,\s*([A-Za-z_]\w*)\s*\)", check_source)
    assert found, f"not a plain check call: {check_source!r}"
    return found.group(1)


def _region(source: str) -> list[str]:
    lines = source.splitlines()
    begin, end = lines.index("### BEGIN SOLUTION"), lines.index("### END SOLUTION")
    return lines[begin + 1:end]


def _replace_placeholder(source: str, new_lines: list[str]) -> str:
    """The student's answer cell with its placeholder block (comment + ``name = None``
    lines) replaced by ``new_lines``."""
    lines = source.splitlines()
    marker = PLACEHOLDER_COMMENT.split(":")[0]  # '# YOUR ANSWER HERE', whatever follows
    start = next((i for i, line in enumerate(lines) if line.startswith(marker)), None)
    if start is None or not re.fullmatch(r"[A-Za-z_]\w* = None", lines[start + 1:start + 2]
                                         and lines[start + 1] or ""):
        return "\n".join(new_lines) + "\n"  # a text or dict placeholder: the whole cell
    end = start + 1
    while end < len(lines) and re.fullmatch(r"[A-Za-z_]\w* = None", lines[end]):
        end += 1
    return "\n".join(lines[:start] + new_lines + lines[end:]) + "\n"


def wrong_notebook(solution: dict, student: dict, exercise: str) -> dict:
    nb = copy.deepcopy(student)
    name = _checked_name(_source(_cell(solution, "check", exercise)))
    body = _region(_source(_cell(solution, "answer", exercise)))
    cell = _cell(nb, "answer", exercise)
    cell["source"] = _replace_placeholder(_source(cell), body + WRONG.format(name=name).split("\n"))
    return nb


def tampered_notebook(student: dict, edited: str, deleted: str | None) -> dict:
    nb = copy.deepcopy(student)
    _cell(nb, "check", edited)["source"] = f'print("✔ {edited}: correct.")\n'
    if deleted:
        nb["cells"].remove(_cell(nb, "check", deleted))
    return nb


def loop_notebook(student: dict, exercise: str) -> dict:
    nb = copy.deepcopy(student)
    cell = _cell(nb, "answer", exercise)
    cell["source"] = _replace_placeholder(_source(cell), ["while True:", "    pass"])
    return nb


def _write(path: Path, nb: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _copy(src: Path, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, path)
    return path


def _next(lesson: str) -> str:
    return LESSONS[(LESSONS.index(lesson) + 1) % len(LESSONS)]


def _loop_lesson() -> str:
    """The lesson with the most cells: the checker starts larger notebooks first, so the
    loop's wait overlaps the other fixtures instead of trailing after them."""
    return max(LESSONS, key=lambda lesson: (len(_read(STUDENT / f"{lesson}.ipynb")["cells"]),
                                            lesson))


def write_fixtures(folder: Path) -> dict[tuple[str, str], Path]:
    """Every fixture file, keyed by (kind, lesson)."""
    out: dict[tuple[str, str], Path] = {}
    for lesson in LESSONS:
        sol_path, stu_path = SOLUTIONS / f"{lesson}.ipynb", STUDENT / f"{lesson}.ipynb"
        solution, student = _read(sol_path), _read(stu_path)
        exercises = _exercises(lesson)
        out["complete", lesson] = _copy(sol_path, folder / "complete" / sol_path.name)
        out["blank", lesson] = _copy(stu_path, folder / "blank" / stu_path.name)
        out["wrong", lesson] = _write(folder / "wrong" / stu_path.name,
                                      wrong_notebook(solution, student, exercises[-1]))
        deleted = exercises[-1] if len(exercises) > 1 else None
        out["tampered", lesson] = _write(folder / "tampered" / stu_path.name,
                                         tampered_notebook(student, exercises[0], deleted))
        out["renamed", lesson] = _copy(stu_path, folder / "renamed" / lesson /
                                       f"{_next(lesson)}.ipynb")
        text = sol_path.read_text(encoding="utf-8")
        out["truncated", lesson] = folder / "truncated" / sol_path.name
        out["truncated", lesson].parent.mkdir(parents=True, exist_ok=True)
        out["truncated", lesson].write_text(text[: len(text) // 2], encoding="utf-8")
    loop = _loop_lesson()
    out["loop", loop] = _write(folder / "loop" / f"{loop}.ipynb",
                               loop_notebook(_read(STUDENT / f"{loop}.ipynb"),
                                             _exercises(loop)[0]))
    return out


# --- one run over everything -------------------------------------------------------------------


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """{(kind, lesson): Report}, from one check_notebooks call with 2 workers; plus the
    files' sha256 before the run and the run's seconds."""
    files = write_fixtures(tmp_path_factory.mktemp("check_lessons"))
    before = {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in files.items()}
    start = time.perf_counter()
    reports = check_api.check_notebooks(sorted(files.values()), timeout=TIMEOUT, jobs=2)
    seconds = time.perf_counter() - start
    by_path = {r.path: r for r in reports}
    out = {k: by_path[str(p)] for k, p in files.items()}
    for lesson in LESSONS:  # a right notebook, but --lesson names another (refused unrun)
        out["option", lesson] = check_api.check_notebooks([files["blank", lesson]],
                                                         lesson=_next(lesson))[0]
    return {"files": files, "before": before, "reports": out, "seconds": seconds}


def statuses(report: check_report.Report) -> dict[str, str]:
    return {r.exercise: r.status for r in report.results}


def messages(report: check_report.Report) -> dict[str, str]:
    return {r.exercise: r.message for r in report.results}


def test_lessons_are_found():
    assert LESSONS and all(re.fullmatch(r"\d\d_[a-z0-9_]+", lesson) for lesson in LESSONS)
    assert set(LESSONS) == set(load_manifest()["lessons"])


def test_one_run_checks_every_fixture_in_reasonable_time(run):
    print(f"\ncheck_notebooks over {len(run['files'])} fixtures, jobs=2: {run['seconds']:.1f} s")
    assert run["seconds"] < 300


@pytest.mark.parametrize("lesson", LESSONS)
def test_complete_notebook_passes(run, lesson):
    report = run["reports"]["complete", lesson]
    assert report.ok, report.text()
    assert list(statuses(report)) == _exercises(lesson)


@pytest.mark.parametrize("lesson", LESSONS)
def test_blank_notebook_reports_every_exercise_missing_with_its_hint(run, lesson):
    report = run["reports"]["blank", lesson]
    assert set(statuses(report).values()) == {check_report.MISSING}, report.text()
    for exercise, message in messages(report).items():
        assert message == evaluate(exercise, None).line()
        assert "Hint: Replace the None" in message


@pytest.mark.parametrize("lesson", LESSONS)
def test_wrong_answer_fails_with_the_students_hint_and_others_are_missing(run, lesson):
    report = run["reports"]["wrong", lesson]
    *others, wrong = _exercises(lesson)
    assert statuses(report) == {**dict.fromkeys(others, check_report.MISSING),
                                wrong: check_report.FAIL}, report.text()
    line = messages(report)[wrong]
    assert line.startswith(f"✘ {wrong}: ") and " Hint: " in line, line
    assert check_report.NO_ANSWER_TEXT not in line and "stopped with" not in line, line
    assert not report.ok


@pytest.mark.parametrize("lesson", LESSONS)
def test_tampered_checks_are_reported_for_exactly_those_exercises(run, lesson):
    report = run["reports"]["tampered", lesson]
    exercises = _exercises(lesson)
    tampered = {exercises[0]: "edited", exercises[-1]: "deleted"} if len(exercises) > 1 \
        else {exercises[0]: "edited"}
    expected = {ex: check_report.TAMPERED if ex in tampered else check_report.MISSING
                for ex in exercises}
    assert statuses(report) == expected, report.text()
    for exercise, how in tampered.items():
        assert any(n.startswith(f"{exercise}: its check cell was {how}") for n in report.notes)
        # the kit's own check ran instead of the fake one: the answer is still missing
        assert check_report.NO_ANSWER_TEXT in messages(report)[exercise]


@pytest.mark.parametrize("kind", ["renamed", "option"])
@pytest.mark.parametrize("lesson", LESSONS)
def test_notebook_of_another_lesson_gets_the_different_lesson_verdict(run, lesson, kind):
    report = run["reports"][kind, lesson]
    assert report.problem and not report.results, report.text()
    assert f"lesson {lesson!r}, but lesson {_next(lesson)!r} was expected" in report.problem
    assert "\n" not in report.text() and "Traceback" not in report.text()


@pytest.mark.parametrize("lesson", LESSONS)
def test_truncated_file_gets_one_clear_verdict(run, lesson):
    report = run["reports"]["truncated", lesson]
    assert "cut off" in report.problem and "save it again" in report.problem
    assert "\n" not in report.text() and "Traceback" not in report.text()


def test_infinite_loop_is_stopped_with_a_timeout_verdict(run):
    (lesson,) = [lesson for kind, lesson in run["reports"] if kind == "loop"]
    report = run["reports"]["loop", lesson]
    looped = _exercises(lesson)[0]
    assert statuses(report)[looped] == check_report.FAIL and not report.ok, report.text()
    assert any(f"did not finish within {TIMEOUT:g} s" in n for n in report.notes), report.text()


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "artethics", "check", *args],
                          capture_output=True, text=True, check=False)


def test_cli_exit_code_is_0_only_when_every_notebook_passes(run):
    files, first = run["files"], LESSONS[0]
    good, cut = str(files["complete", first]), str(files["truncated", first])
    ok = _cli("--jobs", "1", "--timeout", str(TIMEOUT), good)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "1 of 1 notebooks pass every exercise." in ok.stdout
    mixed = _cli("--jobs", "2", "--timeout", str(TIMEOUT), good, cut)
    assert mixed.returncode == 1, mixed.stdout + mixed.stderr
    assert "1 of 2 notebooks pass every exercise." in mixed.stdout
    other = _cli("--lesson", _next(first), str(files["blank", first]))
    assert other.returncode == 1 and "was expected" in other.stdout
    bad = _cli("--jobs", "0", good)
    assert bad.returncode == 2 and "--jobs" in bad.stderr
    for result in (ok, mixed, other, bad):
        assert "Traceback" not in result.stdout + result.stderr


def test_student_files_are_byte_identical_afterwards(run):
    # runs last in this module: after the one big run, the --lesson runs and the CLI runs
    for key, path in run["files"].items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == run["before"][key], key
