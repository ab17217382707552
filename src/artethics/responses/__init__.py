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

The package is split by job: :mod:`.record` (the answer and its checks), :mod:`.pseudonyms`,
:mod:`.store` (SQLite: schema, rows, export), :mod:`.folder` (the class folder),
:mod:`.notebook` (outputs in the notebook) and :mod:`.recording` (``record``, ``latest``).
Every name below is importable from ``artethics.responses`` as before.
"""

from __future__ import annotations

from .folder import class_folder_path, read_class_folder, write_class_folder
from .notebook import display_slot, response_bundle, responses_in_notebook
from .pseudonyms import pseudonym, pseudonym_salt, student_key
from .record import EXPORT_FORMAT, KINDS, MIME, Problem, Response, now_utc, sorted_responses
from .recording import latest, record, summary_line
from .store import (
    BUSY_TIMEOUT_S,
    COLUMNS,
    EXPORT_VERSION,
    SCHEMA,
    SYNCHRONOUS,
    Store,
    default_db_path,
    from_row,
    to_row,
)

__all__ = [
    "BUSY_TIMEOUT_S", "COLUMNS", "EXPORT_FORMAT", "EXPORT_VERSION", "KINDS", "MIME", "SCHEMA",
    "SYNCHRONOUS", "Problem", "Response", "Store", "class_folder_path", "default_db_path",
    "display_slot", "from_row", "latest", "now_utc", "pseudonym", "pseudonym_salt",
    "read_class_folder", "record", "response_bundle", "responses_in_notebook",
    "sorted_responses", "student_key", "summary_line", "to_row", "write_class_folder",
]
