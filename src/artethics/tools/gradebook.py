"""``artethics check … --gradebook canvas|moodle|csv --roster roster.csv``: grades a
learning platform imports as it is.

Scores come from the kit's own checks (:mod:`artethics.tools.check`): each check is
worth 1 point unless the lesson's notebook metadata weighs it (``artethics.points``, as
nbgrader reads it). Reflections, the platform policy and the replies of argument cards
are marked by hand with the rubrics: they are never scored here, only named in the
report.

The roster maps the name or pseudonym a student put in the notebook (the ``student``
parameter, or the name on their recorded answers) to the platform's id. A name that is
not on the roster, a name on two roster rows, a notebook that names two students and two
submissions of one lesson by one student are listed (on stderr and in the report file),
never guessed: their grade cells stay empty.

Formats (one row per roster student):

- ``canvas``: Canvas's gradebook CSV: ``Student, ID, SIS User ID, SIS Login ID,
  Section``, one column per lesson (named as the Canvas assignment, ``--assignment``),
  and the ``Points Possible`` row Canvas's own export has;
- ``moodle``: Moodle's "Import grades from CSV file": one column to match users by
  (``ID number`` or ``Email address``, ``--match``) and one column per grade item;
- ``csv``: ``student_id, name, lesson, score, max, …``: one row per student and
  lesson, with what is left to mark by hand.
"""

from __future__ import annotations

import ast
import csv
import io
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from artethics.errors import ArtethicsError
from artethics.tools.check.notebook import cell_source, read_notebook
from artethics.tools.check.report import OK, Report, clean

FORMATS = ("canvas", "moodle", "csv")
MATCH = {"idnumber": "ID number", "email": "Email address"}
MAX_ROSTER_BYTES = 5 << 20
DEFAULT_STUDENT = "anonymous"
CANVAS_FIXED = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
CSV_COLUMNS = ("student_id", "name", "lesson", "score", "max", "checks_passed",
               "checks_total", "to_mark_by_hand", "status", "notebook")
# Roster headers, compared without case, spaces, '_' or '-'. The name column: the first found.
NAME_COLUMNS = ("notebook_name", "name", "pseudonym", "student")
ID_COLUMNS = {"canvas": ("ID",), "csv": ("student_id", "ID"),
              "idnumber": ("ID number", "idnumber"), "email": ("Email address", "email")}
CANVAS_EXTRA = ("Student", "SIS User ID", "SIS Login ID", "Section")
EXCEL_UTF8 = ("In Excel: File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"; in "
              "LibreOffice: Save As → Text CSV, character set Unicode (UTF-8), field "
              "delimiter ','.")


class RosterError(ArtethicsError, ValueError):
    """A roster that cannot be used; the message says what is wrong and how to fix it."""


class GradebookError(ArtethicsError, OSError):
    """A gradebook that cannot be written where it was asked for."""


# --- the roster --------------------------------------------------------------------------


