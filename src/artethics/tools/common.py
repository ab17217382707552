"""What every tool shares: how many worker processes to start, and the slow-import guard."""

from __future__ import annotations

import os
import sys


def default_jobs() -> int:
    """Worker processes to start by default: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def block_slow_optional_imports() -> None:
    """Skip the optional ``rfc3987_syntax`` import (1–1.5 s in every process).

    jupyter-events pulls in jsonschema's format checkers; jsonschema imports
    ``rfc3987_syntax`` only to offer the "iri"/"iri-reference" format check and
    silently drops that one check when the import fails. A ``None`` entry in
    ``sys.modules`` makes the import fail at once. Called only in the tools' own
    worker processes, never on import, so nobody else's jsonschema changes.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
