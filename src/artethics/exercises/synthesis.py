"""Checks for lesson 06_synthesis. Expected values come from data/ when a check runs;
no hint holds them. (``synthesis.reflection`` lives in :mod:`.reflection`.)

- ``synthesis.per_portrait_share``: Belamy's price (facts.csv, with premium) / the
  portraits that trained its GAN, in US dollars, right to the cent (within US$0.006).
- ``synthesis.per_pair_share``: the same price / LAION-5B's image-text pairs, in US
  dollars, within 1 % (also accepted in US cents, within 1 %).
- ``synthesis.compensation_unclear``: the main cases whose compensation status in
  comparison.csv is ``unknown`` or ``disputed``, as a list of case ids (any order).
- ``synthesis.policy``: a dict with the five parts of a platform policy, each at least
  three words (presence only: quality is left to the rubric).
- ``synthesis.laion_shows`` (reasoning, figure reading): what LAION-5B's count of
  image-text pairs shows and does not show.
- ``synthesis.steelman`` (reasoning, steelman): the strongest argument of the side opposite
  to the student's own answer to the course poll of lesson 00, in their own words.
"""

from __future__ import annotations

import re

from artethics.i18n import N_, _
from artethics.tables import fact_number as _fact

from . import close, exercise, near, number_verdict, text_items, unreadable_number
from .reasoning import Option, figure_reading, steelman

CENT = 0.006  # US dollars: right to the cent
TINY_REL = 0.01
UNCLEAR = ("unknown", "disputed")


def _rounded_press_price() -> float:
    """The rounded Belamy price the press used, as the corrections table records it."""
    from artethics import data

    claim = data.load("corrections").set_index("correction_id").at["c02_belamy_price",
                                                                   "claim_in_source"]
    return float(re.sub(r"[^\d.]", "", claim))


def _unreadable(what: str) -> tuple[str, str]:
    return unreadable_number(what, sign=_("a currency sign"))


def _near(target: float, rel: float):
    """A mistake's test: close to ``target``, which must be a computed, non-zero value."""
    return lambda value: bool(target) and close(value, target, rel)


# --- the price per training portrait ------------------------------------------------


def expected_per_portrait_share() -> float:
    return _fact("belamy_price") / _fact("belamy_training_portraits")


@exercise("synthesis.per_portrait_share",
          N_("Belamy's price divided by the number of portraits that trained its GAN, in US "
             "dollars (facts.csv)."))
def per_portrait_share(answer):
    price, works = _fact("belamy_price"), _fact("belamy_training_portraits")
    return number_verdict(
        answer, unreadable=_unreadable(_("US dollars per portrait")),
        right=near(price / works, 0, CENT),
        ok=_("correct: that is each portrait's equal share of the price."),
        wrong=_("not the share the facts give."),
        mistakes=[
            (_near(_rounded_press_price() / works, 0.001),
             _("Use the checked price in facts.csv, not a rounded one from the press: did you "
               "include the buyer's premium?")),
            (_near(_fact("belamy_estimate_high") / works, 0.001), _("Use the price paid, not the "
                                                                    "estimate.")),
            (_near(price / _fact("belamy_family_portraits"), 0.001),
             _("Divide by the portraits that trained the model, not the Belamy family series.")),
            (_near(works / price, 0.001), _("You divided the wrong way round: dollars go on top.")),
            (_near(price / _fact("rembrandt_paintings_analysed"), 0.001),
             _("That training set belongs to another case.")),
        ],
        otherwise=_("Divide belamy_price by belamy_training_portraits (facts.csv, value_num)."))


# --- the price per LAION-5B pair ---------------------------------------------------


def expected_per_pair_share() -> float:
    return _fact("belamy_price") / _fact("carlini_laion5b_pairs")


@exercise("synthesis.per_pair_share",
          N_("Belamy's price divided by the number of image-text pairs in LAION-5B, in US "
             "dollars (facts.csv)."))
def per_pair_share(answer):
    price, pairs = _fact("belamy_price"), _fact("carlini_laion5b_pairs")
    share = price / pairs
    return number_verdict(
        answer, unreadable=_unreadable(_("US dollars per pair")),
        right=near(share, TINY_REL),
        ok=_("correct: a tiny fraction of one cent per pair."),
        also_right=[(near(100 * share, TINY_REL),
                     _("correct, in US cents: a small fraction of one cent per pair."))],
        wrong=_("not the share the facts give."),
        mistakes=[
            (_near(price / (pairs / 1e9), TINY_REL), _("The table holds the full count: do not "
                                                       "divide by the number of billions.")),
            (_near(pairs / price, TINY_REL), _("You divided the wrong way round: dollars go on "
                                               "top.")),
            (_near(price / _fact("belamy_training_portraits"), TINY_REL),
             _("That is the share over Belamy's own training set; use the LAION-5B pairs.")),
            (_near(_fact("christies_total") / pairs, TINY_REL), _("Use the Belamy price, as the "
                                                                  "exercise asks.")),
        ],
        otherwise=_("Divide belamy_price by carlini_laion5b_pairs (facts.csv, value_num); the "
                    "result is much smaller than one dollar."))


