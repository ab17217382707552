"""Student copies, generated from the solution notebooks; and the check manifest.

``make_student(nb)`` replaces every ``### BEGIN SOLUTION`` … ``### END SOLUTION``
region with a placeholder that keeps the notebook running (see
course/AUTHORING.md), drops instructor-only cells and clears outputs.
``build_manifest`` records each check cell's source, checksum and the output
it gives in the solution notebook: what ``artethics check`` compares against.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import sys
import tempfile
from pathlib import Path

from artethics import i18n, paths
from artethics.errors import ArtethicsError
from artethics.tools import nbform
from artethics.tools.manifest import MANIFEST, lesson_checks, sha256

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
# The marker "YOUR ANSWER HERE" (nbgrader's) stays in English in every language; what
# follows it is in the lesson's language (see placeholder()).
PLACEHOLDER_COMMENT = "# YOUR ANSWER HERE: replace None with your answer"
PROSE_COMMENT = "# YOUR ANSWER HERE: write your answer between the quotes"
MARKDOWN_PLACEHOLDER = "*Write your answer here.*"
_TRANSLATABLE = (i18n.N_("replace None with your answer"),
                 i18n.N_("write your answer between the quotes"),
                 i18n.N_("Write your answer here."))


def placeholder(english: str) -> str:
    """One of the three placeholders above, in the current language."""
    if english == MARKDOWN_PLACEHOLDER:
        return f"*{i18n._(english.strip('*'))}*"
    marker, _, rest = english.partition(": ")
    return f"{marker}: {i18n._(rest)}"


class SolutionError(ArtethicsError, ValueError):
    """An authoring error in a solution region, with where it is and how to fix it."""


# --- solution regions ------------------------------------------------------------


def split_regions(text: str, where: str) -> list[tuple[str, bool]]:
    """``text`` as (chunk, is_solution) pairs; unbalanced or nested markers raise."""
    chunks: list[tuple[str, bool]] = []
    current: list[str] = []
    inside = False
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        marker = line.strip()
        if marker.startswith("### BEGIN") or marker.startswith("### END"):
            if marker not in (BEGIN, END):
                raise SolutionError(f"{where}, line {number}: unknown marker {marker!r}; "
                                    f"the kit uses {BEGIN!r} and {END!r} only")
            if (marker == BEGIN) == inside:
                state = "already inside" if inside else "not inside"
                raise SolutionError(f"{where}, line {number}: {marker!r} but {state} "
                                    "a solution region; pair every BEGIN with one END")
            chunks.append(("".join(current), inside))
            current, inside = [], marker == BEGIN
            continue
        current.append(line)
    if inside:
        raise SolutionError(f"{where}: {BEGIN!r} has no matching {END!r}")
    chunks.append(("".join(current), False))
    return [(c, s) for c, s in chunks if c or s]


def code_placeholder(region: str, where: str, *, prose: bool = False) -> str:
    """What a student sees instead of a code solution region: for each name it assigns,
    ``name = None``, or the skeleton the instructions describe for a prose answer (a
    string becomes an empty triple-quoted string to write in; a dict of strings keeps
    its keys with empty strings); stub functions for its defs. With ``prose`` (a
    reflection cell) every assignment is a prose answer, whatever the region holds."""
    import textwrap

    body = textwrap.dedent(region)
    first = next((line for line in region.splitlines() if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip())]
    try:
        tree = ast.parse(body)
    except SyntaxError as exc:
        raise SolutionError(f"{where}: the solution region is not valid Python ({exc.msg}, "
                            f"line {exc.lineno})") from exc
    lines = [placeholder(PROSE_COMMENT if prose or any(map(_is_prose, tree.body))
                         else PLACEHOLDER_COMMENT)]
    for node in tree.body:
        lines += _placeholder_for(node, where, prose)
    return "".join(f"{indent}{line}\n" if line else "\n" for line in lines)


PROSE_WORDS = 3  # a string answer of fewer words is an id or a choice ('a'), not prose


def _is_text(node: ast.expr | None) -> bool:
    """A string of a few words or more (or an f-string): written text, not an id."""
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
        and len(node.value.split()) >= PROSE_WORDS)


def _is_prose(node: ast.stmt) -> bool:
    """An assignment of written text, or of a dict whose every value is written text
    under a string key (the policy draft); ids and choices are not prose."""
    value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
    if isinstance(value, ast.Dict):
        keys_ok = all(isinstance(k, ast.Constant) and isinstance(k.value, str)
                      for k in value.keys)
        return bool(value.keys) and keys_ok and all(map(_is_text, value.values))
    return _is_text(value)


def _prose_skeleton(name: str, value: ast.expr | None) -> list[str]:
    if isinstance(value, ast.Dict):
        keys = [k.value for k in value.keys if isinstance(k, ast.Constant)]
        parts = [f'    {json.dumps(key, ensure_ascii=False)}: "",' for key in keys]
        return [f"{name} = {{", *parts, "}"]
    return [f'{name} = """', "", '"""']


def _placeholder_for(node: ast.stmt, where: str, prose: bool = False) -> list[str]:
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        if names and all(isinstance(t, (ast.Name, ast.Tuple, ast.List)) for t in targets):
            single = len(names) == 1 and isinstance(targets[0], ast.Name)
            if single and (prose or _is_prose(node)):
                value = node.value if _is_prose(node) else None
                return _prose_skeleton(names[0], value)
            return [f"{name} = None" for name in dict.fromkeys(names)]
    if isinstance(node, ast.FunctionDef):
        signature = ast.unparse(node.args)
        return [f"def {node.name}({signature}):", "    return None"]
    raise SolutionError(
        f"{where}, region line {node.lineno}: a solution region may only assign names or "
        f"define functions (found {type(node).__name__}); move other code out of the region")


def _string_lines(text: str) -> set[int]:
    """The numbers of the lines (1-based) that lie inside a multi-line string of ``text``
    (empty when ``text`` is not valid Python)."""
    import io
    import tokenize

    inside: set[int] = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                inside.update(range(tok.start[0] + 1, tok.end[0]))
    except (tokenize.TokenError, SyntaxError):
        return set()
    return inside


def strip_solutions(cell: dict, where: str) -> dict:
    """The cell with each solution region replaced by what a student sees: a placeholder
    (code), the prose skeleton (reflections, written answers), nothing inside a string
    (a region between triple quotes leaves them empty) or a prompt (Markdown)."""
    cell = copy.deepcopy(cell)
    text = nbform.source(cell)
    if "### BEGIN" not in text and "### END" not in text:
        return cell
    in_string = _string_lines(text) if cell.get("cell_type") == "code" else set()
    prose = nbform.role(cell) == "reflection"
    parts = []
    line = 1
    for chunk, is_solution in split_regions(text, where):
        if is_solution:
            line += 1  # the BEGIN marker
        if not is_solution:
            parts.append(chunk)
        elif cell.get("cell_type") != "code":
            parts.append(placeholder(MARKDOWN_PLACEHOLDER) + "\n")
        elif line - 1 in in_string:
            parts.append("\n")  # the answer is written between the quotes around the region
        else:
            parts.append(code_placeholder(chunk, where, prose=prose))
        line += chunk.count("\n") + (1 if is_solution else 0)  # and the END marker
    cell["source"] = "".join(parts).rstrip("\n")
    return cell


def make_student(nb: nbform.Notebook, name: str = "notebook") -> nbform.Notebook:
    """The student copy of a solution notebook (a new object; ``nb`` is untouched), with
    its placeholders in the notebook's language (metadata ``artethics.lang``)."""
    with i18n.using(nb.metadata.get("artethics", {}).get("lang", i18n.DEFAULT)):
        return _make_student(nb, name)


