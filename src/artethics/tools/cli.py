"""The ``artethics`` command: one explicit table maps each command name to its handler.

Each handler's module is imported only when that command runs, so ``artethics --help``
stays fast. To add a command, add one row to :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NamedTuple


class Command(NamedTuple):
    module: str  # imported only when the command runs
    add_arguments: str  # function(parser) in that module
    handler: str  # function(args) -> exit code in that module
    help: str


COMMANDS: dict[str, Command] = {
    "run": Command("artethics.tools.runner", "add_arguments", "main",
                   "execute notebooks headless with papermill; write build/"),
    "student": Command("artethics.tools.student", "add_student_arguments", "student_main",
                       "generate the student notebooks from the solution notebooks"),
    "refresh": Command("artethics.tools.student", "add_refresh_arguments", "refresh_main",
                       "re-execute the solution notebooks, regenerate the student copies"),
    "check": Command("artethics.tools.check.command", "add_arguments", "main",
                     "check students' notebooks against the kit's own checks"),
    "collect": Command("artethics.tools.collect", "add_arguments", "main",
                       "collect submitted answers into the class database"),
    "feedback": Command("artethics.tools.feedback", "add_arguments", "main",
                        "one HTML feedback page per student: ✔/✘ with hints, no answers"),
    "update": Command("artethics.tools.update", "add_arguments", "main",
                      "bring students' copies up to date with the kit's lessons, keeping "
                      "their answers"),
    "present": Command("artethics.tools.present", "add_arguments", "main", "live class view"),
    "translate": Command("artethics.tools.translate", "add_arguments", "main",
                         "update the translation catalogues and build the course in "
                         "zh-Hant and zh-Hans"),
}

DESCRIPTION = "Tools for the AI-art ethics teaching kit: run, check and collect the lessons."
EPILOG = """examples:
  artethics run                                  execute the whole course into build/
  artethics check notebooks/03_lofter.ipynb      check one student notebook
  artethics check submissions/ --csv results.csv check a folder of submissions
  artethics collect /srv/class --db class.sqlite build the class dataset
  artethics check submissions/ --gradebook canvas --roster roster.csv --out grades.csv
                                                 grades a learning platform imports
  artethics feedback submissions/ --out feedback/
                                                 one feedback page per student
  artethics present --class-folder /srv/class    the live class view for the projector
  artethics update ~/lessons                     new lesson versions, answers kept
  artethics translate --status                   how complete each translation is

Run `artethics COMMAND --help` for the options of one command."""


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="artethics", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = next((a for a in argv if not a.startswith("-")), None)
    for name, command in COMMANDS.items():
        p = sub.add_parser(name, help=command.help, description=command.help)
        if name == wanted:
            module = importlib.import_module(command.module)
            getattr(module, command.add_arguments)(p)
            p.set_defaults(_handler=getattr(module, command.handler))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler = getattr(args, "_handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print("artethics: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