# --- whose pay is unclear ------------------------------------------------------------


def expected_compensation_unclear() -> list[str]:
    from artethics import data

    table = data.load("comparison")
    rows = table[(table["dimension"] == "compensation") & table["status"].isin(UNCLEAR)]
    return sorted(rows["case_id"])


def _statuses() -> dict[str, str]:
    from artethics import data

    table = data.load("comparison")
    rows = table[table["dimension"] == "compensation"]
    return dict(zip(rows["case_id"], rows["status"], strict=True))


@exercise("synthesis.compensation_unclear",
          N_("a list of the case ids whose compensation status in comparison.csv is "
             "'unknown' or 'disputed'."))
def compensation_unclear(answer):
    items = text_items(answer)
    if items is None:
        return (False, _("a {type} is not a list of case ids.").format(
                    type=type(answer).__name__),
                _("Give a list such as ['rembrandt', 'lofter'] (the case_id values)."))
    given = sorted(item.lower() for item in items)
    expected = expected_compensation_unclear()
    if given == expected:
        return True, _("correct: for these cases the sources leave the money unclear."), ""
    statuses = _statuses()
    unknown_ids = sorted(given_id for given_id in given if given_id not in statuses)
    if unknown_ids:
        return (False, _("some of these are not main case ids."),
                _("Use the values of the case_id column, e.g. 'rembrandt'."))
    chosen = {statuses[g] for g in given}
    if len(given) < len(expected) and set(given) < set(expected):
        hint = _("Some are missing: keep the rows whose status is either of the two words.")
    elif chosen - set(UNCLEAR):
        hint = (_("Keep only the compensation rows whose status is 'unknown' or 'disputed'; "
                  "'partly' and 'no' are answers the sources do give."))
    else:
        hint = _("Filter the rows whose dimension is 'compensation' first.")
    return False, _("not the cases the comparison table gives."), hint


# --- the policy draft ---------------------------------------------------------------


@exercise("synthesis.policy",
          N_("a dict with the keys consent, credit, compensation, transparency and redress, "
             "each a sentence or more of text."))
def policy(answer):
    from artethics.cases.synthesis import POLICY_PARTS, missing_policy_parts

    if not isinstance(answer, dict):
        return (False, _("a {type} is not a policy.").format(type=type(answer).__name__),
                _("Fill in the dict with one entry per part, e.g. {'consent': '...', ...}."))
    missing = missing_policy_parts(answer)
    if not missing:
        return True, _("all {n} parts are there; the rubric judges the rest.").format(
            n=len(POLICY_PARTS)), ""
    return (False, _("{missing} of {n} parts missing or too short: {parts}.").format(
                missing=len(missing), n=len(POLICY_PARTS), parts=", ".join(missing)),
            _("Write at least a full sentence for each part: what the platform will do, "
              "and for whom."))


# --- Checked reasoning exercises (issue 13) ---------------------------------------------
# What a figure shows: LAION-5B's size, read as a product's training set, as a count of
# artists wronged, or as a price (three real misreadings of section 3's what-if row).
figure_reading(
    "synthesis.laion_shows", "carlini_laion5b_pairs",
    options={
        "a": Option(N_("How many links to web images, each with its caption, one public "
                       "research dataset lists, as its paper's abstract counts them.")),
        "b": Option(N_("How many images Stable Diffusion was trained on."),
                    hint=N_("The dataset's paper says it was used to reproduce or fine-tune such "
                            "models; the kit holds no checked count of any released product's "
                            "training set.")),
        "c": Option(N_("How many artists' works were used without permission."),
                    hint=N_("A pair is a link and a caption, not an artist: many are photos, "
                            "duplicates or old, public-domain pictures. What would you need to "
                            "count artists?")),
        "d": Option(N_("That each work in a training set is worth a fraction of a cent."),
                    hint=N_("The tiny per-pair share in section 3 was a what-if that split one "
                            "sale equally; a count of pairs says nothing about what a work is "
                            "worth.")),
    },
    answer="a",
    why=N_("the figure counts image-text pairs (links with captions) in a public dataset, from "
           "its paper's abstract; it is not a product's training set, a count of artists or a "
           "price."))

# Steelman: the other side of the student's own answer to the course poll of lesson 00.
# The course question's 'for' means 'allow training without asking' (cases.csv synthesis).
steelman("synthesis.steelman", "synthesis", "course.poll_before")
