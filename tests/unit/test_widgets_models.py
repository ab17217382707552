"""The widget models: validation messages, verdict math, breakdowns, matrix, poll, lens."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from artethics.widgets import BalanceModel, LensModel, MatrixModel, ParameterError, PollModel, lens
from artethics.widgets.balance import reading
from artethics.widgets.poll import Answer, shift_words

QUESTION = "Should the sale go ahead?"


def arguments_df() -> pd.DataFrame:
    rows = [
        ("x_a1", "x", "for", "Buyers chose freely.", "x_buyers", "access_and_creativity", "S01"),
        ("x_a2", "x", "against", "Artists were not asked.", "x_artists", "consent", "S01;S02"),
        ("x_a3", "x", "against", "Artists were not paid.", "x_artists", "compensation", "S02"),
        ("x_a4", "x", "for", "Makers are named.", "x_makers", "credit", "S03"),
        ("y_a1", "y", "for", "Another case.", "y_people", "credit", "S09"),
    ]
    cols = ["argument_id", "case_id", "stance", "claim", "stakeholder", "principle",
            "source_ids"]
    return pd.DataFrame(rows, columns=cols)


def stakeholders_df() -> pd.DataFrame:
    rows = [("x_artists", "x", "Artists"), ("x_buyers", "x", "Buyers"),
            ("x_makers", "x", "Tool makers"), ("y_people", "y", "People")]
    return pd.DataFrame(rows, columns=["stakeholder_id", "case_id", "name"])


def balance() -> BalanceModel:
    return BalanceModel.from_tables("x", QUESTION, arguments_df(), stakeholders_df())


# balance ------------------------------------------------------------------------------


def test_balance_keeps_only_the_case_arguments_sorted():
    assert [a.argument_id for a in balance().arguments] == ["x_a1", "x_a2", "x_a3", "x_a4"]


def test_balance_uses_stakeholder_names_and_split_sources():
    first = balance().arguments[1]
    assert first.stakeholder == "Artists"
    assert first.source_ids == ("S01", "S02")


def test_verdict_with_no_weight_is_neutral():
    m = balance()
    assert m.score() == 0.0
    assert m.verdict() == "no weight given yet"


def test_verdict_math_is_signed_share_of_weight():
    m = balance()
    m.set_weights({"x_a1": 1, "x_a2": 5, "x_a3": 4})
    assert m.totals() == (1, 9)
    assert m.score() == pytest.approx(-0.8)
    assert m.verdict() == "leans against, strongly"


@pytest.mark.parametrize(
    ("score", "words"),
    [(0.0, "balanced: no clear lean either way"), (0.05, "balanced: no clear lean either way"),
     (0.2, "leans for, slightly"), (-0.5, "leans against, clearly"),
     (0.7, "leans for, strongly"), (1.0, "leans for, strongly")],
)
def test_reading_words(score, words):
    assert reading(score, total=10) == words


def test_breakdown_by_principle_and_stakeholder():
    m = balance()
    m.set_weights({"x_a1": 2, "x_a2": 3, "x_a3": 1, "x_a4": 0})
    principles = {s.name: (s.for_weight, s.against_weight, s.net) for s in m.by_principle()}
    assert principles == {"consent": (0, 3, -3), "compensation": (0, 1, -1),
                          "access_and_creativity": (2, 0, 2)}
    assert [s.name for s in m.by_principle()] == ["consent", "compensation",
                                                  "access_and_creativity"]
    people = {s.name: s.net for s in m.by_stakeholder()}
    assert people == {"Artists": -4, "Buyers": 2}


def test_own_argument_counts_in_verdict_and_breakdown():
    m = balance()
    m.set_weights({"x_a2": 2})
    own_id = m.add_own("  Heritage belongs to all.  ", "for", "cultural_heritage", 4)
    assert own_id == "own-1"
    assert m.totals() == (4, 2)
    assert m.to_data()["own"] == [{"id": "own-1", "text": "Heritage belongs to all.",
                                   "stance": "for", "principle": "cultural_heritage",
                                   "weight": 4}]
    assert "cultural_heritage" in {s.name for s in m.by_principle()}


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (lambda m: m.set_weights({"nope": 1}), ["weights", "'nope'", "'x_a1'"]),
        (lambda m: m.set_weights({"x_a1": 6}), ["weights['x_a1']", "6", "0 to 5"]),
        (lambda m: m.set_weights({"x_a1": -1}), ["weights['x_a1']", "-1", "0 to 5"]),
        (lambda m: m.set_weights({"x_a1": 2.5}), ["weights['x_a1']", "2.5", "whole number"]),
        (lambda m: m.set_weights({"x_a1": True}), ["weights['x_a1']", "True"]),
        (lambda m: m.set_weights([("x_a1", 1)]), ["weights=", "give a dict"]),
        (lambda m: m.add_own("", "for", "credit"), ["own argument text", "must not be empty"]),
        (lambda m: m.add_own("t", "maybe", "credit"), ["own argument stance", "'against'"]),
        (lambda m: m.add_own("t", "for", "fun"), ["own argument principle", "'consent'"]),
        (lambda m: m.add_own_list("text"), ["own=", "list of dicts"]),
    ],
)
def test_balance_errors_name_parameter_value_and_fix(call, names):
    with pytest.raises(ParameterError) as info:
        call(balance())
    for part in names:
        assert part in str(info.value)


def test_bad_weights_change_nothing():
    m = balance()
    m.set_weights({"x_a1": 3})
    with pytest.raises(ParameterError):
        m.set_weights({"x_a2": 4, "x_a3": 9})
    assert m.weights == {"x_a1": 3, "x_a2": 0, "x_a3": 0, "x_a4": 0}


def test_unknown_case_and_missing_columns_are_explained():
    with pytest.raises(ParameterError, match="case='zz' has no arguments"):
        BalanceModel.from_tables("zz", QUESTION, arguments_df())
    with pytest.raises(ParameterError, match="arguments lacks the column"):
        BalanceModel.from_tables("x", QUESTION, arguments_df().drop(columns="stance"))


def test_balance_summary_and_data_are_deterministic():
    a, b = balance(), balance()
    for m in (a, b):
        m.set_weights({"x_a4": 3, "x_a2": 1})
    assert a.summary() == b.summary()
    assert "Verdict: leans for, clearly (score +0.50" in a.summary()
    assert list(a.to_data()["weights"]) == ["x_a1", "x_a2", "x_a3", "x_a4"]


# poll ---------------------------------------------------------------------------------


def test_poll_shift_words_and_steps():
    m = PollModel("x", QUESTION, "after", before=Answer("against", 4))
    m.set_answer("for", 2)
    assert m.steps() == 2
    assert m.shift() == ("Your stance moved 2 steps toward 'for' (from against to for); "
                         "confidence 4 -> 2 (-2).")
    assert m.to_data()["shift"] == 2


def test_poll_no_move_and_no_before():
    assert shift_words(Answer("for", 3), Answer("for", 3)).startswith(
        "Your stance did not move")
    assert "No 'before' answer of yours was found yet" in shift_words(None, Answer("for", 3))


def test_poll_before_has_no_shift():
    m = PollModel("x", QUESTION, "before", before=Answer("for", 1))
    m.set_answer("undecided", 3)
    assert m.shift() == "" and m.activity == "x.poll_before"
    assert "shift" not in m.to_data()


@pytest.mark.parametrize(
    ("stance", "confidence", "names"),
    [("", 3, ["stance=''", "'strongly_for'"]), (None, 3, ["stance=None"]),
     ("yes", 3, ["stance='yes'", "'undecided'"]), ("for", 6, ["confidence=6", "1 to 5"]),
     ("for", None, ["confidence=None", "1 (not sure at all)"])],
)
def test_poll_errors(stance, confidence, names):
    with pytest.raises(ParameterError) as info:
        PollModel("x", QUESTION, "before").set_answer(stance, confidence)
    for part in names:
        assert part in str(info.value)


def test_poll_when_is_checked():
    with pytest.raises(ParameterError, match="when='during'"):
        PollModel("x", QUESTION, "during")


def test_malformed_earlier_answer_is_ignored():
    assert Answer.from_data({"stance": "??"}) is None
    assert Answer.from_data(None) is None
    assert Answer.from_data({"stance": "for", "confidence": 2}) == Answer("for", 2)


# matrix -------------------------------------------------------------------------------


def matrix() -> MatrixModel:
    return MatrixModel.from_tables("x", stakeholders_df(), arguments_df())


def test_matrix_rows_and_columns_come_from_the_case():
    m = matrix()
    assert list(m.names) == ["x_artists", "x_buyers", "x_makers"]
    assert m.principles == ["consent", "credit", "compensation", "access_and_creativity"]


def test_matrix_groups_and_coverage():
    m = matrix()
    m.set_ratings({"x_artists": {"consent": -2, "compensation": -1},
                   "x_buyers": {"access_and_creativity": 2},
                   "x_makers": {"credit": 1, "consent": -1}})
    assert m.groups() == {"served": ["Buyers"], "mixed": ["Tool makers"],
                          "set back": ["Artists"], "left out": []}
    assert m.coverage() == pytest.approx(5 / 12)
    assert m.column_totals()["consent"] == -3


def test_unrated_stakeholders_are_left_out():
    m = matrix()
    m.set_ratings({"x_buyers": {"credit": 1}})
    assert m.groups()["left out"] == ["Artists", "Tool makers"]
    assert "Left out: Artists, Tool makers" in m.summary()


@pytest.mark.parametrize(
    ("ratings", "names"),
    [({"nobody": {"credit": 1}}, ["ratings='nobody'", "'x_artists'"]),
     ({"x_artists": {"fun": 1}}, ["ratings['x_artists']='fun'", "'consent'"]),
     ({"x_artists": {"credit": 3}}, ["ratings['x_artists']['credit']=3", "-2 to 2"]),
     ({"x_artists": 2}, ["ratings['x_artists']=2", "give a dict"]),
     ("all good", ["ratings='all good'"])],
)
def test_matrix_errors(ratings, names):
    m = matrix()
    with pytest.raises(ParameterError) as info:
        m.set_ratings(ratings)
    for part in names:
        assert part in str(info.value)
    assert m.coverage() == 0


def wide_arguments_df() -> pd.DataFrame:
    """Case w: six principles; transparency 3, credit 2, and four tied on 1 argument."""
    principles = ["transparency", "transparency", "transparency", "credit", "credit",
                  "cultural_heritage", "accountability", "authorship", "compensation"]
    rows = [(f"w_a{i}", "w", "for", "A claim.", "w_people", p, "S01")
            for i, p in enumerate(principles)]
    cols = ["argument_id", "case_id", "stance", "claim", "stakeholder", "principle",
            "source_ids"]
    return pd.DataFrame(rows, columns=cols)


def wide_stakeholders_df() -> pd.DataFrame:
    return pd.DataFrame([("w_people", "w", "People"), ("w_makers", "w", "Makers")],
                        columns=["stakeholder_id", "case_id", "name"])


def test_matrix_default_columns_are_the_four_most_argued_principles():
    m = MatrixModel.from_tables("w", wide_stakeholders_df(), wide_arguments_df())
    # transparency (3) and credit (2), then of the four tied on 1 the two that come
    # first in PRINCIPLES (compensation, authorship); shown in the kit's order
    assert m.principles == ["credit", "compensation", "authorship", "transparency"]
    assert len(m.ratings["w_people"]) == 4


def test_matrix_default_does_not_depend_on_row_order():
    shuffled = wide_arguments_df().sample(frac=1, random_state=3)
    m = MatrixModel.from_tables("w", wide_stakeholders_df(), shuffled)
    assert m.principles == ["credit", "compensation", "authorship", "transparency"]


def test_matrix_without_arguments_uses_the_first_four_principles():
    m = MatrixModel.from_tables("w", wide_stakeholders_df())
    assert m.principles == ["consent", "credit", "compensation", "authorship"]


def test_matrix_principles_keyword_chooses_the_columns():
    m = MatrixModel.from_tables("w", wide_stakeholders_df(), wide_arguments_df(),
                                principles=["cultural_heritage", "consent", "consent"])
    assert m.principles == ["consent", "cultural_heritage"]
    m.set_ratings({"w_people": {"cultural_heritage": 2}})
    assert m.to_data()["principles"] == ["consent", "cultural_heritage"]


@pytest.mark.parametrize(
    ("principles", "names"),
    [(["consent", "fun"], ["principles=", "'fun' is not one of the kit's principles",
                           "'cultural_heritage'"]),
     ("consent", ["principles='consent'", "give a list", "'accountability'"]),
     ([], ["principles=[]", "give a list"]),
     ([3], ["principles=[3]", "3 is not one of"])],
)
def test_matrix_principles_keyword_is_checked(principles, names):
    with pytest.raises(ParameterError) as info:
        MatrixModel.from_tables("w", wide_stakeholders_df(), wide_arguments_df(),
                                principles=principles)
    for part in names:
        assert part in str(info.value)


def test_rating_a_principle_that_is_not_shown_says_how_to_fix_it():
    m = MatrixModel.from_tables("w", wide_stakeholders_df(), wide_arguments_df())
    with pytest.raises(ParameterError) as info:
        m.set_ratings({"w_people": {"credit": 1, "cultural_heritage": 2}})
    text = str(info.value)
    assert "ratings['w_people']='cultural_heritage'" in text
    assert "not a column of this matrix" in text and "principles=" in text
    assert "'transparency'" in text
    assert m.coverage() == 0  # all or nothing


def test_matrix_decision_must_be_text():
    with pytest.raises(ParameterError, match="decision=5"):
        matrix().set_decision(5)


# lens ---------------------------------------------------------------------------------


def rules_df() -> pd.DataFrame:
    cols = ["rule_id", "jurisdiction", "instrument", "article", "date_in_force",
            "date_precision", "status", "source_ids"]
    day = pd.Timestamp
    rows = [("us_copyright", "US", "Copyright Act", "s. 102", day("1978-01-01"), "year",
             "in force", "S05"),
            ("cn_label", "CN", "Labelling Measures", "Art. 4", day("2025-09-01"), "day",
             "in force", "S06"),
            ("eu_ai", "EU", "AI Act", "Art. 50", pd.NaT, "day", "adopted", "S07")]
    return pd.DataFrame(rows, columns=cols)


def applications_df() -> pd.DataFrame:
    cols = ["application_id", "case_id", "rule_id", "issue", "points_to", "certainty", "why",
            "source_ids"]
    rows = [("x_app2", "x", "us_copyright", "Who owns it?", "No owner", "arguable", "W1", "S05"),
            ("x_app1", "x", "us_copyright", "Is it a work?", "Needs a human", "settled", "W2",
             "S08"),
            ("x_app3", "x", "cn_label", "Label needed?", "Yes", "open", "W3", ""),
            ("y_app1", "y", "eu_ai", "Other", "Other", "open", "W4", "S09")]
    return pd.DataFrame(rows, columns=cols)


def test_lens_filters_by_case_and_jurisdiction():
    m = LensModel("x", rules_df(), applications_df())
    found = m.choose("us")
    assert [f.application_id for f in found] == ["x_app1", "x_app2"]
    assert found[0].source_ids == ("S08", "S05")
    assert m.counts() == {"settled": 1, "arguable": 1, "open": 0}


def test_lens_records_nothing_it_did_not_ask():
    """Looking at a jurisdiction is not an answer; only the student's written one is."""
    m = LensModel("x", rules_df(), applications_df())
    m.choose("US")
    with pytest.raises(ParameterError, match="^Write what the rules would change"):
        m.to_data()
    m.set_answer("us", "  It would turn on   fair use. ")
    m.choose("CN")
    assert m.to_data() == {
        "case": "x", "questions": {"US": lens.question_for("US")},
        "answers": {"US": "It would turn on fair use."}}
    assert "United States" in lens.question_for("US")
    m.set_answer("US", "")
    with pytest.raises(ParameterError):
        m.to_data()


