"""``artethics feedback SUBMISSIONS --out feedback/``: one HTML page per student and lesson,
to hand back.

Each page shows, in the lesson's language (the notebook's ``artethics.lang``, else
English): every checked exercise as ✔ or ✘ with the hint the kit's checker gives, the
work marked by hand (reflections, the policy, argument cards) with its word count and
the rubric's criteria, and the student's own recorded widget answers.

What a page never shows, so that handing it back reveals no answer: expected values,
solution text, the kit's checkers or the check manifest. The verdicts are computed by
``artethics check`` (the student's code runs sandboxed; the verdict is worked out here by
the kit's checkers, which print a hint, never the answer); nothing the student's code
printed or raised reaches the page, nor anything saved in a check cell's outputs. The
student's recorded answers and names are escaped, and the page carries a Content
Security Policy that allows no script, no network and no external file: it works
offline and prints cleanly.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import html
import math
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artethics import i18n
from artethics.i18n import N_, _
from artethics.tools.check.api import check_notebooks, expand
from artethics.tools.check.notebook import cell_role, cell_source, read_notebook
from artethics.tools.check.report import FAIL, MISSING, NOT_RUN, OK, TAMPERED, Report, clean
from artethics.tools.check.sandbox import FALLBACK_NOTE, bwrap
from artethics.tools.gradebook import (
    FOLDER_PROBLEM,
    LessonPoints,
    cells,
    folders_named_notebook,
    key,
    lesson_points,
    notebook_students,
    recorded_answers,
)
from artethics.tools.manifest import CheckError, load_manifest

MAX_SECONDS = 24 * 3600
MAX_JOBS = 64
WIDGET_KINDS = ("poll", "balance", "matrix", "lens", "policy")
MAX_TEXT = 2000  # characters of one recorded text shown
MAX_ITEMS = 200  # entries of one recorded table shown
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")

STATUS = {OK: ("✔", N_("passed")), FAIL: ("✘", N_("not yet")),
          MISSING: ("✘", N_("no answer yet")), TAMPERED: ("✘", N_("check cell changed")),
          NOT_RUN: ("✘", N_("not reached"))}

# The rubrics of course/guide/rubrics.md, criterion by criterion (name, weight, what the top
# level looks for); tests/unit/test_feedback.py compares names and weights with the guide.
RUBRICS: dict[str, tuple[str, tuple[tuple[str, int, str], ...]]] = {
    "reflection": (N_("Reflection rubric"), (
        (N_("Position"), 20, N_("a clear answer to the case's question, with its limits")),
        (N_("Evidence from the case"), 30,
         N_("specific, accurate facts from the lesson; uncertain ones marked as such")),
        (N_("Other side"), 30, N_("the strongest opposing argument, put fairly and answered")),
        (N_("Own thinking"), 20,
         N_("a link to a principle or stakeholder, or what changed your view and why")))),
    "policy": (N_("Platform policy rubric"), (
        (N_("Specific and workable"), 30,
         N_("every part says who does what, when and how")),
        (N_("Fair to every side"), 25,
         N_("artists, users, the platform and AI developers weighed in their own best terms")),
        (N_("Learns from the cases"), 25,
         N_("parts that answer a gap or failure seen in the cases, accurately")),
        (N_("Honest about limits"), 20,
         N_("how the policy could fail or be avoided, and what it does not solve")))),
    "card": (N_("Argument card rubric"), (
        (N_("Meets the objection"), 40,
         N_("answers the objection's strongest form, conceding what is true in it")),
        (N_("Evidence"), 30, N_("a cited fact that bears on the objection, its uncertainty "
                                "respected")),
        (N_("Principle or lens"), 30,
         N_("names the principle or lens at stake and weighs it against the objection's")))),
}

LABELS = {
    "question": N_("question"), "when": N_("when"), "stance": N_("position"),
    "confidence": N_("confidence"), "position": N_("position on the scale"),
    "shift": N_("shift"), "reason": N_("your reason"), "reason_prompt": N_("asked"),
    "before": N_("before"), "weights": N_("weights"), "reasons": N_("reasons"),
    "own": N_("your own arguments"), "weight_for": N_("weight for"),
    "weight_against": N_("weight against"), "score": N_("score"), "verdict": N_("verdict"),
    "by_principle": N_("by principle"), "by_lens": N_("by lens"), "decision": N_("decision"),
    "columns": N_("columns"), "ratings": N_("ratings"), "totals": N_("totals"),
    "coverage": N_("cells rated"), "jurisdiction": N_("jurisdiction"),
    "answers": N_("your answers"), "questions": N_("questions"), "policy": N_("policy"),
    "complete": N_("complete"), "text": N_("text"),
}
HIDDEN_KEYS = frozenset({"case", "principles", "groups", "reasons_missing", "passed"})
KIND_NAMES = {"poll": N_("Position poll"), "balance": N_("Argument balance"),
              "matrix": N_("Ethical matrix"), "lens": N_("Lens"),
              "policy": N_("Platform policy")}

# The page's fonts, and for a Chinese page its script's fonts first (i18n.CJK_FONTS, as the
# handouts use them).
STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK TC",
       "Noto Sans CJK SC", "PingFang HK", "PingFang SC", "Microsoft JhengHei",
       "Microsoft YaHei", sans-serif; color: #111; background: #fff; line-height: 1.5;
       max-width: 50em; margin: 1.5em auto; padding: 0 1em; }
""" + "".join(f":lang({lang}) body {{ font-family: {fonts}, system-ui, sans-serif; }}\n"
              for lang, fonts in i18n.CJK_FONTS.items()) + """
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em;
     border-bottom: 1px solid #999; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; margin: 0.4em 0; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
.ok { color: #1a6b1a; font-weight: bold; } .no { color: #a11; font-weight: bold; }
.meta, footer { color: #444; font-size: 0.9em; }
@media print { body { margin: 0; max-width: none; } a { color: #111; }
  h2, tr, section.item { break-inside: avoid; } }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


# --- what the notebook holds ------------------------------------------------------------


def count_words(text: str) -> int:
    """Words as a reader counts them: each Chinese (or Japanese, Korean) character is one
    word, and so is each run of other letters or digits between spaces."""
    n = 0
    for token in text.split():
        if not _CJK.search(token):
            n += 1
            continue
        n += len(_CJK.findall(token))
        n += sum(1 for part in _CJK.split(token) if any(ch.isalnum() for ch in part))
    return n


def _literal_values(source: str) -> list[Any]:
    """The literal values a cell assigns at top level (strings, dicts of strings ...)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    values = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            try:
                values.append(ast.literal_eval(node.value))
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
    return values


