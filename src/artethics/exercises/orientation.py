"""Lesson 00's one exercise: reading a table with pandas."""

from __future__ import annotations

from . import exercise, number_verdict


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
          "the year (a whole number such as 2019) in which the most main cases happened.")
def _check_busiest_year(answer):
    from artethics import data

    year, count = busiest_year()
    years = set(data.load("cases").query("kind == 'main'")["year"])
    return number_verdict(
        answer, unreadable=("{answer!r} is not a year.", "Give the year as a number, e.g. 2019."),
        right=lambda v: v == year,
        ok=f"that year holds {count} of the five main cases.",
        wrong="none of the five main cases happened that year.",
        mistakes=[(lambda v: v in years,
                   "Count the cases per year: `main['year'].value_counts()`.",
                   "one case happened that year, but another year has more.")],
        otherwise="Filter the table to kind == 'main' first, then count the years.")
