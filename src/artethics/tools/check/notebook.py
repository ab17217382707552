"""Reading a submitted notebook and telling which lesson it is."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from artethics.tools.manifest import CheckError

MAX_BYTES = 50 << 20  # a lesson notebook with its figures is a few MB


def special_file(path: str | Path) -> str:
    """Why ``path`` is not a regular file that can be read (FIFO, device, ...), or ""."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"it cannot be opened ({exc.strerror or type(exc).__name__})"
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "it is a folder"
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return f"it is {kind}, not a file, so it was skipped"


def read_bytes(path: str | Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; :class:`CheckError` for anything else."""
    why = special_file(path)
    if why:
        raise CheckError(f"{path} cannot be read: {why}.")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise CheckError(f"{path} cannot be read ({exc.strerror or type(exc).__name__}). "
                         "Check that the file exists and that you may read it.") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced after the check above
            raise CheckError(f"{path} cannot be read: it is not a regular file.")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise CheckError(f"{path} cannot be read ({exc.strerror or type(exc).__name__}).") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise CheckError(f"{path} is larger than {limit >> 20} MB, far more than a lesson "
                         "notebook; it was not read. Clear large outputs (Edit → Clear "
                         "Outputs of All Cells), save and submit again.")
    return data


def read_notebook(path: str | Path) -> dict:
    """The notebook as a dict, or :class:`CheckError` saying what is wrong with the file."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise CheckError(f"There is no file at {path}. Check the path (and that the file "
                         "was saved where you think).")
    try:
        text = read_bytes(p, MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise CheckError("The file is not text, so it is not a Jupyter notebook. Submit the "
                         ".ipynb file that JupyterLab saves (File → Save Notebook), not an "
                         "export or a screenshot.") from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckError(
            f"The file is not valid notebook JSON ({exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}); it was probably cut off or damaged while saving or uploading. "
            "Open your own copy in JupyterLab, save it again and resubmit that file."
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise CheckError(
            "The file is JSON that no notebook holds (nested too deeply or a number too long: "
            f"{type(exc).__name__}). Open your own copy in JupyterLab, save it again and "
            "resubmit that file.") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CheckError("The file is JSON but not a Jupyter notebook (it has no list of "
                         "cells). Submit the lesson's .ipynb file itself.")
    if nb.get("nbformat") != 4:
        raise CheckError(f"The notebook uses format version {_short(nb.get('nbformat'))}; the kit "
                         "needs version 4. Open it in JupyterLab 4 and save it again.")
    return nb


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
        raise CheckError(f"The notebook's artethics lesson is {type(stated).__name__}, not a "
                         "lesson id. Start again from the lesson's own student notebook.")
    named = _lesson_in_name(path, lessons)
    lesson = stated or _lesson_of_exercises(nb, manifest) or named
    known = ", ".join(lessons)
    if not lesson:
        raise CheckError("The notebook does not say which lesson it is (no artethics lesson in "
                         f"its metadata, and the file name names none). Known lessons: {known}. "
                         "Start again from the lesson's own student notebook.")
    if lesson not in manifest["lessons"]:
        raise CheckError(f"The notebook says it is lesson {lesson!r}, which this kit does not "
                         f"have. Known lessons: {known}. Check that you opened the kit's "
                         "notebook, and that your kit is up to date.")
    wanted = expected or named
    if wanted and wanted != lesson:
        raise CheckError(f"This is the notebook of lesson {lesson!r}, but lesson {wanted!r} "
                         "was expected (from the file name or --lesson). Submit the notebook "
                         f"of lesson {wanted!r}, or rename the file if it was misnamed.")
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
