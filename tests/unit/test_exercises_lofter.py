"""Lesson 03_lofter: each check passes the right answer, fails typical mistakes and None,
and no hint gives the expected value away; the case helpers read data/ correctly."""

import datetime

import pandas as pd
import pytest

from artethics import data
from artethics.cases import lofter
from artethics.exercises import evaluate, registry
from artethics.exercises.lofter import days_between, unconfirmed_fact_ids

EXERCISES = ("lofter.days_to_withdrawal", "lofter.days_since_artstation",
             "lofter.unconfirmed_facts")


def _events():
    events = data.load("events")
    return events.set_index("event_id")["date"]


def _expected(exercise_id):
    dates = _events()
    if exercise_id == "lofter.days_to_withdrawal":
        return (dates["lofter_withdrawn"] - dates["lofter_first_reply"]).days
    if exercise_id == "lofter.days_since_artstation":
        return (dates["lofter_first_reply"] - dates["artstation_trending_full"]).days
    facts = data.load("facts")
    rows = facts[(facts.case_id == "lofter") & (facts.status != "confirmed")]
    return sorted(rows.fact_id)


def test_expected_values_follow_the_data():
    # The dates in events.csv: first reply 6 March, withdrawal 8 March 2023,
    # ArtStation's trending page full on 13 December 2022.
    assert days_between("lofter_first_reply", "lofter_withdrawn") == 2
    assert days_between("artstation_trending_full", "lofter_first_reply") == 83
    assert unconfirmed_fact_ids("lofter") == _expected("lofter.unconfirmed_facts")
    assert unconfirmed_fact_ids("lofter")  # the lesson needs at least one to talk about


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_registered(exercise_id):
    assert exercise_id in registry()


@pytest.mark.parametrize("answer", [2, 2.0, datetime.timedelta(days=2), pd.Timedelta(days=2)])
def test_days_to_withdrawal_accepts_numbers_and_timedeltas(answer):
    assert evaluate("lofter.days_to_withdrawal", answer).ok


@pytest.mark.parametrize("answer, clue", [
    (3, "both"),              # counted both end days
    (4, "protection plan"),   # stopped at 10 March
    (10, "apology"),          # stopped at 16 March
    (1, "lofter_withdrawn"),  # any other number: point at the two rows
    ("two", "whole number"),
    (pd.Timedelta(hours=36), "lofter_withdrawn"),
])
def test_days_to_withdrawal_fails_typical_mistakes(answer, clue):
    verdict = evaluate("lofter.days_to_withdrawal", answer)
    assert not verdict.ok
    assert clue in verdict.hint


@pytest.mark.parametrize("answer, clue", [
    (84, "both"),                    # counted both end days
    (87, "first complaints"),        # started on 9 December
    (82, "FAQ"),                     # started on 14 December
    (-83, "earlier date"),           # subtracted the wrong way round
])
def test_days_since_artstation_fails_typical_mistakes(answer, clue):
    verdict = evaluate("lofter.days_since_artstation", answer)
    assert not verdict.ok
    assert clue in verdict.hint


def test_days_since_artstation_passes():
    assert evaluate("lofter.days_since_artstation", 83).ok


def test_unconfirmed_facts_accepts_list_series_and_any_order():
    expected = _expected("lofter.unconfirmed_facts")
    assert evaluate("lofter.unconfirmed_facts", expected).ok
    assert evaluate("lofter.unconfirmed_facts", pd.Series(expected[::-1])).ok
    if len(expected) == 1:
        assert evaluate("lofter.unconfirmed_facts", expected[0]).ok


@pytest.mark.parametrize("mutate, clue", [
    (lambda ids: ids + ["lofter_creators"], "confirmed"),     # forgot the status filter
    (lambda ids: ["lofter_creators"], "None of these match"),  # wrong rows entirely
    (lambda ids: 7, "list of fact_id"),
])
def test_unconfirmed_facts_fails_typical_mistakes(mutate, clue):
    verdict = evaluate("lofter.unconfirmed_facts", mutate(_expected("lofter.unconfirmed_facts")))
    assert not verdict.ok
    assert clue in verdict.hint


@pytest.mark.parametrize("exercise_id", EXERCISES)
@pytest.mark.parametrize("missing", [None, "", []])
def test_no_answer_fails(exercise_id, missing):
    verdict = evaluate(exercise_id, missing)
    assert not verdict.ok and "no answer yet" in verdict.message


