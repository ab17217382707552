"""``artethics update``: bring students' copies of the lessons up to date with the kit
without losing their work (issue 16).

When the kit's lessons change, each student copy is rebuilt from the new lesson (in
the copy's own language) and the student's work is carried over **by exercise id**, not
by position: answer cells, reflections, the answers recorded by widgets (their saved
outputs and widget state) and the settings in the parameters cell. The old file is kept
beside the new one as ``<name>.before-update-<n>.ipynb``. Whatever cannot go back into
the new lesson — an answer to an exercise that was removed or changed, a cell the student
added — is kept in a clearly marked section at the end of the notebook, never dropped,
and the report lists it.

Student copies carry ``artethics.cells`` in their metadata: the checksum of every cell
as the kit shipped it. That tells an unanswered exercise (unchanged placeholder) from an
answered one, and a cell the student wrote from one of the kit's. Copies made before the
checksums existed are read with the same rules, treating every differing cell as the
student's.

Used on JupyterHub instead of letting nbgitpuller merge into the students' files: the
kit is pulled into a folder students never edit, and ``artethics update ~/lessons``
rebuilds their own copies from it (course/guide/instructor-guide.md).
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from artethics import i18n, paths
from artethics.errors import ArtethicsError
from artethics.i18n import _
from artethics.tools import nbform
from artethics.tools.manifest import sha256

KEPT_HEADING_ID = "kept-from-previous-copy"
ANSWER_ROLES = ("answer", "reflection")
BACKUP = "{stem}.before-update-{n}.ipynb"


class UpdateError(ArtethicsError):
    """A notebook that cannot be updated, with why and what to do."""


def key_of(cell: dict) -> str | None:
    """What a cell answers, the same in every version and language of a lesson:
    ``answer:<exercise>``, ``reflection:<activity>``, ``widget:<activity>``,
    ``check:<exercise>``, ``parameters``; None for the lesson's other cells."""
    meta = nbform.kit_meta(cell)
    role = meta.get("role")
    if role in ("answer", "check"):
        return f"{role}:{meta.get('exercise')}"
    if role in ("reflection", "widget"):
        return f"{role}:{meta.get('activity')}"
    if "parameters" in cell.get("metadata", {}).get("tags", []):
        return "parameters"
    return None


@dataclass
class Report:
    """What one update did, in words a student understands."""

    path: Path
    lesson: str = ""
    lang: str = i18n.DEFAULT
    carried: list[str] = field(default_factory=list)
    reworded: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    backup: Path | None = None
    unchanged: bool = False

    def lines(self) -> list[str]:
        head = f"{self.path}: lesson {self.lesson} ({self.lang})"
        if self.unchanged:
            return [f"{head}: already up to date, nothing written"]
        out = [f"{head}: updated" + (f", the old file kept as {self.backup.name}"
                                     if self.backup else "")]
        out += [f"  carried over: {', '.join(self.carried)}"] if self.carried else []
        out += [f"  question reworded, re-read it and check your answer still fits: {k}"
                for k in self.reworded]
        out += [f"  new in this version: {k}" for k in self.new]
        out += [f"  kept at the end of the notebook (exercise removed or changed, or a cell "
                f"you added): {k}" for k in self.kept]
        return out


# --- reading the student's copy ------------------------------------------------------------


def _answered(cell: dict, shipped: dict[str, str]) -> bool:
    """Whether the student wrote something in an answer or reflection cell."""
    text = nbform.source(cell)
    if cell.get("id") in shipped:
        return sha256(text)[:16] != shipped[cell["id"]]
    # A copy without checksums: a placeholder that still assigns None, or an empty
    # reflection, is unanswered.
    if "YOUR ANSWER HERE" in text:
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return True
        values = [n.value for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign))]
        return not all(isinstance(v, ast.Constant) and v.value in (None, "") for v in values)
    return bool(text.strip())


def _prompt(cells: list, index: int) -> str:
    """The question an answer cell answers: the Markdown cell just above it."""
    for cell in reversed(cells[:index]):
        if cell.get("cell_type") == "markdown":
            return nbform.source(cell).strip()
        if key_of(cell) is None:
            continue
    return ""


def _assigned_names(code: str) -> set[str]:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


def _parameter_values(code: str) -> dict[str, str]:
    """``name -> source of its value`` for each simple assignment of a parameters cell."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return {}
    found = {}
    for node in tree.body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if len(node.targets) == 1 else None)
        value = node.value
        if isinstance(target, ast.Name) and value is not None:
            found[target.id] = ast.get_source_segment(code, value) or ""
    return found


def merge_parameters(old: str, new: str) -> str:
    """The new parameters cell with the student's values for the names both cells have."""
    mine, lines = _parameter_values(old), new.splitlines()
    try:
        tree = ast.parse(new)
    except SyntaxError:
        return new
    for node in sorted(tree.body, key=lambda n: -n.lineno):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if len(node.targets) == 1 else None)
        value = node.value
        if not (isinstance(target, ast.Name) and target.id in mine and value is not None
                and node.lineno == node.end_lineno):
            continue
        assert value.end_col_offset is not None
        line = lines[node.lineno - 1]
        start, end = value.col_offset, value.end_col_offset
        if line[start:end] != mine[target.id] and "\n" not in mine[target.id]:
            lines[node.lineno - 1] = line[:start] + mine[target.id] + line[end:]
    return "\n".join(lines)


