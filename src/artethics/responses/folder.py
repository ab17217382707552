"""The class folder: one JSON file per student and activity, written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from artethics.i18n import _

from .pseudonyms import student_key
from .record import Problem, Response, sorted_responses


def write_atomic(path: Path, payload: Any) -> None:
    """Write JSON so that readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def class_folder_path(class_folder: str | os.PathLike, response: Response) -> Path:
    """``<class>/<lesson>/<student-key>__<activity>.json`` for this answer."""
    name = f"{student_key(response.student)}__{response.activity}.json"
    return Path(class_folder) / response.lesson / name


def write_class_folder(class_folder: str | os.PathLike, response: Response) -> Path:
    """Write (or replace) this student's file for this activity, atomically."""
    target = class_folder_path(class_folder, response)
    write_atomic(target, response.to_dict())
    return target


def load_json(path: Path) -> tuple[Any, Problem | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(str(path), _("cannot be read ({reason}).").format(
            reason=exc.strerror or exc))
    if not raw.strip():
        return None, Problem(str(path), _("the file is empty (a write was cut off); skipped."))
    try:
        return json.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, Problem(str(path), _("not UTF-8 text, so not an answer file; skipped."))
    except json.JSONDecodeError as exc:
        return None, Problem(str(path), _("truncated or corrupt JSON ({error} at line {line}, "
                                          "column {column}); skipped.").format(
            error=exc.msg, line=exc.lineno, column=exc.colno))


def _read_answer_file(path: Path) -> tuple[Response | None, Problem | None]:
    payload, problem = load_json(path)
    if problem:
        return None, problem
    try:
        response = Response.from_dict(payload)
    except (TypeError, ValueError) as exc:
        return None, Problem(str(path), _("not a valid answer: {error} Skipped.").format(
            error=exc))
    if response.lesson != path.parent.name:
        return None, Problem(str(path), _(
            "the answer is for lesson {lesson} but sits in folder {folder}. Move it to its "
            "lesson folder; skipped.").format(lesson=repr(response.lesson),
                                             folder=repr(path.parent.name)))
    return response, None


def read_class_folder(path: str | os.PathLike) -> tuple[list[Response], list[Problem]]:
    """Every answer file in a class folder. A corrupt, truncated or misplaced file is
    reported with its path and a plain reason and skipped; the others are all returned.
    Temporary files of writes in progress are ignored."""
    root = Path(path)
    if not root.is_dir():
        raise ValueError(_("class folder {path} does not exist or is not a folder.").format(
            path=root))
    responses, problems = [], []
    for file in sorted(root.glob("*/*.json")):
        if file.name.startswith("."):
            continue
        response, problem = _read_answer_file(file)
        if response is not None:
            responses.append(response)
        else:
            problems.append(problem)
    return sorted_responses(responses), problems
