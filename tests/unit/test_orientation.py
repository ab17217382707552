"""Lesson 00's helpers and its exercise."""

import pytest

from artethics import orientation
from artethics.exercises import evaluate
from artethics.exercises.orientation import busiest_year
from artethics.responses import Store


def test_cases_table_lists_the_five_main_cases_in_course_order():
    table = orientation.cases_table()
    assert list(table.index) == list(orientation.MAIN_CASES)
    assert table["year"].is_monotonic_increasing


def test_key_events_are_one_dated_event_per_case():
    rows = orientation.key_events()
    assert list(rows["case_id"]) == list(orientation.MAIN_CASES)
    assert rows["date"].notna().all()


def test_busiest_year_check_passes_the_right_year_only():
    year, count = busiest_year()
    assert count >= 2
    assert evaluate("orientation.busiest_year", year).ok
    assert evaluate("orientation.busiest_year", float(year)).ok


@pytest.mark.parametrize("wrong", [2016, 1999, "twenty", True])
def test_busiest_year_check_fails_wrong_answers_without_giving_it_away(wrong):
    verdict = evaluate("orientation.busiest_year", wrong)
    year, _ = busiest_year()
    assert not verdict.ok and verdict.hint
    assert str(year) not in verdict.line()


def test_busiest_year_check_fails_no_answer():
    verdict = evaluate("orientation.busiest_year", None)
    assert not verdict.ok and "no answer yet" in verdict.message


def test_course_poll_after_shows_the_shift_from_lesson_00(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    orientation.show_opening_poll("against", 2, student="ana")
    orientation.show_course_poll("after", "for", 4, lesson="06_synthesis", student="ana")
    out = capsys.readouterr().out
    assert "moved 2 steps toward 'for'" in out
    saved = {r.activity: r for r in Store(tmp_path / "db.sqlite").all()}
    assert saved["course.poll_after"].data["shift"] == 2


def test_where_answers_go_names_no_absolute_path(monkeypatch, tmp_path):
    monkeypatch.delenv("ARTETHICS_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    text = orientation.where_answers_go("")
    assert "~/.artethics/responses.sqlite" in text and str(tmp_path) not in text
    assert "nothing leaves this computer" in text
    assert "shared with the class" in orientation.where_answers_go("/srv/class")


def test_key_terms_define_the_words_the_case_cards_use():
    terms = orientation.key_terms()
    assert list(terms.index) == list(orientation.KEY_TERMS)
    assert terms["definition"].str.len().gt(10).all() and terms["term_zh"].str.len().gt(0).all()
    cards = orientation.case_cards().data
    assert "GAN" in cards and any(t.startswith("GAN") for t in terms.index)
    with pytest.raises(KeyError, match="blockchain"):
        orientation.key_terms(["blockchain"])


def test_corrections_sample_is_shown_in_full():
    sample = orientation.corrections_sample(3)
    assert len(sample) == 3 and "verdict" in sample.columns
    long_value = max(sample["verified_value"], key=len)
    assert len(long_value) > 50 and long_value in orientation.readable(sample)._repr_html_()
    with pytest.raises(ValueError, match="at least 1"):
        orientation.corrections_sample(0)
