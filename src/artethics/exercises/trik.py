"""Checks for lesson 04_trik_ai (Xiaohongshu's Trik AI and the illustrator Snow Fish, 2023).

Expected values are computed from data/ (facts.csv, events.csv) when the check
runs; hints name the missing consideration, never the value.
"""

from __future__ import annotations

from artethics.cases.trik import extraction_rate
from artethics.i18n import N_, _
from artethics.tables import fact_number as _fact

from . import (
    as_days,
    days_verdict,
    exercise,
    near,
    number_verdict,
    pandas_container_verdict,
)
from .lofter import days_between, event_date
from .reasoning import Option, argument_card, figure_reading

RATE_TOLERANCE = 0.01  # relative: 1 %, so rounding to three significant figures passes


@exercise("trik.extraction_rate",
          N_("the share of Stable Diffusion generations that gave back a training image under "
             "the strict test (carlini_strict / carlini_generations in facts.csv), as a fraction."))
def _extraction_rate(answer):
    expected = extraction_rate()
    near_copies = _fact("carlini_near") / _fact("carlini_generations")
    per_caption = _fact("carlini_strict") / _fact("carlini_captions")
    return pandas_container_verdict(answer) or number_verdict(
        answer, unreadable=(_("got {type}, not a number."),
                            _("Give one number: extractions divided by generations.")),
        right=near(expected, RATE_TOLERANCE),
        ok=_("right: memorisation happened, but very rarely."),
        also_right=[(near(100 * expected, RATE_TOLERANCE),
                     _("right (as a percentage): memorisation happened, but very rarely."))],
        wrong=_("not the extraction rate."),
        mistakes=[
            (lambda v: near(near_copies, RATE_TOLERANCE)(v)
             or near(100 * near_copies, RATE_TOLERANCE)(v),
             _("That count includes the near-copies found by manual review; use the strict "
               "test.")),
            (near(per_caption, RATE_TOLERANCE), _("You divided by the captions tried; each "
               "caption gave many images, so divide by the generations.")),
            (lambda v: v > 1, _("The rate is extractions per generation, so it must be far below "
                                "1: check which number goes on top.")),
        ],
        otherwise=_("Divide the strict extractions by the number of generated images "
                    "(facts.csv)."))


def month_end(when):
    """The last day of the month of ``when`` (a Timestamp)."""
    import pandas as pd

    return (pd.Timestamp(when) + pd.offsets.MonthEnd(0)).normalize()


def start_gap_range() -> tuple[int, int]:
    """Fewest and most days from the first accusation to a start date within CNN's 'August'.

    CNN gives only a month (date_precision 'month'; the date column holds the 1st),
    so any day of that month is possible.
    """
    first = event_date("trik_first_accusation")
    cnn = event_date("trik_cnn_start")
    return int((cnn - first).days), int((month_end(cnn) - first).days)


def _pair(answer) -> tuple[float, float] | None:
    if isinstance(answer, str | bytes):
        return None
    try:
        items = list(answer)
    except TypeError:
        return None
    days = [as_days(x) for x in items]
    if len(days) != 2 or None in days:
        return None
    return tuple(sorted(days))


@exercise("trik.start_gap",
          N_("a pair (fewest, most): the days from Snow Fish's first accusation to any date "
             "within the month CNN gives for the start of the dispute."))
def _start_gap(answer):
    pair = _pair(answer)
    if pair is None:
        return (False, _("got {type}, not a pair of numbers.").format(
                    type=type(answer).__name__),
                _("Give two numbers in brackets, e.g. (fewest, most)."))
    low, high = start_gap_range()
    if pair == (low, high):
        return True, _("right: a month-precise date leaves a whole month of doubt."), ""
    if pair[0] == pair[1]:
        hint = (_("You gave one gap twice. CNN's date is precise only to the month: the dispute "
                  "could have started on its first or its last day."))
    elif pair[0] == low and pair[1] != high:
        hint = _("The fewest is right; for the most, use the last day of CNN's month.")
    elif pair[0] == low - 1 or pair[0] == low + 1:
        hint = (_("Check which event is the first accusation (not the evidence posted later) "
                  "and subtract dates without counting both ends."))
    else:
        hint = _("Use trik_first_accusation and trik_cnn_start in events.csv, and the "\
                 "date_precision column.")
    return False, _("not the right range of days."), hint


@exercise("trik.days_to_measures",
          N_("the number of days from Snow Fish's first accusation to the day China's Interim "
             "Measures took effect, from events.csv."))
def _days_to_measures(answer):
    expected = days_between("trik_first_accusation", "trik_measures_in_force")
    mistakes = {
        expected + 1: _("Did you count both end days? Subtract the dates."),
        days_between("trik_measures_published", "trik_measures_in_force"):
            _("That is from publication to entry into force; start from the first accusation."),
        days_between("trik_evidence", "trik_measures_in_force"):
            _("That starts from the evidence post; start from the first accusation."),
        days_between("trik_cnn_start", "trik_measures_in_force"):
            _("That starts from CNN's month; start from the first accusation in events.csv."),
    }
    return days_verdict(answer, expected, mistakes,
                        _("Use trik_first_accusation and trik_measures_in_force in events.csv."),
                        right=_("right: the accusation came weeks before the Measures applied."))


# --- Checked reasoning exercises (issue 13) ---------------------------------------------
# What the hashtag figure shows, and what it does not (facts.csv trik_hashtag_views: a
# lower bound of views, one report).
figure_reading(
    "trik.hashtag_shows", "trik_hashtag_views",
    options={
        "a": Option(N_("That the dispute drew wide public attention on Weibo: at least that "
                       "many views of a related hashtag.")),
        "b": Option(N_("That tens of millions of people sided with the artists."),
                    hint=N_("A view is one look at a page. Count what the figure records: does "
                            "looking at a hashtag tell you what the viewer thought?")),
        "c": Option(N_("That Trik AI was trained on Snow Fish's paintings."),
                    hint=N_("Attention is not evidence about training data. Where in the lesson "
                            "does anything speak to what the tool learned from?")),
        "d": Option(N_("Exactly how many times the hashtag was viewed."),
                    hint=N_("Read the claim column again: the figure comes with a word that "
                            "says which way the true number may lie.")),
    },
    answer="a",
    why=N_("a lower bound of views records attention, not agreement, not how many people, and "
           "nothing about how the tool was trained."))

# Argument card: position, strongest argument, strongest objection, the principle or lens
# at stake and a reply citing evidence. The rubric judges the reply.
argument_card("trik.card", "trik", reply_words=(25, 120))
