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


# --- reasons, lens weights, lens answers and matrix columns (issue 13) ---------------------


def _balance(student: str, case: str, lesson: str = "01_next_rembrandt", **data) -> Response:
    return Response(lesson, f"{case}.balance", "balance", student, {"case": case, **data})


def _after(student: str, case: str, stance: str, before: str | None, reason: str) -> Response:
    data = {"case": case, "when": "after", "stance": stance, "confidence": 3,
            "reason": reason, "reason_prompt": "What moved you? One line."}
    if before is not None:
        data["before"] = {"stance": before, "confidence": 2}
    return Response("01_next_rembrandt", f"{case}.poll_after", "poll", student, data)


REASONED = [
    _balance("Zoe", "belamy", "02_edmond_de_belamy", weights={"belamy_for_1": 5},
             reasons={"belamy_for_1": "The collective did the work."}, reasons_missing=[],
             by_lens={"fairness": 5}),
    _balance("Ana", "rembrandt", weights={"rembrandt_against_6": 4, "rembrandt_for_2": 5,
                                          "own-1": 4},
             own=[{"id": "own-1", "text": "Museums gain visitors", "stance": "for",
                   "principle": "credit", "weight": 4}],
             reasons={"rembrandt_for_2": "  They   said so openly. ",
                      "rembrandt_against_6": "Nobody could ask him.", "own-1": "I saw it."},
             reasons_missing=["rembrandt_for_9"], by_lens={"rights": -4, "character": 5}),
    _balance("Li Wei", "rembrandt", weights={"rembrandt_for_2": 4},
             reasons={"rembrandt_for_2": "Honest about the method."}, reasons_missing=[],
             by_lens={"character": 4, "consequences": 2}),
]


def test_balance_reasons_one_row_per_reason_in_course_order_then_argument_then_student():
    table = dashboard.balance_reasons(dashboard.answers_frame(REASONED))
    assert list(table.columns) == dashboard.REASON_COLUMNS
    rows = [tuple(r) for r in table[["case", "argument", "student", "weight"]].to_numpy()]
    assert rows == [("rembrandt", "Against 6", "Ana", 4), ("rembrandt", "For 2", "Ana", 5),
                    ("rembrandt", "For 2", "Li Wei", 4), ("rembrandt", "Yours 1", "Ana", 4),
                    ("belamy", "For 1", "Zoe", 5)]  # rembrandt (lesson 01) before belamy
    ana = table[(table["student"] == "Ana") & (table["argument"] == "For 2")].iloc[0]
    assert ana["reason"] == "They said so openly." and ana["lens"] == "character"
    assert ana["claim"].startswith("The team was open") and len(ana["claim"]) <= 90
    assert table.iloc[3]["claim"] == "Museums gain visitors"  # the student's own argument


def test_reason_counts_count_given_and_missing_reasons_and_after_polls():
    answers = [*REASONED, _after("Ana", "rembrandt", "for", "against", "The sources."),
               _after("Li Wei", "rembrandt", "for", "for", "")]
    counts = dashboard.reason_counts(dashboard.answers_frame(answers)).set_index("case")
    assert list(counts.index) == ["rembrandt", "belamy"]
    assert counts.loc["rembrandt"].to_dict() == {"balances": 2, "reasons": 4, "missing": 1,
                                                 "after_polls": 2, "with_reason": 1}


def test_poll_reasons_grouped_by_case_and_stance_shift():
    answers = [_after("Bo", "rembrandt", "for", "against", "Moved by the sources."),
               _after("Cy", "rembrandt", "against", "for", "The consent argument."),
               _after("Di", "rembrandt", "for", "for", "Nothing changed my mind."),
               _after("Ed", "rembrandt", "for", None, "No first answer."),
               _after("Fa", "rembrandt", "strongly_for", "against", "Big move."),
               _after("Gu", "rembrandt", "for", "for", "   "),  # an empty reason: no row
               _after("Ha", "belamy", "for", "for", "Held.")]
    table = dashboard.poll_reasons(dashboard.answers_frame(answers, salt="k"))
    assert list(table.columns) == dashboard.POLL_REASON_COLUMNS
    assert table["moved"].tolist() == ["moved toward against", "held", "moved toward for",
                                       "moved toward for", "no 'before' answer", "held"]
    assert table["shift"].tolist()[:4] == [-2, 0, 2, 3]
    assert table["case"].tolist() == ["rembrandt"] * 5 + ["belamy"]
    assert table["student"].str.startswith("p-").all()  # pseudonymous with a salt
    assert table.iloc[4]["from"] == dashboard.NO_ANSWER


