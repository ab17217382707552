"""``artethics run``: execute the course's notebooks headless with papermill.

Executed copies go to ``build/executed/<path>``, HTML handouts to
``build/html/<path>.html``; the notebooks themselves are only read. Parameters
(``-p NAME VALUE``, ``--params FILE.yaml``) are checked against every target's
annotated ``parameters`` cell before anything executes.

Usage from Python::

    from artethics.tools import runner
    results = runner.run(["notebooks/00_orientation.ipynb"], parameters={"student": "ci"})
    print(runner.format_summary(results))
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from artethics import paths
from artethics.errors import ArtethicsError
from artethics.tools.common import block_slow_optional_imports, default_jobs
from artethics.tools.papermill_worker import (
    DEAD,
    FAILED,
    OK,
    TIMEOUT,
    Result,
    Task,
)

__all__ = [
    "UsageError", "add_arguments", "main", "run", "plan", "find_targets", "parse_cli_parameters",
    "load_params_file", "declared_parameters", "validate_parameters", "type_problem",
    "format_summary", "format_failure", "external_references",
    "OK", "FAILED", "TIMEOUT", "DEAD", "Result", "Task",
]

DEFAULT_FOLDERS = ("notebooks", "course/solutions", "course")  # course/*.ipynb: the dashboard
SKIP_PARTS = {".ipynb_checkpoints", "build", ".venv", ".git"}


class UsageError(ArtethicsError, ValueError):
    """Bad input from the user: the run stops before anything executes (exit 2)."""


# --------------------------------------------------------------------------- command line
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="notebooks or folders (default: notebooks/ and course/solutions/)")
    parser.add_argument("-j", "--jobs", type=_positive_int, default=None,
                        help="worker processes (default: one per core)")
    parser.add_argument("--timeout", type=_positive_int, default=120,
                        help="seconds one cell may run before it counts as hung (default 120)")
    parser.add_argument("--start-timeout", type=_positive_int, default=60,
                        help="seconds a kernel may take to start (default 60)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("NAME", "VALUE"),
                        help="set a parameter; VALUE is read as YAML (e.g. 3, true, 'text')")
    parser.add_argument("--params", metavar="FILE.yaml", default=None,
                        help="a YAML mapping of parameters; -p wins over the file")
    parser.add_argument("--output-dir", metavar="DIR", default=None,
                        help="where executed/ and html/ go (default: build/ in the kit)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="force the progress bar on or off (default: on when stderr is a TTY)")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def main(args: argparse.Namespace) -> int:
    """Run, print the summary (and each failure); 0 all ok, 1 a notebook failed, 2 bad usage."""
    try:
        parameters = load_params_file(args.params) if args.params else {}
        parameters.update(parse_cli_parameters(args.parameter))
        results = run(args.paths, parameters=parameters, jobs=args.jobs, timeout=args.timeout,
                      start_timeout=args.start_timeout, output_dir=args.output_dir,
                      progress=args.progress)
    except UsageError as err:
        print(f"artethics run: {err}", file=sys.stderr)
        return 2
    print(format_summary(results))
    failures = [r for r in results if r.status != OK]
    for result in failures:
        print()
        print(format_failure(result))
    return 1 if failures else 0


# --------------------------------------------------------------------------- targets
def find_targets(paths_given: Sequence[str | os.PathLike], root: Path) -> list[Path]:
    """The notebooks to run, sorted by their path relative to the kit root."""
    if not paths_given:
        found = [nb for folder in DEFAULT_FOLDERS for nb in (root / folder).glob("*.ipynb")]
        if not found:
            raise UsageError(f"no notebooks in {' or '.join(DEFAULT_FOLDERS)} under {root}; "
                             "give notebook paths, or set ARTETHICS_ROOT to the kit's folder")
    else:
        found = [nb for given in paths_given for nb in _expand(Path(given))]
    unique = {nb.resolve(): nb for nb in found}
    return sorted(unique, key=lambda nb: relative_name(nb, root))


def _expand(given: Path) -> list[Path]:
    if given.is_dir():
        return [nb for nb in given.rglob("*.ipynb") if not SKIP_PARTS & set(nb.parts)]
    if not given.exists():
        raise UsageError(f"{given}: no such file or folder")
    if given.suffix != ".ipynb":
        raise UsageError(f"{given}: not a notebook (expected a .ipynb file or a folder)")
    return [given]


def relative_name(notebook: Path, root: Path) -> str:
    """The notebook's path inside the kit (posix); the key of every report and output."""
    try:
        return notebook.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{notebook}: outside the kit folder {root}; copy it into the kit, "
                         "or set ARTETHICS_ROOT to a folder that contains it") from None


