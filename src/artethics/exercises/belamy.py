"""Checks for lesson 02, Portrait of Edmond de Belamy (case id ``belamy``).

Every expected value is computed from ``data/`` (or, for the GAN loss, from the
formula) when a check runs; no hint contains it.

- ``belamy.price_ratio``: price paid / high estimate (sales.csv). Accepted within
  0.1 % as a multiple, or as the same figure in per cent; a rounded answer (within 2 %)
  fails with a hint not to round.
- ``belamy.premium_gap``: the reported price (sales.csv) minus the price the student
  essay gives (corrections.csv, ``c02_belamy_price``), in US dollars, within 0.5.
- ``belamy.dispute_days``: days from the first reports of the code dispute to the
  sale (events.csv), exact.
- ``belamy.balance_loss``: the discriminator's loss when D(x) = 0.5 for every
  input, -(ln 0.5 + ln(1 - 0.5)), within 1 %.

Checked reasoning exercises (declared with :mod:`artethics.exercises.reasoning`; the
data are the ground truth):

- ``belamy.price_shows``: what the price (facts.csv ``belamy_price``) shows and what it
  does not (a price read as artistic value, one sale read as a market, the price read as
  the estimate, the price read as everyone's pay).
- ``belamy.card``: an argument card on the central question, checked against
  arguments.csv, facts.csv and the source register; the rubric judges the reply.
"""

from __future__ import annotations

import math
import re

from artethics.i18n import N_, _

from . import exercise, near, number_verdict, within
from .reasoning import Option, argument_card, figure_reading

RATIO_REL = 0.001
ROUNDED_REL = 0.02  # a rounded answer (e.g. to a whole number) gets its own hint
DOLLAR_TOLERANCE = 0.5
LOSS_REL = 0.01


def _table(name: str):
    from artethics import data

    return data.load(name)


def _lot() -> dict:
    sales = _table("sales").set_index("lot_id")
    return {k: float(sales.loc["belamy_portrait", k])
            for k in ("price", "estimate_low", "estimate_high")}


def _number_in(text: str) -> float:
    return float(re.search(r"\d[\d,]*(?:\.\d+)?", text).group().replace(",", ""))


def essay_price() -> float:
    """The price the student essay (S04) gives, read from corrections.csv."""
    corrections = _table("corrections").set_index("correction_id")
    return _number_in(str(corrections.loc["c02_belamy_price", "claim_in_source"]))


def expected_price_ratio() -> float:
    lot = _lot()
    return lot["price"] / lot["estimate_high"]


def _ratio_mistakes(lot: dict) -> list:
    low, high, price = lot["estimate_low"], lot["estimate_high"], lot["price"]
    return [
        (near(price / low, RATIO_REL), _("Compare with the top of the estimate range, not the "
                                         "bottom.")),
        (near(price / ((low + high) / 2), RATIO_REL), _("Use the high estimate, not the middle "
                                                        "of the range.")),
        (near(essay_price() / high, RATIO_REL),
         _("Use the price in sales.csv, which includes the buyer's premium, not a rounded "
           "one, and keep the full result of the division (do not round it).")),
        (near(price / high, ROUNDED_REL), _("Very close: keep the full result of the division; "
                                            "do not round it.")),
        (near((price - high) / high, RATIO_REL), _("The question asks for a multiple (price / "
                                                   "estimate), not for the increase.")),
        (lambda v: 0 < v < 1, _("You divided the wrong way round: the price goes on top.")),
    ]


@exercise("belamy.price_ratio",
          N_("divide the price paid by the high estimate (sales.csv), as a number."))
def price_ratio(answer):
    expected = expected_price_ratio()
    return number_verdict(
        answer, unreadable=(_("a {type} is not a number."),
                            _("Give one number: price divided by estimate.")),
        right=lambda v: near(expected, RATIO_REL)(v) or near(100 * expected, RATIO_REL)(v),
        ok=_("correct: the price left the estimate far behind."),
        wrong=_("not the multiple the sales table gives."),
        mistakes=_ratio_mistakes(_lot()),
        otherwise=_("Divide the price column by the estimate_high column of the Belamy row in "
                    "sales.csv."))


def expected_premium_gap() -> float:
    return _lot()["price"] - essay_price()


@exercise("belamy.premium_gap",
          N_("subtract the essay's price (corrections.csv) from the price in sales.csv, in US$."))
