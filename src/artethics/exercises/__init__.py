"""Exercise checks: one deterministic verdict line, a hint, never the answer.

A checker is a function ``answer -> Verdict``, registered under an exercise id
(``<case>.<name>``) with :func:`exercise`. Notebooks call :func:`check`, which
prints the verdict line and never raises for a wrong or missing answer.
Expected values are computed from ``data/`` by the checkers, not typed in.
"""

from __future__ import annotations

import importlib
import math
import os
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from artethics.i18n import _
from artethics.text import HAN, text_length  # noqa: F401  (re-exported: the exercises use them)

OK_MARK = "✔"
FAIL_MARK = "✘"


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check. ``ok`` is False for a wrong and for a missing answer."""

    exercise: str
    ok: bool
    message: str
    hint: str = ""
    missing: bool = False  # no answer was given (whatever the language of the message)

    def line(self) -> str:
        """The verdict line in the current language (checkers write the message and hint
        in the language of the lesson)."""
        mark = OK_MARK if self.ok else FAIL_MARK
        if not self.ok and self.hint:
            return _("{mark} {exercise}: {message} Hint: {hint}").format(
                mark=mark, exercise=self.exercise, message=self.message, hint=self.hint)
        return _("{mark} {exercise}: {message}").format(
            mark=mark, exercise=self.exercise, message=self.message)


@dataclass(frozen=True)
class Exercise:
    id: str
    summary: str | Callable[[], str]
    checker: Callable[[Any], Verdict]


_REGISTRY: dict[str, Exercise] = {}
_LOADED = False


def exercise(exercise_id: str, summary: str | Callable[[], str], *,
             needs_student: bool = False) -> Callable:
    """Register ``fn(answer) -> (ok, message, hint)`` or ``-> Verdict`` under ``exercise_id``.

    ``summary`` says what the answer should be (for the hint on a blank answer): English
    marked with ``N_`` and translated when shown, or a function that gives the text in
    the current language.

    With ``needs_student`` the function is called as ``fn(answer, student)``: the check
    cell passes ``student=student`` (the steelman reads the student's own poll answer).
    """

    def register(fn: Callable) -> Callable:
        if exercise_id in _REGISTRY:
            raise ValueError(f"exercise id {exercise_id!r} is registered twice")

        def checker(answer: Any, student: str | None = None) -> Verdict:
            if is_missing(answer):
                return Verdict(exercise_id, False, _("no answer yet."), _missing_hint(summary),
                               missing=True)
            result = fn(answer, student) if needs_student else fn(answer)
            if isinstance(result, Verdict):
                return result
            ok, message, hint = result
            return Verdict(exercise_id, bool(ok), message, hint)

        _REGISTRY[exercise_id] = Exercise(exercise_id, summary, checker)
        return fn

    return register


def _missing_hint(summary: str | Callable[[], str]) -> str:
    # One hint for every blank answer cell: a None placeholder or a prose skeleton.
    text = summary() if callable(summary) else _(summary)
    return _("Replace the None in the answer cell above, or write between its empty "
             "quotes: {summary}").format(summary=text)


# A length asked for in English words, asked of a Chinese text: about 1.6 characters (字) a
# word, as the Chinese lessons give it (see chinese_range).
CHARS_PER_WORD = 1.6


def chinese_range(low: int, high: int) -> tuple[int, int]:
    """A range of English words as a range of Chinese characters: the lower bound rounded
    up to a ten (never asking for less than the words' worth), the upper one to the nearest
    ten, which gives the ranges the Chinese lessons state (200–320 字 for 120–200 words,
    240–400 for 150–250, 40–190 for 25–120)."""
    least = math.ceil(round(low * CHARS_PER_WORD, 6) / 10) * 10
    return least, int(round(high * CHARS_PER_WORD, -1))


def is_missing(answer: Any) -> bool:
    """None, Ellipsis, an empty string or an empty collection count as no answer; so does
    a prose skeleton as the student copy gives it (an empty triple-quoted string, or a
    dict whose every value is empty)."""
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, dict):
        return all(is_missing(value) for value in answer.values())
    if isinstance(answer, (list, tuple, set)):
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


def evaluate(exercise_id: str, answer: Any, *, student: str | None = None) -> Verdict:
    """The verdict, without printing. Unknown ids raise ``KeyError`` with the known ones.
    ``student`` reaches only the exercises registered with ``needs_student``."""
    exercises = registry()
    if exercise_id not in exercises:
        known = ", ".join(exercises) or "none"
        raise KeyError(f"no exercise {exercise_id!r}; known exercises: {known}")
    try:
        return exercises[exercise_id].checker(answer, student)
    except Exception as exc:  # a malformed answer must give a verdict, not a traceback
        return Verdict(
            exercise_id,
            False,
            _("the answer could not be checked ({error}).").format(error=type(exc).__name__),
            _("Check the type of your answer: compare it with what the exercise asks for."),
        )


# nbgrader sets this variable while it executes a notebook, in its own process and so in
# the kernel it starts: "autograde" under `nbgrader autograde` (command line and
# formgrader alike), "validate" under `nbgrader validate` (the Validate button).
NBGRADER_EXECUTION = "NBGRADER_EXECUTION"
GRADED_RUNS = frozenset({"autograde", "validate"})


def graded_run() -> bool:
    """True while nbgrader autogrades (or validates) the notebook: a failed check must then
    raise, so that nbgrader scores its test cell zero."""
    return os.environ.get(NBGRADER_EXECUTION, "") in GRADED_RUNS


def check(exercise_id: str, answer: Any, *, student: str | None = None) -> None:
    """Print the verdict line for ``answer``. Never raises for a wrong or missing answer,
    except under nbgrader's autograde (or validate), where a failed check raises
    ``AssertionError`` after printing its line: nbgrader gives a check cell its points
    when it runs without an error, and none when it raises."""
    verdict = evaluate(exercise_id, answer, student=student)
    print(verdict.line())
    if not verdict.ok and graded_run():
        failed = AssertionError(_("{exercise} does not pass yet (see the line above).").format(
            exercise=exercise_id))
        # IPython shows this one line instead of a traceback through the kit's code
        # (nbgrader's feedback page would otherwise show this file's path and source).
        failed._render_traceback_ = lambda: [f"AssertionError: {failed}"]  # type: ignore[attr-defined]
        raise failed


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


def unreadable_number(what: str, sign: str | None = None) -> tuple[str, str]:
    """The (message template, hint) for an answer that is not one number, as
    :func:`number_verdict` takes it (``{type}`` becomes the answer's type name).
    ``what`` and ``sign`` are in the current language (``sign`` defaults to a % sign)."""
    sign = _("a % sign") if sign is None else sign
    return (_("a {type} is not a number."),
            _("Give one number ({what}), without {sign} or quotation marks.").format(
                what=what, sign=sign))


Predicate = Callable[[float], bool]


def near(target: float, rel: float = 0.01, abs_: float = 0.0) -> Predicate:
    """A test for :func:`number_verdict`: the answer is :func:`close` to ``target``
    (never true when ``target`` could not be computed, i.e. is NaN)."""
    return lambda value: close(value, target, rel, abs_)


def within(target: float, tolerance: float) -> Predicate:
    """A test for :func:`number_verdict`: the answer is at most ``tolerance`` from
    ``target`` (never true for a NaN target)."""
    return lambda value: abs(value - target) <= tolerance


def number_verdict(answer: Any, *, right: Predicate, ok: str, wrong: str, otherwise: str,
                   unreadable: tuple[str, str],
                   mistakes: Sequence[tuple[Predicate, str] | tuple[Predicate, str, str]] = (),
                   also_right: Sequence[tuple[Predicate, str]] = ()):
    """The (ok, message, hint) verdict on an answer that should be one number.

    In order: an answer :func:`as_number` cannot read gets ``unreadable`` (a message
    template, where ``{type}`` and ``{answer!r}`` stand for the answer's type name and
    repr, and a hint); a value passing ``right`` gets ``ok``; the first
    ``(test, message)`` of ``also_right`` that passes gets its own message (a right
    answer in another unit, say); the first ``(test, hint)`` of ``mistakes`` that
    passes gets ``wrong`` and its hint (a third item replaces ``wrong``); any other
    value gets ``wrong`` and ``otherwise``. No text is built from the expected value.
    """
    value = as_number(answer)
    if value is None:
        template, hint = unreadable
        return False, template.format(type=type(answer).__name__, answer=answer), hint
    if right(value):
        return True, ok, ""
    for test, message in also_right:
        if test(value):
            return True, message, ""
    for test, hint, *message in mistakes:
        if test(value):
            return False, (message[0] if message else wrong), hint
    return False, wrong, otherwise


def pandas_container_verdict(answer: Any, what: str | None = None):
    """A (False, message, hint) verdict when ``answer`` is a pandas table or column, else None.

    Students often hand over a one-row Series (from ``.loc[...]``) or a whole DataFrame
    where one value was asked for; say so and how to take the value out.
    """
    kind = type(answer).__name__
    what = _("one number") if what is None else what
    if kind == "DataFrame":
        return (False, _("got a whole table (DataFrame), not {what}.").format(what=what),
                _("Select the column you need, then take the value(s) out of it."))
    if kind in ("Series", "Index"):
        return (False, _("got a pandas {kind} (a column of values), not {what}.").format(
                    kind=kind, what=what),
                _("Take the single value out, e.g. with .iloc[0], or index the table by its id "
                  "column first (.set_index('event_id') or 'fact_id') so a lookup gives one "
                  "value."))
    return None


def as_days(answer: Any) -> float | None:
    """A number of days from a number, a pandas/NumPy/datetime timedelta, else None."""
    days = getattr(answer, "days", None)
    if days is not None and not callable(days):
        seconds = getattr(answer, "seconds", 0) or 0
        return float(days) + float(seconds) / 86400
    return as_number(answer)


def days_verdict(answer: Any, expected: int, mistakes: dict[int, str], generic: str,
                 right: str | None = None):
    """Check a whole number of days: tables, non-numbers and negative counts get their own
    verdicts; a wrong count gets ``mistakes[count]`` as its hint, else ``generic``."""
    container = pandas_container_verdict(answer, _("a number of days"))
    if container:
        return container
    value = as_days(answer)
    if value is None:
        return (False, _("got {type}, not a number of days.").format(type=type(answer).__name__),
                _("Give a whole number of days, e.g. the .days of a date difference."))
    if value == expected:
        return True, (_("right: that is the gap the dates in events.csv allow.")
                      if right is None else right), ""
    if value < 0:
        return False, _("a negative number of days."), _("Subtract the earlier date from the "
                                                         "later one.")
    return False, _("not the right number of days."), mistakes.get(int(value), generic)


def text_items(answer: Any, *, single: bool = False) -> list[str] | None:
    """The items of a list-like answer as sorted, stripped strings (order never matters).

    None for a table, for a non-iterable and for a lone string, unless ``single`` allows
    a lone string as a one-item list.
    """
    if hasattr(answer, "columns"):
        return None
    if isinstance(answer, str | bytes):
        return [answer] if single and isinstance(answer, str) else None
    try:
        return sorted(str(item).strip() for item in answer)
    except TypeError:
        return None
