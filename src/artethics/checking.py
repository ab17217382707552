"""``artethics check``: check a student's notebook against the kit's own checks.

The reference is never what the student saved. For each notebook we build a
temporary copy in which every check cell's source and expected output come
from the kit's check manifest, run it with nbval (``pytest --nbval-lax``; only
the restored check cells are compared), and turn what happened into one
verdict per exercise. A check cell that was edited or deleted is found by its
sha256 and reported. The student's file is only read, never written.

Public API::

    reports = check_notebooks(["alice/02_edmond_de_belamy.ipynb"], timeout=60, jobs=2)
    print(reports[0].text())
    write_csv(reports, "results.csv")
    check_this_notebook()            # from inside a notebook (save first)
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

OK, FAIL, MISSING, TAMPERED, NOT_RUN = "pass", "fail", "missing", "tampered", "not run"
NO_ANSWER_TEXT = "no answer yet"
NBVAL_TAGS = frozenset({"nbval-check-output", "nbval-ignore-output", "nbval-skip",
                        "nbval-raises-exception", "raises-exception",
                        "pytest-validate-ignore-output"})
CSV_COLUMNS = ("student_file", "lesson", "exercise", "ok", "status", "message")
MARKS = {OK: "✔", FAIL: "✘", MISSING: "…", TAMPERED: "!", NOT_RUN: "-"}

class CheckError(ValueError):
    """A notebook (or manifest) that cannot be checked; the message says why and how to fix it."""


@dataclass(frozen=True)
class ExerciseResult:
    exercise: str
    status: str  # pass | fail | missing | tampered | not run
    message: str  # the student's own check line, or what happened instead

    @property
    def ok(self) -> bool:
        return self.status == OK

    def line(self) -> str:
        return f"{MARKS[self.status]} {self.exercise} [{self.status}]: {self.message}"


@dataclass(frozen=True)
class Report:
    """The verdict on one notebook. ``problem`` is set when it could not be checked at all."""

    path: str
    lesson: str = ""
    results: tuple[ExerciseResult, ...] = ()
    notes: tuple[str, ...] = ()
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem and bool(self.results) and all(r.ok for r in self.results)

    def text(self) -> str:
        if self.problem:
            return f"✘ {self.path}: cannot be checked. {self.problem}"
        passed = sum(r.ok for r in self.results)
        head = f"{self.path} (lesson {self.lesson}): {passed} of {len(self.results)} exercises pass"
        lines = [head] + [f"  {r.line()}" for r in self.results]
        lines += [f"  Note: {n}" for n in self.notes]
        return "\n".join(lines)


@dataclass
class _Prepared:
    path: str
    lesson: str
    notebook: dict
    exercises: list[str]
    tampered: dict[str, str] = field(default_factory=dict)


# --- the manifest --------------------------------------------------------------------------


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_manifest(path: str | Path | None = None) -> dict:
    """The check manifest: ``path`` if given, else the kit's (``artethics.student.manifest()``)."""
    if path is None:
        try:
            from artethics.student import manifest
        except ImportError as exc:
            raise CheckError(
                "The kit's check manifest is not available (artethics.student.manifest could "
                "not be imported). Run `make student` to generate it, or pass --manifest FILE."
            ) from exc
        data = manifest()
    else:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CheckError(f"The check manifest {path} could not be read ({exc}). "
                             "Pass the path of a valid checks_manifest.json.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("lessons"), dict):
        raise CheckError("The check manifest has no 'lessons' table. Regenerate it with "
                         "`make student`.")
    return data


# --- reading and identifying a notebook ------------------------------------------------------


def read_notebook(path: str | Path) -> dict:
    """The notebook as a dict, or :class:`CheckError` saying what is wrong with the file."""
    p = Path(path)
    if not p.is_file():
        raise CheckError(f"There is no file at {path}. Check the path (and that the file "
                         "was saved where you think).")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CheckError("The file is not text, so it is not a Jupyter notebook. Submit the "
                         ".ipynb file that JupyterLab saves (File → Save Notebook), not an "
                         "export or a screenshot.") from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckError(
            f"The file is not valid notebook JSON ({exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}); it was probably cut off or damaged while saving or uploading. "
            "Open your own copy in JupyterLab, save it again and resubmit that file."
        ) from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CheckError("The file is JSON but not a Jupyter notebook (it has no list of "
                         "cells). Submit the lesson's .ipynb file itself.")
    if nb.get("nbformat") != 4:
        raise CheckError(f"The notebook uses format version {nb.get('nbformat')!r}; the kit "
                         "needs version 4. Open it in JupyterLab 4 and save it again.")
    return nb


def _lesson_in_name(path: str, lessons: Iterable[str]) -> str:
    stem = Path(path).stem
    found = [lesson for lesson in lessons if lesson in stem]
    return max(found, key=len) if found else ""


def _lesson_of_exercises(nb: dict, manifest: dict) -> str:
    """The one lesson whose checked exercises the notebook's answer/check cells name, or ""."""
    found = {_role(c)[1] for c in nb["cells"] if isinstance(c, dict)} - {""}
    owners = [lesson for lesson, entry in sorted(manifest["lessons"].items())
              if found & {c.get("exercise") for c in entry.get("checks", [])}]
    return owners[0] if len(owners) == 1 else ""


def identify_lesson(nb: dict, path: str, manifest: dict, expected: str = "") -> str:
    """The notebook's lesson id; :class:`CheckError` when unknown or not the lesson expected.

    The lesson is the one in the notebook's metadata, else the one whose exercises its
    cells hold, else the one its file name names.
    """
    lessons = sorted(manifest["lessons"])
    meta = nb.get("metadata", {}).get("artethics", {})
    stated = meta.get("lesson", "") if isinstance(meta, dict) else ""
    named = _lesson_in_name(path, lessons)
    lesson = stated or _lesson_of_exercises(nb, manifest) or named
    known = ", ".join(lessons)
    if not lesson:
        raise CheckError("The notebook does not say which lesson it is (no artethics lesson in "
                         f"its metadata, and the file name names none). Known lessons: {known}. "
                         "Start again from the lesson's own student notebook.")
    if lesson not in manifest["lessons"]:
        raise CheckError(f"The notebook says it is lesson {lesson!r}, which this kit does not "
                         f"have. Known lessons: {known}. Check that you opened the kit's "
                         "notebook, and that your kit is up to date.")
    wanted = expected or named
    if wanted and wanted != lesson:
        raise CheckError(f"This is the notebook of lesson {lesson!r}, but lesson {wanted!r} "
                         "was expected (from the file name or --lesson). Submit the notebook "
                         f"of lesson {wanted!r}, or rename the file if it was misnamed.")
    return lesson


# --- the restored copy -----------------------------------------------------------------------


def _role(cell: dict) -> tuple[str, str]:
    meta = cell.get("metadata", {}).get("artethics", {})
    if not isinstance(meta, dict):
        return "", ""
    return meta.get("role", ""), meta.get("exercise", "")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _kit_check_cell(check: dict) -> dict:
    """A check cell as the kit wrote it, marked for nbval's output comparison."""
    return {
        "cell_type": "code",
        "id": check.get("cell_id") or f"check-{check['exercise']}",
        "metadata": {"tags": ["nbval-check-output"],
                     "artethics": {"role": "check", "exercise": check["exercise"]}},
        "execution_count": 1,
        "source": "from artethics.exercises import check  # restored by artethics check\n"
        + check["source"],
        "outputs": [{"output_type": "stream", "name": "stdout", "text": check["expected"]}],
    }


def _strip_nbval_marks(cell: dict) -> dict:
    cell = copy.deepcopy(cell)
    meta = cell.setdefault("metadata", {})
    tags = [t for t in meta.get("tags", []) if t not in NBVAL_TAGS]
    meta["tags"] = tags
    if cell.get("cell_type") == "code":
        cell["outputs"], cell["execution_count"] = [], None
    return cell


def _find_check(cells: list[dict], check: dict) -> int | None:
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "code" and _role(cell) == ("check", check["exercise"]):
            return i
    for i, cell in enumerate(cells):
        if check.get("cell_id") and cell.get("id") == check["cell_id"]:
            return i
    return None


def _insert_at(cells: list[dict], exercise: str) -> int:
    for i, cell in enumerate(cells):
        if _role(cell) == ("answer", exercise):
            return i + 1
    return len(cells)


def restore_checks(nb: dict, checks: Sequence[dict]) -> tuple[dict, dict[str, str]]:
    """A copy of ``nb`` with the kit's check cells; and {exercise: why it was restored}."""
    out = copy.deepcopy(nb)
    cells = [_strip_nbval_marks(c) for c in out["cells"]]
    tampered: dict[str, str] = {}
    for check in checks:
        i = _find_check(cells, check)
        if i is None:
            tampered[check["exercise"]] = "its check cell was deleted"
            cells.insert(_insert_at(cells, check["exercise"]), _kit_check_cell(check))
        else:
            if sha256(_source(cells[i])) != check["sha256"]:
                tampered[check["exercise"]] = "its check cell was edited"
            cells[i] = _kit_check_cell(check)
    out["cells"] = cells
    out.setdefault("metadata", {})["kernelspec"] = {
        "name": "python3", "display_name": "Python 3", "language": "python"}
    return out, tampered


def prepare(path: str, manifest: dict, lesson: str = "") -> _Prepared:
    nb = read_notebook(path)
    found = identify_lesson(nb, path, manifest, lesson)
    checks = manifest["lessons"][found].get("checks", [])
    if not checks:
        raise CheckError(f"Lesson {found!r} has no checked exercises, so there is nothing to "
                         "check.")
    restored, tampered = restore_checks(nb, checks)
    return _Prepared(path, found, restored, [c["exercise"] for c in checks], tampered)


# --- running nbval ---------------------------------------------------------------------------
#
# ``jobs`` worker processes (``python -m artethics.checking --worker``) take the notebooks
# from one shared queue, larger notebooks first, a few at a time while the queue is long
# and one at a time near its end, so no worker sits idle while another still has a
# backlog. Each worker imports pytest, nbval and jupyter_client once and runs nbval
# in-process (``pytest.main``) on each small batch (one pytest session per batch: its
# set-up and garbage collection cost about 0.1 s); every notebook still gets its own
# fresh kernel. Plain subprocesses rather than multiprocessing: a teacher's
# script without an ``if __name__ == "__main__"`` guard, or a Jupyter kernel, works too.
# Nothing is written to the student's folder: each run works in a temporary one.

_KERNEL_ENV = {"MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}


MAX_BATCH = 8


def _pytest_args(files: list[str], folder: str, timeout: float) -> list[str]:
    return ["-q", "-p", "no:cacheprovider", "-c", str(Path(folder, "pytest.ini")),
            "--rootdir", folder, "--assert=plain", "--nbval-lax", "--nbval-current-env",
            f"--nbval-cell-timeout={timeout:g}", "--nbval-kernel-startup-timeout=120", *files]


def _record(item, rep, call) -> dict | None:
    """What one nbval cell test did, as plain data (None for items that are not cells)."""
    cell = getattr(item, "cell", None)
    if cell is None:
        return None
    meta = cell.get("metadata", {}).get("artethics", {})
    outs = getattr(item, "test_outputs", None) or []
    stdout = "".join(o.get("text", "") for o in outs
                     if o.get("output_type") == "stream" and o.get("name") == "stdout")
    error = next(({"ename": o.get("ename", ""), "evalue": o.get("evalue", "")}
                  for o in outs if o.get("output_type") == "error"), None)
    message = str(call.excinfo.value) if call.excinfo is not None else ""
    return {"file": os.path.basename(str(item.fspath)), "cell": item.cell_num,
            "role": meta.get("role"), "exercise": meta.get("exercise"),
            "outcome": rep.outcome, "stdout": stdout, "error": error,
            "timeout": "Timeout" in message, "phase": rep.when,
            "message": message.splitlines()[0] if message else ""}


def _recorder(records: list[dict]):
    """A pytest plugin object that appends one record per executed (or unstartable) cell."""
    import pytest

    class Recorder:
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(self, item, call):
            outcome = yield
            rep = outcome.get_result()
            if rep.when == "call" or (rep.when == "setup" and not rep.passed):
                rec = _record(item, rep, call)
                if rec is not None:
                    records.append(rec)

    return Recorder()


def _check_batch(notebooks: list[dict], timeout: float) -> list[list[dict]]:
    """Run nbval in this process on restored notebooks; the cell records of each."""
    import pytest

    if not notebooks:  # pytest given no file would collect its current folder instead
        return []
    records: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="artethics-check-") as tmp:
        names = [f"nb{i:04d}.ipynb" for i in range(len(notebooks))]
        for name, nb in zip(names, notebooks, strict=True):
            Path(tmp, name).write_text(json.dumps(nb), encoding="utf-8")
        Path(tmp, "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        pytest.main(_pytest_args([str(Path(tmp, n)) for n in names], tmp, timeout),
                    plugins=[_recorder(records)])
    return [[r for r in records if r["file"] == name] for name in names]


def _worker_main() -> int:
    """A worker: one JSON task per stdin line in, one JSON list of records per line out."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # pytest, nbval and the kernels print nothing into the replies
    os.dup2(devnull, 2)
    # jsonschema imports the optional rfc3987_syntax (1 s idle, 5 s loaded) only for its
    # "iri" format check and skips that check when the import fails (as in artethics run).
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbval.plugin  # noqa: F401  (once per worker, reused for every notebook)

    with tempfile.TemporaryDirectory(prefix="artethics-ipython-") as ipython_dir:
        _private_ipython_profile(Path(ipython_dir))
        for line in sys.stdin:
            task = json.loads(line)
            replies.write(json.dumps(_check_batch(task["notebooks"], task["timeout"])) + "\n")
            replies.flush()
    return 0


def _private_ipython_profile(folder: Path) -> None:
    """Kernels of this worker use a blank IPython profile without history: the user's
    startup files cannot change a check, students' code does not land in the user's
    history database, and kernels do not queue for that database's lock."""
    profile = folder / "profile_default"
    profile.mkdir(parents=True)
    (profile / "ipython_kernel_config.py").write_text(
        "c.HistoryManager.enabled = False\n", encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(folder)


class _Worker:
    """One worker process, driven from a thread of the checking process."""

    def __init__(self) -> None:
        env = dict(os.environ, **_KERNEL_ENV)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "artethics.checking", "--worker"], env=env, text=True,
            encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)

    def check(self, notebooks: list[dict], timeout: float,
              budget: float) -> list[list[dict]] | None:
        """The records of each, or None when the worker died or was stopped after ``budget`` s."""
        timer = threading.Timer(budget, self.proc.kill)
        timer.start()
        try:
            self.proc.stdin.write(json.dumps({"notebooks": notebooks, "timeout": timeout}) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except OSError:
            line = ""
        finally:
            timer.cancel()
        try:
            return json.loads(line) if line else None
        except ValueError:  # cut off mid-line: the worker was stopped while replying
            return None

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def _budget(prep: _Prepared, timeout: float) -> float:
    """A generous upper bound on one notebook's seconds: only a hung worker exceeds it."""
    return 120 + len(prep.notebook["cells"]) * (timeout + 10)


def _take(todo: list[int], lock: threading.Lock, jobs: int) -> list[int]:
    """The next batch from the shared queue: up to MAX_BATCH while it is long, then fewer,
    so that near the end every worker has work and none has a backlog."""
    with lock:
        k = max(1, min(MAX_BATCH, len(todo) // (3 * jobs)))
        batch, todo[:k] = todo[:k], []
    return batch


def _run_all(prepared: list[_Prepared], timeout: float, jobs: int) -> list[list[dict]]:
    """The records of each notebook, in the order given (empty when it could not run)."""
    results: list[list[dict]] = [[] for _ in prepared]
    todo = sorted(range(len(prepared)), key=lambda i: -len(prepared[i].notebook["cells"]))
    lock = threading.Lock()
    workers = max(1, min(jobs, len(prepared)))

    def work() -> None:
        worker = None
        try:
            while batch := _take(todo, lock, workers):
                worker = worker or _Worker()
                records = worker.check([prepared[i].notebook for i in batch], timeout,
                                       sum(_budget(prepared[i], timeout) for i in batch))
                if records is None:  # died or hung: a fresh worker for the next batch
                    worker.close()
                    worker = None
                for i, recs in zip(batch, records or [[]] * len(batch), strict=True):
                    results[i] = recs
        finally:
            if worker is not None:
                worker.close()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


# --- from records to verdicts ----------------------------------------------------------------


def _check_status(rec: dict | None, timeout: float) -> tuple[str, str]:
    if rec is None or (rec["outcome"] == "skipped" and not rec["stdout"] and not rec["error"]):
        return NOT_RUN, ("not run: an earlier cell did not finish, so the check was not "
                         "reached.")
    line = rec["stdout"].strip()
    if rec.get("phase") == "setup" and rec["outcome"] == "failed":
        return NOT_RUN, f"not run: the notebook could not be started ({rec['message']})."
    if rec["timeout"]:
        return FAIL, f"the check did not finish within {timeout:g} s."
    if rec["error"]:
        err = rec["error"]
        return FAIL, (f"the check stopped with {err['ename']}: {err['evalue']}. Run every cell "
                      "from the top (Run → Restart Kernel and Run All Cells) and fix the first "
                      "cell that fails.")
    if rec["outcome"] == "passed":
        return OK, line
    if NO_ANSWER_TEXT in line:
        return MISSING, line
    return FAIL, line or "the check printed nothing."


def _cell_notes(records: list[dict], timeout: float) -> list[str]:
    notes = []
    for rec in records:
        if rec["role"] == "check" or rec["outcome"] != "failed" or rec.get("phase") == "setup":
            continue
        where = f"code cell {rec['cell'] + 1}"
        if rec["timeout"]:
            notes.append(f"{where} did not finish within {timeout:g} s (an endless loop?) and "
                         "was stopped; the cells after it were not run. Fix that cell, then "
                         "run the notebook from the top.")
        elif rec["error"]:
            notes.append(f"{where} stopped with {rec['error']['ename']}: "
                         f"{rec['error']['evalue']}.")
    return notes


def build_report(prep: _Prepared, records: list[dict], timeout: float) -> Report:
    checks = {r["exercise"]: r for r in records if r["role"] == "check"}
    results, notes = [], []
    for ex in prep.exercises:
        status, message = _check_status(checks.get(ex), timeout)
        if ex in prep.tampered:
            why = prep.tampered[ex]
            notes.append(f"{ex}: {why}; the kit's version was restored for this check. Put the "
                         "original check cell back (copy it from a fresh student notebook).")
            status, message = TAMPERED, f"{why} (with the kit's check restored: {message})"
        results.append(ExerciseResult(ex, status, message))
    notes += _cell_notes(records, timeout)
    if not records:
        notes.append("The notebook could not be run at all (the kernel did not start or "
                     "checking was stopped). Try again; if it persists, tell your instructor.")
    return Report(prep.path, prep.lesson, tuple(results), tuple(notes))


# --- the public entry points -----------------------------------------------------------------


def expand(paths: Iterable[str | Path]) -> list[str]:
    """Files as given; folders become the notebooks under them (sorted; checkpoints skipped)."""
    out: list[str] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts)
            out += [str(q) for q in found]
        else:
            out.append(str(p))
    return out


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def check_notebooks(paths: Iterable[str | Path], *, manifest: dict | None = None,
                    timeout: float = 60, jobs: int | None = None, lesson: str = "") -> list[Report]:
    """One :class:`Report` per notebook (folders expanded), in the order of ``expand(paths)``."""
    manifest = load_manifest() if manifest is None else manifest
    reports: list[Report | None] = []
    prepared: list[tuple[int, _Prepared]] = []
    for path in expand(paths):
        try:
            prepared.append((len(reports), prepare(path, manifest, lesson)))
            reports.append(None)
        except CheckError as exc:
            reports.append(Report(path, problem=str(exc)))
    runs = _run_all([p for _, p in prepared], timeout, jobs or default_jobs())
    for (i, prep), records in zip(prepared, runs, strict=True):
        reports[i] = build_report(prep, records, timeout)
    return [r for r in reports if r is not None]


def rows(reports: Iterable[Report]) -> list[dict]:
    """CSV rows: one per exercise, or one per notebook that could not be checked."""
    out = []
    for rep in reports:
        if rep.problem:
            out.append(dict(zip(CSV_COLUMNS, (rep.path, rep.lesson, "", False, "unchecked",
                                               rep.problem), strict=True)))
        for r in rep.results:
            out.append(dict(zip(CSV_COLUMNS, (rep.path, rep.lesson, r.exercise, r.ok, r.status,
                                               r.message), strict=True)))
    return out


def write_csv(reports: Iterable[Report], out: str | Path) -> None:
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows(reports))


def this_notebook_path() -> Path:
    """The running notebook's file (env JPY_SESSION_NAME, set by jupyter-server in the kernel)."""
    name = os.environ.get("JPY_SESSION_NAME", "")
    if not name:
        raise CheckError("Cannot tell which notebook this is (JPY_SESSION_NAME is not set; are "
                         "you outside JupyterLab?). Pass the path: "
                         "check_this_notebook('name.ipynb').")
    path = Path(name)
    # Some servers give the path from their root folder; the kernel runs in the notebook's.
    return path if path.exists() or path.is_absolute() else Path(path.name)


def check_this_notebook(path: str | Path | None = None, timeout: float = 60,
                        manifest: dict | None = None) -> Report:
    """Check the saved copy of this notebook and print the verdict. Save first (Ctrl+S)."""
    print("Checking the last SAVED version of this notebook: save it first (Ctrl+S / ⌘S).")
    try:
        target = Path(path) if path is not None else this_notebook_path()
        report = check_notebooks([target], manifest=manifest, timeout=timeout, jobs=1)[0]
    except CheckError as exc:
        report = Report(str(path or "this notebook"), problem=str(exc))
    print(report.text())
    return report


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="NOTEBOOK|FOLDER",
                        help="student notebooks, or folders holding them")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds each cell may run before it is stopped (default 60)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--csv", metavar="OUT", help="also write one row per exercise to OUT")
    parser.add_argument("--lesson", default="", help="the lesson these notebooks must be")
    parser.add_argument("--manifest", default=None, help="a check manifest other than the kit's")


def main(args) -> int:
    if args.timeout <= 0 or (args.jobs is not None and args.jobs < 1):
        print("artethics check: --timeout must be above 0 and --jobs at least 1.", file=sys.stderr)
        return 2
    try:
        manifest = load_manifest(args.manifest)
    except CheckError as exc:
        print(f"artethics check: {exc}", file=sys.stderr)
        return 2
    reports = check_notebooks(args.paths, manifest=manifest, timeout=args.timeout,
                              jobs=args.jobs, lesson=args.lesson)
    for rep in reports:
        print(rep.text())
    if args.csv:
        write_csv(reports, args.csv)
    passed = sum(r.ok for r in reports)
    print(f"{passed} of {len(reports)} notebooks pass every exercise.")
    return 0 if reports and passed == len(reports) else 1


if __name__ == "__main__" and sys.argv[1:] == ["--worker"]:
    sys.exit(_worker_main())