@pytest.mark.parametrize(
    ("answers", "message"),
    [("CN", "lens_answers='CN' is not allowed: give a dict"),
     ({"FR": "x"}, "jurisdiction='FR'"),
     ({"CN": 3}, "lens_answers['CN']=3 is not allowed: write the reason as text"),
     ({"CN": "x" * 601}, "601 characters long: keep it to at most 600")],
)
def test_lens_answers_refused_with_clear_messages(answers, message):
    m = LensModel("x", rules_df(), applications_df())
    m.set_answer("UK", "kept")
    with pytest.raises(ParameterError, match=re.escape(message)):
        m.set_answers(answers)
    assert m.answers == {"UK": "kept"}  # all or nothing


def test_lens_restores_recorded_answers():
    m = LensModel("x", rules_df(), applications_df())
    m.restore({"answers": {"US": "Fair use decides it."}})
    assert m.answers == {"US": "Fair use decides it."} and m.jurisdiction == "US"
    m.restore({"answers": "garbage"})
    assert m.answers == {"US": "Fair use decides it."}


def test_lens_summary_is_honest_and_not_advice():
    m = LensModel("x", rules_df(), applications_df())
    m.choose("EU")
    text = m.summary()
    assert "not legal advice" in text
    assert "links no rule of European Union" in text
    m.choose("US")
    assert "Certainty: arguable" in m.summary()
    assert "S08" in m.summary()
    assert "(in force: 1978; status: in force)" in m.summary()


