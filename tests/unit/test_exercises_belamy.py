"""Lesson 02_edmond_de_belamy: each check passes the right answer, fails typical mistakes
and None, and no hint gives the expected value away; the case helpers read data/."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from artethics import data  # noqa: E402
from artethics.cases import belamy  # noqa: E402
from artethics.exercises import belamy as ex  # noqa: E402
from artethics.exercises import evaluate, registry  # noqa: E402

EXERCISES = ("belamy.price_ratio", "belamy.premium_gap", "belamy.dispute_days",
             "belamy.balance_loss")


def _lot():
    return data.load("sales").set_index("lot_id").loc["belamy_portrait"]


def _dates():
    return data.load("events").set_index("event_id")["date"]


def test_expected_values_follow_the_data():
    lot = _lot()
    assert ex.expected_price_ratio() == lot["price"] / lot["estimate_high"]
    facts = data.load("facts").set_index("fact_id")["value_num"]
    assert math.isclose(ex.expected_price_ratio(), facts["belamy_ratio_high"])
    assert ex.essay_price() < lot["price"]  # the essay rounds down
    assert ex.expected_premium_gap() == lot["price"] - ex.essay_price()
    dates = _dates()
    assert ex.expected_dispute_days() == (dates["belamy_sale"]
                                          - dates["belamy_barrat_dispute"]).days
    assert math.isclose(ex.expected_balance_loss(), 2 * math.log(2))


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_registered_and_no_answer_fails(exercise_id):
    assert exercise_id in registry()
    for missing in (None, "", ...):
        verdict = evaluate(exercise_id, missing)
        assert not verdict.ok and "no answer yet" in verdict.message


def _assert_fails(exercise_id, answer, clue, hidden):
    verdict = evaluate(exercise_id, answer)
    assert not verdict.ok, (answer, verdict.line())
    assert clue in verdict.hint, (answer, verdict.line())
    for text in hidden:
        assert text not in verdict.line(), (answer, verdict.line())


def test_price_ratio():
    lot = _lot()
    right = lot["price"] / lot["estimate_high"]
    for answer in (right, 100 * right, float(f"{right:.3f}")):
        assert evaluate("belamy.price_ratio", answer).ok, answer
    hidden = (f"{right:g}", f"{right:.1f}", f"{right:.0f}")
    low, high, price = lot["estimate_low"], lot["estimate_high"], lot["price"]
    for answer, clue in [
        (price / low, "top of the estimate"),
        (price / ((low + high) / 2), "not the middle"),
        (ex.essay_price() / high, "premium"),
        (round(right), "do not round"),
        (float(f"{right:.1f}"), "do not round"),
        ((price - high) / high, "multiple"),
        (high / price, "wrong way round"),
        (price, "Divide the price"),
        ("a lot", "Give one number"),
    ]:
        _assert_fails("belamy.price_ratio", answer, clue, hidden)


def test_premium_gap():
    gap = ex.expected_premium_gap()
    assert evaluate("belamy.premium_gap", gap).ok
    assert evaluate("belamy.premium_gap", int(gap)).ok
    hidden = (f"{gap:g}", f"{gap:,.0f}")
    for answer, clue in [(-gap, "wrong way round"), (_lot()["price"], "not one of the prices"),
                         (0, "not equal"), (gap * 10, "claim_in_source"),
                         ([gap], "Give one number")]:
        _assert_fails("belamy.premium_gap", answer, clue, hidden)


def test_dispute_days():
    days = ex.expected_dispute_days()
    for answer in (days, float(days), pd.Timedelta(days=days)):
        assert evaluate("belamy.dispute_days", answer).ok, answer
    for answer, clue in [(-days, "wrong way round"), (days + 1, "both end days"),
                         (days * 24, "hours"), (days + 30, "belamy_sale"),
                         ("soon", "whole number")]:
        _assert_fails("belamy.dispute_days", answer, clue, (f"{days} day",))


def test_balance_loss():
    right = 2 * math.log(2)
    assert evaluate("belamy.balance_loss", right).ok
    assert evaluate("belamy.balance_loss", round(right, 2)).ok
    hidden = (f"{right:.2f}", f"{right:.3f}")
    for answer, clue in [(-right, "minus sign"), (math.log(2), "two terms"),
                         (2 * math.log10(2), "base 10"), (2.0, "base 2"),
                         (0.5, "Put 0.5")]:
        _assert_fails("belamy.balance_loss", answer, clue, hidden)


def test_case_helpers():
    assert belamy.lot().loc["belamy_portrait", "price_basis"] == "with_premium"
    with pytest.raises(KeyError, match="belamy_portrait"):
        belamy.lot("nope")
    frame = belamy.timeline_frame()
    assert list(frame.index) == ["belamy_barrat_dispute", "belamy_sale"]  # oldest first
    assert belamy.essay_checked("belamy")["verdict"].tolist() == ["imprecise", "framing"]
    figures = belamy.key_figures(belamy.SALE_FIGURES)
    assert figures.loc["belamy_price", "figure"] == "US$432,500"
    assert "belamy_ratio_high" not in figures.index  # exercise 1's answer stays hidden
    for fig in (belamy.plot_price(), belamy.plot_timeline()):
        assert fig.axes[0].get_title()
        plt.close(fig)


def test_glossary_and_price_plot_head_room():
    assert list(belamy.glossary(belamy.GLOSSARY_TERMS).index) == list(belamy.GLOSSARY_TERMS)
    fig = belamy.plot_price()
    ax = fig.axes[0]
    assert ax.get_ylim()[1] > max(t.get_position()[1] for t in ax.texts) * 1.05
    plt.close(fig)


# --- checked reasoning exercises (issue 13) ---------------------------------------------

from artethics.exercises import reasoning  # noqa: E402

REASONING = ("belamy.price_shows", "belamy.card")


@pytest.mark.parametrize("exercise_id", REASONING)
def test_reasoning_declaration_is_sound_and_fails_on_no_answer(exercise_id):
    assert reasoning.validate(exercise_id) == []
    verdict = evaluate(exercise_id, None)
    assert not verdict.ok and "no answer yet" in verdict.message


@pytest.mark.parametrize(("letter", "clue"), [
    ("b", "quality"), ("c", "market"), ("d", "key-figures"), ("e", "belamy_barrat_pay")])
def test_price_shows_each_misreading_gets_its_own_hint(letter, clue):
    verdict = evaluate("belamy.price_shows", letter)
    assert not verdict.ok and clue in verdict.hint
    assert "fee included" not in verdict.line() and "(a)" not in verdict.hint


def test_price_shows_right_answer_and_bad_forms():
    assert evaluate("belamy.price_shows", "A").ok
    assert not evaluate("belamy.price_shows", ["a", "b"]).ok  # only one holds
    assert not evaluate("belamy.price_shows", "z").ok
    assert not evaluate("belamy.price_shows", 432500).ok


def _card(**changes):
    card = {"position": "for", "argument": "belamy_for_11", "objection": "belamy_against_10",
            "principle": "credit",
            "reply": "The painters of the training portraits (belamy_training_portraits) are "
                     "long dead and their work is free to study, so naming them would honour "
                     "them but owes them nothing; the catalogue could still have said what "
                     "the GAN learned from (S16)."}
    return {**card, **changes}


def test_card_passes_a_sound_card_and_the_model_answer_in_the_notebook():
    assert evaluate("belamy.card", _card()).ok


@pytest.mark.parametrize(("changes", "clue"), [
    ({"argument": "belamy_against_10", "objection": "belamy_for_11"}, "your own side"),
    ({"objection": "belamy_for_5"}, "side you disagree with"),
    ({"argument": "trik_for_1"}, "this lesson"),
    ({"principle": "consent"}, "really about"),
    ({"reply": "Too short (S16)."}, "own"),
    ({"reply": "The painters are long dead and free to study, so naming them would honour "
               "them, and the catalogue could still have said what the GAN learned from."},
     "fact id"),
    ({"reply": "The painters are long dead, so naming them owes them nothing at all, as the "
               "record belamy_painter_fees shows; the catalogue could still have said what "
               "the GAN learned from, which is the real point here."}, "spelled exactly"),
])
def test_card_fails_when_inconsistent_with_the_data(changes, clue):
    verdict = evaluate("belamy.card", _card(**changes))
    assert not verdict.ok, verdict.line()
    assert clue in verdict.hint, verdict.line()


def test_card_objection_must_come_from_the_other_side():
    verdict = evaluate("belamy.card", _card(position="against"))
    assert not verdict.ok and "other side" in verdict.message
