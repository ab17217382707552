"""Lesson 00's exercises: reading a table with pandas, and which lens an argument rests on."""

from __future__ import annotations

from artethics.i18n import N_, _

from . import exercise, number_verdict
from .reasoning import lens_of


def busiest_year() -> tuple[int, int]:
    """The year in which most of the five main cases happened, and how many happened then."""
    from artethics import data

    cases = data.load("cases")
    counts = cases.loc[cases["kind"] == "main", "year"].value_counts()
    top = counts[counts == counts.max()]
    if len(top) != 1:
        raise ValueError("data/cases.csv has a tie for the busiest year; rewrite the exercise")
    return int(top.index[0]), int(top.iloc[0])


@exercise("orientation.busiest_year",
          N_("the year (a whole number such as 2019) in which the most main cases happened."))
def _check_busiest_year(answer):
    from artethics import data

    year, count = busiest_year()
    years = set(data.load("cases").query("kind == 'main'")["year"])
    return number_verdict(
        answer, unreadable=(_("{answer!r} is not a year."),
                            _("Give the year as a number, e.g. 2019.")),
        right=lambda v: v == year,
        ok=_("that year holds {count} of the five main cases.").format(count=count),
        wrong=_("none of the five main cases happened that year."),
        mistakes=[(lambda v: v in years,
                   _("Count the cases per year, e.g. with main['year'].value_counts()."),
                   _("one case happened that year, but another year has more."))],
        otherwise=_("Filter the table to kind == 'main' first, then count the years."))


# Lesson 00's reasoning exercise: which of the five lenses an argument rests on. The
# answer is the argument's lens in data/arguments.csv.
lens_of("orientation.which_lens", "belamy_against_9", extra_hints={
    "character": N_("The claim mentions artistic value only to set it aside. Read its last "
                    "words again: what does it say is put at risk, and for whom?"),
    "fairness": N_("Nobody in this claim did work that went unnamed or unpaid. Look for what "
                   "the claim says could go wrong."),
    "rights": N_("Nobody in this claim is refused something they could claim: the bidders "
                 "chose to bid. Look for what the claim says could go wrong."),
})
