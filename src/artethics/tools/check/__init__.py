"""``artethics check``: check a student's notebook against the kit's own checks.

The reference is never what the student saved. For each notebook the student's code
cells run in a fresh kernel inside a sandbox (:mod:`.sandbox`: bubblewrap where
installed, else limits set by hand), without the student's check cells; where each of
the kit's check cells belongs (found by role or id; an edited or deleted one is
reported as tampered), the kernel hands over the values of the answer variables as
plain data (:mod:`.values`), and this process computes the verdict with the kit's own
checkers, which the kernel cannot import. The student's file is only read, never written.

One job per module: :mod:`.notebook` reads a submission and names its lesson,
:mod:`.restore` makes the plan (the student's cells, the kit's checks), :mod:`.workers`
runs plans in worker processes, :mod:`.kernel` runs one plan in a sandboxed kernel,
:mod:`.verdicts` computes the verdicts, :mod:`.report` holds the results and the CSV,
:mod:`.api` ties them together and :mod:`.command` is the command line.

Public API::

    reports = check_notebooks(["alice/02_edmond_de_belamy.ipynb"], timeout=60, jobs=2)
    print(reports[0].text())
    write_csv(reports, "results.csv")
"""

from __future__ import annotations

from artethics.tools.check.api import check_notebooks, expand
from artethics.tools.check.notebook import identify_lesson, read_notebook
from artethics.tools.check.report import (
    CSV_COLUMNS,
    FAIL,
    MISSING,
    NOT_RUN,
    OK,
    TAMPERED,
    ExerciseResult,
    Report,
    rows,
    write_csv,
)
from artethics.tools.check.restore import build_plan, prepare
from artethics.tools.manifest import CheckError, load_manifest, sha256

__all__ = [
    "CSV_COLUMNS", "FAIL", "MISSING", "NOT_RUN", "OK", "TAMPERED", "CheckError",
    "ExerciseResult", "Report", "check_notebooks", "expand", "identify_lesson",
    "load_manifest", "prepare", "read_notebook", "build_plan", "rows", "sha256",
    "write_csv",
]