def key(name: str) -> str:
    """How names are compared: Unicode NFKC, case folded, runs of spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).casefold()


@dataclass(frozen=True)
class Student:
    row: int  # the line of the roster file (the header is line 1)
    name: str
    id: str
    fields: dict[str, str] = field(default_factory=dict)  # other platform columns


@dataclass
class Roster:
    path: str
    students: list[Student]
    by_name: dict[str, list[Student]]

    def find(self, name: str) -> list[Student]:
        return self.by_name.get(key(name), [])

    def duplicate_names(self) -> list[list[Student]]:
        return [rows for rows in self.by_name.values() if len(rows) > 1]


def _decode(path: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 2:
        raise RosterError(f"the roster {path} is saved as UTF-16 (Excel's \"Unicode Text\"), "
                          f"not as a CSV file in UTF-8. {EXCEL_UTF8}")
    try:
        return data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM: fine
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RosterError(
            f"the roster {path} is not UTF-8 text (byte 0x{data[exc.start]:02x} on line "
            f"{line}); it was probably saved in another encoding (GBK, Big5, Windows-1252 "
            f"...). {EXCEL_UTF8}") from None


def _read_roster_text(path: str | Path) -> str:
    p = Path(path)
    if p.is_dir():
        raise RosterError(f"the roster {path} is a folder; give the CSV file itself.")
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_ROSTER_BYTES + 1)
    except FileNotFoundError:
        raise RosterError(f"there is no roster at {path}; check the path.") from None
    except OSError as exc:
        raise RosterError(f"the roster {path} cannot be read ({exc.strerror or exc}).") from None
    if len(data) > MAX_ROSTER_BYTES:
        raise RosterError(f"the roster {path} is larger than {MAX_ROSTER_BYTES >> 20} MB; a "
                          "class list is far smaller. Check that it is the right file.")
    return _decode(str(path), data)


def _rows(path: str, text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    if not first:
        raise RosterError(f"the roster {path} is empty; it needs a header line and one row "
                          "per student.")
    if "," not in first:
        sep = ";" if ";" in first else "a tab" if "\t" in first else ""
        if sep:
            raise RosterError(
                f"the roster {path} separates its columns with {sep}, not commas (Excel "
                f"does this where a comma is the decimal mark). {EXCEL_UTF8}")
        raise RosterError(f"the roster {path} has a single column ({first.strip()[:40]!r}); "
                          "it needs at least a name column and an id column, separated by "
                          "commas.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise RosterError(f"the roster {path} is not valid CSV near line {reader.line_num} "
                          f"({exc}); a field with a comma or quote must be in double quotes."
                          ) from None
    records = [(n, row) for n, row in records if any(cell.strip() for cell in row)]
    header = [cell.strip() for cell in records[0][1]]
    return header, records[1:]


def _column(header: Sequence[str], wanted: Sequence[str]) -> int | None:
    keys = [_header_key(h) for h in header]
    for name in wanted:
        if _header_key(name) in keys:
            return keys.index(_header_key(name))
    return None


def _id_columns(platform: str, match: str) -> tuple[str, ...]:
    return ID_COLUMNS[match] if platform == "moodle" else ID_COLUMNS[platform]


def read_roster(path: str | Path, platform: str, match: str = "idnumber") -> Roster:
    """The roster at ``path``; :class:`RosterError` says what is wrong and how to fix it.

    Columns: the name or pseudonym students put in their notebooks (``notebook_name``,
    else ``name``, ``pseudonym`` or ``student``) and the platform's id (Canvas: ``ID``;
    Moodle: ``ID number`` or ``Email address``; csv: ``student_id``). Other columns of
    the platform's own export (Canvas's ``SIS User ID``, ``Section`` ...) are carried over.
    """
    shown = str(path)
    header, records = _rows(shown, _read_roster_text(path))
    name_at = _column(header, NAME_COLUMNS)
    id_wanted = _id_columns(platform, match)
    id_at = _column(header, id_wanted)
    missing = [what for what, at in (
        (f"the students' names as written in their notebooks ({' or '.join(NAME_COLUMNS)})",
         name_at), (f"the {platform} id ({' or '.join(id_wanted)})", id_at)) if at is None]
    if missing:
        raise RosterError(f"the roster {shown} has no column for {' and '.join(missing)}. Its "
                          f"columns are: {', '.join(repr(h) for h in header) or 'none'}. Add "
                          "the column (first line) and fill it in for every student.")
    assert name_at is not None and id_at is not None
    problems, students = _roster_students(shown, header, records, name_at, id_at)
    if problems:
        raise RosterError(f"the roster {shown} cannot be used: " + "; ".join(problems[:10])
                          + ("; …" if len(problems) > 10 else "") + ". Fix these rows (or "
                          "delete the rows of students who left) and run again.")
    by_name: dict[str, list[Student]] = {}
    for s in students:
        by_name.setdefault(key(s.name), []).append(s)
    return Roster(shown, students, by_name)


def _roster_students(path: str, header: list[str], records: list[tuple[int, list[str]]],
                     name_at: int, id_at: int) -> tuple[list[str], list[Student]]:
    problems: list[str] = []
    students: list[Student] = []
    first_row: dict[str, int] = {}
    extras = {label: _column(header, [label]) for label in (*CANVAS_EXTRA, "Email address")}
    for line, row in records:
        if len(row) > len(header):
            problems.append(f"line {line} has {len(row)} fields but the header has "
                            f"{len(header)} (a name with a comma must be in double quotes)")
            continue
        row = [c.strip() for c in row] + [""] * (len(header) - len(row))
        name, ident = row[name_at], row[id_at]
        if not ident:
            problems.append(f"line {line} ({clean(name) or 'no name'}) has no id")
        if not name:
            problems.append(f"line {line} (id {clean(ident) or '?'}) has no name")
        if ident and ident in first_row:
            problems.append(f"the id {clean(ident)!r} is on lines {first_row[ident]} and {line}"
                            " (one row per student)")
        if ident and name and ident not in first_row:
            fields = {label: row[at] for label, at in extras.items() if at is not None}
            students.append(Student(line, name, ident, fields))
        first_row.setdefault(ident, line)
    if not records:
        problems.append("it has a header but no students")
    return problems, students


# --- who submitted a notebook -------------------------------------------------------------


def _assigned_text(source: str, name: str) -> str | None:
    """The text a cell assigns to ``name`` as a plain string literal, else None."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    found = None
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign) else
                   [node.target] if isinstance(node, ast.AnnAssign) else [])
        value = getattr(node, "value", None)
        if (any(isinstance(t, ast.Name) and t.id == name for t in targets)
                and isinstance(value, ast.Constant) and isinstance(value.value, str)):
            found = value.value
    return found


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def cells(nb: dict) -> list[dict]:
    """The notebook's cells that are objects (a damaged file may hold anything)."""
    found = nb.get("cells") if isinstance(nb, dict) else None
    return [c for c in found if isinstance(c, dict)] if isinstance(found, list) else []


