"""Exercise checks: one deterministic verdict line, a hint, never the answer.

A checker is a function ``answer -> Verdict``, registered under an exercise id
(``<case>.<name>``) with :func:`exercise`. Notebooks call :func:`check`, which
prints the verdict line and never raises for a wrong or missing answer.
Expected values are computed from ``data/`` by the checkers, not typed in.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

OK_MARK = "✔"
FAIL_MARK = "✘"


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check. ``ok`` is False for a wrong and for a missing answer."""

    exercise: str
    ok: bool
    message: str
    hint: str = ""

    def line(self) -> str:
        mark = OK_MARK if self.ok else FAIL_MARK
        text = f"{mark} {self.exercise}: {self.message}"
        if not self.ok and self.hint:
            text += f" Hint: {self.hint}"
        return text


@dataclass(frozen=True)
class Exercise:
    id: str
    summary: str
    checker: Callable[[Any], Verdict]


_REGISTRY: dict[str, Exercise] = {}
_LOADED = False


def exercise(exercise_id: str, summary: str) -> Callable:
    """Register ``fn(answer) -> (ok, message, hint)`` or ``-> Verdict`` under ``exercise_id``."""

    def register(fn: Callable) -> Callable:
        if exercise_id in _REGISTRY:
            raise ValueError(f"exercise id {exercise_id!r} is registered twice")

        def checker(answer: Any) -> Verdict:
            if is_missing(answer):
                return Verdict(exercise_id, False, "no answer yet.", _missing_hint(summary))
            result = fn(answer)
            if isinstance(result, Verdict):
                return result
            ok, message, hint = result
            return Verdict(exercise_id, bool(ok), message, hint)

        _REGISTRY[exercise_id] = Exercise(exercise_id, summary, checker)
        return fn

    return register


def _missing_hint(summary: str) -> str:
    return f"Replace the None in the answer cell above: {summary}"


def is_missing(answer: Any) -> bool:
    """None, Ellipsis, an empty string or an empty collection count as no answer."""
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple, set, dict)):
        return len(answer) == 0
    return False


def _load_all() -> None:
    global _LOADED
    if _LOADED:
        return
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _LOADED = True


def registry() -> dict[str, Exercise]:
    """Every registered exercise, by id (loads the case modules on first use)."""
    _load_all()
    return dict(sorted(_REGISTRY.items()))


def evaluate(exercise_id: str, answer: Any) -> Verdict:
    """The verdict, without printing. Unknown ids raise ``KeyError`` with the known ones."""
    exercises = registry()
    if exercise_id not in exercises:
        known = ", ".join(exercises) or "none"
        raise KeyError(f"no exercise {exercise_id!r}; known exercises: {known}")
    try:
        return exercises[exercise_id].checker(answer)
    except Exception as exc:  # a malformed answer must give a verdict, not a traceback
        return Verdict(
            exercise_id,
            False,
            f"the answer could not be checked ({type(exc).__name__}).",
            "Check the type of your answer: compare it with what the exercise asks for.",
        )


def check(exercise_id: str, answer: Any) -> None:
    """Print the verdict line for ``answer``. Never raises for a wrong or missing answer."""
    print(evaluate(exercise_id, answer).line())


# Helpers the case modules share -------------------------------------------------


def as_number(answer: Any) -> float | None:
    """A real number from an int/float/numpy scalar, or None (bools are not numbers)."""
    if isinstance(answer, bool):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def close(answer: Any, expected: float, rel: float = 0.01, abs_: float = 0.0) -> bool:
    value = as_number(answer)
    return value is not None and math.isclose(value, expected, rel_tol=rel, abs_tol=abs_)
