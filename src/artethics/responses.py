"""Where a student's recorded answers go, so that none is lost.

``record(response)`` puts one answer in up to three places:

1. the notebook itself, as an output with the kit's MIME type (:data:`MIME`) plus a
   one-line ``text/plain`` summary, so a submitted notebook carries its answers;
2. a local SQLite database (WAL mode, busy timeout; safe under many writer processes):
   ``ARTETHICS_DB`` or ``~/.artethics/responses.sqlite``;
3. a class folder, when the instructor sets one (argument, else ``ARTETHICS_CLASS_DIR``):
   one JSON file per student and activity, ``<class>/<lesson>/<student-key>__<activity>.json``,
   written atomically (temporary file in the same folder, then ``os.replace``).

Timestamps live in the stores only; what is displayed is deterministic. Importing this
module has no side effects.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

MIME = "application/vnd.artethics.response+json"
KINDS = frozenset({"balance", "matrix", "poll", "lens", "reflection", "policy", "exercise"})
EXPORT_FORMAT = "artethics-responses"
EXPORT_VERSION = 1
BUSY_TIMEOUT_S = 60.0
# FULL: a commit is on disk before record() returns, even across a power cut (WAL's
# NORMAL would only survive a crash of the program).
SYNCHRONOUS = "FULL"

_LESSON_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_ACTIVITY_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
_FIELDS = ("lesson", "activity", "kind", "student", "data")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


class Problem(NamedTuple):
    """Something that could not be read, with where it is and why, in plain words."""

    path: str
    reason: str


# --------------------------------------------------------------------------- the record


def _check_json(value: Any, where: str) -> None:
    """Raise ValueError naming the first part of ``value`` that JSON cannot hold."""
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where} is {value!r}; JSON holds only finite numbers.")
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check_json(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{where} has the key {key!r}; JSON keys must be text (str).")
            _check_json(item, f"{where}[{key!r}]")
        return
    raise ValueError(
        f"{where} is a {type(value).__name__}, which JSON cannot hold; "
        "use text, numbers, True/False, None, lists and dicts only."
    )


def _normal_time(value: Any) -> str:
    """'' or an ISO 8601 time, returned in UTC with microseconds (sortable as text)."""
    if value in ("", None):
        return ""
    if not isinstance(value, str):
        raise ValueError(f"recorded_at is {value!r}; expected an ISO 8601 time as text.")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"recorded_at {value!r} is not an ISO 8601 time.") from None
    if moment.tzinfo is None:
        raise ValueError(f"recorded_at {value!r} has no time zone; add +00:00 for UTC.")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def now_utc() -> str:
    """The current time as stored in ``recorded_at``."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclasses.dataclass(frozen=True)
class Response:
    """One recorded answer. ``data`` is copied and must be JSON (text keys, finite numbers)."""

    lesson: str
    activity: str
    kind: str
    student: str
    data: dict
    recorded_at: str = ""

    def __post_init__(self) -> None:
        _check_text("lesson", self.lesson, _LESSON_RE, "e.g. '05_augmented_intelligence'")
        _check_text("activity", self.activity, _ACTIVITY_RE, "e.g. 'christies.balance'")
        if self.kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            raise ValueError(f"kind {self.kind!r} is unknown; use one of {known}.")
        if not isinstance(self.student, str) or not self.student.strip():
            raise ValueError(
                "student is empty; set `student` in the parameters cell to your name or "
                "pseudonym (or 'anonymous')."
            )
        if not isinstance(self.data, dict):
            raise ValueError(f"data is a {type(self.data).__name__}; it must be a dict.")
        _check_json(self.data, "data")
        object.__setattr__(self, "student", unicodedata.normalize("NFC", self.student.strip()))
        object.__setattr__(self, "data", json.loads(json.dumps(self.data)))
        object.__setattr__(self, "recorded_at", _normal_time(self.recorded_at))

    def to_dict(self, with_time: bool = True) -> dict:
        out = {name: getattr(self, name) for name in _FIELDS}
        if with_time and self.recorded_at:
            out["recorded_at"] = self.recorded_at
        return out

    @classmethod
    def from_dict(cls, raw: Any) -> Response:
        """Build from a dict such as :meth:`to_dict` gives; ValueError says what is wrong."""
        if not isinstance(raw, dict):
            raise ValueError(f"an answer must be a JSON object, found {type(raw).__name__}.")
        missing = [name for name in _FIELDS if name not in raw]
        if missing:
            raise ValueError(f"the answer lacks the field(s) {', '.join(missing)}.")
        unknown = sorted(set(raw) - set(_FIELDS) - {"recorded_at"})
        if unknown:
            raise ValueError(f"the answer has unknown field(s) {', '.join(unknown)}.")
        return cls(**raw)

    def with_student(self, student: str) -> Response:
        return dataclasses.replace(self, student=student)

    def sort_key(self) -> tuple:
        data = json.dumps(self.data, sort_keys=True, ensure_ascii=False)
        return (self.lesson, self.activity, self.student, self.recorded_at, self.kind, data)


