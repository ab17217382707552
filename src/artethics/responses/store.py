"""The local SQLite store of recorded answers: its schema, its rows, import and export."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from artethics.i18n import _

from .folder import load_json, write_atomic
from .pseudonyms import pseudonym
from .record import EXPORT_FORMAT, Problem, Response, now_utc, sorted_responses

EXPORT_VERSION = 1
BUSY_TIMEOUT_S = 60.0
# FULL: a commit is on disk before record() returns, even across a power cut (WAL's
# NORMAL would only survive a crash of the program).
SYNCHRONOUS = "FULL"


def default_db_path() -> Path:
    """``ARTETHICS_DB`` if set, else ``~/.artethics/responses.sqlite``."""
    override = os.environ.get("ARTETHICS_DB", "")
    if override:
        return Path(override).expanduser()
    return Path.home() / ".artethics" / "responses.sqlite"


SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lesson TEXT NOT NULL, activity TEXT NOT NULL, kind TEXT NOT NULL,
    student TEXT NOT NULL, data TEXT NOT NULL, recorded_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS responses_by_student ON responses (student, activity, recorded_at);
"""
COLUMNS = "lesson, activity, kind, student, data, recorded_at"
# Databases this process has already switched to WAL and given the table (WAL mode is
# stored in the file; the schema uses IF NOT EXISTS, so a stale entry is harmless).
_READY: set[tuple[int, Path]] = set()


def _prepare(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(SCHEMA)


class Store:
    """The local SQLite store of recorded answers. Each call opens and closes its own
    connection, so a Store can be used from many processes at once."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        if self.path.is_dir():
            raise ValueError(_(
                "{path} is a folder; give the database a file name inside it, e.g. "
                "responses.sqlite.").format(path=self.path))

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
            raise ValueError(_(
                "{path} cannot be used as the answers database ({error}); point "
                "ARTETHICS_DB at another file or move this one aside.").format(
                    path=self.path, error=exc)) from exc
        finally:
            conn.close()

    def add(self, response: Response) -> Response:
        """Store one answer (stamped with the time now if it has none); returns it as stored."""
        stored = response
        if not response.recorded_at:
            stored = dataclasses.replace(response, recorded_at=now_utc())
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"INSERT INTO responses ({COLUMNS}) VALUES (?,?,?,?,?,?)", to_row(stored))
            conn.execute("COMMIT")
        return stored

    def _select(self, where: str = "", args: tuple = (), tail: str = "") -> list[Response]:
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {COLUMNS} FROM responses {where} {tail}", args).fetchall()
        return [from_row(row) for row in rows]

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
        write_atomic(Path(path), payload)
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


def to_row(r: Response) -> tuple:
    data = json.dumps(r.data, sort_keys=True, ensure_ascii=False)
    return (r.lesson, r.activity, r.kind, r.student, data, r.recorded_at)


def from_row(row: tuple) -> Response:
    lesson, activity, kind, student, data, recorded_at = row
    return Response(lesson, activity, kind, student, json.loads(data), recorded_at)


def _insert_new(conn: sqlite3.Connection, response: Response) -> bool:
    row = to_row(response)
    match = " AND ".join(f"{c.strip()} = ?" for c in COLUMNS.split(","))
    if conn.execute(f"SELECT 1 FROM responses WHERE {match} LIMIT 1", row).fetchone():
        return False
    conn.execute(f"INSERT INTO responses ({COLUMNS}) VALUES (?,?,?,?,?,?)", row)
    return True


def _read_export(path: Path) -> tuple[list[Response], list[Problem]]:
    payload, problem = load_json(path)
    if problem:
        return [], [problem]
    items = payload.get("responses") if isinstance(payload, dict) else payload
    if isinstance(payload, dict) and payload.get("format") != EXPORT_FORMAT:
        reason = _('not an answers export (no "format": "{format}").').format(
            format=EXPORT_FORMAT)
        return [], [Problem(str(path), reason)]
    if not isinstance(items, list):
        return [], [Problem(str(path), _('expected a list of answers under "responses".'))]
    good, problems = [], []
    for i, item in enumerate(items):
        try:
            good.append(Response.from_dict(item))
        except (TypeError, ValueError) as exc:
            problems.append(Problem(_("{path} (answer {n})").format(path=path, n=i + 1),
                                    _("skipped: {error}").format(error=exc)))
    return good, problems
