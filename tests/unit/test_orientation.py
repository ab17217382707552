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



def test_course_poll_after_records_what_moved_the_student(tmp_path, monkeypatch, capsys):
    from artethics.cases import christies

    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    orientation.show_opening_poll("against", 2, student="ana")
    answer = {"stance": "for", "confidence": 4,
              "reason": "  The  opt-out   figures from lesson 05. "}
    # lesson 06 passes its headless answer through the same helper as lesson 05
    orientation.show_course_poll("after", **christies.poll_args(answer, "poll_after"),
                                 lesson="06_synthesis", student="ana")
    out = capsys.readouterr().out
    assert "The opt-out figures from lesson 05." in out
    saved = {r.activity: r for r in Store(tmp_path / "db.sqlite").all()}
    after = saved["course.poll_after"].data
    assert after["reason"] == "The opt-out figures from lesson 05."  # one line, spaces tidied
    assert after["reason_prompt"] and after["shift"] == 2


@pytest.mark.parametrize(("when", "stance", "match"), [
    ("before", "against", "only in the 'after' poll"),
    ("after", None, "give a stance together with"),
])
def test_course_poll_refuses_a_reason_it_cannot_use_and_records_nothing(
        tmp_path, monkeypatch, when, stance, match):
    from artethics.widgets import ParameterError

    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    with pytest.raises(ParameterError, match=match):
        orientation.show_course_poll(when, stance, 3, reason="a change of mind",
                                     lesson="06_synthesis", student="ana")
    assert not (tmp_path / "db.sqlite").exists() or Store(tmp_path / "db.sqlite").all() == []


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


# --- the five lenses and the moves of an argument ---------------------------------------

def test_lens_cards_teach_each_lens_with_an_example_the_data_tags_with_it():
    from artethics import data

    text = orientation.lens_cards().data
    args = data.load("arguments").set_index("argument_id")
    assert list(orientation.LENS_EXAMPLES) == list(data.LENSES)
    for lens, argument_id in orientation.LENS_EXAMPLES.items():
        assert args.at[argument_id, "lens"] == lens
        assert f"**{lens}**" in text and args.at[argument_id, "claim"] in text
    # fair to both sides: examples from each side of the cases' questions
    stances = {args.at[a, "stance"] for a in orientation.LENS_EXAMPLES.values()}
    assert stances == {"for", "against"}


def test_lens_cards_refuse_an_example_with_another_lens():
    examples = dict(orientation.LENS_EXAMPLES, rights="belamy_against_6")
    with pytest.raises(ValueError, match="belamy_against_6 rests on the fairness lens"):
        orientation.lens_cards(examples)
    with pytest.raises(ValueError, match="one example per lens"):
        orientation.lens_cards({"rights": "trik_against_6"})


def test_argument_moves_builds_four_moves_from_the_data_and_leaves_the_reply():
    from artethics import data

    text = orientation.argument_moves().data
    claim, objection = orientation.MOVES_EXAMPLE
    args = data.load("arguments").set_index("argument_id")
    assert args.at[claim, "claim"] in text and args.at[objection, "claim"] in text
    ev = data.load("evidence")
    for link in ev[(ev.argument_id == claim) & (ev.relation == "supports")].itertuples():
        assert link.fact_id in text and link.note in text
    assert "**Reply**: yours to write" in text
    assert [line[:2] for line in text.splitlines()] == ["1.", "2.", "3.", "4.", "5."]


def test_argument_moves_needs_an_objection_from_the_other_side_of_the_same_case():
    with pytest.raises(ValueError, match="other side of the same case"):
        orientation.argument_moves("lofter_against_6", "lofter_against_7")
    with pytest.raises(ValueError, match="other side of the same case"):
        orientation.argument_moves("lofter_against_6", "trik_for_1")
    with pytest.raises(KeyError, match="lofter_for_99"):
        orientation.argument_moves("lofter_against_6", "lofter_for_99")


def test_lesson_00_reasoning_exercise_reads_its_answer_from_the_data():
    from artethics import data

    lens = data.load("arguments").set_index("argument_id").at["belamy_against_9", "lens"]
    assert evaluate("orientation.which_lens", lens).ok
    for wrong in set(data.LENSES) - {lens}:
        verdict = evaluate("orientation.which_lens", wrong)
        assert not verdict.ok and verdict.hint and lens not in verdict.hint
    assert not evaluate("orientation.which_lens", None).ok
    assert not evaluate("orientation.which_lens", "honesty").ok


def test_the_opening_question_is_asked_in_the_lessons_language():
    from artethics import i18n

    assert orientation.opening_question() == orientation.OPENING_QUESTION
    with i18n.using("zh-Hant"):
        assert "藝術家" in orientation.opening_question()
    with i18n.using("zh-Hans"):
        assert "艺术家" in orientation.opening_question()