def _make_student(nb: nbform.Notebook, name: str) -> nbform.Notebook:
    out = copy.deepcopy(nb)
    cells = []
    for index, cell in enumerate(out.cells):
        if nbform.role(cell) == "instructor":
            continue
        cells.append(strip_solutions(cell, f"{name}, cell {index}"))
    out.cells = cells
    out = nbform.normalise(out, clear_outputs=True)
    out.metadata.setdefault("artethics", {})["cells"] = cell_checksums(out)
    return out


def cell_checksums(nb: nbform.Notebook) -> dict[str, str]:
    """Each cell's id with a short checksum of its source as the kit ships it, kept in the
    student copy's metadata (``artethics.cells``): `artethics update` tells from it which
    cells the student has written in."""
    return {cell.id: sha256(nbform.source(cell))[:16] for cell in nb.cells}


# --- the check manifest ------------------------------------------------------------


def build_manifest(solutions: list[Path]) -> dict:
    """Checks and student-copy checksums of every lesson, as ``artethics student`` writes."""
    lessons = {}
    for path in sorted(solutions):
        nb = _with_lesson_id(nbform.read(path), path.stem)
        lessons[path.stem] = {"checks": lesson_checks(nb),
                              "notebook_sha256": sha256(nbform.dumps(make_student(nb, path.name)))}
    return {"lessons": lessons}


# --- generating and refreshing ------------------------------------------------------