def parameter_student(nb: dict) -> str:
    """The ``student`` the notebook's parameters cell (or papermill's injected parameters)
    sets, or ""."""
    name = ""
    for cell in cells(nb):
        tags = _dict(cell.get("metadata")).get("tags")
        if cell.get("cell_type") == "code" and isinstance(tags, list) and (
                "parameters" in tags or "injected-parameters" in tags):
            name = _assigned_text(cell_source(cell), "student") or name
    return name.strip()


def recorded_answers(nb: dict) -> list:
    """The answers the notebook records (:func:`responses_in_notebook`), from the cells and
    outputs that have the shape of a notebook's; anything else is passed over."""
    from artethics.responses.notebook import responses_in_notebook

    kept = []
    for cell in cells(nb):
        outputs = cell.get("outputs")
        outputs = [o for o in outputs if isinstance(o, dict) and isinstance(
            o.get("data") or {}, dict)] if isinstance(outputs, list) else []
        kept.append({"cell_type": cell.get("cell_type"), "outputs": outputs})
    return responses_in_notebook({"cells": kept})


PSEUDONYM = re.compile(r"^p-[0-9a-f]{12}$")


def notebook_identity(nb: dict) -> tuple[list[str], list[str]]:
    """(names, pseudonyms) the notebook gives its student, other than the default
    "anonymous": the ``student`` parameter and the names on its recorded answers (one per
    spelling). A class that pseudonymises records ``p-…`` pseudonyms (of the same name)
    on the answers while the parameter keeps the name: the two are kept apart."""
    given = [parameter_student(nb)] + [r.student for r in recorded_answers(nb)]
    names: dict[str, str] = {}
    pseudonyms: dict[str, str] = {}
    for name in given:
        if name and key(name) != DEFAULT_STUDENT:
            (pseudonyms if PSEUDONYM.match(name.strip()) else names).setdefault(
                key(name), name.strip())
    return list(names.values()), list(pseudonyms.values())


def notebook_students(nb: dict) -> list[str]:
    """The names the notebook gives its student (its pseudonyms when it has no name)."""
    names, pseudonyms = notebook_identity(nb)
    return names or pseudonyms


def folders_named_notebook(paths: Iterable[str | Path]) -> list[str]:
    """Folders whose name ends in .ipynb among ``paths`` and under them: a notebook that
    cannot be read (an upload unpacked wrongly), which walking the folders would pass over."""
    found = []
    for p in map(Path, paths):
        if p.is_dir() and p.suffix == ".ipynb":
            found.append(str(p))
        if p.is_dir():
            for here, dirs, _files in os.walk(p, followlinks=False, onerror=lambda _: None):
                dirs[:] = sorted(d for d in dirs if d != ".ipynb_checkpoints")
                found += [os.path.join(here, d) for d in dirs if d.endswith(".ipynb")]
    return sorted(set(found))


FOLDER_PROBLEM = ("it is a folder, not a notebook file (an upload unpacked wrongly?). Submit "
                  "the .ipynb file itself.")


