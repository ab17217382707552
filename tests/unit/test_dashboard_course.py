"""artethics.tools.dashboard: the course poll (lessons 00, 06) and the lesson-06 policy drafts."""

from __future__ import annotations

from artethics.responses import Response
from artethics.tools import dashboard


def _poll(student: str, when: str, stance: str) -> Response:
    lesson, activity = dashboard.COURSE_POLLS[when]
    return Response(lesson, activity, "poll", student,
                    {"case": "course", "when": when, "stance": stance, "confidence": 3})


def _policy(student: str, **parts: str) -> Response:
    policy = {p: parts.get(p, "") for p in dashboard.POLICY_PARTS}
    return Response("06_synthesis", "synthesis.policy", "policy", student,
                    {"policy": policy, "complete": len(parts) == 5})


ANSWERS = [_poll("Li Wei", "before", "against"), _poll("Li Wei", "after", "strongly_for"),
           _poll("Ana", "before", "undecided"),
           _policy("Ana", consent="Opt in only, per work.", credit="Label every image.")]


def test_course_poll_gives_each_students_shift_in_steps():
    table = dashboard.course_poll(dashboard.answers_frame(ANSWERS))
    rows = table.to_dict("records")
    assert [r["student"] for r in rows] == ["Ana", "Li Wei"]
    assert rows[1]["before"] == "against" and rows[1]["after"] == "strongly_for"
    assert rows[1]["shift"] == 3
    assert rows[0]["after"] == dashboard.NO_ANSWER and dashboard.pd.isna(rows[0]["shift"])


def test_course_poll_keeps_the_latest_answer_and_counts_every_stance():
    again = Response("00_orientation", "course.poll_before", "poll", "Li Wei",
                     {"case": "course", "when": "before", "stance": "for", "confidence": 3},
                     recorded_at="2099-01-01T00:00:00+00:00")
    frame = dashboard.answers_frame([*ANSWERS, again])
    assert dashboard.course_poll(frame).set_index("student").at["Li Wei", "shift"] == 1
    counts = dashboard.course_poll_counts(frame)
    assert list(counts.index) == list(dashboard.POSITIONS)
    assert counts["before"].to_dict() == {"strongly_against": 0, "against": 0,
                                          "undecided": 1, "for": 1, "strongly_for": 0}
    assert counts["after"].sum() == 1  # a missing answer is not counted as a stance


def test_course_poll_is_pseudonymous_with_a_salt_and_not_in_per_case_positions():
    frame = dashboard.answers_frame(ANSWERS, salt="k")
    assert not set(dashboard.course_poll(frame)["student"]) & {"Li Wei", "Ana"}
    assert "course" not in set(dashboard.positions(frame)["case"])


def test_policies_show_every_part_and_completeness():
    frame = dashboard.answers_frame(ANSWERS, salt="k")
    table = dashboard.policies(frame)
    assert list(table.columns) == ["student", "complete", *dashboard.POLICY_PARTS]
    assert len(table) == 1 and table.at[0, "student"].startswith("p-")
    assert table.at[0, "consent"] == "Opt in only, per work."
    assert table.at[0, "redress"] == "" and not table.at[0, "complete"]


def test_empty_class_gives_empty_tables_with_their_columns():
    frame = dashboard.answers_frame([])
    assert list(dashboard.policies(frame).columns)[:2] == ["student", "complete"]
    assert dashboard.course_poll(frame).empty
    assert dashboard.course_poll_counts(frame).to_numpy().sum() == 0


def test_demo_class_has_course_polls_and_policies_in_their_lessons():
    answers = dashboard.demo_class(12, seed=0)
    by_activity = {}
    for r in answers:
        by_activity.setdefault(r.activity, set()).add(r.lesson)
    assert by_activity["course.poll_before"] == {"00_orientation"}
    assert by_activity["course.poll_after"] == {"06_synthesis"}
    assert by_activity["synthesis.policy"] == {"06_synthesis"}
    frame = dashboard.answers_frame(answers, salt=dashboard.DEMO_SALT)
    shifts = dashboard.course_poll(frame)["shift"].dropna()
    assert len(shifts) < 12 and shifts.nunique() > 1  # some missed lesson 06; views moved
    assert dashboard.policies(frame)["complete"].nunique() == 2
