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


def test_where_answers_go_is_the_same_text_wherever_the_database_is(monkeypatch, tmp_path):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "x.sqlite"))
    first = orientation.where_answers_go("")
    monkeypatch.delenv("ARTETHICS_DB")
    assert orientation.where_answers_go("") == first  # stored outputs stay deterministic
    assert "~/.artethics/responses.sqlite" in first and str(tmp_path) not in first
    assert "nothing leaves this computer" in first
    assert "shared with the class" in orientation.where_answers_go("/srv/class")


def test_show_poll_takes_a_question_of_its_own_and_refuses_an_empty_one(tmp_path, monkeypatch,
                                                                        capsys):
    from artethics.widgets import ParameterError, show_poll

    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    show_poll("course", "before", stance="for", confidence=3, lesson="00_orientation",
              question=orientation.OPENING_QUESTION)
    assert orientation.OPENING_QUESTION in capsys.readouterr().out
    with pytest.raises(ParameterError, match="question"):
        show_poll("course", "before", stance="for", confidence=3, lesson="00_orientation",
                  question="  ")
    with pytest.raises(ParameterError, match="case"):  # without a question: cases.csv only
        show_poll("course", "before", stance="for", confidence=3, lesson="00_orientation")