def premium_gap(answer):
    expected = expected_premium_gap()
    return number_verdict(
        answer, unreadable=(_("a {type} is not a number of dollars."),
                            _("Give one number: a difference between two prices.")),
        right=within(expected, DOLLAR_TOLERANCE),
        ok=_("correct: a small gap, but the two figures mean different things."),
        wrong=_("not the gap between the two figures."),
        mistakes=[
            (within(-expected, DOLLAR_TOLERANCE), _("You subtracted the wrong way round: start "
                                                    "from the price in sales.csv.")),
            (lambda v: v > 100_000, _("Give the difference between the two prices, not one of "
                                      "the prices.")),
            (lambda v: v == 0, _("The two figures are not equal: read the number out of the "
                                 "essay's claim in corrections.csv (source S04) and compare it "
                                 "with sales.csv.")),
        ],
        otherwise=_("Take the number in claim_in_source of the Belamy price row of "
                    "corrections.csv and the price column of sales.csv."))


def expected_dispute_days() -> int:
    import pandas as pd

    events = _table("events").set_index("event_id")
    sale = pd.Timestamp(events.loc["belamy_sale", "date"])
    dispute = pd.Timestamp(events.loc["belamy_barrat_dispute", "date"])
    return int((sale - dispute).days)


@exercise("belamy.dispute_days",
          N_("count the days from the first reports of the code dispute to the sale "
             "(events.csv), as a whole number."))
def dispute_days(answer):
    if hasattr(answer, "days") and not isinstance(answer, (int, float)):
        answer = answer.days  # a pandas/datetime Timedelta is fine
    expected = expected_dispute_days()
    return number_verdict(
        answer, unreadable=(_("a {type} is not a number of days."),
                            _("Give a whole number of days (a Timedelta's .days is one).")),
        right=lambda v: v == expected,
        ok=_("correct: the credit question surfaced days, not months, before the sale."),
        wrong=_("not the number of days the events table gives."),
        mistakes=[
            (lambda v: v == -expected, _("You subtracted the wrong way round: the sale came "
                                         "later.")),
            (lambda v: v == expected + 1, _("Count the days between the two dates, not both end "
                                            "days.")),
            (lambda v: v == expected * 24, _("That is hours; the question asks for days.")),
        ],
        otherwise=_("Subtract the date of belamy_barrat_dispute from the date of belamy_sale in "
                    "events.csv (pd.to_datetime, then .days)."))


def expected_balance_loss() -> float:
    d = 0.5
    return -(math.log(d) + math.log(1 - d))


@exercise("belamy.balance_loss",
          N_("compute the discriminator's loss -(ln D(x) + ln(1 - D(G(z)))) when D gives 0.5."))
def balance_loss(answer):
    expected = expected_balance_loss()
    return number_verdict(
        answer, unreadable=(_("a {type} is not a number."),
                            _("Give one number, e.g. computed with np.log.")),
        right=near(expected, LOSS_REL),
        ok=_("correct: this is the loss when D can no longer tell real from fake."),
        wrong=_("not the loss at the balance point."),
        mistakes=[
            (near(-expected, LOSS_REL), _("Mind the minus sign in front: a loss here is "
                                          "positive.")),
            (near(expected / 2, LOSS_REL), _("The loss has two terms, one for real and one for "
                                             "generated numbers: add both.")),
            (near(expected / math.log(10), LOSS_REL), _("Use the natural logarithm (np.log), not "
                                                        "log base 10.")),
            (near(expected / math.log(2), LOSS_REL), _("Use the natural logarithm (np.log), not "
                                                       "log base 2.")),
        ],
        otherwise=_("Put 0.5 in place of D(x) and of D(G(z)) in both terms of the formula."))


# --- checked reasoning exercises ---------------------------------------------------------

figure_reading(
    "belamy.price_shows", "belamy_price",
    options={
        "a": Option(N_("What one buyer was willing to pay for this print on that day, the "
                       "auction house's fee included.")),
        "b": Option(N_("How good the portrait is as a work of art."),
                    hint=N_("A price records what someone paid. What else would you need to "
                            "judge quality: critics, time, comparison with other works?")),
        "c": Option(N_("That AI-made art in general now sells for six-figure sums."),
                    hint=N_("This is one lot on one evening. How many sales would you need "
                            "before you could speak of a market?")),
        "d": Option(N_("What Christie's expected the lot to fetch."),
                    hint=N_("The house's expectation is a different row of the key-figures "
                            "table: compare the two.")),
        "e": Option(N_("How the money was shared between Obvious, Barrat and the auction "
                       "house."),
                    hint=N_("A price says what the buyer paid, not who received it; read the "
                            "note on belamy_barrat_pay in facts.csv.")),
    },
    answer="a",
    why=N_("a price records one sale on one day, fees included; it is neither a measure of "
           "quality nor a market, and it says nothing about who received the money."))

argument_card("belamy.card", "belamy", reply_words=(25, 120))
