"""The plan of a check: the student's code cells, with the kit's own checks put back.

The reference is never what the student saved. Each check cell of the lesson (found by
its role, else by its cell id; one that was edited or deleted is reported as tampered)
becomes a *values* step: the kernel hands over the values of the answer variables the
kit's check cell names (``check("belamy.price_ratio", price_ratio)``), and the verdict
is computed outside the kernel. The student's check cells are never run, nor is any cell
that calls ``check_this_notebook`` (a self-check inside a check would start another).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field

from artethics import i18n
from artethics.i18n import _
from artethics.tools.check.notebook import (
    cell_role,
    cell_source,
    identify_lesson,
    notebook_language,
    read_notebook,
)
from artethics.tools.manifest import CheckError, sha256

SELF_CHECK = "check_this_notebook"


@dataclass
class Prepared:
    path: str
    lesson: str
    plan: list[dict]
    exercises: list[str]
    tampered: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)  # code cells not run (self-checks)
    lang: str = ""  # the notebook's language, which its report is written in


def answer_names(check: dict) -> list[str]:
    """[answer variable] or [answer variable, student variable] of a kit check cell:
    the arguments of its ``check("<exercise>", <name>[, student=<name>])`` call."""
    try:
        tree = ast.parse(check["source"])
    except (SyntaxError, ValueError):
        tree = None
    for node in ast.walk(tree) if tree is not None else ():
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        args = node.args
        if (called == "check" and len(args) == 2 and isinstance(args[0], ast.Constant)
                and args[0].value == check["exercise"] and isinstance(args[1], ast.Name)):
            names = [args[1].id]
            for kw in node.keywords:
                if kw.arg == "student" and isinstance(kw.value, ast.Name):
                    names.append(kw.value.id)
            return names
    raise CheckError(_("The kit's check cell of {exercise!r} is not of the form "
                       "check({exercise!r}, answer); regenerate the manifest with `make "
                       "student`.").format(exercise=check["exercise"]))


def code_cells(nb: dict) -> list[tuple[dict, str]]:
    """(cell, source) of every code cell, in order; anything malformed is read leniently."""
    out = []
    for cell in nb["cells"]:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell_source(cell).encode("utf-8", "surrogatepass")
            out.append((cell, source.decode("utf-8", "replace")))
    return out


def _find_check(cells: list[tuple[dict, str]], check: dict) -> int | None:
    for i, (cell, _source) in enumerate(cells):
        if cell_role(cell) == ("check", check["exercise"]):
            return i
    for i, (cell, _source) in enumerate(cells):
        if check.get("cell_id") and cell.get("id") == check["cell_id"]:
            return i
    return None


def _answer_cell(cells: list[tuple[dict, str]], exercise: str) -> int:
    """The index after which a deleted check goes: its answer cell, else the end."""
    for i, (cell, _source) in enumerate(cells):
        if cell_role(cell) == ("answer", exercise):
            return i
    return len(cells) - 1


def build_plan(nb: dict, checks: Sequence[dict]) -> tuple[list[dict], dict[str, str],
                                                          dict[str, list[str]], list[int]]:
    """(plan, {exercise: why its check was restored}, {exercise: names}, skipped cells)."""
    cells = code_cells(nb)
    names = {c["exercise"]: answer_names(c) for c in checks}
    tampered: dict[str, str] = {}
    at: dict[int, list[str]] = {}  # code cell index -> exercises read there (after it)
    check_cells: set[int] = set()
    for check in checks:
        i = _find_check(cells, check)
        if i is None:
            tampered[check["exercise"]] = _("its check cell was deleted")
            at.setdefault(_answer_cell(cells, check["exercise"]), []).append(check["exercise"])
            continue
        if sha256(cells[i][1]) != check["sha256"]:
            tampered[check["exercise"]] = _("its check cell was edited")
        check_cells.add(i)
        at.setdefault(i, []).append(check["exercise"])
    plan: list[dict] = []
    skipped: list[int] = []
    for ex in at.pop(-1, []):  # a deleted check in a notebook without code cells
        plan.append({"kind": "values", "exercise": ex, "names": names[ex], "cell": -1})
    for i, (cell, source) in enumerate(cells):
        role = cell_role(cell)[0]
        if i in check_cells or role == "check":
            pass  # never run the student's copy of a check cell
        elif SELF_CHECK in source:
            skipped.append(i)
        else:
            plan.append({"kind": "code", "cell": i, "source": source})
        for ex in at.get(i, []):
            plan.append({"kind": "values", "exercise": ex, "names": names[ex], "cell": i})
    return plan, tampered, names, skipped


def prepare(path: str, manifest: dict, lesson: str = "") -> Prepared:
    """The plan for one notebook, its texts in the notebook's language. A
    :class:`CheckError` raised once the notebook is read carries that language as
    ``lang`` (before, the message is in the current language)."""
    nb = read_notebook(path)
    lang = notebook_language(nb)
    with i18n.using(lang):
        try:
            found = identify_lesson(nb, path, manifest, lesson)
            checks = manifest["lessons"][found].get("checks", [])
            if not checks:
                raise CheckError(_("Lesson {lesson!r} has no checked exercises, so there is "
                                   "nothing to check.").format(lesson=found))
            plan, tampered, names, skipped = build_plan(nb, checks)
        except CheckError as exc:
            exc.lang = lang  # type: ignore[attr-defined]
            raise
    return Prepared(path, found, plan, [c["exercise"] for c in checks], tampered, names,
                    skipped, lang)