# --------------------------------------------------------------------------- parameters
def parse_cli_parameters(pairs: Iterable[Sequence[str]]) -> dict:
    """``-p NAME VALUE`` pairs to a dict; each VALUE is read as YAML (like papermill's -y)."""
    import yaml

    out = {}
    for name, text in pairs:
        _check_name(name, "-p")
        try:
            out[name] = yaml.safe_load(text) if text.strip() else text
        except yaml.YAMLError as err:
            raise UsageError(f"-p {name} {text!r}: not a valid YAML value ({_yaml_problem(err)}); "
                             "quote text, e.g. -p student \"'Chan Tai Man'\"") from None
    return out


def load_params_file(path: str | os.PathLike) -> dict:
    """A YAML file holding one mapping ``name: value``."""
    import yaml

    file = Path(path)
    if not file.is_file():
        raise UsageError(f"--params {file}: no such file")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise UsageError(f"--params {file}: not valid YAML: {_yaml_problem(err)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"--params {file}: expected a mapping of `name: value` lines, "
                         f"found a {type(data).__name__}")
    for name in data:
        _check_name(name, f"--params {file}")
    return dict(data)


def _yaml_problem(err) -> str:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return f"{where}{problem}"


def _check_name(name, origin: str) -> None:
    if not isinstance(name, str) or not name.isidentifier():
        raise UsageError(f"{origin}: {name!r} is not a valid parameter name "
                         "(letters, digits and _ , not starting with a digit)")


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook's ``parameters`` cell declares (papermill's inspection)."""
    block_slow_optional_imports()
    import papermill

    try:
        return papermill.inspect_notebook(str(notebook))
    except Exception as err:  # noqa: BLE001  (a broken notebook file is a usage error here)
        raise UsageError(f"{notebook}: cannot read its parameters cell ({err})") from None


_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,), "int": (int,), "float": (float, int), "bool": (bool,),
    "dict": (dict,), "list": (list,), "tuple": (list, tuple),
}


def type_problem(value, type_name: str, default: str) -> str | None:
    """Why ``value`` does not fit a declared parameter, or None when it fits.

    ``type_name`` is papermill's ``inferred_type_name`` ("None" when the name is
    not annotated: the type then comes from the default). ``None`` fits where
    the default is None or the type is ``Optional[...]``. bool is not an int.
    """
    base, optional = _parse_type_name(type_name)
    if base is None:
        base = _type_of_default(default)
    if value is None:
        return None if optional or default.strip() == "None" else f"expected {base}, got None"
    accepted = _TYPES.get(base) if base is not None else None
    if accepted is None:
        return None  # an annotation we cannot check (e.g. a class): papermill passes it on
    if isinstance(value, bool) and bool not in accepted:
        return f"expected {base}, got bool {value!r}"
    if not isinstance(value, accepted):
        return f"expected {base}, got {type(value).__name__} {value!r}"
    return None


def _parse_type_name(type_name: str) -> tuple[str | None, bool]:
    name = type_name.replace(" ", "")
    if name in ("None", ""):
        return None, False
    if name.startswith("Optional[") and name.endswith("]"):
        return _parse_type_name(name[len("Optional["):-1])[0], True
    parts = [p for p in name.split("|") if p != "None"]
    optional = len(parts) < len(name.split("|"))
    if not parts:
        return None, optional
    base = parts[0].split("[")[0].lower()
    base = {"typing.dict": "dict", "typing.list": "list"}.get(base, base)
    return base, optional


def _type_of_default(default: str) -> str | None:
    try:
        value = ast.literal_eval(default)
    except (ValueError, SyntaxError):
        return None
    return None if value is None else type(value).__name__


def validate_parameters(parameters: dict, declared: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """Give each notebook the parameters it declares; refuse unknown names and wrong types.

    ``declared`` maps notebook name -> papermill's inspection. Returns notebook
    name -> parameters to inject. Raises UsageError listing every problem.
    """
    problems = []
    for name in sorted(parameters):
        owners = sorted(nb for nb, decl in declared.items() if name in decl)
        if not owners:
            problems.append(_unknown_message(name, declared))
            continue
        problems.extend(_wrong_type_messages(name, parameters[name], owners, declared))
    if problems:
        raise UsageError("nothing was executed:\n  " + "\n  ".join(problems))
    return {nb: {k: v for k, v in sorted(parameters.items()) if k in decl}
            for nb, decl in sorted(declared.items())}


def _unknown_message(name: str, declared: dict[str, dict[str, dict]]) -> str:
    known = sorted({p for decl in declared.values() for p in decl})
    return (f"unknown parameter '{name}': no target notebook declares it "
            f"(checked {', '.join(sorted(declared)) or 'no notebooks'}; "
            f"declared: {', '.join(known) or 'none'})")


def _wrong_type_messages(name, value, owners, declared) -> list[str]:
    by_problem: dict[str, list[str]] = {}
    for nb in owners:
        spec = declared[nb][name]
        problem = type_problem(value, spec.get("inferred_type_name", "None"),
                               spec.get("default", ""))
        if problem:
            by_problem.setdefault(problem, []).append(nb)
    return [f"parameter '{name}' in {', '.join(nbs)}: {problem}"
            for problem, nbs in sorted(by_problem.items())]


# --------------------------------------------------------------------------- the run
def plan(paths_given: Sequence[str], parameters: dict, *, timeout: int = 120,
         start_timeout: int = 60, output_dir: str | os.PathLike | None = None) -> list[Task]:
    """Everything to execute, validated; raises UsageError before anything runs."""
    root = paths.root()
    targets = find_targets(paths_given, root)
    names = {nb: relative_name(nb, root) for nb in targets}
    declared = {names[nb]: declared_parameters(nb) for nb in targets}
    per_notebook = validate_parameters(parameters, declared)
    out = Path(output_dir) if output_dir else paths.build_dir()
    return [Task(source=str(nb.resolve()), name=names[nb],
                 executed=str(out / "executed" / names[nb]),
                 html=str(out / "html" / (names[nb] + ".html")),
                 parameters=per_notebook[names[nb]], timeout=timeout, start_timeout=start_timeout)
            for nb in targets]


def run(paths_given: Sequence[str] = (), *, parameters: dict | None = None, jobs: int | None = None,
        timeout: int = 120, start_timeout: int = 60, output_dir=None,
        progress: bool | None = None) -> list[Result]:
    """Validate, then execute every target in worker processes; results sorted by notebook."""
    tasks = plan(paths_given, dict(parameters or {}), timeout=timeout,
                 start_timeout=start_timeout, output_dir=output_dir)
    results = execute(tasks, jobs=jobs or default_jobs(), progress=progress)
    return sorted(results, key=lambda r: r.name)


def execute(tasks: list[Task], *, jobs: int, progress: bool | None = None) -> list[Result]:
    """Run tasks in a pool of worker processes, each importing papermill once."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from artethics.tools import papermill_worker as worker

    if not tasks:
        return []
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    first_cwd = str(Path(tasks[0].source).parent)
    results = []
    bar = _progress_bar(len(tasks), progress)
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)),
                             mp_context=multiprocessing.get_context(method),
                             initializer=worker.init_worker, initargs=(first_cwd,)) as pool:
        futures = {pool.submit(worker.run_notebook, task): task for task in tasks}
        for future in as_completed(futures):
            results.append(_result_of(future, futures[future]))
            bar.set_postfix_str(futures[future].name, refresh=False)
            bar.update(1)
    bar.close()
    return results


