"""The notebook normal form (course/AUTHORING.md) and the kit's cell vocabulary.

``normalise`` returns a copy in normal form; ``problems`` lists what keeps a
notebook from it, in words an author can act on. Tracked notebooks must have
no problems; ``make refresh`` writes them normalised.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import nbformat

TAGS = frozenset({"parameters", "nbval-ignore-output"})
ROLES = frozenset({"answer", "check", "widget", "reflection", "instructor"})
CELL_METADATA_KEYS = frozenset({"tags", "artethics", "nbgrader", "editable", "deletable"})
NOTEBOOK_METADATA_KEYS = frozenset({"kernelspec", "language_info", "artethics"})
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
ROLE_KEYS = {
    "answer": {"exercise"},
    "check": {"exercise"},
    "widget": {"activity"},
    "reflection": {"activity"},
    "instructor": set(),
}
EXERCISE_ID = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+$")
MEMORY_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
ABSOLUTE_PATH = re.compile(r"(?<![\w.])/(?:home|root|tmp|work|Users|var/folders)/[\w.-]+")

Notebook = Any  # nbformat.NotebookNode


def read(path: str | Path) -> Notebook:
    return nbformat.read(str(path), as_version=4)


def dumps(nb: Notebook) -> str:
    """The exact text a normalised notebook is stored as."""
    return nbformat.writes(nb, version=4).rstrip("\n") + "\n"


def write(nb: Notebook, path: str | Path) -> None:
    Path(path).write_text(dumps(nb), encoding="utf-8")


def kit_meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("artethics", {}) or {}


def role(cell: dict) -> str | None:
    return kit_meta(cell).get("role")


def source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def normalise(nb: Notebook, *, clear_outputs: bool = False) -> Notebook:
    """A normal-form copy of ``nb``. With ``clear_outputs`` (student copies) no outputs remain."""
    nb = copy.deepcopy(nb)
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = _notebook_metadata(nb.metadata)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    count = 0
    points = check_points(nb.metadata)
    for index, cell in enumerate(nb.cells):
        cell.source = source(cell)
        cell.metadata = _cell_metadata(cell.metadata)
        _add_nbgrader(cell, points)
        if not cell.get("id"):
            cell.id = f"cell-{index:02d}"
        for key in [k for k in cell if k not in ("id", "cell_type", "metadata", "source")]:
            if cell.cell_type != "code" or key not in ("outputs", "execution_count"):
                del cell[key]
        if cell.cell_type == "code":
            if clear_outputs or not cell.get("outputs") and cell.get("execution_count") is None:
                cell.outputs, cell.execution_count = [], None
            else:
                count += 1
                cell.execution_count = count
                cell.outputs = [_output(o, count) for o in cell.get("outputs", [])]
    return nb


def _notebook_metadata(meta: dict) -> dict:
    out = {k: copy.deepcopy(v) for k, v in meta.items() if k in NOTEBOOK_METADATA_KEYS}
    out["kernelspec"] = dict(KERNELSPEC)
    out["language_info"] = {"name": "python"}
    return nbformat.from_dict(out)


def _cell_metadata(meta: dict) -> dict:
    out = {k: copy.deepcopy(v) for k, v in meta.items() if k in CELL_METADATA_KEYS}
    if "tags" in out:
        out["tags"] = sorted(set(out["tags"]))
        if not out["tags"]:
            del out["tags"]
    return nbformat.from_dict(out)


# Points of the manually graded answers: the top level (4, "excellent") of the
# course's rubrics (course/guide/rubrics.md: levels 4 excellent ... 1 beginning, 0 missing).
RUBRIC_POINTS = 4
# Answer cells marked by hand in nbgrader's formgrader (the rest are checked automatically).
MANUALLY_GRADED = frozenset({"synthesis.policy"})
DEFAULT_CHECK_POINTS = 1


def check_points(nb_meta: dict) -> dict[str, float]:
    """The points a lesson gives its checks, from ``artethics.points`` in its notebook
    metadata (``{"case.exercise": points}``); every other check is worth 1 point."""
    points = (nb_meta.get("artethics") or {}).get("points") or {}
    return dict(points) if isinstance(points, dict) else {}


def _add_nbgrader(cell: Any, points: dict[str, float] | None = None) -> None:
    """nbgrader metadata follows from the kit's role, so every lesson grades the same way:
    check cells are locked autograder tests worth their exercise's points (1 unless the
    lesson's ``artethics.points`` says otherwise); answer cells are solution cells;
    reflections and the policy draft are manually graded answers worth the rubric's
    top level. Missing metadata makes nbgrader refuse a notebook with a solution
    region, and ``grade: false`` gives a score of 0 of 0, so normal form sets it."""
    kind = role(cell)
    meta = kit_meta(cell)
    if kind not in ("answer", "reflection", "check"):
        return
    exercise = str(meta.get("exercise") or meta.get("activity"))
    key = exercise.replace(".", "-")
    solution = kind != "check"
    suffix = {"answer": "answer", "reflection": "answer", "check": "check"}[kind]
    grading: dict[str, Any] = {"grade": False}
    if kind == "check":
        grading = {"grade": True, "points": (points or {}).get(exercise, DEFAULT_CHECK_POINTS)}
    elif kind == "reflection" or exercise in MANUALLY_GRADED:
        grading = {"grade": True, "points": RUBRIC_POINTS}
    cell.metadata["nbgrader"] = nbformat.from_dict({
        **grading, "grade_id": f"{key}-{suffix}", "locked": not solution,
        "schema_version": 3, "solution": solution, "task": False})
    if not solution:
        cell.metadata["editable"] = False
        cell.metadata["deletable"] = False


def _output(output: dict, count: int) -> dict:
    out = copy.deepcopy(output)
    if out.get("output_type") == "execute_result":
        out["execution_count"] = count
    if "metadata" in out:
        kept = {}
        for mime, meta in out["metadata"].items():
            if mime.startswith("image/") and isinstance(meta, dict):
                size = {k: meta[k] for k in ("width", "height") if k in meta}
                if size:
                    kept[mime] = size
        out["metadata"] = kept
    if out.get("output_type") == "stream" and isinstance(out.get("text"), list):
        out["text"] = "".join(out["text"])
    return nbformat.from_dict(out)


def problems(nb: Notebook, *, student: bool = False, name: str = "notebook") -> list[str]:
    """Everything that keeps ``nb`` from the normal form, one plain sentence each."""
    found = []
    if dumps(normalise(nb, clear_outputs=student)) != dumps(nb):
        found.append(f"{name}: not in normal form; run `make refresh` (or `make student`)")
    for index, cell in enumerate(nb.cells):
        where = f"{name}, cell {index}"
        found += [f"{where}: {p}" for p in _cell_problems(cell, student)]
    if student and any(c.cell_type == "code" and c.get("outputs") for c in nb.cells):
        found.append(f"{name}: a student copy must not store outputs")
    found += [f"{name}: {p}" for p in _points_problems(nb)]
    return found


def _points_problems(nb: Notebook) -> list[str]:
    """What is wrong with the lesson's ``artethics.points`` (nbgrader points per check)."""
    given = (nb.metadata.get("artethics") or {}).get("points")
    if given is None:
        return []
    if not isinstance(given, dict):
        return ["artethics.points must be a table {exercise id: points}, e.g. "
                '{"lofter.days_to_withdrawal": 2}']
    checked = {str(kit_meta(c).get("exercise")) for c in nb.cells if role(c) == "check"}
    found = []
    for exercise, value in sorted(given.items()):
        if exercise not in checked:
            found.append(f"artethics.points names {exercise!r}, which has no check cell in "
                         f"this lesson; checked exercises: {sorted(checked)}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            found.append(f"artethics.points gives {exercise!r} {value!r} points; give a "
                         "positive number")
    return found


