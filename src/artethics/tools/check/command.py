"""``artethics check``: the command line."""

from __future__ import annotations

import math
import sys

from artethics.tools.check.api import check_notebooks
from artethics.tools.check.report import clean, ensure_writable, write_csv
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
    return 0 if reports and passed == len(reports) else 1