# --- building the new copy ---------------------------------------------------------------


def _kept_cells(kept: list[tuple[str, dict]]) -> list:
    """The marked section at the end: a heading, then each kept cell as Markdown with its
    code in a fence (safe under Run All, easy to copy back)."""
    import nbformat

    heading = nbformat.v4.new_markdown_cell(
        "## " + _("Kept from your previous copy") + "\n\n"
        + _("The lesson was updated. What follows was in your previous copy but has no "
            "place in the new version (an exercise that was removed or changed, or a cell "
            "you added). Nothing here runs; copy what you need into the cells above."),
        id=KEPT_HEADING_ID)
    out = [heading]
    for n, (why, cell) in enumerate(kept):
        text = nbform.source(cell)
        fence = "````" if "```" in text else "```"
        body = (f"{fence}python\n{text}\n{fence}" if cell.get("cell_type") == "code"
                else text)
        recorded = _recorded_lines(cell)
        if recorded:
            body += "\n\n" + _("Answers you had recorded here:") + "\n\n" + "\n".join(
                f"- {line}" for line in recorded)
        out.append(nbformat.v4.new_markdown_cell(f"**{why}**\n\n{body}", id=f"kept-{n:02d}"))
    return out


def _recorded_lines(cell: dict) -> list[str]:
    from artethics.responses.record import MIME

    lines = []
    for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
        data = output.get("data") or {}
        if MIME in data:
            text = data.get("text/plain", "")
            lines.append("".join(text) if isinstance(text, list) else str(text))
    return lines


def update_copy(old: dict, fresh: nbform.Notebook, path: Path = Path("notebook")
                ) -> tuple[nbform.Notebook, Report]:
    """The fresh student copy with the student's work from ``old`` carried over."""
    meta = old.get("metadata", {}).get("artethics", {}) or {}
    cells_meta = meta.get("cells")
    shipped: dict[str, str] = cells_meta if isinstance(cells_meta, dict) else {}
    report = Report(path, fresh.metadata.get("artethics", {}).get("lesson", ""),
                    fresh.metadata.get("artethics", {}).get("lang", i18n.DEFAULT))
    out = copy.deepcopy(fresh)
    old_cells = [c for c in old.get("cells", []) if isinstance(c, dict)]
    # previous kept section: carried as it is, so a second update keeps it too
    previous_kept = [c for c in old_cells if str(c.get("id", "")).startswith(
        (KEPT_HEADING_ID, "kept-"))]
    old_cells = [c for c in old_cells if c not in previous_kept]
    by_key = {key_of(c): (i, c) for i, c in enumerate(old_cells) if key_of(c)}
    new_keys = {key_of(c) for c in out.cells if key_of(c)}
    fresh_ids = {c.id for c in out.cells}
    kept: list[tuple[str, dict]] = []

    for index, cell in enumerate(out.cells):
        key = key_of(cell)
        if key is None or key not in by_key:
            if key and key.split(":")[0] in ANSWER_ROLES:
                report.new.append(key.split(":", 1)[1])
            continue
        old_index, before = by_key[key]
        role = key.split(":")[0]
        if role == "parameters":
            cell.source = merge_parameters(nbform.source(before), nbform.source(cell))
        elif role == "widget":
            if before.get("outputs"):
                cell.outputs = _node(before["outputs"])
                cell.execution_count = before.get("execution_count")
                report.carried.append(key.split(":", 1)[1])
        elif role in ANSWER_ROLES and _answered(before, shipped):
            needed = _check_names(out.cells, key.split(":", 1)[1])
            mine = _assigned_names(nbform.source(before))
            if needed and not needed <= mine:
                kept.append((_("Your answer to {what}: the exercise changed").format(
                    what=key.split(":", 1)[1]), before))
                report.kept.append(key.split(":", 1)[1] + " (changed)")
                continue
            cell.source = nbform.source(before)
            cell.outputs = _node(before.get("outputs", []))
            cell.execution_count = before.get("execution_count")
            report.carried.append(key.split(":", 1)[1])
            if _prompt(old_cells, old_index) != _prompt(out.cells, index):
                report.reworded.append(key.split(":", 1)[1])

    for key, (_index, before) in by_key.items():
        role, _sep, what = (key or "").partition(":")
        if key not in new_keys and role in (*ANSWER_ROLES, "widget") and (
                role == "widget" and _recorded_lines(before)
                or role != "widget" and _answered(before, shipped)):
            kept.append((_("Your answer to {what}: this exercise is no longer in the "
                           "lesson").format(what=what), before))
            report.kept.append(f"{what} (removed)")
    for before in old_cells:
        if key_of(before) or before.get("id") in fresh_ids:
            continue
        own = before.get("id") not in shipped if shipped else True
        if own and nbform.source(before).strip():
            kept.append((_("A cell from your previous copy"), before))
            report.kept.append(f"cell {before.get('id', '?')}")

    widgets = old.get("metadata", {}).get("widgets")
    if widgets:
        out.metadata["widgets"] = _node(widgets)
    if kept:
        with i18n.using(report.lang):
            out.cells += _kept_cells(kept)
    for cell in previous_kept:
        out.cells.append(nbform_cell(cell))
    return out, report