def _check_text(name: str, value: Any, pattern: re.Pattern, example: str) -> None:
    if not isinstance(value, str) or not pattern.match(value):
        raise ValueError(
            f"{name} {value!r} is not valid: use lowercase letters, digits and '_' "
            f"({example})."
        )


def sorted_responses(responses: Iterable[Response]) -> list[Response]:
    """Responses in one deterministic order (lesson, activity, student, time, content)."""
    return sorted(responses, key=Response.sort_key)


# --------------------------------------------------------------------------- pseudonyms


def pseudonym(student: str, salt: str) -> str:
    """A stable pseudonym such as ``p-3fa2c1d94b7e`` (HMAC-SHA256 of the name, keyed by salt).

    The same name and salt always give the same pseudonym; without the salt nobody can
    check a guessed name against it. 12 hex digits keep accidental clashes (which would
    merge two students' files) negligible even for thousands of students.
    """
    if not isinstance(salt, str) or not salt:
        raise ValueError(
            "the salt is empty; the instructor must set a secret ARTETHICS_SALT (or pass "
            "salt=...), otherwise anyone could recompute pseudonyms from guessed names."
        )
    if not isinstance(student, str) or not student.strip():
        raise ValueError("student is empty; there is nothing to pseudonymise.")
    name = unicodedata.normalize("NFC", student.strip()).encode()
    return "p-" + hmac.new(salt.encode(), name, hashlib.sha256).hexdigest()[:12]


def _env_flag(name: str) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ValueError(f"environment variable {name}={raw!r} is not understood; use 1 or 0.")


def pseudonym_salt(salt: str | None = None) -> str | None:
    """The salt to pseudonymise with: the argument, else the environment, else None (off)."""
    if salt is not None:
        if not salt:
            raise ValueError("salt='' given; pass a secret text, or None to not pseudonymise.")
        return salt
    if not _env_flag("ARTETHICS_PSEUDONYMISE"):
        return None
    env_salt = os.environ.get("ARTETHICS_SALT", "")
    if not env_salt:
        raise ValueError(
            "ARTETHICS_PSEUDONYMISE=1 but ARTETHICS_SALT is empty; the instructor must set a "
            "secret salt shared by the class."
        )
    return env_salt


def student_key(student: str) -> str:
    """A file-name-safe, collision-free form of a student's name.

    Plain lowercase names (letters, digits, '-', '_') are kept as they are; any other name
    gets a safe form plus 8 hex digits of its hash, so 'Li Wei' and 'li_wei' never share
    a file, even on a case-insensitive disk.
    """
    name = unicodedata.normalize("NFC", student.strip())
    safe = "".join(ch if (ch.isalnum() or ch in "-_") else "_" for ch in name.lower())[:40]
    if safe == name and not safe.startswith("-"):
        return safe
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{safe.strip('_') or 'student'}-{digest}"


# --------------------------------------------------------------------------- SQLite store


