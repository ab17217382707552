"""artethics feedback: one page per student, in the lesson's language, that never shows an
expected value, solution text or hidden check, even from a notebook built to make it leak."""

from __future__ import annotations

import argparse
import ast
import html
import importlib
import inspect
import json
import pkgutil
import re
import shutil
from pathlib import Path

import pytest

from artethics import i18n, paths
from artethics.exercises import evaluate, registry
from artethics.responses.record import MIME
from artethics.tools import feedback
from artethics.tools.check.report import FAIL, MISSING, OK, ExerciseResult, Report
from artethics.tools.gradebook import LessonPoints
from artethics.tools.manifest import load_manifest, sha256
from artethics.tools.translate import completeness, extract_python

ROOT = Path(__file__).parents[2]
SECRETS = ("4471", "zebracorn")
SECRET_CHECKERS = '''from artethics.exercises import exercise


@exercise("secret.number", "a number from the table")
def _number(answer):
    ok = isinstance(answer, (int, float)) and abs(answer - 4471.5) < 0.01
    return ok, "right." if ok else "not that number.", "Look again at the table."


@exercise("secret.word", "a word from the reading")
def _word(answer):
    ok = answer == "zebra" + "corn"
    return ok, "right." if ok else "not that word.", "Read the second paragraph again."
'''
CHECKS = {"secret.number": 'check("secret.number", number)\n',
          "secret.word": 'check("secret.word", word)\n'}


def secret_manifest() -> dict:
    checks = [{"exercise": ex, "cell_id": f"check-{ex.split('.')[1]}", "source": src,
               "sha256": sha256(src), "expected": f"✔ {ex}: right.\n"}
              for ex, src in CHECKS.items()]
    return {"lessons": {"97_secret": {"checks": checks, "notebook_sha256": "",
                                      "checkers": SECRET_CHECKERS}}}


def code(cid, source, meta=None, outputs=None):
    return {"cell_type": "code", "id": cid, "metadata": meta or {}, "execution_count": None,
            "source": source, "outputs": outputs or []}


def answer_output(lesson, activity, kind, data, student="<script>alert(1)</script> Eve"):
    answer = {"lesson": lesson, "activity": activity, "kind": kind, "student": student,
              "data": data}
    return {"output_type": "display_data", "metadata": {},
            "data": {MIME: answer, "text/plain": "Recorded"}}


def tampered_notebook(student: str = "<script>alert(1)</script> Eve") -> dict:
    """A submission that tries every way of getting an expected value onto its page."""
    said = {"output_type": "stream", "name": "stdout", "text": "✔ secret.word: zebracorn 4471.5\n"}
    cells = [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": "# Secret"},
        code("params", f'student: str = "{student}"\n',
             {"tags": ["parameters"]}),
        code("answer-number", "number = 1\nprint(4471.5)\n",
             {"artethics": {"role": "answer", "exercise": "secret.number"}}, [said]),
        code("check-number", 'print("✔ secret.number: right, 4471.5")\n',
             {"artethics": {"role": "check", "exercise": "secret.number"}}, [said]),
        code("answer-word", 'word = "zebra"\n',
             {"artethics": {"role": "answer", "exercise": "secret.word"}}),
        # the check cell of secret.word is deleted; this cell raises the secret instead
        code("raise", 'raise ValueError("zebracorn " + str(4471.5))\n', outputs=[
            {"output_type": "error", "ename": "ValueError", "evalue": "zebracorn 4471.5",
             "traceback": ["zebracorn"]}]),
        {"cell_type": "markdown", "id": "fake-check", "source": "zebracorn 4471.5",
         "metadata": {"artethics": {"role": "check", "exercise": "secret.word"}}},
        code("answers", "show()\n", outputs=[
            answer_output("97_secret", "secret.word", "exercise",
                          {"text": "zebracorn", "passed": True}, student),
            answer_output("99_other", "other.poll_before", "poll",
                          {"stance": "for", "confidence": 3, "reason": "zebracorn 4471.5"},
                          student),
            answer_output("97_secret", "secret.poll_after", "poll",
                          {"stance": "against", "confidence": 4, "when": "after",
                           "reason": "<img src=x onerror=alert(1)> my own reason"}, student)]),
    ]
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"},
                         "artethics": {"lesson": "97_secret", "lang": "zh-Hant",
                                       "expected": {"secret.word": "zebracorn"},
                                       "points": {"secret.number": 4471.5}}}}


