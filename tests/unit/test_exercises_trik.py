"""Lesson 04_trik_ai: each check passes the right answer, fails typical mistakes and None,
and no hint gives the expected value away; the case helpers read data/ correctly."""

import datetime

import pytest

from artethics import data
from artethics.cases import trik
from artethics.exercises import evaluate, registry
from artethics.exercises.trik import extraction_rate, start_gap_range

EXERCISES = ("trik.extraction_rate", "trik.start_gap", "trik.days_to_measures")


def _fact(fact_id):
    facts = data.load("facts").set_index("fact_id")
    return float(facts.loc[fact_id, "value"])


def _date(event_id):
    return data.load("events").set_index("event_id").loc[event_id, "date"]


def test_expected_values_follow_the_data():
    # Carlini et al. 2023: 94 strict extractions from 175 million generations.
    assert extraction_rate() == pytest.approx(94 / 175e6)
    assert extraction_rate() == _fact("carlini_strict") / _fact("carlini_generations")
    # 30 July 2023 to 1 August (CNN, month precision) and to 31 August.
    assert start_gap_range() == (2, 32)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_registered(exercise_id):
    assert exercise_id in registry()


@pytest.mark.parametrize("answer", [94 / 175e6, 5.37e-7, 100 * 94 / 175e6, 5.37e-5])
def test_extraction_rate_accepts_fraction_or_percent(answer):
    assert evaluate("trik.extraction_rate", answer).ok


@pytest.mark.parametrize("answer, clue", [
    (109 / 175e6, "manual review"),   # used the near-copies
    (94 / 350_000, "captions"),       # divided by captions, not generations
    (175e6 / 94, "on top"),           # upside down
    (5.37e-6, "Divide"),              # a factor of ten off
    ([94, 175e6], "one number"),
])
def test_extraction_rate_fails_typical_mistakes(answer, clue):
    verdict = evaluate("trik.extraction_rate", answer)
    assert not verdict.ok
    assert clue in verdict.hint


@pytest.mark.parametrize("answer", [(2, 32), [32, 2], (datetime.timedelta(days=2), 32)])
def test_start_gap_accepts_pairs_in_any_order(answer):
    assert evaluate("trik.start_gap", answer).ok


@pytest.mark.parametrize("answer, clue", [
    ((2, 2), "one gap twice"),        # treated CNN's month as a day
    ((2, 30), "last day"),            # wrong end of month
    ((1, 31), "first accusation"),    # started from the evidence post
    ((3, 33), "first accusation"),    # counted both ends
    ((10, 20), "date_precision"),
    (2, "pair"),
    ((1, 2, 3), "pair"),
])
def test_start_gap_fails_typical_mistakes(answer, clue):
    verdict = evaluate("trik.start_gap", answer)
    assert not verdict.ok
    assert clue in verdict.hint + verdict.message


def test_days_to_measures():
    expected = (_date("trik_measures_in_force") - _date("trik_first_accusation")).days
    assert expected == 16
    assert evaluate("trik.days_to_measures", expected).ok
    assert evaluate("trik.days_to_measures", datetime.timedelta(days=expected)).ok


@pytest.mark.parametrize("answer, clue", [
    (17, "both end"),
    (33, "publication"),
    (15, "evidence post"),
    (14, "CNN"),
    (-16, "earlier date"),
    (40, "trik_first_accusation"),
])
def test_days_to_measures_fails_typical_mistakes(answer, clue):
    verdict = evaluate("trik.days_to_measures", answer)
    assert not verdict.ok
    assert clue in verdict.hint


@pytest.mark.parametrize("exercise_id", EXERCISES)
@pytest.mark.parametrize("missing", [None, "", ()])
def test_no_answer_fails(exercise_id, missing):
    verdict = evaluate(exercise_id, missing)
    assert not verdict.ok and "no answer yet" in verdict.message