def default_db_path() -> Path:
    """``ARTETHICS_DB`` if set, else ``~/.artethics/responses.sqlite``."""
    override = os.environ.get("ARTETHICS_DB", "")
    if override:
        return Path(override).expanduser()
    return Path.home() / ".artethics" / "responses.sqlite"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lesson TEXT NOT NULL, activity TEXT NOT NULL, kind TEXT NOT NULL,
    student TEXT NOT NULL, data TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS responses_by_student ON responses (student, activity, recorded_at);
"""
_COLUMNS = "lesson, activity, kind, student, data, recorded_at"
# Databases this process has already switched to WAL and given the table (WAL mode is
# stored in the file; the schema uses IF NOT EXISTS, so a stale entry is harmless).
_READY: set[tuple[int, Path]] = set()


def _prepare(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(_SCHEMA)


class Store:
    """The local SQLite store of recorded answers. Each call opens and closes its own
    connection, so a Store can be used from many processes at once."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        if self.path.is_dir():
            raise ValueError(
                f"{self.path} is a folder; give the database a file name inside it, "
                "e.g. responses.sqlite."
            )

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
            if (os.getpid(), self.path) not in _READY:
                _prepare(conn)
                _READY.add((os.getpid(), self.path))
            yield conn
        except sqlite3.DatabaseError as exc:
            raise ValueError(
                f"{self.path} cannot be used as the answers database ({exc}); point "
                "ARTETHICS_DB at another file or move this one aside."
            ) from exc
        finally:
            conn.close()

    def add(self, response: Response) -> Response:
        """Store one answer (stamped with the time now if it has none); returns it as stored."""
        stored = response
        if not response.recorded_at:
            stored = dataclasses.replace(response, recorded_at=now_utc())
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"INSERT INTO responses ({_COLUMNS}) VALUES (?,?,?,?,?,?)", _row(stored))
            conn.execute("COMMIT")
        return stored

    def _select(self, where: str = "", args: tuple = (), tail: str = "") -> list[Response]:
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM responses {where} {tail}", args).fetchall()
        return [_from_row(row) for row in rows]

    def all(self) -> list[Response]:
        """Every stored answer, in :func:`sorted_responses` order."""
        return sorted_responses(self._select())

    def latest(self, activity: str, student: str) -> Response | None:
        """The newest answer of ``student`` to ``activity``, or None."""
        found = self._select(
            "WHERE activity = ? AND student = ?",
            (activity, unicodedata.normalize("NFC", student.strip())),
            "ORDER BY recorded_at DESC, id DESC LIMIT 1",
        )
        return found[0] if found else None

    def export_json(self, path: str | os.PathLike, salt: str | None = None) -> int:
        """Write every answer to a JSON file (atomically); with ``salt`` students are
        replaced by their pseudonyms. Returns how many answers were written."""
        responses = self.all()
        if salt is not None:
            responses = sorted_responses(
                r.with_student(pseudonym(r.student, salt)) for r in responses
            )
        payload = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "responses": [r.to_dict() for r in responses],
        }
        _write_atomic(Path(path), payload)
        return len(responses)

    def import_json(self, path: str | os.PathLike) -> tuple[list[Response], list[Problem]]:
        """Add the answers of an export file. Bad records are reported and skipped, good
        ones kept; an answer already in the store is not added twice.
        Returns (answers added, problems)."""
        records, problems = _read_export(Path(path))
        added = []
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            for response in records:
                if _insert_new(conn, response):
                    added.append(response)
            conn.execute("COMMIT")
        return sorted_responses(added), problems


def _row(r: Response) -> tuple:
    data = json.dumps(r.data, sort_keys=True, ensure_ascii=False)
    return (r.lesson, r.activity, r.kind, r.student, data, r.recorded_at)


def _from_row(row: tuple) -> Response:
    lesson, activity, kind, student, data, recorded_at = row
    return Response(lesson, activity, kind, student, json.loads(data), recorded_at)


