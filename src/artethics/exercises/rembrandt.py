"""Checks for lesson 01, The Next Rembrandt (case id ``rembrandt``).

Every expected value is computed from ``data/`` when a check runs; no hint
contains it.

- ``rembrandt.years_gap``: whole years from Rembrandt's death (facts.csv,
  ``rembrandt_death_year``) to the unveiling (events.csv, ``rembrandt_unveiled``).
  Accepted within 0.5 of the year difference, so a day-exact count also passes.
- ``rembrandt.fragments_per_painting``: painting fragments per painting analysed
  (facts.csv), accepted within 0.5.
- ``rembrandt.unsettled_facts``: the ids of the Rembrandt facts whose status is not
  ``confirmed``, as any collection of strings, in any order.

Checked reasoning exercises (declared with :mod:`artethics.exercises.reasoning`; the
data are the ground truth):

- ``rembrandt.knowledge_evidence``: which listed facts support ``rembrandt_for_3`` (new
  knowledge from the project), as data/evidence.csv links them; the awards and the
  fragment count are background, the venue is unrelated.
- ``rembrandt.flaw_common``: the flaw in "advertisers borrow famous names all the time, so
  the headline was fair" (an is/ought slide).
"""

from __future__ import annotations

import re

from artethics.i18n import N_, _
from artethics.tables import fact_number as _fact

from . import exercise, number_verdict, text_items, within
from .reasoning import evidence_for, spot_the_flaw

YEARS_TOLERANCE = 0.5
FRAGMENTS_TOLERANCE = 0.5


def _table(name: str):
    from artethics import data

    return data.load(name)


def _event_year(event_id: str) -> int:
    import pandas as pd

    events = _table("events").set_index("event_id")
    return int(pd.Timestamp(events.loc[event_id, "date"]).year)


def expected_years_gap() -> int:
    """Unveiling year minus death year, both from data/."""
    return _event_year("rembrandt_unveiled") - int(_fact("rembrandt_death_year"))


def essay_years_claim() -> int:
    """The number of years the student essay (S04) gives, read from corrections.csv."""
    corrections = _table("corrections").set_index("correction_id")
    return int(re.search(r"\d+", str(corrections.loc["c01_rembrandt_years",
                                                     "claim_in_source"])).group())


@exercise("rembrandt.years_gap",
          N_("compute the years between Rembrandt's death and the unveiling, as a number."))
def years_gap(answer):
    expected = expected_years_gap()
    return number_verdict(
        answer, unreadable=(_("a {type} is not a number of years."),
                            _("Give one number, e.g. the result of subtracting two years.")),
        right=within(expected, YEARS_TOLERANCE),
        ok=_("correct: you checked the essay against the primary sources."),
        wrong=_("not the gap the sources give."),
        mistakes=[
            (lambda v: v < 0, _("You subtracted the wrong way round: the later year comes "
                                "first.")),
            (lambda v: v == essay_years_claim(),
             _("That is the essay's own figure. Compute the gap yourself from the death year in "
               "facts.csv and the unveiling date in events.csv.")),
            (lambda v: v > 10_000, _("That looks like a count of days; the question asks for "
                                     "years.")),
            (lambda v: v > 1_000, _("That looks like a year, not a gap between two years: "
                                    "subtract one from the other.")),
            (lambda v: expected - 1.5 <= v < expected,
             _("Nearly: the question asks for the unveiling year minus the death year, not the "
               "completed years counted to the day, and do not take away one for counting both "
               "ends.")),
            (within(expected, 1.5), _("Nearly: subtract the death year from the unveiling year "
                                      "and do not add or take away one for counting both ends.")),
        ],
        otherwise=_("Use the year in facts.csv (fact_id rembrandt_death_year) and the year of "
                    "the date in events.csv (event_id rembrandt_unveiled)."))


def expected_fragments_per_painting() -> float:
    return _fact("rembrandt_fragments") / _fact("rembrandt_paintings_analysed")


@exercise("rembrandt.fragments_per_painting",
          N_("divide the fragments used by the paintings analysed (facts.csv), as a number."))
def fragments_per_painting(answer):
    expected = expected_fragments_per_painting()
    pixels = _fact("rembrandt_pixels") / _fact("rembrandt_paintings_analysed")
    return number_verdict(
        answer, unreadable=(_("a {type} is not a number."),
                            _("Give one number: fragments divided by paintings.")),
        right=within(expected, FRAGMENTS_TOLERANCE),
        ok=_("correct: on average each painting gave several hundred fragments."),
        wrong=_("not the ratio the data gives."),
        mistakes=[
            (lambda v: 0 < v < 1, _("You divided the wrong way round: fragments go on top.")),
            (lambda v: abs(v - pixels) < 1,
             _("The pixel count describes the new printed image, not the source paintings: use "
               "the fragment count.")),
            (within(expected, 5), _("Close: use the exact fragment count in facts.csv, not a "
                                    "rounded press figure.")),
        ],
        otherwise=_("Take the rows rembrandt_fragments and rembrandt_paintings_analysed from "
                    "facts.csv and divide their values."))


def expected_unsettled_facts() -> list[str]:
    facts = _table("facts")
    mask = (facts["case_id"] == "rembrandt") & (facts["status"] != "confirmed")
    return sorted(facts.loc[mask, "fact_id"].astype(str))


@exercise("rembrandt.unsettled_facts",
          N_("list the fact_id of every Rembrandt fact whose status is not 'confirmed'."))
def unsettled_facts(answer):
    items = text_items(answer)
    if items is None:
        return False, _("a {type} is not a list of fact ids.").format(
            type=type(answer).__name__), (
            _("Give a list of fact_id values, e.g. the fact_id column of your filtered "
              "table turned into a list with .tolist()."))
    ids = set(items)
    expected = set(expected_unsettled_facts())
    if ids == expected:
        return True, _("correct: these are the figures to handle with care."), ""
    facts = _table("facts").set_index("fact_id")
    known = set(facts.index.astype(str))
    if ids - known:
        return False, _("some items are not fact ids."), (
            _("Use the values of the fact_id column, exactly as written."))
    if any(facts.loc[i, "case_id"] != "rembrandt" for i in ids):
        return False, _("some facts belong to other cases."), (
            _("Keep only the rows whose case_id is 'rembrandt'."))
    if ids - expected:
        return False, _("some of these facts are confirmed."), (
            _("Keep only the rows whose status is something other than 'confirmed'."))
    return False, _("some unsettled facts are missing."), (
        _("More than one status other than 'confirmed' occurs: look at "
          "value_counts() of the status column."))


# --- checked reasoning exercises ---------------------------------------------------------

evidence_for("rembrandt.knowledge_evidence", "rembrandt_for_3", "supports",
             distractors=["rembrandt_venue"])

spot_the_flaw(
    "rembrandt.flaw_common",
    claim=N_("Advertisers borrow famous names all the time, so calling the portrait a 'new "
             "Rembrandt' was perfectly fair."),
    said_by="A classmate",
    answer="is_ought",
    why=N_("That something is often done does not show it should be done: the claim needs a "
           "reason why borrowing this name, for this purpose, was fair."),
    extra_hints={
        "hasty_generalisation": N_("The claim does not draw a rule from a few cases; it starts "
                                   "from a practice it says is everywhere. Look at the step from "
                                   "that practice to 'fair'."),
        "missing_qualifier": N_("The claim quotes no figure from the data, so no qualifier was "
                                "dropped. Look at the step from its first half to its second."),
        "law_for_ethics": N_("The claim cites no law or rule: it cites a habit of advertisers. "
                             "Look at the step from that habit to 'fair'."),
    })