# --- points -------------------------------------------------------------------------------


def _kit_lesson(lesson: str) -> dict | None:
    from artethics import paths

    for folder in (paths.solutions_dir(), paths.notebooks_dir()):
        try:
            return read_notebook(folder / f"{lesson}.ipynb")
        except ArtethicsError:
            continue
    return None


@dataclass(frozen=True)
class LessonPoints:
    checks: dict[str, float]  # exercise -> points (those not named are worth 1)
    by_hand: tuple[tuple[str, float], ...]  # (activity or exercise, points) marked by rubric

    def of(self, exercise: str) -> float:
        value = self.checks.get(exercise, 1)
        return value if isinstance(value, int | float) and not isinstance(value, bool) else 1


def lesson_points(manifest: dict, lesson: str) -> LessonPoints:
    """The lesson's weights: the manifest's ``points`` when it has them, else the kit's
    lesson notebook (``artethics.points`` in its metadata; its manually graded cells)."""
    entry = manifest.get("lessons", {}).get(lesson, {})
    nb = _kit_lesson(lesson) or {}
    meta = ((nb.get("metadata") or {}).get("artethics") or {})
    points = entry.get("points", meta.get("points")) or {}
    by_hand = []
    for cell in nb.get("cells", []):
        grading = ((cell.get("metadata") or {}).get("nbgrader") or {})
        if grading.get("grade") and grading.get("solution"):
            meta_cell = (cell.get("metadata") or {}).get("artethics") or {}
            label = meta_cell.get("activity") or meta_cell.get("exercise") or grading.get(
                "grade_id", "?")
            by_hand.append((str(label), float(grading.get("points") or 0)))
    return LessonPoints(points if isinstance(points, dict) else {}, tuple(by_hand))


def _number(value: float) -> str:
    return f"{value:g}"


# --- matching submissions to the roster -------------------------------------------------


@dataclass
class Grade:
    report: Report
    score: float
    max_score: float
    passed: int


@dataclass
class Book:
    """Grades by (roster id, lesson) and everything that was not graded, with why."""

    lessons: list[str]
    max_score: dict[str, float]
    grades: dict[tuple[str, str], Grade] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    duplicate_names: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # information: no submission
    by_hand: dict[str, str] = field(default_factory=dict)  # lesson -> what the rubrics mark

    @property
    def problems(self) -> list[str]:
        return (self.unreadable + self.unmatched + self.ambiguous + self.duplicate_names
                + self.duplicates)


def _grade(report: Report, points: LessonPoints) -> Grade:
    score = sum(points.of(r.exercise) for r in report.results if r.status == OK)
    top = sum(points.of(r.exercise) for r in report.results)
    return Grade(report, score, top, sum(r.status == OK for r in report.results))


def build(reports: Iterable[Report], roster: Roster, manifest: dict,
          lessons: Sequence[str] = ()) -> Book:
    """Match each checked notebook to one roster student; collect what cannot be matched."""
    reports = list(reports)
    found = sorted({r.lesson for r in reports if r.lesson and not r.problem} | set(lessons))
    points = {lesson: lesson_points(manifest, lesson) for lesson in found}
    book = Book(found, {})
    for lesson in found:
        checks = manifest.get("lessons", {}).get(lesson, {}).get("checks", [])
        book.max_score[lesson] = sum(points[lesson].of(c.get("exercise", "")) for c in checks)
    clashes: dict[tuple[str, str], list[Report]] = {}
    named_twice = {key(rows[0].name) for rows in roster.duplicate_names()}
    for rows in roster.duplicate_names():
        lines = ", ".join(str(s.row) for s in rows)
        book.duplicate_names.append(
            f"the name {clean(rows[0].name)!r} is on roster lines {lines} (ids "
            f"{', '.join(clean(s.id) for s in rows)}): its notebooks were not graded. Give "
            "each student a name of their own in the roster and in their notebook.")
    for rep in reports:
        _match(rep, roster, named_twice, book, clashes, points)
    for (ident, lesson), reps in sorted(clashes.items()):
        if len(reps) > 1:
            book.grades.pop((ident, lesson), None)
            files = ", ".join(clean(r.path) for r in reps)
            book.duplicates.append(f"two or more submissions of {lesson} for id {clean(ident)}: "
                                   f"{files}. None was graded: keep one and run again.")
    _information(book, roster, points)
    return book