def _insert_new(conn: sqlite3.Connection, response: Response) -> bool:
    row = _row(response)
    match = " AND ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(","))
    if conn.execute(f"SELECT 1 FROM responses WHERE {match} LIMIT 1", row).fetchone():
        return False
    conn.execute(f"INSERT INTO responses ({_COLUMNS}) VALUES (?,?,?,?,?,?)", row)
    return True


def _read_export(path: Path) -> tuple[list[Response], list[Problem]]:
    payload, problem = _load_json(path)
    if problem:
        return [], [problem]
    items = payload.get("responses") if isinstance(payload, dict) else payload
    if isinstance(payload, dict) and payload.get("format") != EXPORT_FORMAT:
        reason = f'not an answers export (no "format": "{EXPORT_FORMAT}").'
        return [], [Problem(str(path), reason)]
    if not isinstance(items, list):
        return [], [Problem(str(path), "expected a list of answers under \"responses\".")]
    good, problems = [], []
    for i, item in enumerate(items):
        try:
            good.append(Response.from_dict(item))
        except (TypeError, ValueError) as exc:
            problems.append(Problem(f"{path} (answer {i + 1})", f"skipped: {exc}"))
    return good, problems


# --------------------------------------------------------------------------- class folder


def _write_atomic(path: Path, payload: Any) -> None:
    """Write JSON so that readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def class_folder_path(class_folder: str | os.PathLike, response: Response) -> Path:
    """``<class>/<lesson>/<student-key>__<activity>.json`` for this answer."""
    name = f"{student_key(response.student)}__{response.activity}.json"
    return Path(class_folder) / response.lesson / name


def write_class_folder(class_folder: str | os.PathLike, response: Response) -> Path:
    """Write (or replace) this student's file for this activity, atomically."""
    target = class_folder_path(class_folder, response)
    _write_atomic(target, response.to_dict())
    return target