def nbform_cell(cell: dict):
    return _node(cell)


def _node(value):
    """A deep copy as nbformat's own node types (what nbformat writes)."""
    import nbformat

    return nbformat.from_dict(copy.deepcopy(value))


def _check_names(cells: list, exercise: str) -> set[str]:
    from artethics.tools.check.restore import answer_names

    for cell in cells:
        if key_of(cell) == f"check:{exercise}":
            try:
                return set(answer_names({"source": nbform.source(cell), "exercise": exercise}))
            except ArtethicsError:
                return set()
    return set()


# --- files ---------------------------------------------------------------------------------


def fresh_copy(lesson: str, lang: str) -> nbform.Notebook:
    """The kit's current student copy of ``lesson`` in ``lang``."""
    from artethics.tools.student import make_student, solution_paths

    found = solution_paths([lesson], lang=lang)
    if not found:
        raise UpdateError(f"the kit has no lesson {lesson!r} in {lang}; is the kit up to date "
                          "(git pull), and is this one of its lesson notebooks?")
    nb = nbform.read(found[0])
    nb.metadata.setdefault("artethics", {})["lesson"] = lesson
    return make_student(nb, found[0].name)


def backup_path(path: Path) -> Path:
    n = 1
    while (path.parent / BACKUP.format(stem=path.stem, n=n)).exists():
        n += 1
    return path.parent / BACKUP.format(stem=path.stem, n=n)


def _write_atomically(text: str, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_file(path: Path, *, dry_run: bool = False) -> Report:
    """Update one student notebook in place (keeping a backup); :class:`UpdateError`
    when it cannot be read or is not a lesson of the kit, with the file untouched."""
    from artethics.tools.check.notebook import read_notebook
    from artethics.tools.manifest import CheckError

    try:
        old = read_notebook(path)
    except CheckError as exc:
        raise UpdateError(f"{path}: {exc} Nothing was changed.") from None
    meta = old.get("metadata", {}).get("artethics") or {}
    lesson = meta.get("lesson") if isinstance(meta, dict) else None
    if not isinstance(lesson, str) or not lesson:
        raise UpdateError(f"{path}: this notebook does not say which lesson it is (no "
                          "artethics lesson in its metadata), so it was left as it is. Only "
                          "the kit's lesson notebooks can be updated.")
    lang = meta.get("lang", i18n.DEFAULT)
    try:
        lang = i18n.normalise(lang)
    except i18n.LanguageError as exc:
        raise UpdateError(f"{path}: {exc}. Nothing was changed.") from None
    new, report = update_copy(old, fresh_copy(lesson, lang), path)
    text = nbform.dumps(new)
    if path.read_text(encoding="utf-8") == text:
        report.unchanged = True
        return report
    if not dry_run:
        report.backup = backup_path(path)
        shutil.copy2(path, report.backup)
        _write_atomically(text, path)
    return report


def lesson_files(target: Path) -> list[Path]:
    """The lesson notebooks of a folder (not backups, checkpoints or the kit's own sources)."""
    if target.is_file() or target.suffix == ".ipynb":
        return [target]
    return sorted(p for p in target.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts and ".before-update-" not in p.name)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="*", type=Path,
                        help="student notebooks or folders of them (default: notebooks/)")
    parser.add_argument("--dry-run", action="store_true",
                        help="say what would change; write nothing")


def main(args: argparse.Namespace) -> int:
    """Update every named student copy; report each; exit 1 if any could not be updated."""
    targets = args.targets or [paths.notebooks_dir()]
    failed = 0
    for target in targets:
        if not target.exists():
            print(f"artethics update: {target}: no such file or folder", file=sys.stderr)
            failed += 1
            continue
        for path in lesson_files(target):
            try:
                report = update_file(path, dry_run=args.dry_run)
            except UpdateError as exc:
                print(f"artethics update: {exc}", file=sys.stderr)
                failed += 1
                continue
            except OSError as exc:
                print(f"artethics update: {path}: could not be written ({exc.strerror}); "
                      "the old file is unchanged.", file=sys.stderr)
                failed += 1
                continue
            print("\n".join(report.lines()))
    return 1 if failed else 0
