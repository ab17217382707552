"""The kit's own messages in widgets, cases, demos, plots, tables, sources, the record
line and the dashboard follow the lesson's language (issue 15); English is unchanged.

Each test builds the user-facing output under ``i18n.using("zh-Hant")`` / ``"zh-Hans"``
and checks that a translated sentence appears and no English sentence is left in what a
student or instructor reads (ids, names, numbers and code aside).
"""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from artethics import i18n
from artethics.tools import translate
from tests.unit.test_widgets_models import (
    QUESTION,
    applications_df,
    arguments_df,
    rules_df,
    stakeholders_df,
)

AREAS = ("cases", "widgets", "demos", "plotting", "tables", "sources", "responses",
         "dashboard")
CHINESE = ("zh-Hant", "zh-Hans")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Three English words in a row: a sentence (or a label) left untranslated.
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}\b")
# Names, ids and code that stay English in every language.
ALLOWED = ("Stable Diffusion", "Hold the sale", "Next Rembrandt", "Augmented Intelligence",
           "Should the sale go ahead", "Buyers chose freely", "Artists were not asked",
           "Artists were not paid", "Makers are named", "Tool makers")


def english_left(text: str) -> list[str]:
    """Runs of English words in ``text`` that are not names, ids or the test's own data."""
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    text = re.sub(r"<[^>]+>", " ", text)  # HTML tags and their attributes
    text = re.sub(r"\w+\s*=\s*\S+", " ", text)  # key=value (code a user types)
    text = re.sub(r"'[^']*'|`[^`]*`", " ", text)  # quoted ids and code
    return ENGLISH_RUN.findall(text)


def balance_model():
    from artethics.widgets import BalanceModel

    model = BalanceModel.from_tables("x", QUESTION, arguments_df(), stakeholders_df())
    model.set_weights({"x_a1": 1, "x_a2": 5, "x_a3": 4})
    model.set_reasons({"x_a2": "Nobody asked."})
    return model


# --- catalogues ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", CHINESE)
@pytest.mark.parametrize("area", AREAS)
def test_every_message_of_the_area_is_translated_with_its_fields(area, lang):
    messages = translate.extract_package()[area]
    found = translate.completeness(i18n.LOCALE_DIR / lang / f"{area}.po", messages)
    assert messages
    assert not found.missing, found.missing[:3]
    assert not found.fuzzy, found.fuzzy[:3]
    assert not found.bad_fields, found.bad_fields[:3]


@pytest.mark.parametrize("area", AREAS)
def test_the_two_scripts_are_written_apart(area):
    """zh-Hans is not the Traditional text copied: the mainland words are used."""
    hant = i18n.read_po(i18n.LOCALE_DIR / "zh-Hant" / f"{area}.po")
    hans = i18n.read_po(i18n.LOCALE_DIR / "zh-Hans" / f"{area}.po")
    both = [k for k in hant if HAN.search(hant[k])]
    assert both and sum(hant[k] != hans.get(k) for k in both) > len(both) // 2
    text = " ".join(hans.values())
    for hong_kong in ("持份者", "程式", "檔案", "資料夾"):
        assert hong_kong not in text


# --- widgets ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, title, verdict", [
    ("zh-Hant", "論點天秤", "強烈偏向反對"), ("zh-Hans", "论点天平", "强烈偏向反对")])
def test_balance_summary_and_verdict_in_chinese(lang, title, verdict):
    model = balance_model()
    with i18n.using(lang):
        summary = model.summary()
        assert model.verdict() == verdict
        recorded = model.to_data()
    assert summary.startswith(title)
    assert verdict in summary
    assert english_left(summary) == []
    assert "access_and_creativity" not in summary and "consent " not in summary  # words, not ids
    # the recorded answer stays English, so the class data of every language reads together
    assert recorded["verdict"] == "leans against, strongly"
    assert model.verdict() == "leans against, strongly"


def test_balance_english_is_unchanged():
    summary = balance_model().summary()
    assert summary.splitlines()[0] == "Argument balance"
    assert "Verdict: leans against, strongly (score -0.80; -1 = all weight against" in summary
    assert "  For 1 (weight" not in summary and "  Against 2 (weight 5): Nobody asked." in summary


