"""``artethics run``: execute the course's notebooks headless with papermill.

Executed copies go to ``build/executed/<path>``, HTML handouts to
``build/html/<folder>/<name>.html`` (``03_lofter.ipynb`` -> ``03_lofter.html``); the
notebooks themselves are only read. Answers that notebooks record during the run go
to ``build/responses.sqlite`` (a fresh database each run; no class folder), never to
the user's own ``~/.artethics``. Parameters (``-p NAME VALUE``, ``--params
FILE.yaml``) are read as YAML with a size and alias limit and checked against every
target's annotated ``parameters`` cell before anything executes.

Usage from Python::

    from artethics.tools import runner
    results = runner.run(["notebooks/00_orientation.ipynb"], parameters={"student": "ci"})
    print(runner.format_summary(results))
"""

from __future__ import annotations

import argparse
import ast
import math
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
    "format_summary", "format_failure", "external_references", "check_timeout", "read_yaml",
    "handout_name", "run_environment", "thread_limits", "longest_first",
    "OK", "FAILED", "TIMEOUT", "DEAD", "Result", "Task",
]

# Each language's notebooks: English at the top of each folder, translations in <lang>/;
# course/*.ipynb is the dashboard.
DEFAULT_FOLDERS = tuple(f"{folder}/{lang}" if lang != "en" else folder
                        for folder in ("notebooks", "course/solutions", "course")
                        for lang in ("en", "zh-Hant", "zh-Hans"))
SKIP_PARTS = {".ipynb_checkpoints", "build", ".venv", ".git"}
RUN_DB = "responses.sqlite"  # in the output folder: where the run's notebooks record answers
MAX_TIMEOUT = 24 * 60 * 60  # seconds: --timeout and --start-timeout are at most one day
# Parameters are small: limits that refuse an oversize file or a YAML alias bomb at once.
MAX_VALUE_BYTES = 64 * 1024  # one -p VALUE
MAX_FILE_BYTES = 1024 * 1024  # one --params file
MAX_YAML_NODES = 10_000  # values in the parameters, counting each alias use in full
MAX_YAML_DEPTH = 50  # lists and mappings inside one another


class UsageError(ArtethicsError, ValueError):
    """Bad input from the user: the run stops before anything executes (exit 2)."""


# --------------------------------------------------------------------------- command line
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="notebooks or folders (default: notebooks/ and course/solutions/)")
    parser.add_argument("-j", "--jobs", type=_positive_int, default=None,
                        help="worker processes (default: one per core)")
    parser.add_argument("--timeout", type=_seconds, default=120,
                        help="seconds one cell may run before it counts as hung "
                             f"(default 120, at most {MAX_TIMEOUT})")
    parser.add_argument("--start-timeout", type=_seconds, default=60,
                        help="seconds a kernel may take to start "
                             f"(default 60, at most {MAX_TIMEOUT})")
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


def _seconds(text: str) -> int:
    """A time limit from the command line: a whole number of seconds, 1 to MAX_TIMEOUT."""
    try:
        return check_timeout(int(text.strip()), "")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of seconds from 1 to {MAX_TIMEOUT}, got {text!r}") from None
    except UsageError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def check_timeout(value, option: str) -> int:
    """A time limit that is a finite number of seconds, at least 1 and at most one day
    (inf, nan, 0, negative numbers and bool are refused with UsageError)."""
    label = f"{option} " if option else ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UsageError(f"{label}expected a number of seconds, got {value!r}")
    if not math.isfinite(value) or not 1 <= value <= MAX_TIMEOUT:
        raise UsageError(f"{label}expected a finite number of seconds from 1 to {MAX_TIMEOUT}, "
                         f"got {value!r}")
    return int(value) if float(value).is_integer() else math.ceil(value)


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
            raise UsageError("no notebooks in notebooks or course/solutions (or their "
                             f"language folders) or course under {root}; "
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
    """``-p NAME VALUE`` pairs to a dict; each VALUE is read as YAML (like papermill's -y),
    with the size and alias limits of :func:`read_yaml`."""
    out = {}
    for name, text in pairs:
        _check_name(name, "-p")
        if not text.strip():
            out[name] = text
            continue
        origin = f"-p {name} {_shorten(text)!r}"
        out[name] = read_yaml(text, origin, MAX_VALUE_BYTES,
                              hint="quote text, e.g. -p student \"'Chan Tai Man'\"")
    return out


def load_params_file(path: str | os.PathLike) -> dict:
    """A YAML file holding one mapping ``name: value`` (at most MAX_FILE_BYTES)."""
    file = Path(path)
    origin = f"--params {file}"
    if not file.is_file():
        raise UsageError(f"{origin}: no such file" if not file.exists()
                         else f"{origin}: not a regular file (give a .yaml file)")
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise UsageError(f"{origin}: cannot be read ({err.strerror or err})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise UsageError(f"{origin}: larger than {MAX_FILE_BYTES:,} bytes; a parameters file "
                         "holds a few `name: value` lines")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{origin}: not UTF-8 text; save it as UTF-8") from None
    data = read_yaml(text, origin, MAX_FILE_BYTES, what="not valid YAML")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{origin}: expected a mapping of `name: value` lines, "
                         f"found a {type(data).__name__}")
    for name in data:
        _check_name(name, origin)
    return dict(data)


