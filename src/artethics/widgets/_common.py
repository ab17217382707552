"""Shared pieces of the widget models: the parameter error, checks and wording.

Nothing here imports ipywidgets or IPython, so the models stay testable on
their own.
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Iterable, Mapping

from artethics.errors import ArtethicsError
from artethics.i18n import N_, _, pgettext
from artethics.kit import PRINCIPLES  # noqa: F401  (re-exported to the widget modules)

STANCES: tuple[str, ...] = ("for", "against")
# What each principle is about, in a few words (the same meanings as data/README.md).
# Marked with N_ here, translated where they are shown (column_meaning).
PRINCIPLE_MEANINGS: dict[str, str] = {
    "consent": N_("permission to use work or identity"),
    "credit": N_("attribution: who is named"),
    "compensation": N_("payment or remedy"),
    "authorship": N_("who made it"),
    "originality": N_("new expression versus imitation"),
    "transparency": N_("saying how it was made and on what data"),
    "access_and_creativity": N_("who can create and enjoy art"),
    "market_and_livelihoods": N_("prices, jobs, competition"),
    "accountability": N_("who answers for harm; rules and enforcement"),
    "cultural_heritage": N_("legacy and tradition"),
}
# A principle id as words for people (English: the id with spaces; see principle_words).
PRINCIPLE_WORDS: dict[str, str] = {
    "consent": N_("consent"),
    "credit": N_("credit"),
    "compensation": N_("compensation"),
    "authorship": N_("authorship"),
    "originality": N_("originality"),
    "transparency": N_("transparency"),
    "access_and_creativity": N_("access and creativity"),
    "market_and_livelihoods": N_("market and livelihoods"),
    "accountability": N_("accountability"),
    "cultural_heritage": N_("cultural heritage"),
}


# The five ethical lenses lesson 00 teaches (the ``lens`` column of data/arguments.csv).
LENSES: tuple[str, ...] = ("consequences", "rights", "fairness", "character", "community")
LENS_WORDS: dict[str, str] = {
    "consequences": N_("consequences"),
    "rights": N_("rights and consent"),
    "fairness": N_("fairness and desert"),
    "character": N_("character and craft"),
    "community": N_("relationships and community"),
}
LENS_MEANINGS: dict[str, str] = {
    "consequences": N_("who is better or worse off"),
    "rights": N_("what people may decide about their own work"),
    "fairness": N_("who did the work, who is credited and paid"),
    "character": N_("what the practice values"),
    "community": N_("ties between people and traditions"),
}
# A weight this high asks the student for a one-line reason.
REASON_FROM = 4
REASON_MAX = 300  # characters: one line, not an essay


def column_words(column: str) -> str:
    """A principle or a lens id as words for people (in the current language)."""
    return lens_words(column) if column in LENS_WORDS else principle_words(column)


def lens_words(lens: str) -> str:
    """A lens id as words for people, in the current language."""
    return _(LENS_WORDS[lens]) if lens in LENS_WORDS else lens


def column_meaning(column: str) -> str:
    """What a principle or a lens is about, in a few words ('' when unknown)."""
    meaning = LENS_MEANINGS.get(column) or PRINCIPLE_MEANINGS.get(column, "")
    return _(meaning) if meaning else ""


def stance_words(stance: str) -> str:
    """'for' / 'against' as a reader reads it, in the current language."""
    if stance == "for":
        return pgettext("stance", "for")
    if stance == "against":
        return pgettext("stance", "against")
    return stance


# Classes that keep MathJax (JupyterLab's, and MathJax 2 in other viewers) away from
# the kit's HTML, so "US$432,500 ... US$7,000" never turns into maths.
NO_MATHS = "mathjax_ignore tex2jax_ignore"


def escape(text: object) -> str:
    """HTML-escaped text with every '$' as '&#36;' (see NO_MATHS)."""
    return html.escape(str(text)).replace("$", "&#36;")


def principle_words(principle: str) -> str:
    """A principle id as words for people: 'access_and_creativity' -> 'access and creativity'
    (in the current language)."""
    if principle in PRINCIPLE_WORDS:
        return _(PRINCIPLE_WORDS[principle])
    return principle.replace("_", " ")


class ParameterError(ArtethicsError, ValueError):
    """A widget parameter (a papermill value or a typed-in entry) is not allowed.

    The message names the parameter, shows the bad value and says what is allowed.
    """


def shown(value: object) -> str:
    """A value as a person reads it: numbers as numbers (28.8, not np.float64(28.8...))."""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return str(int(value))
        try:
            return f"{round(float(value), 2):g}"
        except (TypeError, ValueError):
            pass
    return repr(value)


def fail(parameter: str, value: object, allowed: str) -> ParameterError:
    """Build the kit's standard message: what is wrong and how to fix it."""
    return ParameterError(_("{parameter}={value} is not allowed: {allowed}.").format(
        parameter=parameter, value=shown(value), allowed=allowed))


def check_reason(parameter: str, value: object, limit: int = REASON_MAX) -> str:
    """A one-line reason: text, at most ``limit`` characters ('' means none yet)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise fail(parameter, value, _("write the reason as text in one line"))
    text = " ".join(value.split())
    if len(text) > limit:
        raise ParameterError(_("{parameter} is {length} characters long: keep it to "
                               "at most {limit} characters.").format(
            parameter=parameter, length=len(text), limit=limit))
    return text


def list_allowed(values: Iterable[str], limit: int = 12) -> str:
    """A short, sorted, quoted list of allowed values for an error message."""
    items = sorted(values)
    shown = ", ".join(repr(v) for v in items[:limit])
    if len(items) > limit:
        shown += _(", … ({n} in all)").format(n=len(items))
    return shown


def check_int(parameter: str, value: object, low: int, high: int) -> int:
    """A whole number from low to high (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise fail(parameter, value, _("use a whole number from {low} to {high}").format(
            low=low, high=high))
    if not low <= int(value) <= high:
        raise fail(parameter, value, _("use a whole number from {low} to {high}").format(
            low=low, high=high))
    return int(value)


def check_choice(parameter: str, value: object, allowed: Iterable[str]) -> str:
    """One of a fixed set of strings."""
    options = tuple(allowed)
    if not isinstance(value, str) or value not in options:
        raise fail(parameter, value, _("use one of {values}").format(
            values=list_allowed(options)))
    return value


def check_text(parameter: str, value: object) -> str:
    """A non-empty piece of text (surrounding spaces are removed)."""
    if not isinstance(value, str) or not value.strip():
        raise fail(parameter, value, _("write some text (it must not be empty)"))
    return value.strip()


def check_mapping(parameter: str, value: object, example: str) -> Mapping:
    """A dict (papermill passes JSON objects as dicts)."""
    if not isinstance(value, Mapping):
        raise fail(parameter, value, _("give a dict such as {example}").format(
            example=example))
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
            _("{parameter} lacks the column(s) {columns}: pass the kit's table "
              "(artethics.data.load) or one with these columns.").format(
                parameter=parameter, columns=", ".join(missing))
        )