def _match(rep: Report, roster: Roster, named_twice: set[str], book: Book,
           clashes: dict[tuple[str, str], list[Report]], points: dict[str, LessonPoints]) -> None:
    where = clean(rep.path)
    if rep.problem:
        book.unreadable.append(f"{where}: cannot be checked. {clean(rep.problem)}")
        return
    try:
        names, pseudonyms = notebook_identity(read_notebook(rep.path))
    except ArtethicsError as exc:
        book.unreadable.append(f"{where}: cannot be read any more ({clean(exc)})")
        return
    if not names + pseudonyms:
        book.unmatched.append(f"{where}: the notebook gives no student name (its `student` "
                              "is empty or 'anonymous'). Ask the student to set it, or add "
                              "their name to the notebook's parameters cell.")
        return
    if len(names) > 1 or len(pseudonyms) > 1:
        several = names if len(names) > 1 else pseudonyms
        book.ambiguous.append(f"{where}: the notebook names several students ("
                              f"{', '.join(repr(clean(n)) for n in several)}); which one is "
                              "not guessed. Ask the student, then fix the notebook or the "
                              "roster.")
        return
    twice = [n for n in names + pseudonyms if key(n) in named_twice]
    if twice:
        book.ambiguous.append(f"{where}: {clean(twice[0])!r} is on two roster lines (see "
                              "below); not graded.")
        return
    match = {s.id: s for n in names + pseudonyms for s in roster.find(n)}
    if len(match) > 1:
        book.ambiguous.append(f"{where}: its name and its pseudonym are on different roster "
                              f"lines (ids {', '.join(clean(i) for i in sorted(match))}); "
                              "not graded. Fix the roster.")
        return
    if not match:
        shown = " or ".join(repr(clean(n)) for n in names + pseudonyms)
        book.unmatched.append(f"{where}: {shown} is not on the roster "
                              f"{clean(roster.path)}. Add it to the student's row "
                              "(notebook_name column), then run again.")
        return
    ident = next(iter(match))
    clashes.setdefault((ident, rep.lesson), []).append(rep)
    book.grades[(ident, rep.lesson)] = _grade(rep, points[rep.lesson])


def _information(book: Book, roster: Roster, points: dict[str, LessonPoints]) -> None:
    for lesson in book.lessons:
        absent = [s for s in roster.students if (s.id, lesson) not in book.grades]
        if absent:
            shown = ", ".join(f"{clean(s.name)} ({clean(s.id)})" for s in absent[:50])
            more = f" and {len(absent) - 50} more" if len(absent) > 50 else ""
            book.missing.append(f"{lesson}: no graded submission from {shown}{more}; their "
                                "cells are left empty.")
        if points[lesson].by_hand:
            book.by_hand[lesson] = "; ".join(f"{a} ({_number(p)} points)"
                                             for a, p in points[lesson].by_hand)


# --- the files ----------------------------------------------------------------------------


def assignment_names(given: Sequence[str], lessons: Sequence[str]) -> dict[str, str]:
    """{lesson: column name} from ``LESSON=NAME`` pairs; other lessons keep their id.
    ValueError says what is wrong with a pair."""
    names = {lesson: lesson for lesson in lessons}
    for pair in given or ():
        lesson, sep, name = pair.partition("=")
        if not sep or not lesson.strip() or not name.strip():
            raise ValueError(f"--assignment {pair!r} is not LESSON=NAME, e.g. "
                             "--assignment '03_lofter=Lesson 3: LOFTER (12345)'.")
        names[lesson.strip()] = name.strip()
    return names


def table(book: Book, roster: Roster, platform: str, columns: dict[str, str],
          match: str = "idnumber") -> list[list[str]]:
    """The gradebook's rows, header first."""
    lessons = book.lessons
    heads = [columns.get(lesson, lesson) for lesson in lessons]

    def cell(student: Student, lesson: str) -> str:
        grade = book.grades.get((student.id, lesson))
        return _number(grade.score) if grade else ""

    if platform == "canvas":
        rows = [[*CANVAS_FIXED, *heads],
                ["    Points Possible", "", "", "", "",
                 *[_number(book.max_score[lesson]) for lesson in lessons]]]
        for s in roster.students:
            f = s.fields
            rows.append([f.get("Student") or s.name, s.id, f.get("SIS User ID", ""),
                         f.get("SIS Login ID", ""), f.get("Section", ""),
                         *[cell(s, lesson) for lesson in lessons]])
        return rows
    if platform == "moodle":
        return [[MATCH[match], *heads]] + [[s.id, *[cell(s, lesson) for lesson in lessons]]
                                           for s in roster.students]
    rows = [list(CSV_COLUMNS)]
    for s in roster.students:
        for lesson in lessons:
            rows.append(_csv_row(book, s, lesson))
    return rows


