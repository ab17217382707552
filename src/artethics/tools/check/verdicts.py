"""From what each cell did to one verdict per exercise."""

from __future__ import annotations

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


def check_status(rec: dict | None, timeout: float) -> tuple[str, str]:
    if rec is None or (rec["outcome"] == "skipped" and not rec["stdout"] and not rec["error"]):
        return NOT_RUN, ("not run: an earlier cell did not finish, so the check was not "
                         "reached.")
    line = rec["stdout"].strip()
    if rec.get("phase") == "setup" and rec["outcome"] == "failed":
        return NOT_RUN, f"not run: the notebook could not be started ({rec['message']})."
    if rec["timeout"]:
        return FAIL, f"the check did not finish within {timeout:g} s."
    if rec["error"]:
        err = rec["error"]
        return FAIL, (f"the check stopped with {err['ename']}: {err['evalue']}. Run every cell "
                      "from the top (Run → Restart Kernel and Run All Cells) and fix the first "
                      "cell that fails.")
    if rec["outcome"] == "passed":
        return OK, line
    if NO_ANSWER_TEXT in line:
        return MISSING, line
    return FAIL, line or "the check printed nothing."


def cell_notes(records: list[dict], timeout: float) -> list[str]:
    notes = []
    for rec in records:
        if rec["role"] == "check" or rec["outcome"] != "failed" or rec.get("phase") == "setup":
            continue
        where = f"code cell {rec['cell'] + 1}"
        if rec["timeout"]:
            notes.append(f"{where} did not finish within {timeout:g} s (an endless loop?) and "
                         "was stopped; the cells after it were not run. Fix that cell, then "
                         "run the notebook from the top.")
        elif rec["error"]:
            notes.append(f"{where} stopped with {rec['error']['ename']}: "
                         f"{rec['error']['evalue']}.")
    return notes


def build_report(prep: Prepared, records: list[dict], timeout: float) -> Report:
    checks = {r["exercise"]: r for r in records if r["role"] == "check"}
    results, notes = [], []
    for ex in prep.exercises:
        status, message = check_status(checks.get(ex), timeout)
        if ex in prep.tampered:
            why = prep.tampered[ex]
            notes.append(f"{ex}: {why}; the kit's version was restored for this check. Put the "
                         "original check cell back (copy it from a fresh student notebook).")
            status, message = TAMPERED, f"{why} (with the kit's check restored: {message})"
        results.append(ExerciseResult(ex, status, message))
    notes += cell_notes(records, timeout)
    if not records:
        notes.append("The notebook could not be run at all (the kernel did not start or "
                     "checking was stopped). Try again; if it persists, tell your instructor.")
    return Report(prep.path, prep.lesson, tuple(results), tuple(notes))