WRONG = {"lofter.days_to_withdrawal": [3, 4, 10, 1, "x"],
         "lofter.days_since_artstation": [84, 87, 82, -83],
         "lofter.unconfirmed_facts": [["lofter_creators"], ["a", "b"], 7]}


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_no_hint_or_message_gives_the_answer_away(exercise_id):
    expected = _expected(exercise_id)
    secrets = [str(x) for x in expected] if isinstance(expected, list) else [str(expected)]
    for answer in WRONG[exercise_id] + [None]:
        verdict = evaluate(exercise_id, answer)
        for secret in secrets:
            assert secret not in verdict.hint + verdict.message


def test_timeline_is_sorted_and_labelled():
    frame = lofter.timeline_frame(("lofter", "artstation"))
    assert list(frame["date"]) == sorted(frame["date"])
    assert frame["label"].str.len().max() < 60
    assert set(frame["group"]) == {"网易 LOFTER (platform)", "creators",
                                   "ArtStation and its artists"}


def test_timeline_rejects_unknown_case():
    with pytest.raises(ValueError, match="no case"):
        lofter.timeline_frame(("lofterr",))


def test_key_figures_format_and_sources():
    table = lofter.key_figures("lofter")
    assert table.loc["lofter_compensation_offer", "figure"] == "RMB 10,000"
    assert table.loc["lofter_creators", "source_ids"] == "S22"
    with pytest.raises(ValueError, match="no rows"):
        lofter.key_figures("nope")


def test_steps_after_first_reply_counts_days():
    steps = lofter.steps_after_first_reply().set_index("event_id")["days_after"]
    assert steps["lofter_withdrawn"] == 2
    assert steps["lofter_apology"] == 10
    assert "lofter_first_reply" not in steps


def test_reading_list_and_unknown_source():
    table = lofter.reading_list(["S22", "S19", "S19"])
    assert list(table.index) == ["S22", "S19"]  # the order given, repeats dropped
    with pytest.raises(ValueError, match="S999"):
        lofter.reading_list(["S999"])


def test_reading_list_never_shows_a_blank_address():
    sources = data.load("sources").set_index("source_id")
    blank = [i for i, u in sources["url"].items() if not str(u or "").strip() or u != u]
    assert blank, "the test needs a source without a URL in seeds/sources.csv"
    table = lofter.reading_list([blank[0], "S19"])
    assert table.loc[blank[0], "url"] == lofter.NO_ADDRESS
    assert table.loc["S19", "url"].startswith("http")


