"""One recorded answer (:class:`Response`) and its validation; what could not be read
(:class:`Problem`)."""

from __future__ import annotations

import dataclasses
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from artethics.i18n import _

MIME = "application/vnd.artethics.response+json"
KINDS = frozenset({"balance", "matrix", "poll", "lens", "reflection", "policy", "exercise"})
EXPORT_FORMAT = "artethics-responses"

_LESSON_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_ACTIVITY_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
_FIELDS = ("lesson", "activity", "kind", "student", "data")


class Problem(NamedTuple):
    """Something that could not be read, with where it is and why, in plain words."""

    path: str
    reason: str



def _check_json(value: Any, where: str) -> None:
    """Raise ValueError naming the first part of ``value`` that JSON cannot hold."""
    if isinstance(value, str):
        _check_utf8(value, where)
        return
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(_("{where} is {value}; JSON holds only finite numbers.").format(
                where=where, value=repr(value)))
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check_json(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(_("{where} has the key {key}; JSON keys must be text "
                                   "(str).").format(where=where, key=repr(key)))
            _check_utf8(key, f"a key of {where}")
            _check_json(item, f"{where}[{key!r}]")
        return
    raise ValueError(_(
        "{where} is a {type}, which JSON cannot hold; use text, numbers, True/False, None, "
        "lists and dicts only.").format(where=where, type=type(value).__name__))


def _check_utf8(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(_("{where} holds a character that is not valid text (a lone "
                           "surrogate); retype it.").format(where=where)) from None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _number_map(value: Any) -> bool:
    return isinstance(value, dict) and all(_number(v) for v in value.values())


# The types of the data fields the class dashboard reads (any kind): an answer whose field
# holds another type (a list where text belongs, True as a number) is refused.
DATA_TYPES: dict[str, tuple[Any, str]] = {
    "case": (lambda v: isinstance(v, str), "text"),
    "when": (lambda v: isinstance(v, str), "text"),
    "stance": (lambda v: isinstance(v, str), "text"),
    "text": (lambda v: isinstance(v, str), "text"),
    "confidence": (_number, "a number"),
    "position": (_number, "a number"),
    "ok": (lambda v: isinstance(v, bool), "true or false"),
    "passed": (lambda v: isinstance(v, bool), "true or false"),
    "complete": (lambda v: isinstance(v, bool), "true or false"),
    "policy": (_text_map, "an object of texts"),
    "by_principle": (_number_map, "an object of numbers"),
    "by_lens": (_number_map, "an object of numbers"),
    "totals": (_number_map, "an object of numbers"),
    "own": (lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v),
            "a list of objects"),
    # what the widgets ask "why" with (issue 13): the balance, the after-poll, the lens
    "reasons": (_text_map, "an object of texts"),
    "reasons_missing": (lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
                        "a list of texts"),
    "reason": (lambda v: isinstance(v, str), "text"),
    "reason_prompt": (lambda v: isinstance(v, str), "text"),
    "before": (lambda v: isinstance(v, dict) and isinstance(v.get("stance"), str),
               "an object with a stance"),
    "shift": (_number, "a number"),
    "questions": (_text_map, "an object of texts"),
    "answers": (_text_map, "an object of texts"),
    "columns": (lambda v: isinstance(v, str), "text"),
    "decision": (lambda v: isinstance(v, str), "text"),
    "ratings": (lambda v: isinstance(v, dict) and all(_number_map(r) for r in v.values()),
                "an object of objects of numbers"),
}


def _check_data_types(data: dict) -> None:
    for key, (ok, what) in DATA_TYPES.items():
        if key in data and data[key] is not None and not ok(data[key]):
            raise ValueError(f"data[{key!r}] is a {type(data[key]).__name__}; it must be {what}.")


def _normal_time(value: Any) -> str:
    """'' or an ISO 8601 time, returned in UTC with microseconds (sortable as text)."""
    if value in ("", None):
        return ""
    if not isinstance(value, str):
        raise ValueError(_("recorded_at is {value}; expected an ISO 8601 time as text.").format(
            value=repr(value)))
    if len(value) > 64:
        raise ValueError(_("recorded_at is too long to be an ISO 8601 time."))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(_("recorded_at {value} is not an ISO 8601 time.").format(
            value=repr(value))) from None
    if moment.tzinfo is None:
        raise ValueError(_("recorded_at {value} has no time zone; add +00:00 for UTC.").format(
            value=repr(value)))
    try:
        return moment.astimezone(UTC).isoformat(timespec="microseconds")
    except OverflowError:
        raise ValueError(_("recorded_at {value} is outside the years a time can hold.").format(
            value=repr(value))) from None


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
        if not isinstance(self.kind, str) or self.kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            raise ValueError(_("kind {kind} is unknown; use one of {known}.").format(
                kind=repr(self.kind), known=known))
        if not isinstance(self.student, str) or not self.student.strip():
            raise ValueError(_(
                "student is empty; set `student` in the parameters cell to your name or "
                "pseudonym (or 'anonymous')."
            ))
        _check_utf8(self.student, "student")
        if not isinstance(self.data, dict):
            raise ValueError(_("data is a {type}; it must be a dict.").format(
                type=type(self.data).__name__))
        try:
            _check_json(self.data, "data")
            _check_data_types(self.data)
            copied = json.loads(json.dumps(self.data))
        except RecursionError:
            raise ValueError(_("data is nested too deeply to be an answer.")) from None
        object.__setattr__(self, "student", unicodedata.normalize("NFC", self.student.strip()))
        object.__setattr__(self, "data", copied)
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
            raise ValueError(_("an answer must be a JSON object, found {type}.").format(
                type=type(raw).__name__))
        missing = [name for name in _FIELDS if name not in raw]
        if missing:
            raise ValueError(_("the answer lacks the field(s) {fields}.").format(
                fields=", ".join(missing)))
        unknown = sorted(set(raw) - set(_FIELDS) - {"recorded_at"})
        if unknown:
            raise ValueError(_("the answer has unknown field(s) {fields}.").format(
                fields=", ".join(unknown)))
        return cls(**raw)

    def with_student(self, student: str) -> Response:
        return dataclasses.replace(self, student=student)

    def sort_key(self) -> tuple:
        data = json.dumps(self.data, sort_keys=True, ensure_ascii=False)
        return (self.lesson, self.activity, self.student, self.recorded_at, self.kind, data)


def _check_text(name: str, value: Any, pattern: re.Pattern, example: str) -> None:
    if not isinstance(value, str) or not pattern.match(value):
        raise ValueError(_(
            "{name} {value} is not valid: use lowercase letters, digits and '_' ({example})."
        ).format(name=name, value=repr(value), example=example))


def sorted_responses(responses: Iterable[Response]) -> list[Response]:
    """Responses in one deterministic order (lesson, activity, student, time, content)."""
    return sorted(responses, key=Response.sort_key)
