"""``artethics check``: check a student's notebook against the kit's own checks.

The reference is never what the student saved. For each notebook we build a
temporary copy in which every check cell's source and expected output come
from the kit's check manifest, run it with nbval (``pytest --nbval-lax``; only
the restored check cells are compared), and turn what happened into one
verdict per exercise. A check cell that was edited or deleted is found by its
sha256 and reported. The student's file is only read, never written.

One job per module: :mod:`.notebook` reads a submission and names its lesson,
:mod:`.restore` puts the kit's check cells back, :mod:`.workers` runs nbval in
worker processes, :mod:`.verdicts` turns cell records into verdicts,
:mod:`.report` holds the results and the CSV, :mod:`.api` ties them together and
:mod:`.command` is the command line.

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
from artethics.tools.check.restore import prepare, restore_checks
from artethics.tools.manifest import CheckError, load_manifest, sha256

__all__ = [
    "CSV_COLUMNS", "FAIL", "MISSING", "NOT_RUN", "OK", "TAMPERED", "CheckError",
    "ExerciseResult", "Report", "check_notebooks", "expand", "identify_lesson",
    "load_manifest", "prepare", "read_notebook", "restore_checks", "rows", "sha256",
    "write_csv",
]