WRONG = {"trik.extraction_rate": [109 / 175e6, 94 / 350_000, 2.0, "x"],
         "trik.start_gap": [(2, 2), (2, 30), (1, 31), (10, 20), 5],
         "trik.days_to_measures": [17, 33, 15, 14, -16, 40]}


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_no_hint_or_message_gives_the_answer_away(exercise_id):
    secrets = {"trik.extraction_rate": [f"{extraction_rate():.2e}", "5.37", "0.000000537"],
               "trik.start_gap": ["(2, 32)", "32"],
               "trik.days_to_measures": ["16"]}[exercise_id]
    for answer in WRONG[exercise_id] + [None]:
        verdict = evaluate(exercise_id, answer)
        for secret in secrets:
            assert secret not in verdict.hint + verdict.message


def test_timeline_keeps_both_start_dates():
    frame = trik.timeline_frame()
    assert {"trik_first_accusation", "trik_cnn_start"} <= set(frame["event_id"])
    assert list(frame["date"]) == sorted(frame["date"])


def test_compare_rates_uses_demo_and_paper():
    class Fake:
        ns = (10, 1000)
        copy_rate = __import__("numpy").array([[0.5, 0.7], [0.0, 0.01]])

    table = trik.compare_rates(Fake()).set_index("what")
    assert table["rate"].iloc[0] == pytest.approx(0.6)
    assert table["rate"].iloc[-1] == pytest.approx(extraction_rate())
    assert list(table["source_ids"])[-1] == "S45;S46"


def test_timeline_writes_dates_only_as_precisely_as_known():
    frame = trik.timeline_frame(include_year_only=True).set_index("event_id")
    assert frame.loc["trik_first_accusation", "when"] == "30 Jul 2023"
    assert frame.loc["trik_cnn_start", "when"] == "Aug 2023 (month only)"
    assert frame.loc["trik_private_apology", "when"] == "2023 (year only)"
    with pytest.raises(ValueError, match="date_precision"):
        trik.when_text("2023-01-01", "week")


def test_rates_table_is_readable_without_e_notation():
    class Fake:
        ns = (10, 1000)
        copy_rate = __import__("numpy").array([[0.869], [0.005]])

    table = trik.rates_table(trik.compare_rates(Fake())).set_index("what")
    assert list(table["as a percentage"]) == ["86.9 %", "0.5 %", "0.000054 %"]
    assert list(table["copies per million images"]) == ["869,000", "5,000", "0.54"]
    assert "e-" not in " ".join(table.astype(str).to_numpy().ravel())
    from artethics import i18n

    with i18n.using("zh-Hant"):
        chinese = trik.rates_table(trik.compare_rates(Fake()))
    assert list(chinese.columns) == ["項目", "每百萬張圖像中的複製數目", "百分比", "來源"]


def test_pandas_containers_get_a_hint_on_taking_the_value_out():
    facts = data.load("facts")
    strict = facts.loc[facts["fact_id"] == "carlini_strict", "value_num"].reset_index(drop=True)
    total = facts.loc[facts["fact_id"] == "carlini_generations", "value_num"].reset_index(drop=True)
    verdict = evaluate("trik.extraction_rate", strict / total)
    assert not verdict.ok and "Series" in verdict.message and ".iloc[0]" in verdict.hint
    verdict = evaluate("trik.days_to_measures", facts)
    assert not verdict.ok and "DataFrame" in verdict.message


# --- the checked reasoning exercises (issue 13) ----------------------------------------

REASONING = ("trik.hashtag_shows", "trik.card")

CARD = {
    "position": "for", "argument": "trik_for_13", "objection": "trik_against_6",
    "principle": "consent",
    "reply": ("Snow Fish was not asked, and the account admitted her work was used (S25). "
              "Asking every artist before any public image is used would make such tools "
              "impossible, and copying is rare in a large model (carlini_generations)."),
}


@pytest.mark.parametrize("exercise_id", REASONING)
def test_reasoning_exercise_is_declared_sound_and_fails_on_no_answer(exercise_id):
    from artethics.exercises import reasoning

    assert exercise_id in reasoning.declared()
    assert reasoning.validate(exercise_id) == []
    verdict = evaluate(exercise_id, None)
    assert not verdict.ok and "no answer yet" in verdict.message