def test_lens_unknown_jurisdiction():
    with pytest.raises(ParameterError) as info:
        LensModel("x", rules_df(), applications_df()).choose("FR")
    assert "jurisdiction='FR'" in str(info.value) and "'HK'" in str(info.value)


def test_lens_says_a_proposal_is_not_in_force_and_when_a_rule_was_reviewed():
    rules = rules_df()
    rules["kind"] = ["statute", "regulation", "proposal"]
    rules["last_reviewed"] = pd.Timestamp("2026-12-02")
    apps = applications_df()
    apps.loc[len(apps)] = ["x_app9", "x", "eu_ai", "labels", "points", "open", "why", "S01"]
    m = LensModel("x", rules, apps)
    m.choose("EU")
    text = m.summary()
    assert "(not in force (proposed); status: adopted; last reviewed: 2026-12-02)" in text
    m.choose("HK")
    assert "links no rule of Hong Kong SAR" in m.summary()


def test_lens_needs_the_table_columns():
    with pytest.raises(ParameterError, match="applications lacks the column"):
        LensModel("x", rules_df(), applications_df().drop(columns="certainty"))


# reasons, lenses, restoring, messages for people -------------------------------------


def arguments_with_lens() -> pd.DataFrame:
    frame = arguments_df()
    frame["lens"] = ["consequences", "rights", "fairness", "fairness", "community"]
    return frame