def args_for(paths_, out, manifest=None, **extra):
    values = dict(paths=[str(p) for p in paths_], out=str(out), timeout=60, total=None,
                  jobs=1, lesson="", manifest=str(manifest) if manifest else None)
    values.update(extra)
    return argparse.Namespace(**values)


def visible(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


# --- a notebook built to leak ---------------------------------------------------------------


def test_a_tampered_notebook_cannot_put_an_expected_value_on_its_page(tmp_path, capsys):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps(secret_manifest()), encoding="utf-8")
    sub = tmp_path / "eve-97_secret.ipynb"
    sub.write_text(json.dumps(tampered_notebook()), encoding="utf-8")
    out = tmp_path / "feedback"
    assert feedback.main(args_for([sub], out, manifest)) == 0
    pages = list(out.glob("*.html"))
    assert len(pages) == 1
    text = pages[0].read_text(encoding="utf-8")
    for secret in SECRETS:
        assert secret not in text and secret not in visible(text)
    hidden = [ln.strip() for ln in SECRET_CHECKERS.splitlines() if len(ln.strip()) >= 12]
    assert hidden and not [ln for ln in hidden if ln in text or ln in visible(text)]
    assert "<script" not in text.lower() and "<img" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Eve" in text
    assert "&lt;img src=x onerror=alert(1)&gt; my own reason" in text  # the student's own
    assert "Look again at the table." in text  # the hint is there
    assert "lang='zh-Hant-HK'" in text and "練習" in text  # in the lesson's language
    assert "secret.poll_after" in text and "other.poll_before" not in text


# --- every real lesson, every wrong answer -------------------------------------------------


def _solution_regions(nb: dict) -> list[str]:
    regions = []
    for cell in nb["cells"]:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        regions += re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", text, re.S)
    return regions


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple | set):
        return [s for v in value for s in _strings(v)]
    return []


def _numbers(value) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return []
    if float(value).is_integer():
        return [str(int(value)), f"{int(value):,}"] if abs(value) >= 100 else []
    return [f"{value:.2f}", f"{value:.3f}", repr(value)]