@pytest.mark.parametrize("lang", CHINESE)
def test_static_balance_and_matrix_html_in_chinese(lang):
    from artethics.widgets import MatrixModel
    from artethics.widgets.render import balance_static_html, matrix_static_html

    matrix = MatrixModel.from_tables("x", stakeholders_df(), arguments_df())
    matrix.set_ratings({"x_artists": {"consent": -2}})
    with i18n.using(lang):
        html = balance_static_html(balance_model()) + matrix_static_html(matrix)
    assert ("支持方權重" if lang == "zh-Hant" else "支持方权重") in html
    assert english_left(html) == [], english_left(html)[:5]


@pytest.mark.parametrize("lang, button", [("zh-Hant", "記錄我的立場"), ("zh-Hans", "记录我的立场")])
def test_balance_view_labels_and_slider_words_in_chinese(lang, button):
    from artethics.widgets.views import BalanceView

    with i18n.using(lang):
        view = BalanceView(balance_model())
    assert view.record_button.description == button
    slider = view.sliders["x_a2"]
    assert slider.description in ("反對 2", "反对 2")
    assert slider.value_text() == "5／5, " + ("決定性" if lang == "zh-Hant" else "决定性")
    assert slider.value_template == "{value}／{max}"
    assert [label for label, _key in view.own_stance.options] == ["支持", "反對" if
                                                                  lang == "zh-Hant" else "反对"]
    assert english_left(view.verdict.value) == []


def test_views_and_slider_keep_english_words():
    from artethics.widgets.views import BalanceView

    view = BalanceView(balance_model())
    assert view.record_button.description == "Record my position"
    assert view.sliders["x_a2"].value_text() == "5 of 5, decisive"


@pytest.mark.parametrize("lang", CHINESE)
def test_poll_shift_and_matrix_summary_in_chinese(lang):
    from artethics.widgets import MatrixModel, PollModel
    from artethics.widgets.poll import Answer

    poll = PollModel("x", QUESTION, "after", before=Answer("against", 2))
    poll.set_answer("for", 4)
    matrix = MatrixModel.from_tables("x", stakeholders_df(), arguments_df())
    matrix.set_ratings({"x_artists": {"consent": -2}, "x_buyers": {"credit": 1}})
    matrix.set_decision("Hold the sale")
    with i18n.using(lang):
        texts = poll.summary() + "\n" + matrix.summary()
        recorded = poll.to_data()
    assert "2" in poll.shift() and HAN.search(texts)
    assert english_left(texts) == [], english_left(texts)
    assert recorded["reason_prompt"] == "What moved you? One line."


@pytest.mark.parametrize("lang, place", [("zh-Hant", "香港特別行政區"),
                                         ("zh-Hans", "香港特别行政区")])
def test_lens_question_and_summary_in_chinese_recorded_in_english(lang, place):
    from artethics.widgets import LensModel

    model = LensModel("x", rules_df(), applications_df())
    model.choose("HK")
    model.set_answer("HK", "Little would change.")
    with i18n.using(lang):
        summary = model.summary()
        recorded = model.to_data()
    assert place in summary
    assert english_left(summary.replace("Little would change.", "")) == []
    assert recorded["questions"]["HK"].startswith("If this case happened under the rules of")


@pytest.mark.parametrize("lang", CHINESE)
def test_parameter_errors_are_in_the_lesson_language(lang):
    from artethics.widgets import ParameterError

    model = balance_model()
    with i18n.using(lang), pytest.raises(ParameterError) as error:
        model.set_weight("x_a1", 7)
    message = str(error.value)
    assert message.startswith("weights['x_a1']=7 ") and "0" in message and "5" in message
    assert HAN.search(message) and english_left(message) == []


@pytest.mark.parametrize("lang", CHINESE)
def test_record_line_in_chinese_is_read_back_without_the_activity(lang):
    from artethics.responses import Response
    from artethics.responses.recording import summary_line
    from artethics.widgets.show import confirmation

    response = Response(lesson="03_lofter", activity="lofter.balance", kind="balance",
                        student="ana", data={})
    with i18n.using(lang):
        line = summary_line(response, ["notebook", "database"], {"class folder": "No space"})
        shown = confirmation(line)
    assert "lofter.balance" in line and "lofter.balance" not in shown
    assert "ana" in shown and HAN.search(shown) and "No space" in shown
    english = summary_line(response, ["notebook", "database"], {})
    assert english == ("Recorded lofter.balance for ana: saved in this notebook and the local "
                       "database")
    assert confirmation(english) == ("Recorded for ana: saved in this notebook and the local "
                                     "database")


# --- sources, tables, cases --------------------------------------------------------------------


