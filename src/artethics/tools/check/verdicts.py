"""From what the kernel handed over to one verdict per exercise, computed here.

The kernel only ran the student's cells and handed over the values of the answer
variables (:mod:`.values`); the verdict comes from the kit's own checker
(:func:`artethics.exercises.evaluate`) in this process. What the student's code printed,
patched or imported in the kernel does not reach it.
"""

from __future__ import annotations

import contextlib
from typing import Any

from artethics import i18n
from artethics.exercises import evaluate, registry
from artethics.i18n import N_, _
from artethics.tools.check import values
from artethics.tools.check.report import (
    FAIL,
    MISSING,
    NO_ANSWER_TEXT,
    NOT_RUN,
    OK,
    TAMPERED,
    ExerciseResult,
    Report,
)
from artethics.tools.check.restore import Prepared

RUN_ALL = N_("Run every cell from the top (Run → Restart Kernel and Run All Cells) and fix "
             "the first cell that fails.")


def load_checkers(manifest: dict, lesson: str) -> None:
    """Register the checkers a manifest itself carries for ``lesson`` (test and author
    manifests; the kit's own exercises live in :mod:`artethics.exercises`). They run here,
    in the checking process, never in a student's kernel."""
    source = manifest.get("lessons", {}).get(lesson, {}).get("checkers")
    if not isinstance(source, str) or not source:
        return
    wanted = {c.get("exercise") for c in manifest["lessons"][lesson].get("checks", [])}
    if wanted <= set(registry()):
        return
    exec(compile(source, f"<checkers of {lesson} in the manifest>", "exec"),  # noqa: S102
         {"__name__": f"artethics_manifest_checkers_{lesson}"})


def _first_unreached(prep: Prepared, result: dict[str, Any]) -> str:
    """The exercise whose check came next when the run stopped (it fails), or ""."""
    if not result.get("stopped"):
        return ""
    for step in prep.plan:
        if step["kind"] == "values" and step["exercise"] not in result.get("values", {}):
            return step["exercise"]
    return ""


def _stopped_before(result: dict, timeout: float, total: float) -> str:
    how = result.get("stopped", "")
    where = result.get("stopped_at", -1)
    if how == "dead":
        return _("not run: the kernel stopped in code cell {cell} (it exited, was killed or "
                 "ran out of memory), so the check was not reached.").format(cell=where + 1)
    if how == "total":
        return _("not run: the notebook ran for more than {total:g} s in all and was stopped, "
                 "so the check was not reached.").format(total=total)
    return _("not run: an earlier cell did not finish, so the check was not reached.")


def exercise_status(prep: Prepared, exercise: str, result: dict[str, Any] | None,
                    timeout: float, total: float) -> tuple[str, str]:
    if not result:
        return NOT_RUN, _("not run: the notebook could not be run (checking was stopped).")
    if not result.get("started"):
        return NOT_RUN, _("not run: the notebook could not be started ({problem}).").format(
            problem=result.get("problem") or _("the kernel did not start"))
    got = result.get("values", {}).get(exercise)
    if got is None and exercise == _first_unreached(prep, result):
        cell = result.get("stopped_at", -1) + 1
        how = result.get("stopped", "")
        if how == "dead":
            said = _("code cell {cell}, before this check, stopped the kernel (it exited, was "
                     "killed or ran out of memory), so the answer could not be checked.")
        elif how == "total":
            said = _("code cell {cell}, before this check, was still running when the "
                     "notebook's {total:g} s were up, so the answer could not be checked.")
        else:
            said = _("code cell {cell}, before this check, did not finish within {timeout:g} "
                     "s, so the answer could not be checked.")
        return FAIL, said.format(cell=cell, total=total, timeout=timeout)
    if got is None:
        return NOT_RUN, _stopped_before(result, timeout, total)
    if got.get("how") == "dead":
        return FAIL, _("the kernel stopped while the answer was being read.")
    if got.get("how") != "reply":
        return FAIL, _("the check did not finish within {timeout:g} s.").format(timeout=timeout)
    names = prep.names.get(exercise) or got.get("names", [])
    read = values.decode(got.get("text"), str(got.get("nonce", "")), names)
    answer = read[names[0]]
    student = read[names[1]] if len(names) > 1 else None
    if isinstance(answer, values.Undefined):
        return FAIL, (_("the check stopped with NameError: name {name!r} is not "
                        "defined.").format(name=names[0]) + " " + _(RUN_ALL))
    if isinstance(answer, values.Unreadable):
        return FAIL, _("✘ {exercise}: the answer ({what}) could not be read by the check. "
                       "Hint: give plain numbers, text, lists, dicts or a table.").format(
                           exercise=exercise, what=answer.what)
    try:
        verdict = evaluate(exercise, answer,
                           student=student if isinstance(student, str) else None)
    except KeyError:
        return FAIL, _("the kit has no checker for {exercise!r}; update the kit (or its "
                       "check manifest) and check again.").format(exercise=exercise)
    line = verdict.line()
    if verdict.ok:
        return OK, line
    return (MISSING if verdict.missing or NO_ANSWER_TEXT in line else FAIL), line