def _result_of(future, task: Task) -> Result:
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001  (a worker that died is a failed notebook, not a crash)
        return Result(name=task.name, status=FAILED, seconds=0.0, ename=type(err).__name__,
                      evalue=f"the worker process running this notebook stopped: {err}")


def _progress_bar(total: int, forced: bool | None):
    from tqdm import tqdm

    enabled = sys.stderr.isatty() if forced is None else forced
    return tqdm(total=total, unit="nb", desc="artethics run", file=sys.stderr,
                disable=not enabled, dynamic_ncols=True)


# --------------------------------------------------------------------------- reports
def format_summary(results: Sequence[Result]) -> str:
    """The table: notebook · status · seconds, sorted by notebook, with a total line."""
    rows = sorted(results, key=lambda r: r.name)
    width = max([len("notebook")] + [len(r.name) for r in rows])
    lines = [f"{'notebook':<{width}}  {'status':<11}  {'seconds':>7}",
             f"{'-' * width}  {'-' * 11}  {'-' * 7}"]
    lines += [f"{r.name:<{width}}  {r.status:<11}  {r.seconds:>7.1f}" for r in rows]
    bad = sum(r.status != OK for r in rows)
    lines.append(f"{len(rows)} notebook(s): {len(rows) - bad} ok, {bad} not ok")
    return "\n".join(lines)


def format_failure(result: Result) -> str:
    """What went wrong in one notebook: where, which exception, the start of the traceback."""
    where = f"cell {result.cell}" if result.cell is not None else "before the first cell"
    head = f"{result.name}: {result.status} at {where} (cell index in the source notebook, from 0)"
    lines = [head, f"  {result.ename}: {result.evalue}".rstrip()]
    lines += [f"    {line}" for line in result.traceback]
    return "\n".join(lines)


def external_references(html: str) -> list[str]:
    """Every remote (http/https or protocol-relative) script or stylesheet an HTML page loads."""
    import re

    scripts = re.findall(r"<script[^>]*\bsrc=[\"']((?:https?:)?//[^\"']+)", html, re.I)
    sheets = re.findall(r"<link[^>]*\bhref=[\"']((?:https?:)?//[^\"']+)", html, re.I)
    imports = re.findall(r"\bimport\(\s*[\"']((?:https?:)?//[^\"']+)", html)
    return sorted(set(scripts + sheets + imports))
