"""papermill over every notebook of the course, as `make course` and CI run it.

Solution notebooks must pass every check; student copies must run top to bottom
without an exception while their checks say what is missing.
"""

import pytest

from artethics import paths
from artethics.tools import nbform, runner

pytestmark = pytest.mark.slow

ROOT = paths.root()
LESSONS = sorted(p.stem for p in (ROOT / "course" / "solutions").glob("[0-9][0-9]_*.ipynb"))
LANGS = ("", "zh-Hant/", "zh-Hans/")  # English at the top of each folder, translations below


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("course")
    results = runner.run([], parameters={"student": "ci"}, jobs=2, output_dir=out,
                         progress=False)
    return out, {r.name: r for r in results}


def test_every_notebook_executes(executed):
    _, results = executed
    failed = [runner.format_failure(r) for r in results.values() if r.status != runner.OK]
    assert not failed, "\n\n".join(failed)
    expected = {f"{folder}/{lang}{n}.ipynb" for n in LESSONS for lang in LANGS
                for folder in ("notebooks", "course/solutions")}
    expected |= {f"course/{lang}dashboard.ipynb" for lang in LANGS}
    assert expected <= set(results)


def _check_lines(path):
    nb = nbform.read(path)
    return {nbform.kit_meta(c)["exercise"]: "".join(o.get("text", "") for o in c.outputs)
            for c in nb.cells if nbform.role(c) == "check"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_passes_every_check_and_student_copy_says_what_is_missing(executed, lesson,
                                                                           lang):
    out, _ = executed
    solution = _check_lines(out / "executed" / "course" / "solutions" / f"{lang}{lesson}.ipynb")
    student = _check_lines(out / "executed" / "notebooks" / f"{lang}{lesson}.ipynb")
    assert solution and set(solution) == set(student)
    for exercise, line in solution.items():
        assert line.startswith(f"✔ {exercise}"), line
    for exercise, line in student.items():
        assert line.startswith(f"✘ {exercise}"), line
        if not lang:
            assert line.startswith(f"✘ {exercise}: no answer yet"), line
            assert "Hint:" in line
        else:  # the verdict and its hint in the lesson's language, not English
            assert "no answer yet" not in line and "Hint:" not in line, line


def test_html_handouts_are_written_and_offline(executed):
    out, _ = executed
    for lesson in LESSONS:
        html = (out / "html" / "notebooks" / f"{lesson}.html").read_text(encoding="utf-8")
        assert runner.external_references(html) == []
    assert not list((out / "html").rglob("*.ipynb.html"))


@pytest.mark.parametrize(("lang", "tag", "font"), [("zh-Hant/", "zh-Hant-HK", "Noto Sans CJK HK"),
                                                   ("zh-Hans/", "zh-Hans-CN", "Noto Sans CJK SC")])
def test_chinese_handouts_say_their_language_and_name_a_font_for_it(executed, lang, tag, font):
    out, _ = executed
    for folder in ("notebooks", "course/solutions"):
        html = (out / "html" / folder / f"{lang}03_lofter.html").read_text(encoding="utf-8")
        assert f'<html lang="{tag}"' in html
        assert font in html
        assert runner.external_references(html) == []


def _text_outside_links(html: str) -> str:
    import re

    html = re.sub(r"<(script|style)\b.*?</\1\s*>", "", html, flags=re.S | re.I)
    html = re.sub(r"<a\b.*?</a>", "", html, flags=re.S | re.I)
    return re.sub(r"<[^>]*>", "", html)


@pytest.mark.parametrize("folder", ["course/solutions", "notebooks"])
def test_html_handouts_are_worth_handing_out(executed, folder):
    """Every widget's static content, no solution markers, clickable links, a CJK font."""
    out, _ = executed
    for lesson in LESSONS:
        html = (out / "html" / folder / f"{lesson}.html").read_text(encoding="utf-8")
        executed_nb = nbform.read(out / "executed" / folder / f"{lesson}.ipynb")
        widgets = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                      for c in executed_nb.cells for o in c.get("outputs", []))
        assert html.count('class="artethics-static') >= widgets, lesson
        assert "application/vnd.jupyter.widget-view+json" not in html, lesson
        assert "BEGIN SOLUTION" not in html and "END SOLUTION" not in html, lesson
        assert "Noto Sans CJK SC" in html and "Microsoft YaHei" in html, lesson
        text = _text_outside_links(html)
        assert "http://" not in text and "https://" not in text, lesson  # every link clickable
    assert any("BEGIN SOLUTION" in c.source
               for c in nbform.read(ROOT / "course/solutions/03_lofter.ipynb").cells)


CASE_OF = {"01_next_rembrandt": "rembrandt", "02_edmond_de_belamy": "belamy",
           "03_lofter": "lofter", "04_trik_ai": "trik", "05_augmented_intelligence": "christies"}


def _headless_parameters(lesson: str, declared: dict) -> dict:
    """Answers that stand in for the clicks, for the parameters a lesson declares."""
    from artethics import data

    arguments = data.load("arguments")
    arguments = arguments.loc[arguments["case_id"] == CASE_OF[lesson], "argument_id"]
    values = {
        "student": "ci-headless",
        "poll_before": {"stance": "against", "confidence": 2},
        "weights": {arg: 3 + i % 3 for i, arg in enumerate(sorted(arguments)[:4])},
        "poll_after": {"stance": "for", "confidence": 4},
        "jurisdiction": "CN",
    }
    return {name: value for name, value in values.items() if name in declared}


@pytest.mark.parametrize("lesson", [n for n in LESSONS if n in CASE_OF])
def test_parameters_stand_in_for_the_clicks(lesson, tmp_path):
    from artethics.responses import Store

    path = ROOT / "course" / "solutions" / f"{lesson}.ipynb"
    params = _headless_parameters(lesson, runner.declared_parameters(path))
    assert {"poll_before", "weights", "poll_after"} <= set(params), lesson
    [result] = runner.run([str(path)], parameters=params, jobs=1, output_dir=tmp_path,
                          progress=False)
    assert result.status == runner.OK, runner.format_failure(result)
    executed = nbform.read(tmp_path / "executed" / "course" / "solutions" / f"{lesson}.ipynb")
    text = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    case = CASE_OF[lesson]
    assert "Shift:" in text and "toward 'for'" in text
    # answers go to the run's own database in its output folder, never anywhere else
    recorded = {r.activity for r in Store(tmp_path / "responses.sqlite").all()
                if r.student == "ci-headless"}
    assert {f"{case}.poll_before", f"{case}.balance", f"{case}.poll_after"} <= recorded
    assert not [r for r in Store().all() if r.student == "ci-headless"]
