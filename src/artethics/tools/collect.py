"""``artethics collect``: build the class dataset from whatever students handed in.

It reads submitted notebooks (the answers they carry as the kit's MIME outputs),
single answer files, class folders (``<class>/<lesson>/<student>__<activity>.json``)
and answer exports, reports every file it cannot use with its path and a plain
reason, and goes on. The result is one SQLite file with a ``responses`` table
(the same columns as :class:`artethics.responses.Store`, so ``Store(db).all()``
reads it), a ``problems`` table and, with ``--check``, a ``checks`` table.

Public API::

    result = collect(["submissions/", "export.json"])        # -> Collected
    write_db(result, "class.sqlite", salt="secret")         # pseudonymised
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from artethics.responses import (
    EXPORT_FORMAT,
    Problem,
    Response,
    pseudonym,
    responses_in_notebook,
    sorted_responses,
)

SCHEMA = """
CREATE TABLE responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lesson TEXT NOT NULL, activity TEXT NOT NULL, kind TEXT NOT NULL,
    student TEXT NOT NULL, data TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE TABLE problems (path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE checks (student_file TEXT, lesson TEXT, exercise TEXT, ok INTEGER,
                     status TEXT, message TEXT);
"""
SKIP_DIRS = frozenset({".ipynb_checkpoints", "__pycache__", ".git"})


@dataclass
class Collected:
    """Everything read: the answers (deduplicated, sorted), the problems, the files read."""

    responses: list[Response] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    checks: list[dict] = field(default_factory=list)


# --- reading --------------------------------------------------------------------------------


def files_under(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Notebooks and JSON files: as given, or found under folders (sorted, hidden skipped)."""
    found, problems = [], []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                found += [Path(root, n) for n in sorted(names)
                          if n.endswith((".ipynb", ".json")) and not n.startswith(".")]
        elif p.is_file():
            found.append(p)
        else:
            problems.append(Problem(str(p), "no such file or folder; check the path."))
    return found, problems


def _load(path: Path) -> tuple[object, Problem | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(str(path), f"cannot be read ({exc.strerror or exc}).")
    if not raw.strip():
        return None, Problem(str(path), "the file is empty (probably cut off); skipped.")
    try:
        return json.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, Problem(str(path), "not UTF-8 text, so neither a notebook nor an answer "
                                        "file; skipped.")
    except json.JSONDecodeError as exc:
        return None, Problem(str(path), f"truncated or corrupt JSON ({exc.msg} at line "
                                        f"{exc.lineno}); skipped. Ask for the file again.")


def _answers(items: list, where: str) -> tuple[list[Response], list[Problem]]:
    good, bad = [], []
    for i, item in enumerate(items):
        try:
            good.append(Response.from_dict(item))
        except (TypeError, ValueError) as exc:
            bad.append(Problem(f"{where} (answer {i + 1})", f"skipped: {exc}"))
    return good, bad


def read_file(path: Path) -> tuple[list[Response], list[Problem]]:
    """The answers in one notebook, answer file or export; problems say what was skipped."""
    payload, problem = _load(path)
    if problem:
        return [], [problem]
    if isinstance(payload, dict) and isinstance(payload.get("cells"), list):
        problems: list[Problem] = []
        found = responses_in_notebook(payload, problems)
        problems = [Problem(f"{path} ({p.path})", p.reason) for p in problems]
        if not found and not problems:
            problems.append(Problem(str(path), "a notebook with no recorded answers (were the "
                                               "answer cells run and the notebook saved?)."))
        return found, problems
    if isinstance(payload, dict) and payload.get("format") == EXPORT_FORMAT:
        items = payload.get("responses")
        if not isinstance(items, list):
            return [], [Problem(str(path), 'an export without a list under "responses".')]
        return _answers(items, str(path))
    if isinstance(payload, dict) and "activity" in payload:
        return _answers([payload], str(path))
    if isinstance(payload, list):
        return _answers(payload, str(path))
    return [], [Problem(str(path), "neither a notebook, an answer file nor an answers export; "
                                   "skipped.")]


def dedupe(responses: Iterable[Response]) -> list[Response]:
    """One copy of each answer (the same answer may come from a notebook and a folder).

    Copies are the same when all but the time match; the one with a time is kept."""
    best: dict[tuple, Response] = {}
    for r in responses:
        key = (r.lesson, r.activity, r.kind, r.student,
               json.dumps(r.data, sort_keys=True, ensure_ascii=False))
        if key not in best or (r.recorded_at and not best[key].recorded_at):
            best[key] = r
    return sorted_responses(best.values())


def collect(paths: Iterable[str | Path]) -> Collected:
    """Read every path; never stops at a bad file."""
    files, problems = files_under(paths)
    responses: list[Response] = []
    for path in files:
        found, bad = read_file(path)
        responses += found
        problems += bad
    return Collected(dedupe(responses), sorted(problems), len(files))


def pseudonymised(responses: Iterable[Response], salt: str) -> list[Response]:
    return sorted_responses(r.with_student(pseudonym(r.student, salt)) for r in responses)


# --- writing ---------------------------------------------------------------------------------


def write_db(result: Collected, db: str | Path, salt: str | None = None) -> Path:
    """Write a fresh SQLite class dataset (replacing ``db``); with ``salt``, pseudonymised."""
    db = Path(db)
    responses = pseudonymised(result.responses, salt) if salt else result.responses
    tmp = db.with_name(f".{db.name}.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript(SCHEMA)
        conn.executemany(
            "INSERT INTO responses (lesson, activity, kind, student, data, recorded_at) "
            "VALUES (?,?,?,?,?,?)",
            [(r.lesson, r.activity, r.kind, r.student,
              json.dumps(r.data, sort_keys=True, ensure_ascii=False), r.recorded_at)
             for r in responses])
        conn.executemany("INSERT INTO problems VALUES (?,?)", result.problems)
        conn.executemany("INSERT INTO checks VALUES (?,?,?,?,?,?)",
                         [tuple(c.values()) for c in result.checks])
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, db)
    return db


def run_checks(paths: Iterable[str | Path], timeout: float = 60, jobs: int | None = None):
    """Check rows (artethics check) for the notebooks under ``paths``."""
    from artethics.tools import check as checking

    notebooks = [p for p in checking.expand(paths) if p.endswith(".ipynb")]
    if not notebooks:
        return []
    return checking.rows(checking.check_notebooks(notebooks, timeout=timeout, jobs=jobs))


def resolve_salt(pseudonymise: bool, salt: str | None,
                 how: str = "pass --salt TEXT") -> str | None:
    """The salt to use (``salt``, else ARTETHICS_SALT), or None when not pseudonymising;
    ValueError when pseudonymising without one. ``how`` says where else to give it."""
    if not pseudonymise:
        return None
    salt = salt or os.environ.get("ARTETHICS_SALT", "")
    if not salt:
        raise ValueError("pseudonymising needs a secret salt: set ARTETHICS_SALT (the same "
                         f"for the whole course, kept private) or {how}.")
    return salt


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="submitted notebooks, answer files, exports, or folders of them")
    parser.add_argument("--db", default="class.sqlite", help="the SQLite file to write")
    parser.add_argument("--pseudonymise", action="store_true",
                        help="replace names by stable pseudonyms (needs ARTETHICS_SALT or --salt)")
    parser.add_argument("--salt", default=None, help="the secret for --pseudonymise")
    parser.add_argument("--check", action="store_true",
                        help="also run `artethics check` on the notebooks and store the results")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for --check")


def main(args) -> int:
    try:
        salt = resolve_salt(args.pseudonymise, args.salt)
    except ValueError as exc:
        print(f"artethics collect: {exc}", file=sys.stderr)
        return 2
    result = collect(args.paths)
    if args.check:
        result.checks = run_checks(args.paths, jobs=args.jobs)
    write_db(result, args.db, salt)
    for problem in result.problems:
        print(f"skipped {problem.path}: {problem.reason}", file=sys.stderr)
    students = len({r.student for r in result.responses})
    print(f"{len(result.responses)} answers from {students} students in {result.files} files "
          f"-> {args.db}; {len(result.problems)} problem(s).")
    return 0 if result.responses else 1