def test_lens_weights_count_an_unweighted_lens_as_zero_and_keep_the_lesson_00_order():
    table = dashboard.lens_weights(dashboard.answers_frame(REASONED))
    assert list(table.index) == list(dashboard.LENS_ORDER)
    assert list(table.columns) == ["rembrandt", "belamy"]
    assert table.at["character", "rembrandt"] == 4.5
    assert table.at["consequences", "rembrandt"] == 1.0  # Ana's 0 and Li Wei's 2
    assert table.at["rights", "rembrandt"] == -2.0
    assert dashboard.pd.isna(table.at["community", "rembrandt"])  # nobody weighted it
    assert table.at["fairness", "belamy"] == 5


def test_plot_lens_weights_sorts_each_case_and_names_its_number_of_balances():
    import matplotlib

    matplotlib.use("Agg")
    fig = dashboard.plot_lens_weights(dashboard.answers_frame(REASONED))
    rembrandt, belamy = fig.axes[:2]
    assert rembrandt.get_title() == "rembrandt (n = 2)" and belamy.get_title() == "belamy (n = 1)"
    labels = [t.get_text() for t in rembrandt.get_yticklabels()]
    assert labels == ["rights", "consequences", "character"]  # bottom up: largest on top
    assert [p.get_width() for p in rembrandt.patches] == [-2.0, 1.0, 4.5]
    empty = dashboard.plot_lens_weights(dashboard.answers_frame([]))
    assert "No balance with lens weights" in empty.axes[0].texts[0].get_text()


def _lens(student: str, case: str, answers: object) -> Response:
    return Response("03_lofter", f"{case}.lens", "lens", student,
                    {"case": case, "questions": {}, "answers": answers})


def test_lens_answers_by_case_jurisdiction_and_student():
    answers = [_lens("Bo", "lofter", {"US": "Fair use would be argued.", "CN": "Labels."}),
               _lens("Al", "lofter", {"US": "A court would weigh it.", "HK": ""}),
               _lens("Al", "rembrandt", {"EU": "Nothing much."})]
    table = dashboard.lens_answers(dashboard.answers_frame(answers))
    assert list(table.columns) == dashboard.LENS_ANSWER_COLUMNS
    assert [tuple(r) for r in table[["case", "jurisdiction", "student"]].to_numpy()] == [
        ("rembrandt", "EU", "Al"), ("lofter", "CN", "Bo"), ("lofter", "US", "Al"),
        ("lofter", "US", "Bo")]  # CN before US (the lens's order); an empty answer left out


def _matrix(student: str, ratings: object, **extra) -> Response:
    return Response("03_lofter", "lofter.matrix", "matrix", student,
                    {"case": "lofter", "ratings": ratings, **extra})


def test_matrix_columns_by_kind_lenses_in_order_and_old_answers_as_principles():
    answers = [_matrix("a", {"s1": {"rights": 2, "fairness": -1}, "s2": {"rights": 1}},
                       columns="lenses"),
               _matrix("b", {"s1": {"consent": -2}, "s2": {"consent": -1}})]  # no "columns"
    table = dashboard.matrix_columns(dashboard.answers_frame(answers))
    assert list(table.index) == [("lenses", "rights"), ("lenses", "fairness"),
                                 ("principles", "consent")]
    assert table["lofter"].tolist() == [3, -1, -3]


def test_answers_without_the_new_fields_give_empty_tables_and_no_notes():
    old = [_poll("Li Wei", "before", "against"),
           Response("01_next_rembrandt", "rembrandt.balance", "balance", "Ana",
                    {"case": "rembrandt", "by_principle": {"credit": 2}}),
           Response("01_next_rembrandt", "rembrandt.poll_after", "poll", "Ana",
                    {"case": "rembrandt", "when": "after", "stance": "for", "confidence": 3}),
           Response("01_next_rembrandt", "rembrandt.matrix", "matrix", "Ana",
                    {"case": "rembrandt", "totals": {"artists": 2}})]
    frame = dashboard.answers_frame(old)
    for table in (dashboard.balance_reasons(frame), dashboard.poll_reasons(frame),
                  dashboard.lens_answers(frame), dashboard.reason_counts(frame),
                  dashboard.lens_weights(frame), dashboard.matrix_columns(frame),
                  dashboard.skipped(frame)):
        assert table.empty
    assert dashboard.principle_weights(frame).at["credit", "rembrandt"] == 2
    assert dashboard.by_case(dashboard.balance_reasons(frame)) == []