def test_balance_asks_a_reason_for_weights_of_4_and_5_only():
    m = balance()
    m.set_weights({"x_a1": 3, "x_a2": 4, "x_a3": 5})
    assert m.reasons_missing() == ["x_a2", "x_a3"]
    m.set_reasons({"x_a2": "  Nobody   asked them. ", "x_a1": "not asked for"})
    assert m.reasons_given() == {"x_a2": "Nobody asked them."}
    data = m.to_data()
    assert data["reasons"] == {"x_a2": "Nobody asked them."}
    assert data["reasons_missing"] == ["x_a3"]
    text = m.summary()
    assert "Against 2 (weight 4): Nobody asked them." in text
    assert "Against 3 (weight 5): (no reason given yet)" in text
    assert "x_a2" not in text  # students read labels, not ids


@pytest.mark.parametrize(
    ("reasons", "message"),
    [(["x"], "reasons=['x'] is not allowed: give a dict"),
     ({"zz": "x"}, "reasons='zz' is not allowed: use an argument id of case 'x'"),
     ({"x_a2": 5}, "reasons['x_a2']=5 is not allowed: write the reason as text"),
     ({"x_a2": "y" * 301}, "301 characters long")],
)
def test_balance_reasons_refused_with_clear_messages(reasons, message):
    m = balance()
    m.set_reason("x_a1", "kept")
    with pytest.raises(ParameterError, match=re.escape(message)):
        m.set_reasons(reasons)
    assert m.reasons == {"x_a1": "kept"}