def test_hashtag_figure_is_a_lower_bound_in_the_data():
    facts = data.load("facts").set_index("fact_id")
    assert "lower bound" in facts.at["trik_hashtag_views", "claim"]
    assert evaluate("trik.hashtag_shows", "a").ok and evaluate("trik.hashtag_shows", "A").ok


@pytest.mark.parametrize("wrong, clue", [
    ("b", "view"),          # views read as supporters
    ("c", "training"),      # attention read as evidence about the training data
    ("d", "word"),          # a lower bound read as an exact count
    (["a", "d"], ""),       # an exact count added to the right reading
    ("e", ""),
])
def test_hashtag_each_wrong_reading_gets_its_own_hint_without_the_answer(wrong, clue):
    verdict = evaluate("trik.hashtag_shows", wrong)
    assert not verdict.ok
    assert clue in verdict.hint
    assert "(a)" not in verdict.hint and "wide public attention" not in verdict.hint


def test_the_lessons_card_and_its_mirror_pass():
    assert evaluate("trik.card", CARD).ok
    mirror = {**CARD, "position": "against", "argument": "trik_against_6",
              "objection": "trik_for_13", "principle": "access_and_creativity"}
    assert evaluate("trik.card", mirror).ok


@pytest.mark.parametrize("change, clue", [
    ({"argument": "trik_against_6"}, "other side"),       # argument against own position
    ({"objection": "trik_for_1"}, "own side"),           # objection from own side
    ({"principle": "credit"}, "not what either"),         # not the principle of either row
    ({"argument": "lofter_for_1"}, "another case"),       # an argument of another case
    ({"argument": "trik_for_99"}, "not in data/arguments.csv"),
    ({"reply": "Too short (S25)."}, "words"),
    ({"reply": CARD["reply"].replace("(S25)", "(S999)")}, "not in the kit"),
    ({"reply": CARD["reply"].replace(" (S25)", "").replace(" (carlini_generations)", "")},
     "no evidence"),
    ({"position": "maybe"}, "not a position"),
])
def test_card_fails_each_answer_inconsistent_with_the_data(change, clue):
    verdict = evaluate("trik.card", {**CARD, **change})
    assert not verdict.ok
    assert clue in verdict.message


def test_new_voices_are_sourced_arguments_on_the_for_side():
    args = data.load("arguments").set_index("argument_id")
    for aid in ("trik_for_12", "trik_for_13"):
        assert args.at[aid, "stance"] == "for" and args.at[aid, "source_ids"]
    assert "open sources" in args.at["trik_for_12", "claim"]
    ev = data.load("evidence")
    links = dict(zip(ev[ev.argument_id == "trik_for_13"].fact_id,
                     ev[ev.argument_id == "trik_for_13"].relation, strict=True))
    assert links["carlini_generations"] == "supports"
    assert links["carlini_strict"] == "undermines"


def test_law_table_for_trik_shows_deep_synthesis_before_the_dispute():
    law = trik.law_table("trik", "CN")
    assert "last_reviewed" in law.columns
    provisions = law[law["instrument"].str.contains("Deep Synthesis")]
    assert len(provisions) == 1
    first = data.load("events").set_index("event_id").at["trik_first_accusation", "date"]
    assert (provisions["date_in_force"] < first).all()


def test_the_lesson_wires_a_parameter_for_every_new_interaction():
    """Matrix ratings, balance reasons and the lens's answers can be given headless."""
    from artethics import paths
    from artethics.tools import nbform, runner

    path = paths.root() / "course" / "solutions" / "04_trik_ai.ipynb"
    declared = runner.declared_parameters(path)
    assert {"ratings", "reasons", "lens_answers", "jurisdiction", "poll_after"} <= set(declared)
    code = "\n".join(c.source for c in nbform.read(path).cells if c.cell_type == "code")
    assert "show_matrix(\"trik\", ratings=ratings" in code
    assert "lens_answers=lens_answers" in code and "reasons=reasons" in code
    text = "\n".join(c.source for c in nbform.read(path).cells if c.cell_type == "markdown")
    assert "Read your matrix" in text
