"""What a check found: one verdict per exercise, one report per notebook, and the CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

OK, FAIL, MISSING, TAMPERED, NOT_RUN = "pass", "fail", "missing", "tampered", "not run"
NO_ANSWER_TEXT = "no answer yet"
NBVAL_TAGS = frozenset({"nbval-check-output", "nbval-ignore-output", "nbval-skip",
                        "nbval-raises-exception", "raises-exception",
                        "pytest-validate-ignore-output"})
CSV_COLUMNS = ("student_file", "lesson", "exercise", "ok", "status", "message")
MARKS = {OK: "✔", FAIL: "✘", MISSING: "…", TAMPERED: "!", NOT_RUN: "-"}

@dataclass(frozen=True)
class ExerciseResult:
    exercise: str
    status: str  # pass | fail | missing | tampered | not run
    message: str  # the student's own check line, or what happened instead

    @property
    def ok(self) -> bool:
        return self.status == OK

    def line(self) -> str:
        return f"{MARKS[self.status]} {self.exercise} [{self.status}]: {self.message}"


@dataclass(frozen=True)
class Report:
    """The verdict on one notebook. ``problem`` is set when it could not be checked at all."""

    path: str
    lesson: str = ""
    results: tuple[ExerciseResult, ...] = ()
    notes: tuple[str, ...] = ()
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem and bool(self.results) and all(r.ok for r in self.results)

    def text(self) -> str:
        if self.problem:
            return f"✘ {self.path}: cannot be checked. {self.problem}"
        passed = sum(r.ok for r in self.results)
        head = f"{self.path} (lesson {self.lesson}): {passed} of {len(self.results)} exercises pass"
        lines = [head] + [f"  {r.line()}" for r in self.results]
        lines += [f"  Note: {n}" for n in self.notes]
        return "\n".join(lines)



def rows(reports: Iterable[Report]) -> list[dict]:
    """CSV rows: one per exercise, or one per notebook that could not be checked."""
    out = []
    for rep in reports:
        if rep.problem:
            out.append(dict(zip(CSV_COLUMNS, (rep.path, rep.lesson, "", False, "unchecked",
                                               rep.problem), strict=True)))
        for r in rep.results:
            out.append(dict(zip(CSV_COLUMNS, (rep.path, rep.lesson, r.exercise, r.ok, r.status,
                                               r.message), strict=True)))
    return out


def write_csv(reports: Iterable[Report], out: str | Path) -> None:
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows(reports))