def test_balance_groups_by_lens_when_the_column_exists():
    m = BalanceModel.from_tables("x", QUESTION, arguments_with_lens(), stakeholders_df())
    m.set_weights({"x_a1": 2, "x_a3": 4, "x_a4": 1})
    assert m.has_lenses()
    assert [(s.name, s.net) for s in m.by_lens()] == [("consequences", 2), ("fairness", -3)]
    assert m.to_data()["by_lens"] == {"consequences": 2, "fairness": -3}
    assert "By lens (net = for minus against):" in m.summary()
    plain = balance()  # no lens column: no lens grouping, nothing breaks
    assert not plain.has_lenses() and plain.by_lens() == []
    assert "by_lens" not in plain.to_data()


def test_balance_restores_a_recorded_answer():
    first = balance()
    first.add_own("Mine.", "against", "credit", 2)
    first.set_weights({"x_a2": 5})
    first.set_reason("x_a2", "Consent first.")
    m = balance()
    m.restore(first.to_data())
    assert m.weights == first.weights and m.reasons == {"x_a2": "Consent first."}
    assert [a.claim for a in m.arguments if a.own] == ["Mine."]
    m.restore({"weights": {"x_a1": 99}})  # malformed: nothing changes
    assert m.weights == first.weights
    m.restore({"weights": {"gone_id": 3, "x_a1": 1}})  # ids no longer in the case skipped
    assert m.weights["x_a1"] == 1


