"""What a check found: one verdict per exercise, one report per notebook, and the CSV."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from artethics import i18n
from artethics.i18n import _, pgettext

OK, FAIL, MISSING, TAMPERED, NOT_RUN = "pass", "fail", "missing", "tampered", "not run"
NO_ANSWER_TEXT = "no answer yet"
NBVAL_TAGS = frozenset({"nbval-check-output", "nbval-ignore-output", "nbval-skip",
                        "nbval-raises-exception", "raises-exception",
                        "pytest-validate-ignore-output"})
CSV_COLUMNS = ("student_file", "lesson", "exercise", "ok", "status", "message")
MARKS = {OK: "✔", FAIL: "✘", MISSING: "…", TAMPERED: "!", NOT_RUN: "-"}
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C,
                                                                   0x2028, 0x2029, 0x85}


def clean(text: object) -> str:
    """``text`` safe for one terminal or CSV line: control and bidirectional-override
    characters escaped (``\\x1b``, ``\\n``), bytes of a file name that were not UTF-8
    shown as ``\\xff``, lone surrogates as ``\\ud800``."""
    out = []
    for ch in str(text):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{o:04x}")
        elif o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or o in _BIDI:
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{o:02x}")
                       if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class ExerciseResult:
    exercise: str
    status: str  # pass | fail | missing | tampered | not run
    message: str  # the student's own check line, or what happened instead

    @property
    def ok(self) -> bool:
        return self.status == OK

    def line(self) -> str:
        """The report line, in the current language (the message is in the language the
        verdict was made in, the notebook's)."""
        # The verdict line already names the exercise ("✘ lofter.x: ..."): say it once.
        message = self.message
        for mark in ("✔", "✘"):
            message = message.removeprefix(f"{mark} {self.exercise}: ")
            message = message.removeprefix(_("{mark} {exercise}: {message}").format(
                mark=mark, exercise=self.exercise, message=""))
        return clean(_("{mark} {exercise} [{status}]: {message}").format(
            mark=MARKS[self.status], exercise=self.exercise, status=status_word(self.status),
            message=message))


def status_word(status: str) -> str:
    """A result's status (pass, fail, ...) as the report shows it, in the current language;
    the CSV keeps the English word."""
    words = {OK: pgettext("check status", "pass"), FAIL: pgettext("check status", "fail"),
             MISSING: pgettext("check status", "missing"),
             TAMPERED: pgettext("check status", "tampered"),
             NOT_RUN: pgettext("check status", "not run")}
    return words.get(status, status)


@dataclass(frozen=True)
class Report:
    """The verdict on one notebook. ``problem`` is set when it could not be checked at all."""

    path: str
    lesson: str = ""
    results: tuple[ExerciseResult, ...] = ()
    notes: tuple[str, ...] = ()
    problem: str = ""
    lang: str = ""  # the notebook's language (its messages are in it); "" for the current

    @property
    def ok(self) -> bool:
        return not self.problem and bool(self.results) and all(r.ok for r in self.results)

    def text(self) -> str:
        """The report, in the notebook's language."""
        with i18n.using(self.lang) if self.lang else contextlib.nullcontext():
            if self.problem:
                return clean(_("✘ {path}: cannot be checked. {problem}").format(
                    path=self.path, problem=self.problem))
            passed = sum(r.ok for r in self.results)
            head = clean(_("{path} (lesson {lesson}): {passed} of {total} exercises "
                           "pass").format(path=self.path, lesson=self.lesson, passed=passed,
                                          total=len(self.results)))
            lines = [head] + [f"  {r.line()}" for r in self.results]
            lines += ["  " + _("Note: {note}").format(note=clean(n)) for n in self.notes]
            return "\n".join(lines)



def rows(reports: Iterable[Report]) -> list[dict]:
    """CSV rows: one per exercise, or one per notebook that could not be checked."""
    out = []
    for rep in reports:
        if rep.problem:
            out.append(dict(zip(CSV_COLUMNS, (clean(rep.path), rep.lesson, "", False,
                                               "unchecked", clean(rep.problem)), strict=True)))
        for r in rep.results:
            out.append(dict(zip(CSV_COLUMNS, (clean(rep.path), rep.lesson, r.exercise, r.ok,
                                               r.status, clean(r.message)), strict=True)))
    return out


def ensure_writable(out: str | Path) -> str:
    """Why the file ``out`` cannot be written (checked before any work), or ""."""
    target = Path(out)
    if target.exists() and not target.is_file():
        return f"{out} exists and is not a regular file"
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if target.exists() and not os.access(target, os.W_OK):
        return f"{out} is read-only"
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".artethics-probe-"):
            pass
    except OSError as exc:
        return f"the folder {folder} cannot be written ({exc.strerror or exc})"
    return ""


def write_csv(reports: Iterable[Report], out: str | Path) -> None:
    """Write the CSV next to ``out`` and move it into place: a full disk or a failure
    half-way leaves any earlier file as it was (OSError says why)."""
    target = Path(out)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                               prefix=".artethics-csv-")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(rows(reports))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