def _texts(value: Any, only: Sequence[str] = ()) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        items = [v for k, v in value.items() if not only or k in only]
        return [t for v in items for t in _texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    return []


def rubric_of(item: str) -> str:
    if item.endswith(".reflection"):
        return "reflection"
    if item.endswith(".policy"):
        return "policy"
    return "card"


REPLY_FIELDS = ("reply", "in_my_words")


def written_words(nb: dict, item: str, responses: list) -> int | None:
    """How many words the student wrote for a hand-marked item (None when not found):
    from the cell that holds it, else from the answer it recorded."""
    only = REPLY_FIELDS if rubric_of(item) == "card" else ()
    for cell in cells(nb):
        meta = cell.get("metadata")
        meta = meta.get("artethics") if isinstance(meta, dict) else None
        if cell.get("cell_type") != "code" or not isinstance(meta, dict) or item not in (
                meta.get("activity"), meta.get("exercise")):
            continue
        if cell_role(cell)[0] not in ("reflection", "answer"):
            continue
        texts = [t for v in _literal_values(cell_source(cell)) for t in _texts(v, only)]
        if texts:
            return sum(count_words(t) for t in texts)
    recorded = [r for r in responses if r.activity == item]
    if recorded:
        data = recorded[-1].data
        return sum(count_words(t) for t in _texts(data.get("text") or data.get("policy")))
    return None


def widget_answers(nb: dict, lesson: str) -> list:
    """The student's recorded widget answers for this lesson, the last one per activity."""
    last: dict[str, Any] = {}
    for r in recorded_answers(nb):
        if r.kind in WIDGET_KINDS and r.lesson == lesson:
            last.pop(r.activity, None)
            last[r.activity] = r
    return list(last.values())


# --- the page ---------------------------------------------------------------------------


@dataclass
class Submission:
    report: Report
    nb: dict | None
    student: str
    lang: str
    note: str = ""  # why the notebook itself could not be read again


def _message(result) -> str:
    text = result.message
    for mark in ("✔", "✘"):
        text = text.removeprefix(f"{mark} {result.exercise}: ")
    return text


def _exercise_rows(report: Report) -> str:
    rows = []
    for r in report.results:
        mark, label = STATUS.get(r.status, ("✘", N_("not yet")))
        css = "ok" if r.status == OK else "no"
        rows.append(f"<tr><td class='{css}'>{mark}</td><td><code>{esc(r.exercise)}</code></td>"
                    f"<td>{esc(_(label))}</td><td>{esc(clean(_message(r)))}</td></tr>")
    head = (f"<tr><th scope='col'></th><th scope='col'>{esc(_('exercise'))}</th>"
            f"<th scope='col'>{esc(_('result'))}</th>"
            f"<th scope='col'>{esc(_('what the check says'))}</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _summary(sub: Submission, points: LessonPoints) -> str:
    rep = sub.report
    passed = sum(r.status == OK for r in rep.results)
    score = sum(points.of(r.exercise) for r in rep.results if r.status == OK)
    top = sum(points.of(r.exercise) for r in rep.results)
    lines = [_("{passed} of {total} checked exercises pass ({score} of {top} points from the "
               "checks).").format(passed=passed, total=len(rep.results), score=f"{score:g}",
                                  top=f"{top:g}")]
    if points.by_hand:
        lines.append(_("The work marked by hand (below) is not in this score: your instructor "
                       "marks it with the rubric."))
    if any(r.status == TAMPERED for r in rep.results):
        lines.append(_("A check cell was changed or deleted, so that exercise does not count. "
                       "Copy the check cell back from a fresh copy of the lesson."))
    if any(r.status in (NOT_RUN, FAIL, MISSING) for r in rep.results):
        lines.append(_("To try again: fix the answers marked ✘, then run every cell from the "
                       "top (Restart Kernel and Run All Cells) and save."))
    return "".join(f"<p>{esc(line)}</p>" for line in lines)


def _rubric_html(kind: str) -> str:
    name, criteria = RUBRICS[kind]
    line = esc(_("{criterion} ({weight}%): {looks_for}"))
    items = "".join("<li>" + line.format(criterion=f"<strong>{esc(_(c))}</strong>", weight=w,
                                         looks_for=esc(_(top))) + "</li>"
                    for c, w, top in criteria)
    levels = _("Levels: 4 excellent, 3 good, 2 developing, 1 beginning (0 = missing).")
    return (f"<p>{esc(_('Marked with the {rubric}:').format(rubric=_(name)))}</p>"
            f"<ul>{items}</ul><p class='meta'>{esc(levels)}</p>")


def _by_hand_html(sub: Submission, points: LessonPoints) -> str:
    from artethics.exercises.reflection import WORD_RANGES

    nb = sub.nb or {"cells": []}
    responses = recorded_answers(nb)
    items = [a for a, _p in points.by_hand]
    items += [r.exercise for r in sub.report.results
              if r.exercise.endswith((".card", ".steelman")) and r.exercise not in items]
    parts = []
    for item in items:
        words = written_words(nb, item, responses)
        kind = rubric_of(item)
        if words is None or words == 0:
            said = _("nothing written yet")
        else:
            said = i18n.ngettext("{n} word", "{n} words", words).format(n=words)
        case = item.split(".")[0]
        if kind == "reflection" and case in WORD_RANGES:
            low, high = WORD_RANGES[case]
            said = _("{words} (asked: {low}–{high})").format(words=said, low=low, high=high)
        if kind == "card":
            said = _("your reply: {words}").format(words=said)
        parts.append(f"<section class='item'><h3><code>{esc(item)}</code></h3>"
                     f"<p>{esc(_('Length: {words}').format(words=said))}</p>"
                     f"{_rubric_html(kind)}</section>")
    return "".join(parts)


def _value_html(value: Any, depth: int = 0) -> str:
    if isinstance(value, dict):
        rows = []
        for k, v in list(value.items())[:MAX_ITEMS]:
            if k in HIDDEN_KEYS:
                continue
            label = _(LABELS[k]) if k in LABELS else k
            rows.append(f"<tr><th scope='row'>{esc(label)}</th><td>{_value_html(v, depth + 1)}"
                        "</td></tr>")
        return f"<table>{''.join(rows)}</table>" if rows else "—"
    if isinstance(value, list):
        items = "".join(f"<li>{_value_html(v, depth + 1)}</li>" for v in value[:MAX_ITEMS])
        return f"<ul>{items}</ul>" if items else "—"
    if isinstance(value, bool):
        return esc(_("yes") if value else _("no"))
    if isinstance(value, float) and math.isfinite(value):
        return esc(f"{value:g}")
    if value is None or value == "":
        return "—"
    text = str(value)
    return esc(text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + " …")


def _answers_html(sub: Submission) -> str:
    answers = widget_answers(sub.nb, sub.report.lesson) if sub.nb else []
    if not answers:
        return f"<p>{esc(_('No widget answer is recorded in this notebook.'))}</p>"
    parts = []
    for r in answers:
        kind = _(KIND_NAMES.get(r.kind, r.kind))
        heading = esc(_("{kind}: {activity}")).format(
            kind=esc(kind), activity=f"<code>{esc(r.activity)}</code>")
        parts.append(f"<section class='item'><h3>{heading}</h3>{_value_html(r.data)}</section>")
    return "".join(parts)


def page(sub: Submission, points: LessonPoints) -> str:
    """The feedback page of one checked notebook, in the current language."""
    rep = sub.report
    title = _("Feedback: {lesson}").format(lesson=rep.lesson or Path(rep.path).stem)
    who = sub.student or _("(no name in the notebook)")
    meta = _("Student: {student} · Notebook: {notebook}").format(
        student=who, notebook=Path(rep.path).name)
    body = [f"<h1>{esc(title)}</h1>", f"<p class='meta'>{esc(clean(meta))}</p>"]
    if rep.problem:
        body.append(f"<p class='no'>{esc(_('This notebook could not be checked.'))}</p>"
                    f"<p>{esc(clean(rep.problem))}</p>")
    else:
        body += [f"<h2>{esc(_('Summary'))}</h2>", _summary(sub, points),
                 f"<h2>{esc(_('Exercises'))}</h2>", _exercise_rows(rep)]
        marked = _by_hand_html(sub, points)
        if marked:
            body += [f"<h2>{esc(_('Marked by hand'))}</h2>", marked]
        body += [f"<h2>{esc(_('Your recorded answers'))}</h2>", _answers_html(sub)]
    if sub.note:
        body.append(f"<p class='meta'>{esc(sub.note)}</p>")
    footer = _("Made by artethics feedback from the kit's own checks and your saved notebook. "
               "It shows hints, never the expected answers.")
    lang = i18n.HTML_LANG.get(i18n.get_language(), "en")
    return ("<!DOCTYPE html>\n"
            f"<html lang='{esc(lang)}'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<meta name='referrer' content='no-referrer'><title>{esc(title)}</title>"
            f"<style>{STYLE}</style></head><body><main>{''.join(body)}</main>"
            f"<footer><p>{esc(footer)}</p></footer></body></html>\n")


# --- the command ------------------------------------------------------------------------


EPILOG = """Each notebook is checked as `artethics check` checks it. Each page is in
the notebook's language (its artethics.lang) and shows every exercise as ✔ or ✘
with its hint, the work marked by hand with its word count and rubric, and the
student's recorded widget answers: never an expected value, solution text or
check code.

exit codes: 0 every page written; 1 pages written, but some notebooks could not
be checked, name no single student, or are two of one student and lesson (all
listed on stderr); 2 bad options, or the output folder could not be written
(no page is ever left half-written)."""


def add_arguments(parser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="+", metavar="NOTEBOOK|FOLDER",
                        help="student notebooks, or folders holding them")
    parser.add_argument("--out", default="feedback", metavar="FOLDER",
                        help="where the pages go, one STUDENT-LESSON.html each (default "
                             "feedback/); a page of the same name is replaced, only once "
                             "the new one is complete; nothing else there is touched")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds each cell may run before it is stopped (default 60)")
    parser.add_argument("--total", type=float, default=None,
                        help="seconds a whole notebook may run (default: 5 × --timeout, at "
                             "least 60)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--lesson", default="", help="the lesson these notebooks must be")
    parser.add_argument("--manifest", default=None, help="a check manifest other than the kit's")


def language_of(path: str) -> str:
    """The notebook's ``artethics.lang`` as one of the kit's languages; English when it
    has none, names an unknown one, or the file cannot be read (the check says why)."""
    try:
        meta = (read_notebook(path).get("metadata") or {}).get("artethics") or {}
        return i18n.normalise(meta.get("lang") if isinstance(meta.get("lang"), str) else None)
    except (CheckError, i18n.LanguageError, AttributeError):
        return i18n.DEFAULT


def check_by_language(files: list[str], manifest: dict, args) -> list[tuple[str, Report]]:
    """(language, report) for every file, in the order given: each language's notebooks
    are checked with the kit's messages in that language."""
    groups: dict[str, list[str]] = {}
    for path in files:
        groups.setdefault(language_of(path), []).append(path)
    found: dict[str, tuple[str, Report]] = {}
    for lang, group in groups.items():
        with i18n.using(lang):
            reports = check_notebooks(group, manifest=manifest, timeout=args.timeout,
                                      jobs=args.jobs, lesson=args.lesson, total=args.total)
        for path, rep in zip(group, reports, strict=True):
            found[path] = (lang, rep)
    return [found[p] for p in files]


def submission(lang: str, rep: Report) -> Submission:
    if rep.problem:
        return Submission(rep, None, "", lang)
    try:
        nb = read_notebook(rep.path)
    except CheckError as exc:
        return Submission(rep, None, "", lang, note=clean(exc))
    names = notebook_students(nb)
    return Submission(rep, nb, names[0] if len(names) == 1 else "", lang)


def page_names(subs: list[Submission]) -> tuple[list[str], list[str]]:
    """A file name per page (STUDENT-LESSON.html) and what clashed: two notebooks of one
    student and lesson both get a page, each named with a part of its path's hash."""
    from artethics.responses.pseudonyms import student_key

    base = []
    for sub in subs:
        who = key(sub.student) or "-".join(Path(sub.report.path).with_suffix("").parts[-2:])
        prefix = "" if sub.student and not sub.report.problem else "unchecked-" if \
            sub.report.problem else "unnamed-"
        base.append(f"{prefix}{student_key(who)}-{sub.report.lesson or 'unknown'}")
    clashes = []
    names = []
    for i, name in enumerate(base):
        if base.count(name) > 1:
            tag = hashlib.sha256(subs[i].report.path.encode("utf-8", "replace")).hexdigest()[:8]
            names.append(f"{name}-{tag}.html")
            clashes.append(f"{clean(subs[i].report.path)} → {names[-1]}")
        else:
            names.append(f"{name}.html")
    return names, clashes


def write_page(folder: Path, name: str, text: str) -> None:
    """Write the page beside its final name and move it into place (never half a page)."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, folder / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _valid(args) -> str:
    def seconds(v):
        return v is None or (math.isfinite(v) and 0 < v <= MAX_SECONDS)

    if not seconds(args.timeout) or not seconds(args.total) or (
            args.jobs is not None and not 1 <= args.jobs <= MAX_JOBS):
        return (f"--timeout and --total must be a number of seconds above 0 and at most "
                f"{MAX_SECONDS}, and --jobs between 1 and {MAX_JOBS}.")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return f"--out {clean(out)} exists and is not a folder; choose a folder for the pages."
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".artethics-probe-"):
            pass
    except OSError as exc:
        return f"the folder {clean(out)} cannot be written ({clean(exc.strerror or exc)})."
    return ""


def main(args) -> int:
    why = _valid(args)
    if why:
        print(f"artethics feedback: {why} Nothing was checked.", file=sys.stderr)
        return 2
    try:
        manifest = load_manifest(args.manifest)
    except CheckError as exc:
        print(f"artethics feedback: {clean(exc)}", file=sys.stderr)
        return 2
    if bwrap() is None:
        print(f"artethics feedback: {FALLBACK_NOTE}", file=sys.stderr)
    files = expand(args.paths)
    if not files and not folders_named_notebook(args.paths):
        print("artethics feedback: no notebook found in the paths given.", file=sys.stderr)
        return 2
    checked = check_by_language(files, manifest, args)
    checked += [(i18n.DEFAULT, Report(p, problem=FOLDER_PROBLEM))
                for p in folders_named_notebook(args.paths)]
    subs = [submission(lang, rep) for lang, rep in checked]
    names, clashes = page_names(subs)
    out = Path(args.out)
    written = 0
    for sub, name in zip(subs, names, strict=True):
        points = lesson_points(manifest, sub.report.lesson) if sub.report.lesson else \
            LessonPoints({}, ())
        with i18n.using(sub.lang):
            text = page(sub, points)
        try:
            write_page(out, name, text)
        except OSError as exc:
            print(f"artethics feedback: the page {clean(name)} could not be written to "
                  f"{clean(out)} ({clean(exc.strerror or exc)}); the folder may have been "
                  f"moved or removed. The {written} page(s) written before it are complete; "
                  "no page was left half-written. Run again.", file=sys.stderr)
            return 2
        written += 1
        print(f"{clean(sub.report.path)} → {clean(out / name)}")
    for clash in clashes:
        print(f"artethics feedback: two notebooks of one student and lesson, both kept: "
              f"{clash}", file=sys.stderr)
    unchecked = [s for s in subs if s.report.problem or s.note]
    for sub in unchecked:
        print(f"artethics feedback: {clean(sub.report.path)} could not be checked or read: "
              f"{clean(sub.report.problem or sub.note)}", file=sys.stderr)
    unnamed = [s for s in subs if not s.student and not s.report.problem]
    for sub in unnamed:
        print(f"artethics feedback: {clean(sub.report.path)} names no single student; its "
              "page is named after the file.", file=sys.stderr)
    print(f"{written} feedback page(s) in {clean(out)}.")
    return 1 if unchecked or clashes or unnamed else 0
