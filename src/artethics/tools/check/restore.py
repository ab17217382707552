"""The restored copy: the student's notebook with the kit's own check cells put back."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

from artethics.tools.check.notebook import cell_role, cell_source, identify_lesson, read_notebook
from artethics.tools.check.report import NBVAL_TAGS
from artethics.tools.manifest import CheckError, sha256


@dataclass
class Prepared:
    path: str
    lesson: str
    notebook: dict
    exercises: list[str]
    tampered: dict[str, str] = field(default_factory=dict)





def _kit_check_cell(check: dict) -> dict:
    """A check cell as the kit wrote it, marked for nbval's output comparison."""
    return {
        "cell_type": "code",
        "id": check.get("cell_id") or f"check-{check['exercise']}",
        "metadata": {"tags": ["nbval-check-output"],
                     "artethics": {"role": "check", "exercise": check["exercise"]}},
        "execution_count": 1,
        "source": "from artethics.exercises import check  # restored by artethics check\n"
        + check["source"],
        "outputs": [{"output_type": "stream", "name": "stdout", "text": check["expected"]}],
    }


def _strip_nbval_marks(cell: dict) -> dict:
    cell = copy.deepcopy(cell)
    meta = cell.setdefault("metadata", {})
    tags = [t for t in meta.get("tags", []) if t not in NBVAL_TAGS]
    meta["tags"] = tags
    if cell.get("cell_type") == "code":
        cell["outputs"], cell["execution_count"] = [], None
    return cell


def _find_check(cells: list[dict], check: dict) -> int | None:
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "code" and cell_role(cell) == ("check", check["exercise"]):
            return i
    for i, cell in enumerate(cells):
        if check.get("cell_id") and cell.get("id") == check["cell_id"]:
            return i
    return None


def _insert_at(cells: list[dict], exercise: str) -> int:
    for i, cell in enumerate(cells):
        if cell_role(cell) == ("answer", exercise):
            return i + 1
    return len(cells)


def restore_checks(nb: dict, checks: Sequence[dict]) -> tuple[dict, dict[str, str]]:
    """A copy of ``nb`` with the kit's check cells; and {exercise: why it was restored}."""
    out = copy.deepcopy(nb)
    cells = [_strip_nbval_marks(c) for c in out["cells"]]
    tampered: dict[str, str] = {}
    for check in checks:
        i = _find_check(cells, check)
        if i is None:
            tampered[check["exercise"]] = "its check cell was deleted"
            cells.insert(_insert_at(cells, check["exercise"]), _kit_check_cell(check))
        else:
            if sha256(cell_source(cells[i])) != check["sha256"]:
                tampered[check["exercise"]] = "its check cell was edited"
            cells[i] = _kit_check_cell(check)
    out["cells"] = cells
    out.setdefault("metadata", {})["kernelspec"] = {
        "name": "python3", "display_name": "Python 3", "language": "python"}
    return out, tampered


def prepare(path: str, manifest: dict, lesson: str = "") -> Prepared:
    nb = read_notebook(path)
    found = identify_lesson(nb, path, manifest, lesson)
    checks = manifest["lessons"][found].get("checks", [])
    if not checks:
        raise CheckError(f"Lesson {found!r} has no checked exercises, so there is nothing to "
                         "check.")
    restored, tampered = restore_checks(nb, checks)
    return Prepared(path, found, restored, [c["exercise"] for c in checks], tampered)


