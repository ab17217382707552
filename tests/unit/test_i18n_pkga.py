"""The exercises, the checks, the reflections, lesson 00's helpers and `artethics check`
speak the lesson's language (issue 15): Traditional Chinese (Hong Kong usage),
Simplified Chinese (mainland usage) or English, which stays exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from artethics import i18n
from artethics.exercises import evaluate, registry
from artethics.exercises.reasoning import declared, spec
from artethics.kit import CASES
from artethics.tools import translate

CHINESE = ("zh-Hant", "zh-Hans")
AREAS = ("exercises", "check", "checking", "orientation", "student")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Three English words in a row, once code, ids, file names and quoted keys are taken out:
# what an untranslated sentence leaves behind.
CODE = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|\S*[_./()\[\]=]\S*|\bS\d{2,}\b|\bNone\b")
SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b")


def english_sentences(text: str) -> list[str]:
    return SENTENCE.findall(CODE.sub(" ", text))


def test_a_sentence_detector_that_can_fail():
    assert english_sentences("✘ a.b：尚未作答。 提示：not the right number of days.")
    assert not english_sentences("請用 events.csv 中的 trik_first_accusation 和 'confirmed'。")


# --- the catalogues ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", CHINESE)
@pytest.mark.parametrize("area", AREAS)
def test_every_message_of_the_area_is_translated_with_its_fields(area, lang):
    messages = translate.extract_package()[area]
    found = translate.completeness(i18n.LOCALE_DIR / lang / f"{area}.po", messages)
    assert messages
    assert not found.missing and not found.fuzzy and not found.bad_fields, (
        found.missing[:3], found.fuzzy[:3], found.bad_fields[:3])


@pytest.mark.parametrize("lang", CHINESE)
def test_translations_are_in_the_readers_script_and_words(lang):
    package = translate.extract_package()
    mine = {m.msgid for area in AREAS for m in package[area]}
    texts = [t for (_, msgid), t in i18n.catalogue(lang).items() if msgid in mine]
    words = [re.sub(r"\{[^{}]*\}", "", t) for t in texts]  # fields are not words
    assert texts and all(HAN.search(t) or not re.search(r"[A-Za-z]{4}", t) for t in words)
    joined = "\n".join(texts)
    if lang == "zh-Hant":
        # Hong Kong usage: 人工智能, 程式, 數據; full-width 「」 quotes.
        assert "人工智慧" not in joined and "这" not in joined and "“" not in joined
        assert "儲存格" in joined and "核心" in joined
    else:
        assert "這" not in joined and "「" not in joined and "持份者" not in joined
        assert "单元格" in joined and "内核" in joined and "利益相关者" in joined
        assert "程式" not in joined and "質素" not in joined and "质素" not in joined


# --- verdicts -------------------------------------------------------------------------


def test_english_verdicts_are_unchanged():
    with i18n.using("en"):
        assert evaluate("belamy.price_ratio", None).line() == (
            "✘ belamy.price_ratio: no answer yet. Hint: Replace the None in the answer cell "
            "above, or write between its empty quotes: divide the price paid by the high "
            "estimate (sales.csv), as a number.")
        assert evaluate("lofter.days_to_withdrawal", -3).line() == (
            "✘ lofter.days_to_withdrawal: a negative number of days. Hint: Subtract the "
            "earlier date from the later one.")


COURSE_PREFIXES = {*CASES, "orientation"}


@pytest.mark.parametrize("lang", CHINESE)
def test_every_blank_answer_gets_its_hint_in_the_lessons_language(lang):
    with i18n.using(lang):
        for exercise_id in registry():
            if exercise_id.split(".")[0] not in COURSE_PREFIXES:
                continue  # registered by other tests' fixtures, in English on purpose
            verdict = evaluate(exercise_id, None)
            line = verdict.line()
            assert verdict.missing and not verdict.ok
            assert HAN.search(verdict.message) and HAN.search(verdict.hint), line
            assert not english_sentences(line), (exercise_id, line)


@pytest.mark.parametrize("lang", CHINESE)
def test_number_checks_answer_in_chinese(lang):
    cases = [("belamy.price_ratio", 0.5), ("belamy.price_ratio", "x"),
             ("christies.sell_through", [1, 2]), ("lofter.days_to_withdrawal", -3),
             ("trik.start_gap", 3), ("rembrandt.unsettled_facts", 3),
             ("synthesis.policy", {"consent": "x"}), ("orientation.busiest_year", 1900)]
    with i18n.using(lang):
        for exercise_id, answer in cases:
            line = evaluate(exercise_id, answer).line()
            assert HAN.search(line) and not english_sentences(line), line
            assert ("提示" in line) == (not evaluate(exercise_id, answer).ok)


@pytest.mark.parametrize("lang", CHINESE)
def test_every_reasoning_exercise_asks_and_answers_in_chinese(lang):
    for exercise_id in declared():
        one = spec(exercise_id)
        with i18n.using("en"):
            english = [evaluate(exercise_id, w, student="nobody").line()
                       for w in one.wrong_answers()]
        with i18n.using(lang):
            shown = one.show()
            lines = [evaluate(exercise_id, w, student="nobody").line()
                     for w in one.wrong_answers()]
        assert HAN.search(shown), exercise_id
        for before, after in zip(english, lines, strict=True):
            assert before != after and HAN.search(after), (exercise_id, after)


@pytest.mark.parametrize("lang", CHINESE)
def test_a_figure_question_shows_its_options_and_status_in_chinese(lang):
    with i18n.using(lang):
        text = spec("belamy.price_shows").show()
        right = evaluate("belamy.price_shows", "a").line()
    for english in ("What does this figure show", "How good the portrait is",
                    "corrected: a source document", "Answer with the letter",
                    "high confidence"):
        assert english not in text
    assert ("可信程度高" if lang == "zh-Hant" else "可信度高") in text
    assert right.startswith("✔ belamy.price_shows：") and ("正確" in right or "正确" in right)


def test_a_verdict_made_in_chinese_is_still_known_as_missing():
    from artethics.tools.check.verdicts import MISSING

    with i18n.using("zh-Hant"):
        verdict = evaluate("lofter.unconfirmed_facts", "")
    assert verdict.missing and "no answer yet" not in verdict.line()
    assert MISSING == "missing"


# --- Chinese answers are counted as Chinese counts them ----------------------------------


def test_a_chinese_reflection_is_counted_in_characters_and_its_evidence_found():
    from artethics.exercises import chinese_range, text_length
    from artethics.exercises.reflection import cited

    assert text_length("AI 生成的藝術") == (1 + 5, True)
    assert text_length("two words, 一") == (2, False)
    assert chinese_range(120, 200) == (200, 320) and chinese_range(25, 120) == (40, 190)
    assert chinese_range(150, 250) == (240, 400) and chinese_range(12, 80) == (20, 130)
    text = "我認為佳士得這場拍賣引起了很多關於署名的問題。" * 9 + "它最後以432,500美元成交，見S15。"
    assert 200 <= text_length(text)[0] <= 320
    assert "432,500" in cited(text, "belamy") and "S15" in cited(text, "belamy")
    assert "432,500" in cited("成交價約為43.25萬美元。", "belamy")
    with i18n.using("zh-Hant"):
        verdict = evaluate("belamy.reflection", text)
    assert verdict.ok, verdict.line()
    with i18n.using("zh-Hant"):
        short = evaluate("belamy.reflection", "太短了，見S15。")
    assert not short.ok and "字" in short.message and "200–320 字" in short.hint
    with i18n.using("zh-Hant"):
        too_long = evaluate("belamy.reflection", text * 2)
    assert not too_long.ok and "320 字的上限" in too_long.message


def test_the_chinese_lessons_state_the_ranges_the_checks_apply():
    """A student reads the range in the lesson and meets it again in the hint: the same."""
    import re
    from pathlib import Path

    from artethics.exercises import chinese_range
    from artethics.exercises.reflection import WORD_RANGES

    applied = {chinese_range(*WORD_RANGES["rembrandt"]), chinese_range(*WORD_RANGES["synthesis"]),
               chinese_range(25, 120)}
    root = Path(__file__).resolve().parents[2] / "course" / "i18n"
    stated = set()
    for po in sorted(root.glob("zh-*/*.po")):
        for low, high in re.findall(r"(\d+)[–-](\d+) ?字", po.read_text(encoding="utf-8")):
            stated.add((int(low), int(high)))
    assert stated and stated <= applied, stated - applied


def test_a_chinese_argument_card_reply_counts_characters_and_finds_ids():
    card = spec("trik.card").right_answer()
    reply = ("這個反對意見有道理，但它忽略了創作者從未被徵詢的事實，"
             "而且根據S25的報道，平台並沒有說明訓練數據的來源，所以我的立場仍然成立。")
    with i18n.using("zh-Hans"):
        verdict = evaluate("trik.card", {**card, "reply": reply})
        too_short = evaluate("trik.card", {**card, "reply": "見S25。"})
    assert verdict.ok, verdict.line()
    assert not too_short.ok and "字" in too_short.message


# --- lesson 00 and the self-check -----------------------------------------------------------


@pytest.mark.parametrize("lang", CHINESE)
def test_lesson_00_helpers_speak_chinese(lang):
    from artethics import orientation

    with i18n.using(lang):
        where = orientation.where_answers_go("")
        moves = orientation.argument_moves().data
        cards = orientation.lens_cards().data
        question = i18n.gettext(orientation.OPENING_QUESTION)
    assert ("數據庫" if lang == "zh-Hant" else "数据库") in where
    assert not english_sentences(where)
    assert ("最有力的反對意見" if lang == "zh-Hant" else "最有力的反对意见") in moves
    assert "Strongest objection" not in moves and "asks about" not in cards
    assert HAN.search(question) and "Should it be allowed" not in question
    with i18n.using("en"):
        assert orientation.where_answers_go("").startswith(
            "1. Inside this notebook, as an output under the widget")


def test_the_course_timeline_title_renders_in_chinese(monkeypatch, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from artethics import orientation

    saved: list[Path] = []

    def keep() -> None:
        fig = plt.gcf()
        path = tmp_path / f"timeline-{len(saved)}.png"
        fig.savefig(path)
        saved.append(path)
        titles.append(fig.axes[0].get_title())
        plt.close(fig)

    titles: list[str] = []
    monkeypatch.setattr(plt, "show", keep)
    with _no_missing_glyphs():
        with i18n.using("zh-Hant"):
            orientation.course_timeline()
    assert titles == ["本課程的五個個案：每個個案各取一個有日期的時刻"]
    assert saved[0].stat().st_size > 10_000


class _no_missing_glyphs:  # noqa: N801 - a context manager used like a function
    """Fail when matplotlib warns that a glyph is missing from the font (Chinese shown as
    empty boxes)."""

    def __enter__(self):
        import warnings

        self._catch = warnings.catch_warnings(record=True)
        self.found = self._catch.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        self._catch.__exit__(*exc)
        missing = [str(w.message) for w in self.found if "missing from" in str(w.message)]
        assert not missing, missing[:2]
        return False


@pytest.mark.parametrize("lang", CHINESE)
def test_the_self_check_closes_in_the_lessons_language(lang):
    from artethics.checking import _for_the_student

    target = Path("/tmp/xyz/03_lofter.ipynb")
    out = "/tmp/xyz/03_lofter.ipynb (lesson 03_lofter): 2 of 2 exercises pass\n"
    with i18n.using(lang):
        done = _for_the_student(out, "", 0, target)
        again = _for_the_student(out, "", 1, target)
    assert "Well done" not in done and HAN.search(done.splitlines()[-1])
    assert "check again" not in again and "Ctrl+S" in again


def test_the_self_check_passes_the_language_on(monkeypatch, capsys):
    from artethics import checking

    seen = {}

    class Done:
        returncode = 0
        pid = 0

        def __init__(self, args, env, **kw):
            seen.update(env)

        def communicate(self, timeout=None):
            return "x.ipynb (lesson 03_lofter): 1 of 1 exercises pass\n", ""

    monkeypatch.setattr(checking.subprocess, "Popen", Done)
    monkeypatch.setattr(checking, "_kill_group", lambda proc: None)
    monkeypatch.delenv(checking.INSIDE_CHECK, raising=False)
    with i18n.using("zh-Hans"):
        checking.check_this_notebook("x.ipynb", timeout=5)
    assert seen["ARTETHICS_LANG"] == "zh-Hans"
    assert "正在检查这个笔记本" in capsys.readouterr().out


# --- artethics check ------------------------------------------------------------------


def test_the_notebooks_language_comes_from_its_metadata():
    from artethics.tools.check.notebook import notebook_language

    assert notebook_language({"metadata": {"artethics": {"lang": "zh-Hant"}}}) == "zh-Hant"
    assert notebook_language({"metadata": {"artethics": {"lang": "zh_CN"}}}) == "zh-Hans"
    assert notebook_language({"metadata": {"artethics": {"lang": "klingon"}}}) == "en"
    assert notebook_language({"metadata": {"artethics": {"lang": 3}}}) == "en"
    assert notebook_language({"metadata": {}}) == "en"


def _prep(lang: str, exercises=("lofter.unconfirmed_facts",)):
    from artethics.tools.check.restore import Prepared

    plan = [{"kind": "values", "exercise": ex, "names": ["v"], "cell": i}
            for i, ex in enumerate(exercises)]
    return Prepared("s/03_lofter.ipynb", "03_lofter", plan, list(exercises), {},
                    {ex: ["v"] for ex in exercises}, lang=lang)


@pytest.mark.parametrize("lang", CHINESE)
def test_a_report_is_written_in_the_notebooks_language(lang):
    import json

    from artethics.tools.check import verdicts

    nonce = "n"
    got = {"how": "reply", "nonce": nonce, "names": ["v"],
           "text": repr(json.dumps({"nonce": nonce, "values": {"v": ""}}))}
    result = {"started": True, "values": {"lofter.unconfirmed_facts": got},
              "cells": [{"cell": 2, "status": "timeout"}]}
    with i18n.using("en"):  # the checking process itself runs in English
        report = verdicts.build_report(_prep(lang), result, timeout=5)
        text = report.text()
    assert report.lang == lang and report.results[0].status == "missing"
    assert "no answer yet" not in text and "exercises pass" not in text
    head, line, note = text.splitlines()
    assert HAN.search(head) and "03_lofter" in head
    assert line.startswith("  … lofter.unconfirmed_facts [")
    assert line.count("lofter.unconfirmed_facts") == 1  # the exercise is named once
    assert ("[未作答]" in line) and HAN.search(note) and not english_sentences(note)
    with i18n.using("en"):
        english = verdicts.build_report(_prep(""), result, timeout=5).text()
    assert "[missing]: no answer yet." in english and "0 of 1 exercises pass" in english


def test_read_errors_after_the_notebook_is_read_are_in_its_language(tmp_path, monkeypatch):
    import json

    from artethics.tools.check.api import check_notebooks

    nb = {"nbformat": 4, "nbformat_minor": 5, "cells": [],
          "metadata": {"artethics": {"lesson": "99_nowhere", "lang": "zh-Hant"}}}
    path = tmp_path / "mine.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    manifest = {"lessons": {"03_lofter": {"checks": [{"exercise": "lofter.a"}]}}}
    with i18n.using("en"):
        [report] = check_notebooks([path], manifest=manifest, timeout=5, jobs=1)
        text = report.text()
    assert report.lang == "zh-Hant" and "無法檢查" in text and "課堂 '99_nowhere'" in text
    with i18n.using("zh-Hans"):  # before the file is read: the current language
        [missing] = check_notebooks([tmp_path / "gone.ipynb"], manifest=manifest, timeout=5,
                                    jobs=1)
    assert "没有文件" in missing.problem


def test_the_checking_kernel_gets_the_notebooks_language(tmp_path):
    from artethics.tools.check.sandbox import Sandbox

    assert Sandbox(tmp_path, tmp_path, 10, "zh-Hant").env()["ARTETHICS_LANG"] == "zh-Hant"
    assert "ARTETHICS_LANG" not in Sandbox(tmp_path, tmp_path, 10).env()


def test_the_self_check_drops_the_tally_in_any_language():
    from artethics.checking import _for_the_student

    target = Path("/tmp/xyz/03_lofter.ipynb")
    out = ("/tmp/xyz/03_lofter.ipynb（課堂 03_lofter）：1 個練習中有 1 個通過\n"
           "  ✔ lofter.a [通過]：正確。\n  Note: x\n1 本筆記本中有 1 本通過所有練習。\n")
    with i18n.using("zh-Hant"):
        text = _for_the_student(out, "", 0, target)
    assert "本筆記本中" not in text and "  ✔ lofter.a [通過]：正確。" in text
    assert text.startswith("03_lofter.ipynb（課堂 03_lofter）")
    problem = "✘ /tmp/xyz/03_lofter.ipynb: cannot be checked. Gone.\n0 of 1 notebooks pass.\n"
    assert _for_the_student(problem, "", 1, target).startswith(
        "✘ 03_lofter.ipynb: cannot be checked. Gone.\nFix the exercises")