def read_yaml(text: str, origin: str, max_bytes: int, *, what: str = "not a valid YAML value",
              hint: str = ""):
    """Parse one YAML document safely: refuse text over ``max_bytes``, nesting deeper
    than MAX_YAML_DEPTH, more than MAX_YAML_NODES values once aliases are expanded (an
    alias bomb is refused without being expanded) and aliases that refer to themselves."""
    import yaml

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise UsageError(f"{origin}: {size:,} bytes, more than the {max_bytes:,} allowed "
                         "for parameters")
    hint = f"; {hint}" if hint else ""
    # libyaml's parser when present: fast on deep nesting (the pure-Python scanner is
    # quadratic there) and limited to 1000 levels by itself.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
        _check_yaml_size(node)
        return yaml.load(text, Loader=loader)  # noqa: S506  (a safe loader)
    except yaml.YAMLError as err:
        raise UsageError(f"{origin}: {what} ({_yaml_problem(err)}){hint}") from None
    except UsageError as err:  # from _check_yaml_size: the limits, said without the origin
        raise UsageError(f"{origin}: {err}") from None
    except RecursionError:
        raise UsageError(f"{origin}: nested more than {MAX_YAML_DEPTH} levels deep") from None
    except (ValueError, OverflowError) as err:  # e.g. an integer of more than 4300 digits
        raise UsageError(f"{origin}: {what} ({_shorten(str(err))}){hint}") from None


def _check_yaml_size(root) -> None:
    """Count the values a composed YAML node stands for, each alias in full, without
    building them; raise UsageError past the limits."""
    import yaml

    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def count(node, depth: int) -> int:
        if depth > MAX_YAML_DEPTH:
            raise UsageError(f"nested more than {MAX_YAML_DEPTH} levels deep")
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise UsageError("an alias refers to the value that contains it (a loop); "
                              "write the value out instead")
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = []
        for child in children:
            total += count(child, depth + 1)
            if total > MAX_YAML_NODES:
                raise UsageError(f"more than {MAX_YAML_NODES:,} values once its aliases (*name) "
                                  "are expanded; write the values out, or pass fewer")
        open_nodes.discard(key)
        sizes[key] = total
        return total

    if root is not None:
        count(root, 0)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


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
    timeout = check_timeout(timeout, "--timeout")
    start_timeout = check_timeout(start_timeout, "--start-timeout")
    root = paths.root()
    targets = find_targets(paths_given, root)
    names = {nb: relative_name(nb, root) for nb in targets}
    declared = {names[nb]: declared_parameters(nb) for nb in targets}
    per_notebook = validate_parameters(parameters, declared)
    out = Path(output_dir) if output_dir else paths.build_dir()
    return [Task(source=str(nb.resolve()), name=names[nb],
                 executed=str(out / "executed" / names[nb]),
                 html=str(out / "html" / handout_name(names[nb])),
                 parameters=per_notebook[names[nb]], timeout=timeout, start_timeout=start_timeout)
            for nb in targets]


def handout_name(name: str) -> str:
    """``course/solutions/03_lofter.ipynb`` -> ``course/solutions/03_lofter.html``."""
    path = Path(name)
    return (path.with_suffix(".html") if path.suffix == ".ipynb" else
            path.with_name(path.name + ".html")).as_posix()


def run(paths_given: Sequence[str] = (), *, parameters: dict | None = None, jobs: int | None = None,
        timeout: int = 120, start_timeout: int = 60, output_dir=None,
        progress: bool | None = None) -> list[Result]:
    """Validate, then execute every target in worker processes; results sorted by notebook.

    Answers recorded by the notebooks go to a fresh ``responses.sqlite`` in the output
    folder (``build/`` by default), with the class folder off.
    """
    tasks = plan(paths_given, dict(parameters or {}), timeout=timeout,
                 start_timeout=start_timeout, output_dir=output_dir)
    out = Path(output_dir) if output_dir else paths.build_dir()
    jobs = jobs or default_jobs()
    environment = {**thread_limits(jobs), **run_environment(out)}
    results = execute(tasks, jobs=jobs, progress=progress, environment=environment)
    return sorted(results, key=lambda r: r.name)


THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def thread_limits(jobs: int) -> dict[str, str | None]:
    """Threads per kernel for numpy's BLAS and OpenMP: the cores shared among the jobs.

    With one kernel per core, a BLAS that starts a thread per core in every kernel
    makes them fight over the cores (in a lesson's PCA: 4.2 s of CPU instead of 0.4 s,
    same numbers). A variable the user has set is left as it is.
    """
    share = str(max(1, default_jobs() // max(1, jobs)))
    return {name: share for name in THREAD_VARIABLES if name not in os.environ}


def run_environment(out: Path) -> dict[str, str | None]:
    """What the kernels of a run get: answers into ``out/responses.sqlite`` (emptied
    first, so that no earlier run's answers show in this run's outputs), no class
    folder. The user's own ``~/.artethics`` and class folder are never touched."""
    db = out.resolve() / RUN_DB
    if db == (Path.home() / ".artethics" / RUN_DB).resolve():
        raise UsageError(f"--output-dir {out}: that folder holds your own answers database; "
                         "choose another output folder (default: build/ in the kit)")
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if leftover.is_file() or leftover.is_symlink():
            leftover.unlink()
    return {"ARTETHICS_DB": str(db), "ARTETHICS_CLASS_DIR": None}


def execute(tasks: list[Task], *, jobs: int, progress: bool | None = None,
            environment: dict[str, str | None] | None = None) -> list[Result]:
    """Run tasks in a pool of worker processes, each importing papermill once; each
    finished notebook's HTML handout is written here, in a thread of this process,
    while the workers go on with the next notebooks."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

    from artethics.tools import papermill_worker as worker

    if not tasks:
        return []
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    first_cwd = str(Path(tasks[0].source).parent)
    results, handouts = [], []
    bar = _progress_bar(len(tasks), progress)
    with ThreadPoolExecutor(max_workers=1) as export, \
            ProcessPoolExecutor(max_workers=min(jobs, len(tasks)),
                                mp_context=multiprocessing.get_context(method),
                                initializer=worker.init_worker,
                                initargs=(first_cwd, "python3", environment,
                                          dict(os.environ))) as pool:
        futures = {pool.submit(worker.run_notebook, task): task for task in longest_first(tasks)}
        for future in as_completed(futures):
            task = futures[future]
            result = _result_of(future, task)
            handouts.append(export.submit(_with_handout, result, task))
            bar.set_postfix_str(task.name, refresh=False)
            bar.update(1)
        results = [handout.result() for handout in handouts]
    bar.close()
    return results


def longest_first(tasks: Sequence[Task]) -> list[Task]:
    """The order to start notebooks in: the heaviest first, so that no long notebook
    runs alone at the end while the other workers have nothing left to do.

    A lesson's weight is the size of its solution notebook (stored outputs: figures,
    tables, printed results grow with the work a lesson does); a student copy weighs
    what its solution weighs. Ties and unknown weights keep the order by name.
    """
    def weight(task: Task) -> int:
        source = Path(task.source)
        solution = paths.solutions_dir() / source.name
        sizes = [file.stat().st_size for file in (source, solution) if file.is_file()]
        return max(sizes, default=0)

    return sorted(tasks, key=lambda task: (-weight(task), task.name))


def _with_handout(result: Result, task: Task) -> Result:
    """Write the HTML handout of an executed copy; a failure to write it fails the notebook."""
    import dataclasses

    import nbformat

    from artethics.tools.papermill_worker import write_html

    if not Path(task.executed).exists():
        return result
    try:
        write_html(nbformat.read(task.executed, as_version=4), task.html)
    except Exception as err:  # noqa: BLE001  (reported like a failed cell)
        return dataclasses.replace(result, status=FAILED, cell=None, ename=type(err).__name__,
                                   evalue=f"writing the HTML handout failed: {err}",
                                   traceback=())
    return result


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
    lines = [f"{'notebook':<{width}}  {'language':<8}  {'status':<11}  {'seconds':>7}",
             f"{'-' * width}  {'-' * 8}  {'-' * 11}  {'-' * 7}"]
    lines += [f"{r.name:<{width}}  {language_of(r.name):<8}  {r.status:<11}  {r.seconds:>7.1f}"
              for r in rows]
    bad = sum(r.status != OK for r in rows)
    langs = sorted({language_of(r.name) for r in rows})
    lines.append(f"{len(rows)} notebook(s): {len(rows) - bad} ok, {bad} not ok; "
                 f"language(s): {', '.join(langs)}")
    return "\n".join(lines)


def language_of(name: str) -> str:
    """The language of a notebook by its folder: ``notebooks/zh-Hant/03_lofter.ipynb`` is
    zh-Hant, a notebook outside a language folder English."""
    parts = Path(name).parts
    return next((p for p in parts[:-1] if p in ("zh-Hant", "zh-Hans")), "en")


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