def _raw(lesson: str, activity: str, kind: str, student: str, data: dict) -> Response:
    """A Response built past its own type checks: what an old or hand-edited class database
    can still hold. The store refuses these shapes now; the dashboard must survive them."""
    made = object.__new__(Response)
    for name, value in (("lesson", lesson), ("activity", activity), ("kind", kind),
                        ("student", student), ("data", data), ("recorded_at", "")):
        object.__setattr__(made, name, value)
    return made


def _raw_balance(student: str, **data) -> Response:
    return _raw("01_next_rembrandt", "rembrandt.balance", "balance", student,
                {"case": "rembrandt", **data})


# Shapes the dashboard cannot use: a corrupt or edited file in an old class database.
CORRUPT = [
    _raw_balance("Ana", reasons=["not", "a", "mapping"], by_lens={"vibes": 3},
                 reasons_missing="rembrandt_for_1", weights={"rembrandt_for_2": "5"}),
    _raw_balance("Bo", reasons={"rembrandt_for_2": 7}, by_lens={"rights": 2},
                 by_principle={"credit": 2}),
    _balance("Cy", "rembrandt", weights={"rembrandt_for_2": 5}, by_lens={"rights": 5},
             reasons={"rembrandt_for_2": "A good answer."}, reasons_missing=[]),
    _raw("01_next_rembrandt", "rembrandt.poll_after", "poll", "Di",
         {"case": "rembrandt", "when": "after", "stance": "for", "confidence": 3,
          "reason": ["moved"], "before": "against"}),
    _raw("01_next_rembrandt", "rembrandt.poll_after", "poll", "Ed",
         {"case": "", "when": "after", "stance": "for", "confidence": 3,
          "reason": "Held by consent.", "before": {"stance": "sideways"}}),
    _lens("Fa", "lofter", {"XX": "Somewhere else."}),
    _raw("03_lofter", "lofter.lens", "lens", "Gu",
         {"case": "lofter", "questions": {}, "answers": "CN: labels"}),
    _raw("03_lofter", "lofter.matrix", "matrix", "Ha", {"case": "lofter", "ratings": [["s1", 2]]}),
    _matrix("Io", {"s1": {"consent": 1}}, columns="vibes"),
]


def test_malformed_fields_are_left_out_with_a_note_and_the_rest_is_shown():
    frame = dashboard.answers_frame(CORRUPT)
    reasons = dashboard.balance_reasons(frame)
    assert reasons[["student", "reason", "weight"]].values.tolist() == [
        ["Cy", "A good answer.", 5]]
    assert dashboard.lens_weights(frame)["rembrandt"].dropna().to_dict() == {"rights": 3.5}
    polls = dashboard.poll_reasons(frame)
    assert polls[["case", "student", "moved"]].values.tolist() == [
        ["rembrandt", "Ed", "no 'before' answer"]]  # an empty case: the activity's
    assert dashboard.lens_answers(frame).empty and dashboard.matrix_columns(frame).empty
    assert dashboard.principle_weights(frame).to_dict() == {"rembrandt": {"credit": 2.0}}
    notes = dashboard.skipped(frame)
    assert list(notes.columns) == dashboard.SKIPPED_COLUMNS
    found = set(zip(notes["student"], notes["field"], strict=True))
    assert found == {("Ana", "reasons"), ("Ana", "by_lens"), ("Ana", "reasons_missing"),
                     ("Ana", "weights"), ("Bo", "reasons"), ("Di", "reason"), ("Di", "before"),
                     ("Ed", "before"), ("Fa", "answers"), ("Gu", "answers"),
                     ("Ha", "ratings"), ("Io", "columns")}
    problem = notes.set_index(["student", "field"])["problem"]
    assert "'vibes'" in problem[("Ana", "by_lens")] and "left out" in problem[("Ana", "by_lens")]
    assert "'XX'" in problem[("Fa", "answers")]
    assert "not text" in problem[("Bo", "reasons")]


