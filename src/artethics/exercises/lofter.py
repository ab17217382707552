"""Checks for lesson 03_lofter (NetEase LOFTER's AI drawing feature, March 2023).

Every expected value is computed from data/ (events.csv, facts.csv) when the
check runs; hints name the missing consideration, never the value.
"""

from __future__ import annotations

from artethics.i18n import N_, _

from . import days_verdict, exercise, text_items
from .reasoning import evidence_for, spot_the_flaw

DAY = N_("Count whole days by subtracting one date from the other.")


def _events():
    from artethics import data

    return data.load("events")


def event_date(event_id: str):
    """The date of one event in events.csv, as a pandas Timestamp."""
    import pandas as pd

    events = _events()
    rows = events.loc[events["event_id"] == event_id, "date"]
    if rows.empty:
        raise KeyError(f"events.csv has no event {event_id!r}")
    return pd.Timestamp(rows.iloc[0])


def days_between(first: str, last: str) -> int:
    """Whole days from event ``first`` to event ``last`` (both in events.csv)."""
    return int((event_date(last) - event_date(first)).days)


@exercise("lofter.days_to_withdrawal",
          N_("the number of whole days from LOFTER's first official reply to the "
             "feature's withdrawal, from events.csv."))
def _days_to_withdrawal(answer):
    expected = days_between("lofter_first_reply", "lofter_withdrawn")
    mistakes = {
        expected + 1: _("Did you count both the first and the last day? Subtract the dates."),
        days_between("lofter_first_reply", "lofter_protection_plan"):
            _("That is the creator-protection plan; find the event where the feature goes "
              "offline."),
        days_between("lofter_first_reply", "lofter_apology"):
            _("That is the apology letter; find the event where the feature goes offline."),
    }
    return days_verdict(answer, expected, mistakes, _("Use the rows lofter_first_reply and "
                                                      "lofter_withdrawn.") + " " + _(DAY))


@exercise("lofter.days_since_artstation",
          N_("the number of days from the day ArtStation's protest filled its Trending page "
             "to LOFTER's first official reply, from events.csv."))
def _days_since_artstation(answer):
    expected = days_between("artstation_trending_full", "lofter_first_reply")
    mistakes = {
        expected + 1: _("Did you count both end days? Subtract the dates."),
        days_between("artstation_first_complaints", "lofter_first_reply"):
            _("That starts at the first complaints; the question asks from the day the "
              "protest image filled the Trending page."),
        days_between("artstation_faq", "lofter_first_reply"):
            _("That starts at Epic Games' FAQ; the question asks from the day the protest "
              "image filled the Trending page."),
    }
    return days_verdict(answer, expected, mistakes, _("Take the dates of "
                                                      "artstation_trending_full and "
                                                      "lofter_first_reply.") + " " + _(DAY))


def unconfirmed_fact_ids(case: str = "lofter") -> list[str]:
    """Sorted fact ids of ``case`` whose status in facts.csv is not 'confirmed'."""
    from artethics import data

    facts = data.load("facts")
    mask = (facts["case_id"] == case) & (facts["status"] != "confirmed")
    return sorted(facts.loc[mask, "fact_id"].astype(str))


@exercise("lofter.unconfirmed_facts",
          N_("a list of the fact_id values of LOFTER facts (case_id 'lofter') whose status "
             "in facts.csv is not 'confirmed'."))
def _unconfirmed(answer):
    given = text_items(answer, single=True)
    if type(answer).__name__ == "DataFrame":
        return (False, _("got a whole table (DataFrame), not a list of fact ids."),
                _("Take only its fact_id column, e.g. list(table['fact_id'])."))
    if given is None:
        return (False, _("got {type}, not a list of fact ids.").format(
                    type=type(answer).__name__),
                _("Give a list of fact_id strings, e.g. list(frame['fact_id'])."))
    expected = unconfirmed_fact_ids("lofter")
    if given == expected:
        return True, _("right: these figures need care before you rely on them."), ""
    if set(expected) < set(given):
        hint = _("Some of these are confirmed: keep only rows whose status is not 'confirmed'.")
    elif set(given) < set(expected):
        hint = _("One or more are missing: did you look at every status other than 'confirmed'?")
    elif not set(given) & set(expected):
        hint = (_("None of these match. Filter facts.csv on case_id == 'lofter' and on the "
                  "status column."))
    else:
        hint = _("Filter on case_id == 'lofter' first, then on the status column.")
    return False, _("{n} fact id(s) given, not the right set.").format(n=len(given)), hint


# --- Checked reasoning exercises (issue 13) ---------------------------------------------
# Evidence: which listed facts support the creators' consultation argument. The answer is
# the argument's 'supports' links in data/evidence.csv; the two distractors are facts about
# the platform's replies, linked to other arguments.
evidence_for("lofter.consult_evidence", "lofter_against_6", "supports",
             distractors=["lofter_compensation_offer", "lofter_complaints"])

# Spot the flaw: a rule the tool may have met is read as a verdict that launching it was
# right. Grounded in the Deep Synthesis Provisions' marking and labelling articles.
spot_the_flaw(
    "lofter.legal_so_fine",
    claim=N_("China's Deep Synthesis Provisions were already in force and asked providers to "
             "label AI-made pictures. LOFTER promised such labels, so launching the tool "
             "without asking its creators was the right thing to do."),
    said_by=N_("A defender of the launch (a claim written for this exercise)"),
    answer="law_for_ethics",
    rule="cn_deep_synthesis_art16_17",
    why=N_("meeting a labelling rule (if LOFTER did) says what the law asked for; whether "
           "creators were owed a say before launch is a separate, ethical question."),
    extra_hints={
        "is_ought": N_("The claim does not lean on what other platforms usually do. Look at "
                       "what it treats as settling the question, and ask whether that thing "
                       "can settle it."),
        "hasty_generalisation": N_("The claim is about one platform and one tool; it does not "
                                   "draw a rule about many cases from a few. Look at the step "
                                   "between its second and third sentences."),
        "missing_qualifier": N_("The claim quotes no figure. Look at the step between its "
                                "second and third sentences instead."),
    })
