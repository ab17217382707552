"""``record()``: one answer into the notebook, the local database and the class folder."""

from __future__ import annotations

import dataclasses
import os
import sqlite3

from artethics.i18n import N_, _

from .folder import write_class_folder
from .notebook import response_bundle, show_bundle
from .pseudonyms import pseudonym, pseudonym_salt
from .record import Response, now_utc
from .store import Store

# Marked with N_; shown with _() (the places are keys in what record() returns).
_PLACES = {"notebook": N_("this notebook"), "database": N_("the local database"),
           "class folder": N_("the class folder")}
# The line record() shows; show.confirmation() reads it back in any language.
RECORDED = N_("Recorded {activity} for {student}: {where}")


def _join(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("{items} and {last}").format(items=_(", ").join(words[:-1]), last=words[-1])


def summary_line(response: Response, saved: list[str], failed: dict[str, str]) -> str:
    """'Recorded <activity> for <student>: saved in ...' (plus what failed and why), in
    the current language."""
    where = (_("saved in {places}").format(places=_join([_(_PLACES[p]) for p in saved]))
             if saved else _("NOT saved anywhere"))
    line = _(RECORDED).format(activity=response.activity, student=response.student,
                              where=where)
    for place, reason in sorted(failed.items()):
        line = _("{line}. Not saved in {place}: {reason}").format(
            line=line, place=_(_PLACES[place]), reason=reason)
    return line


def _short_reason(exc: BaseException) -> str:
    """A reason without paths (the displayed line must not carry local paths)."""
    cause = exc.__cause__ or exc
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    if isinstance(cause, sqlite3.Error):
        return str(cause)
    return _("the file given by ARTETHICS_DB cannot be used")


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
        raise TypeError(_("record() needs a Response, got {type}.").format(
            type=type(response).__name__))
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
        show_bundle(response_bundle(shared, summary_line(shared, saved, failed)), handle)
    if not saved:
        raise OSError(summary_line(shared, saved, failed))
    return saved


def latest(activity: str, student: str) -> Response | None:
    """The newest answer of ``student`` to ``activity`` in the local database, or None."""
    return Store().latest(activity, student)
