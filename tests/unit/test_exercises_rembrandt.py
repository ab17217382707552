"""Lesson 01_next_rembrandt: each check passes the right answer, fails typical mistakes
and None, and no hint gives the expected value away; the case helpers read data/."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from artethics import data, tables  # noqa: E402
from artethics.cases import rembrandt  # noqa: E402
from artethics.exercises import evaluate, registry  # noqa: E402
from artethics.exercises import rembrandt as ex  # noqa: E402


def _facts():
    return data.load("facts").set_index("fact_id")["value_num"]


def _years_gap():
    unveiled = data.load("events").set_index("event_id").loc["rembrandt_unveiled", "date"]
    return unveiled.year - int(_facts()["rembrandt_death_year"])


def _fragments_per_painting():
    facts = _facts()
    return facts["rembrandt_fragments"] / facts["rembrandt_paintings_analysed"]


def _unsettled():
    facts = data.load("facts")
    return sorted(facts[(facts.case_id == "rembrandt") & (facts.status != "confirmed")].fact_id)


def test_expected_values_follow_the_data():
    assert ex.expected_years_gap() == _years_gap()
    # the gap the students compute agrees with the checked figure in facts.csv ...
    assert ex.expected_years_gap() == _facts()["rembrandt_years_after_death"]
    # ... and not with the essay's claim, which is the point of the exercise
    assert ex.essay_years_claim() != ex.expected_years_gap()
    assert ex.expected_unsettled_facts() == _unsettled()
    assert len(_unsettled()) >= 2  # the exercise's hint speaks of more than one status


@pytest.mark.parametrize("exercise_id", ["rembrandt.years_gap",
                                         "rembrandt.fragments_per_painting",
                                         "rembrandt.unsettled_facts"])
def test_registered_and_no_answer_fails(exercise_id):
    assert exercise_id in registry()
    for missing in (None, "", []):
        verdict = evaluate(exercise_id, missing)
        assert not verdict.ok and "no answer yet" in verdict.message


def test_years_gap_right_answers_pass():
    gap = _years_gap()
    for answer in (gap, float(gap), gap - 0.5, str(gap)):
        assert evaluate("rembrandt.years_gap", answer).ok, answer


@pytest.mark.parametrize("wrong, clue", [
    ("essay", "essay"),
    ("minus", "wrong way round"),
    ("plus_one", "add or take away one"),
    ("completed_years", "completed years counted to the day"),
    ("year", "looks like a year"),
    ("days", "days"),
    ("far", "rembrandt_death_year"),
    ("text", "Give one number"),
])
def test_years_gap_typical_mistakes_fail_with_a_pointed_hint(wrong, clue):
    gap = _years_gap()
    answer = {"essay": ex.essay_years_claim(), "minus": -gap, "plus_one": gap + 1,
              "completed_years": gap - 1,
              "year": 2016, "days": gap * 365, "far": gap / 2, "text": "about three centuries"
              }[wrong]
    verdict = evaluate("rembrandt.years_gap", answer)
    assert not verdict.ok
    assert clue in verdict.hint
    assert str(gap) not in verdict.line()


def test_fragments_per_painting():
    right = _fragments_per_painting()
    assert evaluate("rembrandt.fragments_per_painting", right).ok
    assert evaluate("rembrandt.fragments_per_painting", round(right)).ok
    facts = _facts()
    mistakes = {
        1 / right: "wrong way round",
        facts["rembrandt_pixels"] / facts["rembrandt_paintings_analysed"]: "pixel",
        168_000 / facts["rembrandt_paintings_analysed"]: "rounded",
        facts["rembrandt_fragments"]: "divide",
    }
    for answer, clue in mistakes.items():
        verdict = evaluate("rembrandt.fragments_per_painting", answer)
        assert not verdict.ok and clue in verdict.hint, (answer, verdict.line())
        assert f"{right:.0f}" not in verdict.line() and f"{right:.1f}" not in verdict.line()


def test_unsettled_facts_accepts_any_collection_in_any_order():
    right = _unsettled()
    for answer in (right, list(reversed(right)), set(right), tuple(right), pd.Series(right),
                   pd.Index(right)):
        assert evaluate("rembrandt.unsettled_facts", answer).ok


def test_unsettled_facts_mistakes():
    right = _unsettled()
    facts = data.load("facts")
    confirmed = facts[(facts.case_id == "rembrandt") & (facts.status == "confirmed")].fact_id
    other_case = facts[(facts.case_id != "rembrandt") & (facts.status != "confirmed")].fact_id
    mistakes = [
        (right[:1], "value_counts"),
        (right + [confirmed.iloc[0]], "other than 'confirmed'"),
        (right + [other_case.iloc[0]], "'rembrandt'"),
        (["venue"], "fact_id column"),
        (right[0], "list"),
        (facts[facts.fact_id.isin(right)], "list"),
    ]
    for answer, clue in mistakes:
        verdict = evaluate("rembrandt.unsettled_facts", answer)
        assert not verdict.ok and clue in verdict.hint, verdict.line()
        assert not any(f in verdict.line() for f in right)


def test_key_figures_keep_order_and_sources():
    table = rembrandt.key_figures(rembrandt.STYLE_AS_DATA)
    assert list(table.index) == list(rembrandt.STYLE_AS_DATA)
    assert table.loc["rembrandt_fragments", "figure"] == "168,263 fragments"
    assert table["source_ids"].str.match(r"S\d+").all()
    with pytest.raises(KeyError, match="rembrandt_nope"):
        rembrandt.key_figures(["rembrandt_nope"])


def test_essay_views_hide_then_show_the_verdict():
    before = rembrandt.essay_claims("rembrandt")
    assert "verified_value" not in before.columns
    assert (before["source_id"] == "S04").all()
    after = rembrandt.essay_checked("rembrandt")
    assert after.loc["c01_rembrandt_years", "verdict"] == "wrong"
    with pytest.raises(ValueError, match="no rows"):
        rembrandt.essay_claims("nosuchcase")


def test_people_and_reading_list():
    people = rembrandt.people_behind_it()
    assert "rembrandt_ing" in people.index
    reading = rembrandt.reading_list(["S06", "S14"])
    assert list(reading.index) == ["S06", "S14"]
    assert reading["how_to_read"].str.len().gt(20).all()
    assert reading.loc["S14", "url"] == tables.NO_ADDRESS


def test_style_plot_uses_a_log_scale_and_readable_labels():
    fig = rembrandt.plot_style_as_data()
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert "168,263" in [t.get_text() for t in ax.texts]
    plt.close(fig)


def test_glossary_gives_the_chinese_term_and_refuses_unknown_terms():
    table = rembrandt.glossary()
    assert list(table.index) == list(rembrandt.GLOSSARY_TERMS)
    assert table["term_zh"].str.len().gt(0).all()
    assert table.loc["training data", "definition"]
    with pytest.raises(KeyError, match="no term"):
        rembrandt.glossary(["style transfer machine"])


def test_reading_list_has_a_note_for_the_law_sources():
    reading = rembrandt.reading_list(["S49", "S52", "S54"])
    assert reading["how_to_read"].str.len().gt(40).all()


def test_style_plot_keeps_the_top_label_inside_the_frame():
    fig = rembrandt.plot_style_as_data()
    ax = fig.axes[0]
    top = max(t.get_position()[1] for t in ax.texts)
    assert ax.get_ylim()[1] > 10 * top  # a decade of head room on the log axis
    plt.close(fig)


# --- checked reasoning exercises (issue 13) ---------------------------------------------

from artethics.exercises import reasoning  # noqa: E402

REASONING = ("rembrandt.knowledge_evidence", "rembrandt.flaw_common")


@pytest.mark.parametrize("exercise_id", REASONING)
def test_reasoning_declaration_is_sound_and_fails_on_no_answer(exercise_id):
    assert reasoning.validate(exercise_id) == []
    verdict = evaluate(exercise_id, None)
    assert not verdict.ok and "no answer yet" in verdict.message


def _linked(argument_id, relation):
    ev = data.load("evidence")
    rows = ev[(ev.argument_id == argument_id) & (ev.relation == relation)]
    return sorted(rows.fact_id)


def test_knowledge_evidence_takes_its_answer_from_evidence_csv():
    right = _linked("rembrandt_for_3", "supports")
    assert right  # the data link at least one supporting fact
    assert evaluate("rembrandt.knowledge_evidence", right).ok
    assert evaluate("rembrandt.knowledge_evidence", list(reversed(right))).ok


@pytest.mark.parametrize(("extra", "clue"), [
    ("rembrandt_grand_prix", "background"),  # advertising awards do not prove scholarship
    ("rembrandt_fragments", "background"),   # a count of fragments is effort, not knowledge
    ("rembrandt_venue", "does not say"),      # unrelated distractor
])
def test_knowledge_evidence_each_wrong_pick_gets_its_hint(extra, clue):
    verdict = evaluate("rembrandt.knowledge_evidence", _linked("rembrandt_for_3", "supports")
                       + [extra])
    assert not verdict.ok and clue in verdict.hint
    for fact in _linked("rembrandt_for_3", "supports"):
        assert fact not in verdict.line()


def test_knowledge_evidence_fails_on_facts_not_listed_and_wrong_types():
    assert not evaluate("rembrandt.knowledge_evidence", ["rembrandt_layers"]).ok
    assert not evaluate("rembrandt.knowledge_evidence", {"supports": []}).ok
    assert not evaluate("rembrandt.knowledge_evidence", 18).ok


def test_knowledge_evidence_is_inconsistent_with_the_data_if_a_context_link_is_called_support():
    context = _linked("rembrandt_for_3", "context")
    assert "rembrandt_grand_prix" in context  # the awards judge a campaign, not scholarship
    assert not evaluate("rembrandt.knowledge_evidence", context).ok


@pytest.mark.parametrize(("flaw", "clue"), [
    ("hasty_generalisation", "practice"), ("missing_qualifier", "no figure"),
    ("law_for_ethics", "no law")])
def test_flaw_common_each_wrong_flaw_gets_its_own_hint(flaw, clue):
    verdict = evaluate("rembrandt.flaw_common", flaw)
    assert not verdict.ok and clue in verdict.hint
    assert "is_ought" not in verdict.line() and "is/ought" not in verdict.line()


def test_flaw_common_accepts_spellings_and_refuses_other_answers():
    for answer in ("is_ought", "is ought", "IS-OUGHT"):
        assert evaluate("rembrandt.flaw_common", answer).ok, answer
    for answer in ("strawman", 3, ["is_ought"]):
        assert not evaluate("rembrandt.flaw_common", answer).ok, answer