def test_response_chart_styles_bars_by_platform():
    import matplotlib.pyplot as plt

    steps = lofter.response_days()
    fig = lofter.plot_response_days(steps)
    ax = fig.axes[0]
    colours = {p: set() for p in steps["platform"]}
    for patch, platform in zip(ax.patches, steps["platform"], strict=True):
        colours[platform].add((patch.get_facecolor(), patch.get_hatch()))
    assert all(len(looks) == 1 for looks in colours.values())
    assert colours["ArtStation"] != colours["LOFTER"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["ArtStation", "LOFTER"]
    plt.close(fig)


def test_pandas_containers_get_a_hint_on_taking_the_value_out():
    events = data.load("events")
    column = (events.loc[events["event_id"] == "lofter_withdrawn", "date"].reset_index(drop=True)
              - events.loc[events["event_id"] == "lofter_first_reply", "date"]
              .reset_index(drop=True))
    verdict = evaluate("lofter.days_to_withdrawal", column)
    assert not verdict.ok and "Series" in verdict.message and ".iloc[0]" in verdict.hint
    facts = data.load("facts")
    table = facts[(facts["case_id"] == "lofter") & (facts["status"] != "confirmed")]
    verdict = evaluate("lofter.unconfirmed_facts", table)
    assert not verdict.ok and "DataFrame" in verdict.message and "fact_id" in verdict.hint
    assert evaluate("lofter.unconfirmed_facts", table["fact_id"]).ok


# --- the law table (issue 14) -------------------------------------------------------------

def test_law_table_shows_review_dates_and_the_deep_synthesis_rows():
    law = lofter.law_table("lofter", "CN")
    assert "last_reviewed" in law.columns and law["last_reviewed"].notna().all()
    provisions = law[law["instrument"].str.contains("Deep Synthesis")]
    assert len(provisions) == 2  # training data (Art. 14) and marks and labels
    # in force before the tool's first reply, so "China's rules came after" is wrong
    first_reply = data.load("events").set_index("event_id").at["lofter_first_reply", "date"]
    assert (pd.to_datetime(provisions["date_in_force"]) < first_reply).all()


def test_law_table_covers_hong_kong_and_names_it_on_a_bad_code():
    assert len(lofter.law_table("lofter", "HK")) >= 1
    with pytest.raises(ValueError, match="'HK'"):
        lofter.law_table("lofter", "FR")


# --- the checked reasoning exercises (issue 13) ----------------------------------------

REASONING = ("lofter.consult_evidence", "lofter.legal_so_fine")


@pytest.mark.parametrize("exercise_id", REASONING)
def test_reasoning_exercise_is_declared_and_sound(exercise_id):
    from artethics.exercises import reasoning
    assert exercise_id in reasoning.declared()
    assert reasoning.validate(exercise_id) == []
    verdict = evaluate(exercise_id, None)
    assert not verdict.ok and "no answer yet" in verdict.message


def test_consult_evidence_answer_is_the_data():
    ev = data.load("evidence")
    supports = sorted(ev[(ev.argument_id == "lofter_against_6")
                         & (ev.relation == "supports")].fact_id)
    assert evaluate("lofter.consult_evidence", supports).ok
    assert evaluate("lofter.consult_evidence", list(reversed(supports))).ok


@pytest.mark.parametrize("answer, clue", [
    (["lofter_compensation_offer"], ""),          # a fact about the platform's reply
    (["lofter_complaints"], ""),                  # ditto
    (["lofter_creators", "lofter_antiai_views"], ""),  # a context link counted as support
    (["lofter_price"], "not one of the facts listed"),  # not offered
    ("lofter_creators lofter_tags", ""),          # inconsistent with the data
])
def test_consult_evidence_fails_each_wrong_answer_without_the_answer(answer, clue):
    verdict = evaluate("lofter.consult_evidence", answer)
    assert not verdict.ok
    assert clue in verdict.message
    assert "lofter_creators" not in verdict.hint


def test_a_context_fact_is_told_apart_from_support():
    verdict = evaluate("lofter.consult_evidence", ["lofter_creators", "lofter_antiai_views"])
    assert not verdict.ok and "background" in verdict.hint
    verdict = evaluate("lofter.consult_evidence", ["lofter_compensation_offer"])
    assert not verdict.ok and "does not say" in verdict.hint


@pytest.mark.parametrize("wrong", ["is_ought", "hasty_generalisation", "missing_qualifier"])
def test_legal_so_fine_fails_every_other_flaw_without_naming_it(wrong):
    verdict = evaluate("lofter.legal_so_fine", wrong)
    assert not verdict.ok
    assert "law_for_ethics" not in verdict.hint
    assert "ethic" not in verdict.hint.lower()


@pytest.mark.parametrize("wrong", ["strawman", 3, ["law_for_ethics"]])
def test_legal_so_fine_fails_a_non_flaw_by_listing_all_four_alike(wrong):
    verdict = evaluate("lofter.legal_so_fine", wrong)
    assert not verdict.ok
    names = ("hasty_generalisation", "missing_qualifier", "law_for_ethics", "is_ought")
    assert all(n in verdict.hint for n in names)


def test_legal_so_fine_accepts_spellings_and_rests_on_a_rule_in_force_before_the_case():
    for spelling in ("law_for_ethics", "Law for ethics", "law-for-ethics"):
        assert evaluate("lofter.legal_so_fine", spelling).ok
    rules = data.load("rules").set_index("rule_id")
    assert pd.Timestamp(rules.at["cn_deep_synthesis_art16_17", "date_in_force"]) < \
        pd.Timestamp("2023-03-06")


def test_the_lesson_wires_a_parameter_for_every_new_interaction():
    """The matrix, the balance's reasons and the after poll's reason can be given
    headless (papermill), and the lesson reads its matrix in a prompt."""
    from artethics import paths
    from artethics.tools import nbform, runner

    path = paths.root() / "course" / "solutions" / "03_lofter.ipynb"
    declared = runner.declared_parameters(path)
    assert {"ratings", "reasons", "poll_after", "weights", "poll_before"} <= set(declared)
    code = "\n".join(c.source for c in nbform.read(path).cells if c.cell_type == "code")
    assert "show_matrix(\"lofter\", ratings=ratings" in code
    assert "reasons=reasons" in code
    text = "\n".join(c.source for c in nbform.read(path).cells if c.cell_type == "markdown")
    assert "Read your matrix" in text
