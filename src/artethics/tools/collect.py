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
import stat
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
    store,
)
from artethics.tools.check.notebook import special_file
from artethics.tools.check.report import clean

# The responses table is the answers store's own (store.SCHEMA), so Store(db).all() and
# the dashboard read a class dataset with the same code; plus what collect adds.
SCHEMA = store.SCHEMA + """
CREATE TABLE problems (path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE checks (student_file TEXT, lesson TEXT, exercise TEXT, ok INTEGER,
                     status TEXT, message TEXT);
"""
TABLES = frozenset({"responses", "problems", "checks"})
SKIP_DIRS = frozenset({".ipynb_checkpoints", "__pycache__", ".git"})
MAX_BYTES = 50 << 20  # a notebook with figures is a few MB; an answer file a few kB
MAX_FILES = 100_000


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
        if p.is_dir() and not p.is_symlink():
            for root, dirs, names in os.walk(p, onerror=lambda _: None):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                found += [Path(root, n) for n in sorted(names)
                          if n.endswith((".ipynb", ".json")) and not n.startswith(".")]
                if len(found) > MAX_FILES:
                    problems.append(Problem(str(p), f"more than {MAX_FILES} files; the rest "
                                                    "were not read."))
                    break
        elif p.exists() or p.is_symlink():
            found.append(p)
        else:
            problems.append(Problem(str(p), "no such file or folder; check the path."))
    return found, problems


def _read_capped(path: Path) -> bytes:
    """The bytes of a regular file up to MAX_BYTES; OSError/ValueError say why not."""
    why = special_file(path)
    if why:
        raise ValueError(why)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since it was looked at
            raise ValueError("it is not a regular file, so it was skipped")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise ValueError(f"it is larger than {MAX_BYTES >> 20} MB, far more than a notebook or "
                         "an answer file; skipped")
    return raw


def _load(path: Path) -> tuple[object, Problem | None]:
    try:
        raw = _read_capped(path)
    except OSError as exc:
        return None, Problem(str(path), f"cannot be read ({exc.strerror or exc}).")
    except ValueError as exc:
        return None, Problem(str(path), f"{exc}.")
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
    except (ValueError, RecursionError, MemoryError) as exc:
        return None, Problem(str(path), "JSON that no answer file holds (nested too deeply or a "
                                        f"number too long: {type(exc).__name__}); skipped.")


def _answers(items: list, where: str) -> tuple[list[Response], list[Problem]]:
    good, bad = [], []
    for i, item in enumerate(items):
        try:
            good.append(Response.from_dict(item))
        except (TypeError, ValueError, RecursionError) as exc:
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
        try:
            found, bad = read_file(path)
        except Exception as exc:  # noqa: BLE001 - one odd file never stops the batch
            found, bad = [], [Problem(str(path), f"could not be read ({type(exc).__name__}); "
                                                 "skipped.")]
        responses += found
        problems += bad
    return Collected(dedupe(responses), sorted(problems), len(files))


def pseudonymised(responses: Iterable[Response], salt: str) -> list[Response]:
    return sorted_responses(r.with_student(pseudonym(r.student, salt)) for r in responses)


# --- writing ---------------------------------------------------------------------------------


def db_refusal(db: str | Path) -> str:
    """Why ``db`` must not be written (checked before any work), or "": it may be new, or
    a class dataset this command wrote; never another file (an export, an answer file,
    the answers store)."""
    path = Path(db)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return f"{db} is not a regular file"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                tables = {row[0] for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")} - {"sqlite_sequence"}
            finally:
                conn.close()
        except (OSError, sqlite3.Error):
            head, tables = b"", set()
        if head != b"SQLite format 3\x00" or tables != TABLES:
            return (f"{db} exists and is not a class dataset written by artethics collect, so "
                    "it is not overwritten")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"{db} cannot be written (read-only)"
    return ""


def write_db(result: Collected, db: str | Path, salt: str | None = None) -> Path:
    """Write a fresh SQLite class dataset (replacing ``db`` only if it is one); with
    ``salt``, pseudonymised. ValueError when ``db`` is another file; OSError or
    sqlite3.Error when writing fails (an earlier dataset is then left as it was)."""
    refusal = db_refusal(db)
    if refusal:
        raise ValueError(refusal)
    db = Path(db)
    responses = pseudonymised(result.responses, salt) if salt else result.responses
    tmp = db.with_name(f".{db.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(SCHEMA)
            conn.executemany(f"INSERT INTO responses ({store.COLUMNS}) VALUES (?,?,?,?,?,?)",
                             [store.to_row(r) for r in responses])
            conn.executemany("INSERT INTO problems VALUES (?,?)",
                             [(clean(p.path), clean(p.reason)) for p in result.problems])
            conn.executemany("INSERT INTO checks VALUES (?,?,?,?,?,?)",
                             [tuple(c.values()) for c in result.checks])
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return db


def run_checks(paths: Iterable[str | Path], timeout: float = 60, jobs: int | None = None):
    """Check rows (artethics check) for the notebooks under ``paths``."""
    from artethics.tools import check as checking

    notebooks = [p for p in checking.expand(paths) if p.endswith(".ipynb")
                 and not special_file(p)]
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
    if args.jobs is not None and not 1 <= args.jobs <= 64:
        print("artethics collect: --jobs must be between 1 and 64.", file=sys.stderr)
        return 2
    refusal = db_refusal(args.db)
    if refusal:
        print(f"artethics collect: --db: {clean(refusal)}. Choose another file name; nothing "
              "was read.", file=sys.stderr)
        return 2
    result = collect(args.paths)
    if args.check:
        result.checks = run_checks(args.paths, jobs=args.jobs)
    for problem in result.problems:
        print(f"skipped {clean(problem.path)}: {clean(problem.reason)}", file=sys.stderr)
    try:
        write_db(result, args.db, salt)
    except (OSError, sqlite3.Error, ValueError) as exc:
        print(f"artethics collect: the class dataset could not be written to "
              f"{clean(args.db)} ({clean(exc)}).", file=sys.stderr)
        return 2
    students = len({r.student for r in result.responses})
    print(f"{len(result.responses)} answers from {students} students in {result.files} files "
          f"-> {clean(args.db)}; {len(result.problems)} problem(s).")
    return 0 if result.responses else 1