def expected_values(lesson: str, manifest: dict, *, strict: bool = False) -> set[str]:
    """Everything a feedback page of ``lesson`` must not contain: the solution regions'
    lines, the literal answers they assign, the values the checkers expect, the check
    lines the solution prints, and the checkers' own names. ``strict``: only what not
    even a checker's hint may name (an answer that is one of several options the lesson
    lists, such as a lens, is named in the hint that lists them all)."""
    nb = json.loads((paths.solutions_dir() / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    found: set[str] = {"BEGIN SOLUTION", "END SOLUTION", "expected_"}
    for region in _solution_regions(nb):
        found |= {line.strip() for line in region.splitlines() if len(line.strip()) >= 12}
        for node in ast.parse(region).body:
            value = getattr(node, "value", None)
            try:
                literal = ast.literal_eval(value) if value is not None else None
            except ValueError:
                continue
            found |= set(_numbers(literal))
            if not strict:
                found |= {s for s in _strings(literal)
                          if len(s) >= 8 or ("_" in s and len(s) >= 5)}
    for check in manifest["lessons"][lesson]["checks"]:
        found.add(check["expected"].split(": ", 1)[1].strip())
    registry()
    for info in pkgutil.iter_modules(importlib.import_module("artethics.exercises").__path__):
        module = importlib.import_module(f"artethics.exercises.{info.name}")
        prefix = info.name
        if not any(c["exercise"].startswith(f"{prefix}.")
                   for c in manifest["lessons"][lesson]["checks"]):
            continue
        for name, fn in vars(module).items():
            if name.startswith("expected") and inspect.isfunction(fn) and all(
                    p.default is not p.empty for p in inspect.signature(fn).parameters.values()):
                value = fn()
                found |= set(_numbers(value))
                if not strict:
                    found |= {s for s in _strings(value) if len(s) >= 5}
    return found


WRONG = (None, 0, -1, 10**9, "zzz", ["zzz"], {"position": "zzz", "reply": "zzz"})


def pages_of_wrong_answers(lesson: str, manifest: dict, lang: str,
                           messages: list[str] | None = None) -> list[str]:
    student_copy = json.loads((paths.notebooks_dir() / f"{lesson}.ipynb").read_text("utf-8"))
    points = feedback.lesson_points(manifest, lesson)
    pages = []
    with i18n.using(lang):
        for wrong in WRONG:
            results = []
            for check in manifest["lessons"][lesson]["checks"]:
                verdict = evaluate(check["exercise"], wrong, student="nobody")
                if not verdict.ok:
                    status = MISSING if wrong is None else FAIL
                    results.append(ExerciseResult(check["exercise"], status, verdict.line()))
                    if messages is not None:
                        messages.append(feedback._message(results[-1]))
            rep = Report(f"alice/{lesson}.ipynb", lesson, tuple(results))
            pages.append(feedback.page(feedback.Submission(rep, student_copy, "Alice", lang),
                                       points))
    return pages


@pytest.mark.parametrize("lesson", sorted(load_manifest()["lessons"]))
def test_no_expected_value_solution_text_or_hidden_check_reaches_a_page(lesson):
    """The page adds nothing to the verdict lines the student sees in the notebook: with
    those lines taken out, no expected value of any kind is left; and not even in those
    lines is there a number, a solution line or a passing check's message."""
    manifest = load_manifest()
    forbidden = expected_values(lesson, manifest)
    strict = expected_values(lesson, manifest, strict=True)
    assert len(forbidden) > 5 and len(strict) > 3  # the search has something to find
    for lang in i18n.LANGUAGES:
        messages: list[str] = []
        for page in pages_of_wrong_answers(lesson, manifest, lang, messages):
            shown = visible(page)
            rest = shown
            for message in sorted(set(messages), key=len, reverse=True):
                rest = rest.replace(message, " ")
            leaks = sorted(v for v in forbidden if v in rest)
            leaks += sorted(v for v in strict if v in page or v in shown)
            assert leaks == [], f"{lesson} ({lang}) shows {leaks[:5]}"


def test_the_search_finds_a_leak_when_there_is_one():
    manifest = load_manifest()
    forbidden = expected_values("02_edmond_de_belamy", manifest)
    page = pages_of_wrong_answers("02_edmond_de_belamy", manifest, "en")[0]
    leaked = page.replace("</main>", "<p>ratio 43.25</p></main>")
    assert "43.25" in forbidden and any(v in visible(leaked) for v in forbidden)
    assert not any(v in visible(page) for v in forbidden)


# --- what a page shows ----------------------------------------------------------------------


def test_a_page_has_every_exercise_the_hand_marked_work_and_no_outside_resource():
    lesson = "03_lofter"
    page = pages_of_wrong_answers(lesson, load_manifest(), "en")[0]
    for check in load_manifest()["lessons"][lesson]["checks"]:
        assert check["exercise"] in page
    assert "lofter.reflection" in page and "Reflection rubric" in page
    assert "Evidence from the case" in page and "nothing written yet" in page
    assert "(asked: 120–200)" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"(src|href)\s*=", page) and not re.search(r"https?://", page)
    assert "@media print" in page


def test_reflection_word_counts_come_from_the_students_own_cell():
    nb = json.loads((paths.notebooks_dir() / "03_lofter.ipynb").read_text("utf-8"))
    for cell in nb["cells"]:
        if (cell["metadata"].get("artethics") or {}).get("role") == "reflection":
            cell["source"] = 'my_reflection = """\n' + "word " * 130 + '\n"""\n'
    assert feedback.written_words(nb, "lofter.reflection", []) == 130


def test_words_are_counted_in_english_and_in_chinese():
    assert feedback.count_words("I think LOFTER owed its creators a say.") == 8
    assert feedback.count_words("我認為 LOFTER 應該先問創作者。") == 11
    assert feedback.count_words("") == 0


@pytest.mark.parametrize("lang, words", [("en", ("Exercises", "not yet", "Reflection rubric")),
                                         ("zh-Hant", ("練習", "反思", "最有力")),
                                         ("zh-Hans", ("练习", "反思", "最有力"))])
def test_pages_speak_the_lessons_language(lang, words):
    page = pages_of_wrong_answers("03_lofter", load_manifest(), lang)[1]
    assert f"lang='{i18n.HTML_LANG[lang]}'" in page
    for word in words:
        assert word in page


def test_an_unknown_language_falls_back_to_english(tmp_path):
    nb = tampered_notebook()
    nb["metadata"]["artethics"]["lang"] = "tlh"
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert feedback.language_of(str(path)) == "en"
    assert feedback.language_of(str(tmp_path / "missing.ipynb")) == "en"


def test_a_damaged_notebook_still_gets_a_page():
    from artethics.tools.gradebook import notebook_identity

    nb = {"cells": [1, "x", {"cell_type": "code", "metadata": [], "outputs": [1, {"data": []}]},
                    {"cell_type": "code", "metadata": {"artethics": "x"}, "source": 5},
                    {"cell_type": "code", "metadata": {"tags": "parameters"}, "outputs": "o"}],
          "metadata": []}
    assert notebook_identity(nb) == ([], [])
    rep = Report("x.ipynb", "03_lofter", (ExerciseResult("lofter.reflection", FAIL, "no."),))
    page = feedback.page(feedback.Submission(rep, nb, "", "en"),
                         feedback.lesson_points(load_manifest(), "03_lofter"))
    assert "nothing written yet" in page and "(no name in the notebook)" in page


def test_widget_answers_are_the_students_own_for_this_lesson_only():
    nb = tampered_notebook()
    answers = feedback.widget_answers(nb, "97_secret")
    assert [a.activity for a in answers] == ["secret.poll_after"]


# --- bad input --------------------------------------------------------------------------------


@pytest.fixture
def fake_check(monkeypatch):
    def fake(files, **kwargs):
        out = []
        for path in files:
            try:
                feedback.read_notebook(path)
            except feedback.CheckError as exc:
                out.append(Report(path, problem=str(exc)))
                continue
            out.append(Report(path, "97_secret", (
                ExerciseResult("secret.number", OK, "✔ secret.number: right."),
                ExerciseResult("secret.word", FAIL, "✘ secret.word: no. Hint: read again."))))
        return out

    monkeypatch.setattr(feedback, "check_notebooks", fake)


def _submissions(folder: Path, names=("ann", "ben")) -> list[Path]:
    folder.mkdir(exist_ok=True)
    made = []
    for name in names:
        nb = tampered_notebook(name)
        made.append(folder / f"{name}-97_secret.ipynb")
        made[-1].write_text(json.dumps(nb), encoding="utf-8")
    return made


def test_unreadable_submissions_get_a_page_that_says_why(tmp_path, fake_check, capsys):
    subs = tmp_path / "subs"
    _submissions(subs, ("ann",))
    (subs / "cut-97_secret.ipynb").write_text('{"cells": [', encoding="utf-8")
    (subs / "folder-97_secret.ipynb").mkdir()
    (subs / "binary-97_secret.ipynb").write_bytes(b"\x89PNG\x00\xff")
    out = tmp_path / "fb"
    assert feedback.main(args_for([subs], out)) == 1
    names = sorted(p.name for p in out.iterdir())
    assert "ann-97_secret.html" in names
    assert len([n for n in names if n.startswith("unchecked-")]) == 3
    err = capsys.readouterr().err
    assert "cut-97_secret.ipynb could not be checked" in err and "cut off" in err
    assert "folder-97_secret.ipynb could not be checked" in err and "is a folder" in err
    cut = next(p for p in out.iterdir() if "cut" in p.name).read_text("utf-8")
    assert "cut off" in cut and "could not be checked" in cut


def test_an_output_folder_that_disappears_mid_run_leaves_no_half_page(tmp_path, fake_check,
                                                                      monkeypatch, capsys):
    subs = _submissions(tmp_path / "subs")
    out = tmp_path / "fb"
    real = feedback.write_page
    calls = []

    def vanishing(folder, name, text):
        calls.append(name)
        if len(calls) == 2:
            shutil.rmtree(folder)
        return real(folder, name, text)

    monkeypatch.setattr(feedback, "write_page", vanishing)
    assert feedback.main(args_for(subs, out)) == 2
    err = capsys.readouterr().err
    assert "could not be written" in err and "1 page(s) written before it are complete" in err
    assert not out.exists()


def test_submissions_that_disappear_after_checking_are_listed(tmp_path, monkeypatch, capsys):
    subs = _submissions(tmp_path / "subs")

    def then_gone(files, **kwargs):
        reports = [Report(f, "97_secret", (ExerciseResult("secret.number", OK, "right."),))
                   for f in files]
        shutil.rmtree(tmp_path / "subs")
        return reports

    monkeypatch.setattr(feedback, "check_notebooks", then_gone)
    out = tmp_path / "fb"
    assert feedback.main(args_for(subs, out)) == 1
    err = capsys.readouterr().err
    assert err.count("could not be checked or read") == 2 and "There is no file" in err
    assert len(list(out.glob("*.html"))) == 2  # still a page each, saying so


def test_an_earlier_page_is_replaced_whole_and_other_files_are_kept(tmp_path, fake_check):
    subs = _submissions(tmp_path / "subs", ("ann",))
    out = tmp_path / "fb"
    out.mkdir()
    (out / "ann-97_secret.html").write_text("old page", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert feedback.main(args_for(subs, out)) == 0
    assert (out / "ann-97_secret.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert (out / "notes.txt").read_text("utf-8") == "mine"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_two_notebooks_of_one_student_both_get_a_page(tmp_path, fake_check, capsys):
    subs = _submissions(tmp_path / "subs", ("ann", "ANN "))
    out = tmp_path / "fb"
    assert feedback.main(args_for(subs, out)) == 1
    assert len(list(out.glob("ann-97_secret-*.html"))) == 2
    assert "two notebooks of one student and lesson" in capsys.readouterr().err


@pytest.mark.parametrize("extra, expected", [({"timeout": 0}, "--timeout and --total"),
                                             ({"jobs": 0}, "--jobs between")])
def test_bad_options_stop_before_checking(tmp_path, fake_check, capsys, extra, expected):
    assert feedback.main(args_for(_submissions(tmp_path / "s"), tmp_path / "fb", **extra)) == 2
    assert expected in capsys.readouterr().err


def test_an_out_that_is_a_file_is_refused(tmp_path, fake_check, capsys):
    taken = tmp_path / "fb"
    taken.write_text("a file", encoding="utf-8")
    assert feedback.main(args_for(_submissions(tmp_path / "s"), taken)) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert taken.read_text("utf-8") == "a file"


# --- rubrics, translations, help ------------------------------------------------------------


def test_the_rubrics_criteria_and_weights_are_the_guides():
    guide = (ROOT / "course" / "guide" / "rubrics.md").read_text(encoding="utf-8")
    for name, criteria in feedback.RUBRICS.values():
        section = guide.split(f"## {name}", 1)[1].split("\n## ", 1)[0]
        found = re.findall(r"^\| \*\*(.+?)\*\* \((\d+)%\)", section, re.M)
        assert [(c, w) for c, w, _top in criteria] == [(c, int(w)) for c, w in found]


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_every_feedback_message_is_translated_with_its_fields(lang):
    messages = extract_python(Path(feedback.__file__))
    assert len(messages) > 40
    found = completeness(i18n.LOCALE_DIR / lang / "feedback.po", messages)
    assert (found.missing, found.fuzzy, found.bad_fields) == ([], [], [])


def test_zh_hant_uses_hong_kong_terms_and_zh_hans_mainland_ones():
    hant = (i18n.LOCALE_DIR / "zh-Hant" / "feedback.po").read_text(encoding="utf-8")
    hans = (i18n.LOCALE_DIR / "zh-Hans" / "feedback.po").read_text(encoding="utf-8")
    assert "人工智慧" not in hant and "儲存格" in hant and "筆記本" in hant
    assert "单元格" in hans and "笔记本" in hans and "儲存格" not in hans


def test_both_commands_are_in_the_help(capsys):
    from artethics.tools import cli

    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "feedback" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    text = capsys.readouterr().out
    assert "--gradebook {canvas,moodle,csv}" in text and "--roster" in text
    with pytest.raises(SystemExit):
        cli.main(["feedback", "--help"])
    assert "--out FOLDER" in capsys.readouterr().out


def test_lesson_points_default_to_one_per_check():
    assert LessonPoints({}, ()).of("x.y") == 1
    assert LessonPoints({"x.y": 2}, ()).of("x.y") == 2