def solution_paths(names: list[str] | None = None, *, lang: str = i18n.DEFAULT) -> list[Path]:
    """The solution notebooks of the named lessons (default all), in ``lang``: English in
    ``course/solutions/``, a translation in ``course/solutions/<lang>/``."""
    folder = paths.solutions_dir()
    if lang != i18n.DEFAULT:
        folder = folder / i18n.normalise(lang)
    found = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if names:
        found = [p for p in found if p.stem in names or p.name in names]
    return found


def _with_lesson_id(nb: nbform.Notebook, lesson: str) -> nbform.Notebook:
    """The lesson id (the file stem) in the notebook's own metadata, where `artethics check`
    and `collect` read it even after a student renames the file."""
    nb.metadata.setdefault("artethics", {})["lesson"] = lesson
    return nb


def planned_outputs(solutions: list[Path]) -> dict[Path, str]:
    """Every file ``artethics student`` writes, with its text: the solution notebooks
    themselves in normal form (metadata only; outputs are kept), their student copies
    and the check manifest."""
    out = {}
    for path in solutions:
        nb = _with_lesson_id(nbform.read(path), path.stem)
        out[path] = nbform.dumps(nbform.normalise(nb))
        out[student_path(path)] = nbform.dumps(make_student(nb, path.name))
        for lang in i18n.LANGUAGES[1:]:  # the translations, where they have been built
            translated = path.parent / lang / path.name
            if translated.exists():
                tnb = _with_lesson_id(nbform.read(translated), path.stem)
                out[translated] = nbform.dumps(nbform.normalise(tnb))
                out[student_path(translated)] = nbform.dumps(make_student(tnb, path.name))
    text = json.dumps(build_manifest(solution_paths()), indent=1, ensure_ascii=False,
                      sort_keys=True)
    out[MANIFEST] = text + "\n"
    return out


def student_path(solution: Path) -> Path:
    """Where the student copy of a solution notebook goes: ``notebooks/`` for English,
    ``notebooks/<lang>/`` for a translation in ``course/solutions/<lang>/``."""
    if solution.parent.name in i18n.LANGUAGES[1:]:
        return paths.notebooks_dir() / solution.parent.name / solution.name
    return paths.notebooks_dir() / solution.name


def add_student_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lessons", nargs="*", help="lesson ids (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a student copy is stale")


def student_main(args: argparse.Namespace) -> int:
    """Write the student copies of the named lessons (default all) and the manifest."""
    try:
        planned = planned_outputs(solution_paths(args.lessons))
    except SolutionError as exc:
        print(f"artethics student: {exc}", file=sys.stderr)
        return 1
    stale = [p for p, text in planned.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    for path in stale:
        shown = path.relative_to(paths.root()) if path.is_relative_to(paths.root()) else path
        if args.check:
            print(f"stale: {shown} (run `make student`)")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(planned[path], encoding="utf-8")
            print(f"wrote {shown}")
    if not stale:
        print("student copies are up to date")
    return 1 if args.check and stale else 0


def add_refresh_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lessons", nargs="*", help="lesson ids (default: all)")
    parser.add_argument("--timeout", type=int, default=300, help="per-cell timeout, seconds")
    parser.add_argument("--lang", action="append", choices=i18n.LANGUAGES, default=None,
                        help="the language(s) to re-execute (repeatable; default: English)")


def execute_in_place(path: Path, timeout: int) -> None:
    """Run a solution notebook top to bottom and store its outputs in normal form."""
    from nbclient import NotebookClient

    nb = nbform.read(path)
    with tempfile.TemporaryDirectory() as tmp:
        # As in JupyterLab and under nbval: no MPLBACKEND, so the kernel uses the inline
        # backend with its end-of-cell figure flush.
        env = {"ARTETHICS_DB": str(Path(tmp) / "responses.sqlite"), "ARTETHICS_CLASS_DIR": "",
               "PYTHONHASHSEED": "0", "MPLBACKEND": None}
        saved = {k: os.environ.get(k) for k in env}
        for key, value in env.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            for key, value in saved.items():
                os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    nbform.write(nbform.normalise(nb), path)


def refresh_main(args: argparse.Namespace) -> int:
    """Re-execute the named lessons (default all) in the chosen languages (default
    English); regenerate only their student copies."""
    langs = getattr(args, "lang", None) or [i18n.DEFAULT]
    lessons = [p.stem for p in solution_paths(args.lessons)]
    for lang in langs:
        for path in solution_paths(args.lessons, lang=lang):
            print(f"executing {path.relative_to(paths.root())} ...", flush=True)
            execute_in_place(path, args.timeout)
            found = nbform.problems(nbform.read(path), name=path.name)
            for problem in found:
                print(f"  {problem}")
    return student_main(argparse.Namespace(lessons=lessons, check=False))
