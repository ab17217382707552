"""Reading a submitted notebook and telling which lesson it is."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from artethics import i18n
from artethics.i18n import _
from artethics.tools.manifest import CheckError

MAX_BYTES = 50 << 20  # a lesson notebook with its figures is a few MB


def special_file(path: str | Path) -> str:
    """Why ``path`` is not a regular file that can be read (FIFO, device, ...), or ""."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _("it cannot be opened ({reason})").format(
            reason=exc.strerror or type(exc).__name__)
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return _("it is a folder")
    kind = (_("a named pipe (FIFO)") if stat.S_ISFIFO(mode) else
            _("a device") if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            _("a socket") if stat.S_ISSOCK(mode) else _("not a regular file"))
    return _("it is {kind}, not a file, so it was skipped").format(kind=kind)


def read_bytes(path: str | Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; :class:`CheckError` for anything else."""
    why = special_file(path)
    if why:
        raise CheckError(_("{path} cannot be read: {why}.").format(path=path, why=why))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise CheckError(_("{path} cannot be read ({reason}). Check that the file exists and "
                           "that you may read it.").format(
                               path=path, reason=exc.strerror or type(exc).__name__)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced after the check above
            raise CheckError(_("{path} cannot be read: it is not a regular file.").format(
                path=path))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise CheckError(_("{path} cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or type(exc).__name__)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise CheckError(_("{path} is larger than {mb} MB, far more than a lesson notebook; "
                           "it was not read. Clear large outputs (Edit → Clear Outputs of All "
                           "Cells), save and submit again.").format(path=path, mb=limit >> 20))
    return data


def read_notebook(path: str | Path) -> dict:
    """The notebook as a dict, or :class:`CheckError` saying what is wrong with the file."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise CheckError(_("There is no file at {path}. Check the path (and that the file "
                           "was saved where you think).").format(path=path))
    try:
        text = read_bytes(p, MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise CheckError(_("The file is not text, so it is not a Jupyter notebook. Submit the "
                           ".ipynb file that JupyterLab saves (File → Save Notebook), not an "
                           "export or a screenshot.")) from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckError(_(
            "The file is not valid notebook JSON ({error} at line {line}, column {column}); "
            "it was probably cut off or damaged while saving or uploading. Open your own copy "
            "in JupyterLab, save it again and resubmit that file.").format(
                error=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise CheckError(_(
            "The file is JSON that no notebook holds (nested too deeply or a number too long: "
            "{error}). Open your own copy in JupyterLab, save it again and resubmit that "
            "file.").format(error=type(exc).__name__)) from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CheckError(_("The file is JSON but not a Jupyter notebook (it has no list of "
                           "cells). Submit the lesson's .ipynb file itself."))
    if nb.get("nbformat") != 4:
        raise CheckError(_("The notebook uses format version {version}; the kit needs version "
                           "4. Open it in JupyterLab 4 and save it again.").format(
                               version=_short(nb.get("nbformat"))))
    return nb


def notebook_language(nb: dict) -> str:
    """The notebook's language (its metadata ``artethics.lang``), as one of the kit's
    languages: what its report is written in. English when it names none, or one the kit
    does not have."""
    stated = _dict(_dict(nb.get("metadata")).get("artethics")).get("lang", i18n.DEFAULT)
    try:
        return i18n.normalise(stated if isinstance(stated, str) else None)
    except i18n.LanguageError:
        return i18n.DEFAULT


def _lesson_in_name(path: str, lessons: Iterable[str]) -> str:
    stem = Path(path).stem
    found = [lesson for lesson in lessons if lesson in stem]
    return max(found, key=len) if found else ""


def _lesson_of_exercises(nb: dict, manifest: dict) -> str:
    """The one lesson whose checked exercises the notebook's answer/check cells name, or ""."""
    found = {cell_role(c)[1] for c in nb["cells"]} - {""}
    owners = [lesson for lesson, entry in sorted(manifest["lessons"].items())
              if found & {c.get("exercise") for c in entry.get("checks", [])}]
    return owners[0] if len(owners) == 1 else ""


def identify_lesson(nb: dict, path: str, manifest: dict, expected: str = "") -> str:
    """The notebook's lesson id; :class:`CheckError` when unknown or not the lesson expected.

    The lesson is the one in the notebook's metadata, else the one whose exercises its
    cells hold, else the one its file name names.
    """
    lessons = sorted(manifest["lessons"])
    meta = _dict(_dict(nb.get("metadata")).get("artethics"))
    stated = meta.get("lesson", "")
    if not isinstance(stated, str):
        raise CheckError(_("The notebook's artethics lesson is {type}, not a lesson id. Start "
                           "again from the lesson's own student notebook.").format(
                               type=type(stated).__name__))
    named = _lesson_in_name(path, lessons)
    lesson = stated or _lesson_of_exercises(nb, manifest) or named
    known = ", ".join(lessons)
    if not lesson:
        raise CheckError(_("The notebook does not say which lesson it is (no artethics lesson "
                           "in its metadata, and the file name names none). Known lessons: "
                           "{known}. Start again from the lesson's own student "
                           "notebook.").format(known=known))
    if lesson not in manifest["lessons"]:
        raise CheckError(_("The notebook says it is lesson {lesson!r}, which this kit does not "
                           "have. Known lessons: {known}. Check that you opened the kit's "
                           "notebook, and that your kit is up to date.").format(
                               lesson=lesson, known=known))
    wanted = expected or named
    if wanted and wanted != lesson:
        raise CheckError(_("This is the notebook of lesson {lesson!r}, but lesson {wanted!r} "
                           "was expected (from the file name or --lesson). Submit the notebook "
                           "of lesson {wanted!r}, or rename the file if it was "
                           "misnamed.").format(lesson=lesson, wanted=wanted))
    return lesson


def _short(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = type(value).__name__
    return text if len(text) <= 20 else text[:20] + "…"


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def cell_role(cell: object) -> tuple[str, str]:
    """(role, exercise) from the cell's artethics metadata; ("", "") when malformed."""
    meta = _dict(_dict(_dict(cell).get("metadata")).get("artethics"))
    role, exercise = meta.get("role", ""), meta.get("exercise", "")
    return (role if isinstance(role, str) else "", exercise if isinstance(exercise, str) else "")


def cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        return "".join(s if isinstance(s, str) else "" for s in src)
    return src if isinstance(src, str) else ""