def _csv_row(book: Book, s: Student, lesson: str) -> list[str]:
    grade = book.grades.get((s.id, lesson))
    by_hand = book.by_hand.get(lesson, "")
    if grade is None:
        return [s.id, s.name, lesson, "", _number(book.max_score[lesson]), "", "", by_hand,
                "no graded submission", ""]
    return [s.id, s.name, lesson, _number(grade.score), _number(grade.max_score),
            str(grade.passed), str(len(grade.report.results)), by_hand, "graded",
            not_a_formula(clean(grade.report.path))]


def not_a_formula(text: str) -> str:
    """A file name a student chose, safe to open in a spreadsheet: one that starts like a
    formula (``=``, ``+``, ``-``, ``@``) gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def report_text(book: Book, platform: str, out: str) -> str:
    graded = len(book.grades)
    lines = [f"artethics check --gradebook {platform}: {graded} submission(s) graded into "
             f"{out}.", ""]
    sections = (("Could not be read or checked", book.unreadable),
                ("Not on the roster, or no name", book.unmatched),
                ("Several names for one notebook or one name", book.ambiguous),
                ("Names on two roster lines", book.duplicate_names),
                ("Two submissions for one student", book.duplicates),
                ("No submission (information)", book.missing),
                ("Marked by hand with the rubrics (course/guide/rubrics.md), not in these "
                 "scores", [f"{lesson}: {items}" for lesson, items in book.by_hand.items()]))
    for title, items in sections:
        if items:
            lines += [f"{title}:"] + [f"  - {item}" for item in items] + [""]
    if not book.problems:
        lines.append("Every submission was matched to exactly one student.")
    return "\n".join(lines).rstrip() + "\n"


def report_path(out: str | Path) -> Path:
    out = Path(out)
    return out.with_name(out.stem + ".report.txt")


def refuse_overwrite(paths: Iterable[str | Path], force: bool) -> str:
    """Why the files cannot be written (one exists and ``force`` is off), or ""."""
    if force:
        return ""
    existing = [str(p) for p in paths if os.path.lexists(p)]
    if existing:
        return (f"{', '.join(existing)} already exist(s); nothing was checked or written. "
                "Choose another --out, or pass --force to replace it (the old file is kept "
                "as a .bak copy).")
    return ""


def backup_path(path: Path) -> Path:
    """A free name next to ``path`` for its backup: ``name.bak``, else ``name.bak.2`` …"""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def write_files(texts: dict[Path, str]) -> list[Path]:
    """Write every file in full beside its target first, back up what each replaces, then
    move them into place. Returns the backups. :class:`GradebookError` when a folder
    vanished or is full: no target is then changed."""
    temps: dict[Path, str] = {}
    try:
        for target, text in texts.items():
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            temps[target] = tmp
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        backups = []
        for target in texts:
            if os.path.lexists(target):
                backups.append(backup_path(target))
                shutil.copy2(target, backups[-1])
        for target, tmp in temps.items():
            os.replace(tmp, target)
        return backups
    except OSError as exc:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
        folder = next(iter(texts)).parent
        raise GradebookError(f"the gradebook could not be written to {clean(folder)} "
                             f"({clean(exc.strerror or exc)}); no earlier file was changed. "
                             "Check that the folder still exists and has room, then run "
                             "again.") from None


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def export(book: Book, roster: Roster, platform: str, out: str | Path,
           assignments: Sequence[str] = (), match: str = "idnumber") -> list[Path]:
    """Write the gradebook and its report (atomically, backing up what they replace)."""
    out = Path(out)
    columns = assignment_names(assignments, book.lessons)
    texts = {out: csv_text(table(book, roster, platform, columns, match)),
             report_path(out): report_text(book, platform, str(out))}
    return write_files(texts)
