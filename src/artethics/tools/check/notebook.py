"""Reading a submitted notebook and telling which lesson it is."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from artethics.tools.manifest import CheckError


def read_notebook(path: str | Path) -> dict:
    """The notebook as a dict, or :class:`CheckError` saying what is wrong with the file."""
    p = Path(path)
    if not p.is_file():
        raise CheckError(f"There is no file at {path}. Check the path (and that the file "
                         "was saved where you think).")
    try:
        text = p.read_text(encoding="utf-8")
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
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CheckError("The file is JSON but not a Jupyter notebook (it has no list of "
                         "cells). Submit the lesson's .ipynb file itself.")
    if nb.get("nbformat") != 4:
        raise CheckError(f"The notebook uses format version {nb.get('nbformat')!r}; the kit "
                         "needs version 4. Open it in JupyterLab 4 and save it again.")
    return nb


def _lesson_in_name(path: str, lessons: Iterable[str]) -> str:
    stem = Path(path).stem
    found = [lesson for lesson in lessons if lesson in stem]
    return max(found, key=len) if found else ""


def _lesson_of_exercises(nb: dict, manifest: dict) -> str:
    """The one lesson whose checked exercises the notebook's answer/check cells name, or ""."""
    found = {cell_role(c)[1] for c in nb["cells"] if isinstance(c, dict)} - {""}
    owners = [lesson for lesson, entry in sorted(manifest["lessons"].items())
              if found & {c.get("exercise") for c in entry.get("checks", [])}]
    return owners[0] if len(owners) == 1 else ""


def identify_lesson(nb: dict, path: str, manifest: dict, expected: str = "") -> str:
    """The notebook's lesson id; :class:`CheckError` when unknown or not the lesson expected.

    The lesson is the one in the notebook's metadata, else the one whose exercises its
    cells hold, else the one its file name names.
    """
    lessons = sorted(manifest["lessons"])
    meta = nb.get("metadata", {}).get("artethics", {})
    stated = meta.get("lesson", "") if isinstance(meta, dict) else ""
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


def cell_role(cell: dict) -> tuple[str, str]:
    meta = cell.get("metadata", {}).get("artethics", {})
    if not isinstance(meta, dict):
        return "", ""
    return meta.get("role", ""), meta.get("exercise", "")


def cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)
