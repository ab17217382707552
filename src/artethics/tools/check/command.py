"""``artethics check``: the command line."""

from __future__ import annotations

import sys

from artethics.tools.check.api import check_notebooks
from artethics.tools.check.report import write_csv
from artethics.tools.manifest import CheckError, load_manifest


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="NOTEBOOK|FOLDER",
                        help="student notebooks, or folders holding them")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds each cell may run before it is stopped (default 60)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--csv", metavar="OUT", help="also write one row per exercise to OUT")
    parser.add_argument("--lesson", default="", help="the lesson these notebooks must be")
    parser.add_argument("--manifest", default=None, help="a check manifest other than the kit's")


def main(args) -> int:
    if args.timeout <= 0 or (args.jobs is not None and args.jobs < 1):
        print("artethics check: --timeout must be above 0 and --jobs at least 1.", file=sys.stderr)
        return 2
    try:
        manifest = load_manifest(args.manifest)
    except CheckError as exc:
        print(f"artethics check: {exc}", file=sys.stderr)
        return 2
    reports = check_notebooks(args.paths, manifest=manifest, timeout=args.timeout,
                              jobs=args.jobs, lesson=args.lesson)
    for rep in reports:
        print(rep.text())
    if args.csv:
        write_csv(reports, args.csv)
    passed = sum(r.ok for r in reports)
    print(f"{passed} of {len(reports)} notebooks pass every exercise.")
    return 0 if reports and passed == len(reports) else 1


