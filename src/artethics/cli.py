"""The ``artethics`` command. Each subcommand lives in its own module, imported
only when that subcommand runs, so ``artethics --help`` stays fast."""

from __future__ import annotations

import argparse
import importlib
import sys

# name -> (module, one-line help). Each module defines add_arguments(parser) and main(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("artethics.runner", "execute notebooks headless with papermill; write build/"),
    "student": ("artethics.student", "generate the student notebooks from the solution notebooks"),
    "refresh": ("artethics.student", "re-execute the solution notebooks, regenerate students"),
    "check": ("artethics.checking", "check a student's notebook against the kit's own checks"),
    "collect": ("artethics.collect", "collect submitted answers into the class database"),
}


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="artethics", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = next((a for a in argv if not a.startswith("-")), None)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == wanted:
            mod = importlib.import_module(module)
            adder = getattr(mod, f"add_{name}_arguments", None) or mod.add_arguments
            adder(p)
            p.set_defaults(_main=getattr(mod, f"{name}_main", None) or mod.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "_main", None):
        parser.print_help()
        return 2
    try:
        return int(args._main(args) or 0)
    except KeyboardInterrupt:
        print("artethics: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