@pytest.mark.parametrize("lang, label", [("zh-Hant", "來源："), ("zh-Hans", "来源：")])
def test_citation_label_and_dates_in_chinese(lang, label):
    from artethics.sources import cite, format_date

    with i18n.using(lang):
        line = cite("S52")
        day = format_date(pd.Timestamp("2025-03-18"), "day")
    assert line.startswith(label) and "[S52]" in line
    assert day == "2025年3月18日"
    assert cite("S52").startswith("Source: [S52]")
    assert format_date(pd.Timestamp("2025-03-18"), "day") == "18 Mar 2025"


@pytest.mark.parametrize("lang", CHINESE)
def test_key_figures_words_units_and_qualifiers_in_chinese(lang):
    from artethics import tables

    english = tables.key_figures("rembrandt")["figure"]
    with i18n.using(lang):
        chinese = tables.key_figures("rembrandt")["figure"]
    assert list(english.index) == list(chinese.index)
    assert "347 years" in set(english)
    assert "347 年" in set(chinese)
    # numeric figures (a text fact's value is data/'s recorded wording, kept as written)
    numeric = [v for v, e in zip(chinese, english, strict=True) if re.match(r"[\d.,]+\b", e)]
    assert numeric and not any(english_left(v) for v in numeric)


@pytest.mark.parametrize("lang", CHINESE)
def test_case_plot_titles_and_labels_render_in_chinese(lang, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from artethics import plotting
    from artethics.cases import rembrandt

    with i18n.using(lang), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = rembrandt.plot_style_as_data()
        plotting.save(fig, tmp_path / "style.png")
        title = fig.axes[0].get_title()
        ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        family = matplotlib.rcParams["font.sans-serif"][0]
    plt.close(fig)
    assert title in ("風格即數據：由畫作到像素", "风格即数据：由画作到像素")
    assert all(HAN.search(t) for t in ticks)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert family == ("Noto Sans CJK HK" if lang == "zh-Hant" else "Noto Sans CJK SC")
    assert (tmp_path / "style.png").stat().st_size > 1000


@pytest.mark.parametrize("lang", CHINESE)
def test_reading_notes_and_timeline_labels_follow_the_language(lang):
    from artethics.cases import lofter

    with i18n.using(lang):
        frame = lofter.timeline_frame()
        notes = lofter.reading_list(["S19"])["how_to_read"]
    english = lofter.timeline_frame()
    assert list(frame["event_id"]) == list(english["event_id"])
    assert list(frame["date"]) == list(english["date"])
    assert all(HAN.search(label) for label in frame["label"])
    assert HAN.search(notes.iloc[0]) and not english_left(notes.iloc[0].replace("LOFTER", ""))
    # the platform's own steps are found in every language
    with i18n.using(lang):
        steps = lofter.steps_after_first_reply()
    assert list(steps["days_after"]) == list(lofter.steps_after_first_reply()["days_after"])


def test_chinese_large_counts_are_written_in_wan_and_yi():
    from artethics.cases import synthesis

    with i18n.using("zh-Hant"):
        assert synthesis.count_words(15000) == "1.5萬"
        assert synthesis.count_words(5_850_000_000) == "58.5億"
    with i18n.using("zh-Hans"):
        assert synthesis.count_words(1_200_000) == "120万"
    assert synthesis.count_words(5_850_000_000) == "5.85 billion"


# --- demos and dashboard ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", CHINESE)
def test_demo_summary_in_chinese(lang):
    from artethics.demos import gan

    run = gan.train_gan(steps=20, seed=0)
    with i18n.using(lang):
        text = run.summary()
    assert HAN.search(text) and english_left(text.replace("two_peaks", "")) == []
    assert run.summary().startswith("Toy GAN on 'two_peaks', seed 0, 20 training steps.")


@pytest.mark.parametrize("lang", CHINESE)
def test_dashboard_texts_in_chinese(lang):
    from artethics.tools import dashboard

    with i18n.using(lang):
        answers, line = dashboard.class_or_demo("", demo_students=4, seed=0)
        frame = dashboard.answers_frame(answers) if hasattr(dashboard, "answers_frame") \
            else None
    assert HAN.search(line) and "seed 0" in line
    english_answers, english_line = dashboard.class_or_demo("", demo_students=4, seed=0)
    assert english_line.startswith("DEMO CLASS (invented answers, 4 students, seed 0)")
    # the recorded shape is the same in every language (ids, stances, numbers)
    assert [(a.activity, a.student) for a in answers] == \
        [(a.activity, a.student) for a in english_answers]
    assert frame is None or len(frame) == len(answers)