def test_parameter_messages_show_numbers_as_numbers():
    with pytest.raises(ParameterError) as info:
        balance().set_weights({"x_a1": np.float64(28.833333333333332)})
    assert "=28.83 is not allowed" in str(info.value)
    assert "np.float64" not in str(info.value)


def test_poll_without_a_stance_says_so_in_plain_words():
    with pytest.raises(ParameterError) as info:
        PollModel("x", QUESTION, "before").to_data()
    assert str(info.value) == "Choose a position above first, then press Record."


def test_after_poll_looks_up_the_before_answer_when_asked():
    recorded = []
    m = PollModel("x", QUESTION, "after",
                  before_source=lambda: recorded[-1] if recorded else None)
    m.set_answer("for", 4)
    assert m.refresh_before() is None and m.to_data()["shift"] is None
    recorded.append(Answer("against", 2))  # the student records "before" later
    m.refresh_before()
    data = m.to_data()
    assert data["shift"] == 2 and data["before"] == {"stance": "against", "confidence": 2}
    assert m.prompt() == "What moved you? One line."


def test_after_poll_asks_what_moved_or_held_you_and_records_it():
    m = PollModel("x", QUESTION, "after", before=Answer("for", 3))
    m.set_answer("for", 5)
    assert m.prompt() == "What held you where you were? One line."
    m.set_reason("The consent argument.")
    data = m.to_data()
    assert data["reason"] == "The consent argument."
    assert data["reason_prompt"] == "What held you where you were? One line."
    assert "What held you where you were? One line. The consent argument." in m.summary()
    with pytest.raises(ParameterError, match="asked only in the 'after' poll"):
        PollModel("x", QUESTION, "before").set_reason("why")
    with pytest.raises(ParameterError, match="reason=7 is not allowed"):
        m.set_reason(7)


def test_poll_restores_a_recorded_answer():
    m = PollModel("x", QUESTION, "after")
    m.restore({"stance": "strongly_for", "confidence": 5, "reason": "The data."})
    assert m.answer == Answer("strongly_for", 5) and m.reason == "The data."
    m.restore({"stance": "nonsense"})
    assert m.answer == Answer("strongly_for", 5)


def test_matrix_with_the_five_lenses_as_columns():
    m = MatrixModel.from_tables("x", stakeholders_df(), arguments_df(), columns="lenses")
    assert m.principles == ["consequences", "rights", "fairness", "character", "community"]
    assert m.kind == "lenses"
    m.set_ratings({"x_artists": {"rights": -2}})
    assert m.to_data()["columns"] == "lenses"
    assert "3 stakeholders x 5 lenses" in m.summary()
    with pytest.raises(ParameterError, match="use one of this matrix's lenses"):
        m.set_rating("x_artists", "consent", 1)
    chosen = MatrixModel.from_tables("x", stakeholders_df(), columns=["community", "rights"])
    assert chosen.principles == ["rights", "community"]
    with pytest.raises(ParameterError, match="columns='all' is not allowed"):
        MatrixModel.from_tables("x", stakeholders_df(), columns="all")


def test_matrix_restores_a_recorded_answer():
    m = matrix()
    m.restore({"decision": "Hold it", "ratings": {"x_buyers": {"credit": 2, "gone": 1},
                                                 "nobody": {"credit": 1}}})
    assert m.decision == "Hold it" and m.ratings["x_buyers"]["credit"] == 2


def test_printed_summaries_name_no_internal_id():
    """What papermill prints under a widget is read by students: no case or argument ids."""
    b = balance()
    b.set_weights({"x_a2": 5})
    p = PollModel("x", QUESTION, "after", before=Answer("for", 3))
    p.set_answer("against", 2)
    m = matrix()
    lens_model = LensModel("x", rules_df(), applications_df())
    lens_model.choose("US")
    for text in (b.summary(), p.summary(), m.summary(), lens_model.summary()):
        assert not re.search(r": x\b|\bx_", text), text  # the case id 'x', an argument id
