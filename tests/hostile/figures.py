"""The figures of the hostile tests (issue 11): counted while the tests run, printed by
test_hostile_zz_figures.py at the end of the session (``pytest -s tests/hostile``)."""

from __future__ import annotations

from collections import Counter

COUNTS: Counter = Counter()


def tried(group: str, n: int = 1) -> None:
    COUNTS["inputs tried", group] += n


def clear(group: str, n: int = 1) -> None:
    COUNTS["clear errors", group] += n


def planned(group: str, n: int = 1) -> None:
    COUNTS["readable, run in the sandbox", group] += n


def bad(kind: str, n: int = 1) -> None:
    """kind: 'tracebacks', 'forged passes', 'files changed outside', 'orphaned processes'."""
    COUNTS[kind, "total"] += n
