"""``artethics check``: the command line."""

from __future__ import annotations

import math
import sys

from artethics.tools.check.api import check_notebooks
from artethics.tools.check.report import Report, clean, ensure_writable, write_csv
from artethics.tools.check.sandbox import FALLBACK_NOTE, bwrap
from artethics.tools.manifest import CheckError, load_manifest

MAX_SECONDS = 24 * 3600
MAX_JOBS = 64


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="NOTEBOOK|FOLDER",
                        help="student notebooks, or folders holding them")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds each cell may run before it is stopped (default 60)")
    parser.add_argument("--total", type=float, default=None,
                        help="seconds a whole notebook may run (default: 5 × --timeout, at "
                             "least 60)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--csv", metavar="OUT", help="also write one row per exercise to OUT")
    parser.add_argument("--lesson", default="", help="the lesson these notebooks must be")
    parser.add_argument("--manifest", default=None, help="a check manifest other than the kit's")
    grades = parser.add_argument_group(
        "gradebook", "a file the learning platform imports as it is, scored from the checks "
        "(1 point each unless the lesson weighs them; reflections are marked by hand and not "
        "scored). Names not on the roster, names on two roster lines and two submissions "
        "for one student are listed (stderr and NAME.report.txt beside the gradebook), never "
        "guessed; the exit code is then 3, else 0 once the gradebook is written")
    grades.add_argument("--gradebook", choices=("canvas", "moodle", "csv"),
                        help="canvas: Canvas's gradebook CSV (Student, ID, SIS User ID, SIS "
                             "Login ID, Section, one column per lesson, a Points Possible "
                             "row); moodle: Moodle's grade import (ID number or Email "
                             "address, one column per grade item); csv: student_id, name, "
                             "lesson, score, max, ...")
    grades.add_argument("--roster", metavar="CSV",
                        help="UTF-8 CSV: the name or pseudonym each student put in the "
                             "notebook (column notebook_name, or name) and the platform's "
                             "id (Canvas: ID; Moodle: ID number or Email address; csv: "
                             "student_id); other columns of the platform's export are kept")
    grades.add_argument("--out", metavar="FILE",
                        help="the gradebook file (default gradebook-PLATFORM.csv); its "
                             "report goes beside it (grades.csv: grades.report.txt)")
    grades.add_argument("--force", action="store_true",
                        help="replace an existing gradebook and report (each is first "
                             "copied to a .bak file)")
    grades.add_argument("--assignment", action="append", default=[], metavar="LESSON=NAME",
                        help="the column name for a lesson, as the platform names the "
                             "assignment, e.g. '03_lofter=Lesson 3 (12345)' (Canvas matches "
                             "the id in brackets); default: the lesson id")
    grades.add_argument("--match", choices=("idnumber", "email"), default="idnumber",
                        help="Moodle: match students by ID number (default) or Email address")


def _seconds(value: float | None) -> bool:
    return value is None or (math.isfinite(value) and 0 < value <= MAX_SECONDS)


def main(args) -> int:
    total = getattr(args, "total", None)
    if not _seconds(args.timeout) or not _seconds(total) or (
            args.jobs is not None and not 1 <= args.jobs <= MAX_JOBS):
        print(f"artethics check: --timeout and --total must be a number of seconds above 0 "
              f"and at most {MAX_SECONDS}, and --jobs between 1 and {MAX_JOBS}.",
              file=sys.stderr)
        return 2
    ready = _gradebook_ready(args)
    if isinstance(ready, int):
        return ready
    if args.csv:
        why = ensure_writable(args.csv)
        if why:
            print(f"artethics check: --csv cannot be written: {clean(why)}. Choose another "
                  "file; nothing was checked.", file=sys.stderr)
            return 2
    try:
        manifest = load_manifest(args.manifest)
    except CheckError as exc:
        print(f"artethics check: {clean(exc)}", file=sys.stderr)
        return 2
    if bwrap() is None:
        print(f"artethics check: {FALLBACK_NOTE}", file=sys.stderr)
    reports = check_notebooks(args.paths, manifest=manifest, timeout=args.timeout,
                              jobs=args.jobs, lesson=args.lesson, total=total)
    for rep in reports:
        print(rep.text())
    passed = sum(r.ok for r in reports)
    print(f"{passed} of {len(reports)} notebooks pass every exercise.")
    if args.csv:
        try:
            write_csv(reports, args.csv)
        except OSError as exc:
            print(f"artethics check: the CSV could not be written to {clean(args.csv)} "
                  f"({clean(exc.strerror or exc)}); the verdicts above are complete.",
                  file=sys.stderr)
            return 2
    if ready is not None:
        return _write_gradebook(args, ready, reports, manifest)
    return 0 if reports and passed == len(reports) else 1


def _gradebook_ready(args):
    """The roster when --gradebook is asked for and everything it needs is in order; an
    exit code after saying what is wrong; None without --gradebook."""
    from artethics.tools import gradebook

    platform = getattr(args, "gradebook", None)
    if not platform:
        if getattr(args, "roster", None) or getattr(args, "out", None):
            print("artethics check: --roster and --out go with --gradebook canvas|moodle|csv.",
                  file=sys.stderr)
            return 2
        return None
    if not args.roster:
        print("artethics check: --gradebook needs --roster CSV (the students' names in "
              "their notebooks and their ids on the platform).", file=sys.stderr)
        return 2
    args.out = args.out or f"gradebook-{platform}.csv"
    try:
        gradebook.assignment_names(args.assignment, [])
        roster = gradebook.read_roster(args.roster, platform, args.match)
    except ValueError as exc:
        print(f"artethics check: {clean(exc)}", file=sys.stderr)
        return 2
    targets = [args.out, gradebook.report_path(args.out)]
    why = gradebook.refuse_overwrite(targets, args.force) or next(
        (ensure_writable(t) for t in targets if ensure_writable(t)), "")
    if why:
        print(f"artethics check: the gradebook cannot be written: {clean(why)}", file=sys.stderr)
        return 2
    return roster


def _write_gradebook(args, roster, reports, manifest) -> int:
    from artethics.tools import gradebook

    lessons = [args.lesson] if args.lesson else []
    folders = [Report(p, problem=gradebook.FOLDER_PROBLEM)
               for p in gradebook.folders_named_notebook(args.paths)]
    book = gradebook.build([*reports, *folders], roster, manifest, lessons)
    try:
        backups = gradebook.export(book, roster, args.gradebook, args.out, args.assignment,
                                   args.match)
    except gradebook.GradebookError as exc:
        print(f"artethics check: {clean(exc)}", file=sys.stderr)
        return 2
    for path in backups:
        print(f"artethics check: the earlier file is kept as {clean(path)}", file=sys.stderr)
    print(f"Gradebook: {clean(args.out)} ({len(book.grades)} graded); report: "
          f"{clean(gradebook.report_path(args.out))}.")
    for problem in book.problems:
        print(f"artethics check: not graded: {problem}", file=sys.stderr)
    return 3 if book.problems else 0
