"""The package's layout: which module may import which.

Read from the source with ``ast`` (every import, also those inside functions), so a
wrong-way arrow fails here before it becomes a tangle:

- the lesson runtime (everything a notebook imports) never imports ``artethics.tools``;
- ``cases`` never imports ``exercises`` (exercises check against the cases, not back);
- the foundation (data, sources, tables, plotting, paths, errors, responses) imports
  nothing that sits above it;
- every error the kit raises on purpose derives from ``ArtethicsError``.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "artethics"

FOUNDATION = ("errors", "paths", "data", "sources", "tables", "plotting", "responses")
ABOVE_FOUNDATION = ("cases", "exercises", "widgets", "demos", "orientation", "reflection",
                    "checking", "tools")


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, package_dir: Path = PACKAGE) -> set[str]:
    """Every ``artethics...`` module that ``path`` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, package_dir).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{a.name}" for a in node.names}  # `from x import module`
    return {name for name in found if name.split(".")[0] == "artethics"}


def top(name: str) -> str:
    """The first-level part of an artethics module name: artethics.cases.trik -> cases."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules(package: Path = PACKAGE) -> list[Path]:
    return sorted(package.rglob("*.py"))


def arrows(package: Path = PACKAGE) -> list[tuple[str, str]]:
    """(importer, imported) for every import inside the package."""
    return sorted({(module_name(p, package), target)
                   for p in modules(package) for target in imports_of(p, package)})


def is_module(name: str, package: Path = PACKAGE) -> bool:
    rel = Path(*name.split(".")[1:])
    return ((package / rel).with_suffix(".py").exists()
            or (package / rel / "__init__.py").exists())


def wrong_way(rule, package: Path = PACKAGE) -> list[str]:
    return [f"{a} imports {b}" for a, b in arrows(package)
            if is_module(b, package) and rule(a, b)]


def test_the_scan_sees_imports_inside_functions_and_relative_ones():
    # cases/trik.py imports plotting inside a function; widgets/show.py uses relative imports
    assert ("artethics.cases.trik", "artethics.plotting") in arrows()
    assert ("artethics.widgets.show", "artethics.widgets.views") in arrows()


def test_the_lesson_runtime_never_imports_the_tools():
    assert wrong_way(lambda a, b: top(a) not in ("tools", "__main__") and top(b) == "tools") == []


def test_cases_never_import_exercises():
    assert wrong_way(lambda a, b: top(a) == "cases" and top(b) == "exercises") == []


def test_the_foundation_imports_nothing_above_it():
    assert wrong_way(lambda a, b: top(a) in FOUNDATION and top(b) in ABOVE_FOUNDATION) == []


def test_a_wrong_way_arrow_is_caught(tmp_path):
    """The rules can fail: a runtime module that imports the tools is reported."""
    fake = tmp_path / "artethics"
    (fake / "cases").mkdir(parents=True)
    (fake / "tools").mkdir()
    (fake / "tools" / "__init__.py").write_text("")
    (fake / "cases" / "__init__.py").write_text("")
    (fake / "cases" / "bad.py").write_text("def f():\n    from ..tools import runner\n")
    (fake / "tools" / "runner.py").write_text("")
    found = wrong_way(lambda a, b: top(a) != "tools" and top(b) == "tools", fake)
    assert "artethics.cases.bad imports artethics.tools.runner" in found


ERRORS = [
    ("artethics.data", "DataError"),
    ("artethics.widgets", "ParameterError"),
    ("artethics.tools.manifest", "CheckError"),
    ("artethics.tools.runner", "UsageError"),
    ("artethics.tools.student", "SolutionError"),
    ("artethics.i18n", "LanguageError"),
    ("artethics.tools.update", "UpdateError"),
    ("artethics.tools.gradebook", "RosterError"),
    ("artethics.tools.gradebook", "GradebookError"),
]


@pytest.mark.parametrize(("module", "name"), ERRORS)
def test_every_kit_error_is_an_artethics_error(module, name):
    from artethics.errors import ArtethicsError

    assert issubclass(getattr(importlib.import_module(module), name), ArtethicsError)


def test_every_error_class_in_the_package_is_listed_above():
    declared = set()
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error"):
                declared.add(node.name)
    assert declared - {"ArtethicsError"} == {name for _, name in ERRORS}


def test_the_command_table_names_real_handlers():
    from artethics.tools.cli import COMMANDS

    for name, command in COMMANDS.items():
        module = importlib.import_module(command.module)
        assert callable(getattr(module, command.add_arguments)), name
        assert callable(getattr(module, command.handler)), name
