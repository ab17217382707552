"""Shared pieces of the widget models: the parameter error, checks and wording.

Nothing here imports ipywidgets or IPython, so the models stay testable on
their own.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping

from artethics.errors import ArtethicsError
from artethics.kit import PRINCIPLES  # noqa: F401  (re-exported to the widget modules)

STANCES: tuple[str, ...] = ("for", "against")
# What each principle is about, in a few words (the same meanings as data/README.md).
PRINCIPLE_MEANINGS: dict[str, str] = {
    "consent": "permission to use work or identity",
    "credit": "attribution: who is named",
    "compensation": "payment or remedy",
    "authorship": "who made it",
    "originality": "new expression versus imitation",
    "transparency": "saying how it was made and on what data",
    "access_and_creativity": "who can create and enjoy art",
    "market_and_livelihoods": "prices, jobs, competition",
    "accountability": "who answers for harm; rules and enforcement",
    "cultural_heritage": "legacy and tradition",
}


def principle_words(principle: str) -> str:
    """A principle id as words for people: 'access_and_creativity' -> 'access and creativity'."""
    return principle.replace("_", " ")


class ParameterError(ArtethicsError, ValueError):
    """A widget parameter (a papermill value or a typed-in entry) is not allowed.

    The message names the parameter, shows the bad value and says what is allowed.
    """


def fail(parameter: str, value: object, allowed: str) -> ParameterError:
    """Build the kit's standard message: what is wrong and how to fix it."""
    return ParameterError(f"{parameter}={value!r} is not allowed: {allowed}.")


def list_allowed(values: Iterable[str], limit: int = 12) -> str:
    """A short, sorted, quoted list of allowed values for an error message."""
    items = sorted(values)
    shown = ", ".join(repr(v) for v in items[:limit])
    if len(items) > limit:
        shown += f", … ({len(items)} in all)"
    return shown


def check_int(parameter: str, value: object, low: int, high: int) -> int:
    """A whole number from low to high (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise fail(parameter, value, f"use a whole number from {low} to {high}")
    if not low <= int(value) <= high:
        raise fail(parameter, value, f"use a whole number from {low} to {high}")
    return int(value)


def check_choice(parameter: str, value: object, allowed: Iterable[str]) -> str:
    """One of a fixed set of strings."""
    options = tuple(allowed)
    if not isinstance(value, str) or value not in options:
        raise fail(parameter, value, f"use one of {list_allowed(options)}")
    return value


def check_text(parameter: str, value: object) -> str:
    """A non-empty piece of text (surrounding spaces are removed)."""
    if not isinstance(value, str) or not value.strip():
        raise fail(parameter, value, "write some text (it must not be empty)")
    return value.strip()


def check_mapping(parameter: str, value: object, example: str) -> Mapping:
    """A dict (papermill passes JSON objects as dicts)."""
    if not isinstance(value, Mapping):
        raise fail(parameter, value, f"give a dict such as {example}")
    return value


def split_ids(source_ids: object) -> tuple[str, ...]:
    """The ";"-separated source ids of a table row, cleaned and in order."""
    from artethics.sources import split_ids as split

    return tuple(split(source_ids))


def citation(ids: Iterable[str]) -> str:
    """One citation line via ``artethics.sources.cite``; the bare ids if it is missing."""
    ids = tuple(ids)
    if not ids:
        return ""
    from artethics.sources import cite

    return cite(*ids)


def signed(number: float, digits: int = 0) -> str:
    """A number with an explicit sign (+3, -2, 0), so colour is never needed."""
    if digits == 0:
        value = int(round(number))
        return f"{value:+d}" if value else "0"
    text = f"{number:+.{digits}f}"
    return "0" if float(text) == 0 else text


def require_columns(parameter: str, frame, columns: Iterable[str]) -> None:
    """Fail clearly when a table lacks columns the model needs."""
    missing = sorted(set(columns) - set(frame.columns))
    if missing:
        raise ParameterError(
            f"{parameter} lacks the column(s) {', '.join(missing)}: "
            f"pass the kit's table (artethics.data.load) or one with these columns."
        )