def _cell_problems(cell: Any, student: bool) -> list[str]:
    found = []
    unknown = set(cell.metadata.get("tags", [])) - TAGS
    if unknown:
        found.append(f"unknown tag(s) {sorted(unknown)}; allowed: {sorted(TAGS)}")
    meta = kit_meta(cell)
    if meta:
        found += _kit_meta_problems(meta)
    text = source(cell).rstrip()
    if cell.get("cell_type") == "code" and text.endswith(";"):
        found.append("the cell ends with ';' (nbval would show the value: assign it instead)")
    blob = source(cell) + json.dumps(_textual(cell.get("outputs", [])), ensure_ascii=False)
    if MEMORY_ADDRESS.search(blob):
        found.append("a memory address (0x…) in the source or outputs")
    if ABSOLUTE_PATH.search(blob):
        found.append("an absolute path of this machine in the source or outputs")
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            found.append(f"a stored error output ({out.get('ename')})")
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            found.append("a stderr output (a warning?): fix its cause")
    return found


def _textual(outputs: list) -> list:
    """Outputs without binary payloads (base64 images can hold '0x…' by chance)."""
    kept = []
    for out in outputs:
        out = dict(out)
        if "data" in out:
            out["data"] = {k: v for k, v in out["data"].items() if not k.startswith("image/")}
        kept.append(out)
    return kept


def _kit_meta_problems(meta: dict) -> list[str]:
    kind = meta.get("role")
    if kind not in ROLES:
        return [f"unknown artethics role {kind!r}; allowed: {sorted(ROLES)}"]
    extra = set(meta) - {"role"} - ROLE_KEYS[kind]
    missing = ROLE_KEYS[kind] - set(meta)
    found = []
    if extra:
        found.append(f"unknown artethics key(s) {sorted(extra)} for role {kind!r}")
    if missing:
        found.append(f"role {kind!r} needs key(s) {sorted(missing)}")
    exercise = meta.get("exercise")
    if exercise is not None and not EXERCISE_ID.match(str(exercise)):
        found.append(f"exercise id {exercise!r} is not of the form case.name")
    return found