def _load_json(path: Path) -> tuple[Any, Problem | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(str(path), f"cannot be read ({exc.strerror or exc}).")
    if not raw.strip():
        return None, Problem(str(path), "the file is empty (a write was cut off); skipped.")
    try:
        return json.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, Problem(str(path), "not UTF-8 text, so not an answer file; skipped.")
    except json.JSONDecodeError as exc:
        return None, Problem(str(path), f"truncated or corrupt JSON ({exc.msg} at line "
                                        f"{exc.lineno}, column {exc.colno}); skipped.")


def _read_answer_file(path: Path) -> tuple[Response | None, Problem | None]:
    payload, problem = _load_json(path)
    if problem:
        return None, problem
    try:
        response = Response.from_dict(payload)
    except (TypeError, ValueError) as exc:
        return None, Problem(str(path), f"not a valid answer: {exc} Skipped.")
    if response.lesson != path.parent.name:
        reason = (f"the answer is for lesson {response.lesson!r} but sits in folder "
                  f"{path.parent.name!r}.")
        return None, Problem(str(path), reason + " Move it to its lesson folder; skipped.")
    return response, None


def read_class_folder(path: str | os.PathLike) -> tuple[list[Response], list[Problem]]:
    """Every answer file in a class folder. A corrupt, truncated or misplaced file is
    reported with its path and a plain reason and skipped; the others are all returned.
    Temporary files of writes in progress are ignored."""
    root = Path(path)
    if not root.is_dir():
        raise ValueError(f"class folder {root} does not exist or is not a folder.")
    responses, problems = [], []
    for file in sorted(root.glob("*/*.json")):
        if file.name.startswith("."):
            continue
        response, problem = _read_answer_file(file)
        if response is not None:
            responses.append(response)
        else:
            problems.append(problem)
    return sorted_responses(responses), problems


# --------------------------------------------------------------------------- notebook


def response_bundle(response: Response, line: str) -> dict:
    """The display bundle: the kit's MIME type (no time, deterministic) and a text line."""
    return {MIME: response.to_dict(with_time=False), "text/plain": line}


def responses_in_notebook(nb: dict, problems: list[Problem] | None = None) -> list[Response]:
    """The answers a notebook carries as :data:`MIME` outputs, in notebook order. An
    unreadable one is skipped (and appended to ``problems`` when a list is given)."""
    found = []
    for index, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            payload = (output.get("data") or {}).get(MIME)
            if payload is None:
                continue
            try:
                raw = json.loads(payload) if isinstance(payload, str) else payload
                found.append(Response.from_dict(raw))
            except (TypeError, ValueError) as exc:
                if problems is not None:
                    problems.append(Problem(f"cell {index + 1}", f"answer output skipped: {exc}"))
    return found


def display_slot(activity: str):
    """Show a placeholder line and return its IPython DisplayHandle, to pass to
    ``record(..., handle=...)`` from a button callback."""
    from IPython.display import DisplayHandle

    handle = DisplayHandle()
    handle.display({"text/plain": f"No answer recorded yet for {activity}."}, raw=True)
    return handle


def _show(bundle: dict, handle) -> None:
    from IPython import get_ipython

    if handle is not None:
        handle.update(bundle, raw=True)
    elif get_ipython() is not None:
        from IPython.display import display

        display(bundle, raw=True)
    else:
        print(bundle["text/plain"])


# --------------------------------------------------------------------------- record


_PLACES = {"notebook": "this notebook", "database": "the local database",
           "class folder": "the class folder"}


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def summary_line(response: Response, saved: list[str], failed: dict[str, str]) -> str:
    """'Recorded <activity> for <student>: saved in ...' (plus what failed and why)."""
    line = f"Recorded {response.activity} for {response.student}: "
    line += "saved in " + _join([_PLACES[p] for p in saved]) if saved else "NOT saved anywhere"
    for place, reason in sorted(failed.items()):
        line += f". Not saved in {_PLACES[place]}: {reason}"
    return line


def _short_reason(exc: BaseException) -> str:
    """A reason without paths (the displayed line must not carry local paths)."""
    cause = exc.__cause__ or exc
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    if isinstance(cause, sqlite3.Error):
        return str(cause)
    return "the file given by ARTETHICS_DB cannot be used"


def _class_folder_setting(class_folder: str | os.PathLike | None) -> str:
    if class_folder:
        return str(class_folder)
    return os.environ.get("ARTETHICS_CLASS_DIR", "")


def record(response: Response, class_folder: str | os.PathLike = "", handle=None,
           display: bool = True, *, salt: str | None = None,
           db: str | os.PathLike | None = None) -> list[str]:
    """Record one answer everywhere it should go; returns where it went, e.g.
    ``['notebook', 'database', 'class folder']``.

    A store that fails (full disk, unwritable folder) does not stop the others; the
    displayed line says what failed. If nothing at all could be saved, OSError is raised.
    ``salt`` (or ARTETHICS_PSEUDONYMISE=1 with ARTETHICS_SALT) puts a pseudonym instead of
    the name in what leaves this machine: the class folder and the notebook output.
    """
    if not isinstance(response, Response):
        raise TypeError(f"record() needs a Response, got {type(response).__name__}.")
    stamped = dataclasses.replace(response, recorded_at=response.recorded_at or now_utc())
    secret = pseudonym_salt(salt)
    shared = stamped.with_student(pseudonym(stamped.student, secret)) if secret else stamped
    saved, failed = [], {}
    try:
        Store(db).add(stamped)
        saved.append("database")
    except (OSError, ValueError) as exc:
        failed["database"] = _short_reason(exc)
    folder = _class_folder_setting(class_folder)
    if folder:
        try:
            write_class_folder(folder, shared)
            saved.append("class folder")
        except OSError as exc:
            failed["class folder"] = _short_reason(exc)
    if display:
        saved.insert(0, "notebook")
        _show(response_bundle(shared, summary_line(shared, saved, failed)), handle)
    if not saved:
        raise OSError(summary_line(shared, saved, failed))
    return saved


def latest(activity: str, student: str) -> Response | None:
    """The newest answer of ``student`` to ``activity`` in the local database, or None."""
    return Store().latest(activity, student)