def cell_notes(prep: Prepared, result: dict[str, Any] | None, timeout: float,
               total: float) -> list[str]:
    notes = []
    for rec in (result or {}).get("cells", []):
        cell = rec["cell"] + 1
        if rec["status"] == "timeout":
            notes.append(_("code cell {cell} did not finish within {timeout:g} s (an endless "
                           "loop?) and was stopped; the cells after it were not run. Fix that "
                           "cell, then run the notebook from the top.").format(
                               cell=cell, timeout=timeout))
        elif rec["status"] == "total":
            notes.append(_("the notebook ran for more than {total:g} s in all; it was stopped "
                           "in code cell {cell} and the cells after it were not run.").format(
                               total=total, cell=cell))
        elif rec["status"] == "dead":
            notes.append(_("code cell {cell} stopped the kernel (it exited, was killed or ran "
                           "out of memory); the cells after it were not run.").format(cell=cell))
        elif rec["status"] == "error":
            notes.append(_("code cell {cell} stopped with {error}: {value}.").format(
                cell=cell, error=rec.get("ename", ""), value=rec.get("evalue", "")))
    return notes


def build_report(prep: Prepared, result: dict[str, Any] | None, timeout: float,
                 total: float | None = None) -> Report:
    """The report on one notebook, every verdict and note in the notebook's language."""
    lang = getattr(prep, "lang", "")
    with i18n.using(lang) if lang else contextlib.nullcontext():
        return _build_report(prep, result, timeout, total, lang)


def _build_report(prep: Prepared, result: dict[str, Any] | None, timeout: float,
                  total: float | None, lang: str) -> Report:
    total = total if total is not None else total_seconds(timeout)
    results, notes = [], []
    for ex in prep.exercises:
        status, message = exercise_status(prep, ex, result, timeout, total)
        if ex in prep.tampered:
            why = prep.tampered[ex]
            notes.append(_("{exercise}: {why}; the kit's version was restored for this check. "
                           "Put the original check cell back (copy it from a fresh student "
                           "notebook).").format(exercise=ex, why=why))
            status, message = TAMPERED, _("{why} (with the kit's check restored: "
                                          "{message})").format(why=why, message=message)
        results.append(ExerciseResult(ex, status, message))
    notes += cell_notes(prep, result, timeout, total)
    if not result:
        notes.append(_("The notebook could not be run at all (the kernel did not start or "
                       "checking was stopped). Try again; if it persists, tell your "
                       "instructor."))
    elif not result.get("started"):
        notes.append(_("The kernel did not start ({problem}). Try again; if it persists, tell "
                       "your instructor.").format(
                           problem=result.get("problem") or _("no reason given")))
    return Report(prep.path, prep.lesson, tuple(results), tuple(notes), lang=lang)


def total_seconds(timeout: float) -> float:
    """The whole notebook's time limit: five cells' worth, and at least a minute."""
    return max(60.0, 5 * timeout)