def test_by_case_keeps_one_case_and_shows_repeated_values_once():
    table = dashboard.balance_reasons(dashboard.answers_frame(REASONED))
    parts = dashboard.by_case(table, once=("argument", "lens", "claim"))
    assert [c for c, _ in parts] == ["rembrandt", "belamy"]
    rembrandt = parts[0][1]
    assert "case" not in rembrandt.columns and len(rembrandt) == 4
    assert rembrandt["argument"].tolist() == ["Against 6", "For 2", "", "Yours 1"]
    assert rembrandt["reason"].tolist()[2] == "Honest about the method."
    assert [c for c, _ in dashboard.by_case(table, only="belamy")] == ["belamy"]


def test_demo_class_records_reasons_lenses_and_lens_answers_marked_as_demo():
    frame = dashboard.answers_frame(dashboard.demo_class(12, seed=2), salt=dashboard.DEMO_SALT)
    assert dashboard.skipped(frame).empty  # the demo has the widgets' own shapes
    reasons = dashboard.balance_reasons(frame)
    assert len(reasons) > 20 and reasons["reason"].str.startswith("(demo) ").all()
    assert set(reasons["case"]) == set(dashboard.MAIN_CASES)
    assert (reasons["weight"] >= 4).all() and (reasons["claim"] != "").all()
    assert dashboard.reason_counts(frame)["missing"].sum() > 0  # some left without one
    polls = dashboard.poll_reasons(frame)
    assert {"held", "moved toward for", "moved toward against"} <= set(polls["moved"])
    assert "course" in set(polls["case"]) and polls["reason"].str.startswith("(demo) ").all()
    lens = dashboard.lens_weights(frame)
    assert list(lens.columns) == list(dashboard.MAIN_CASES) and lens.notna().sum().min() >= 4
    answers = dashboard.lens_answers(frame)
    assert len(answers) > 10 and answers["answer"].str.startswith("(demo) ").all()
    assert set(dashboard.matrix_columns(frame).index.get_level_values(0)) == {"principles",
                                                                             "lenses"}
    assert not set(frame["student"]) & {f"demo{i:02d}" for i in range(1, 13)}


def test_no_shape_of_the_new_fields_makes_a_table_raise():
    """Whatever JSON a corrupt file puts in the fields the new tables read (as far as a
    Response accepts it), every table is built; the rest of the answer is valid, so the
    tables really reach the bad field."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    leaf = st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=False,
                                                                       allow_infinity=False) \
        | st.sampled_from(["", "for", "against", "rights", "CN", "lenses", "rembrandt_for_2"])
    keys = st.sampled_from(["for", "rights", "CN", "XX", "stance", "rembrandt_for_2", "s1"])
    value = st.recursive(leaf, lambda inner: st.lists(inner, max_size=3)
                         | st.dictionaries(keys, inner, max_size=3), max_leaves=8)
    base = {"balance": {"weights": {"rembrandt_for_2": 5}},
            "poll": {"when": "after", "stance": "for", "confidence": 3, "reason": "Why."},
            "lens": {}, "matrix": {}}
    fields = {"balance": ["reasons", "reasons_missing", "weights", "by_lens"],
              "poll": ["reason", "before", "reason_prompt"],
              "lens": ["answers"], "matrix": ["ratings", "columns"]}
    tables = (dashboard.balance_reasons, dashboard.poll_reasons, dashboard.lens_answers,
              dashboard.reason_counts, dashboard.lens_weights, dashboard.matrix_columns,
              dashboard.principle_weights, dashboard.stakeholder_weights, dashboard.skipped)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(sorted(fields)), st.data())
    def check(kind, data):
        record = {"case": "rembrandt", **base[kind]}
        for name in data.draw(st.lists(st.sampled_from(fields[kind]), min_size=1,
                                       unique=True)):
            record[name] = data.draw(value)
        try:
            answer = Response("01_next_rembrandt", f"rembrandt.{kind}", kind, "s", record)
        except ValueError:  # the answer store refuses it already
            return
        frame = dashboard.answers_frame([answer])
        for table in tables:
            table(frame)
        dashboard.by_case(dashboard.balance_reasons(frame), once=("argument",))

    check()
