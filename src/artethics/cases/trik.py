"""Helpers for lesson 04_trik_ai: Xiaohongshu's Trik AI and the illustrator Snow Fish (2023).

Tables come from data/ through :mod:`artethics.data`; nothing here prints or
plots on import. The generic tables (key figures, reading list) live in
:mod:`artethics.tables`; the law table is shared with the LOFTER lesson::

    from artethics.cases import trik
    trik.timeline_frame()          # dated events; year-only dates left out of the plot
    trik.key_figures("trik")       # figures from facts.csv with their sources
    trik.compare_rates(result)     # the memorisation demo beside Carlini et al. 2023
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from artethics import tables
from artethics.cases import english_actors, lofter
from artethics.cases._layout import room_for_caption
from artethics.cases.lofter import law_table  # noqa: F401  (re-exported for the notebook)
from artethics.i18n import N_, _, pgettext
from artethics.tables import key_figures, sources_of  # noqa: F401  (lesson API)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.figure import Figure

    from artethics.demos.memorise import MemoriseResult

# The labels, groups and reading notes are marked with N_ and translated when a table or
# a figure is built.
SHORT_LABELS = {
    "trik_launch": N_("Trik AI in testing (month only)"),
    "trik_measures_published": N_("Interim Measures published"),
    "trik_first_accusation": N_("first accusation (Chinese report)"),
    "trik_evidence": N_("side-by-side evidence"),
    "trik_cnn_start": N_("CNN: 'August' (month only)"),
    "trik_measures_in_force": N_("Measures in force"),
    "trik_boycott_peak": N_("boycott banners; hashtag (month only)"),
    "trik_lawsuits_reported": N_("four suits reported"),
    "trik_private_apology": N_("private apology (year only)"),
}
GROUPS = {
    "Xiaohongshu": N_("小红书 Xiaohongshu"),
    "Snow Fish (是雪鱼啊)": N_("Snow Fish and artists"),
    "Chinese illustrators": N_("Snow Fish and artists"),
    "Four artists including 正版青团子": N_("Snow Fish and artists"),
    "CNN": N_("reports"),
}
READING_NOTES = {
    "S02": N_("A machine-reworded copy of the CNN report: names are garbled, so use the "
              "ASEF copy (S25) instead."),
    "S25": N_("Quotes CNN word for word: a careful foreign newsroom, but its 'August' is a "
              "framing, not an exact date."),
    "S26": N_("A translation of a Chinese report: closer to the platform users, the only source "
              "for 30 July; check it against others."),
    "S27": N_("A business-news site: reports the lawsuits but not their filing dates or outcomes."),
    "S28": N_("An incident database: it logs the case by when it peaked, and its pronoun for "
              "Snow Fish differs from CNN's."),
    "S29": N_("The regulator's own announcement: the primary source for what the Measures say."),
    "S45": N_("The research paper itself: read the method before the abstract's headline number."),
    "S46": N_("A tech-news summary of the paper: handy, but check its counts against the paper."),
    "S49": N_("The court's judgment, read in translation: about who owns an AI image, not about "
              "training."),
    "S67": N_("The text of China's Deep Synthesis Provisions (2023): Article 14 on training data "
              "was in force before the dispute began; read it rather than a summary."),
}
DEMO_SOURCE = N_("memorisation demo in this notebook (scikit-learn digits)")
OTHER_GROUP = N_("law and courts")


class CopyRates(Protocol):
    """What :func:`compare_rates` reads from a result: a
    :class:`artethics.demos.memorise.MemoriseResult` or anything shaped like one."""

    @property
    def ns(self) -> Sequence[int]: ...

    @property
    def copy_rate(self) -> np.ndarray: ...


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


def _group(actor: str) -> str:
    """The timeline row of an actor (events.actor in English), in the current language."""
    return _(GROUPS.get(actor, OTHER_GROUP))


def timeline_frame(include_year_only: bool = False) -> pd.DataFrame:
    """Trik AI's dated events, sorted; events dated only to the year are left out unless asked."""
    import pandas as pd

    events = _load("events")
    frame = events[events["case_id"] == "trik"].copy()
    if not include_year_only:
        frame = frame[frame["date_precision"] != "year"]
    frame["date"] = pd.to_datetime(frame["date"])
    frame["label"] = [_(SHORT_LABELS[i]) if i in SHORT_LABELS else i for i in frame["event_id"]]
    frame["group"] = [_group(a) for a in frame["event_id"].map(english_actors())]
    frame["when"] = [when_text(d, p) for d, p in zip(frame["date"], frame["date_precision"],
                                                     strict=True)]
    columns = ["event_id", "date", "when", "date_precision", "group", "label", "event",
               "confidence", "source_ids"]
    return frame.sort_values(["date", "event_id"])[columns].reset_index(drop=True)


def when_text(date: str | datetime.date, precision: str) -> str:
    """A date written only as precisely as the sources allow: '2023', 'Aug 2023', '30 Jul 2023'.

    events.csv stores month- and year-precise dates as the 1st of the month or year, which
    would otherwise read as an exact day.
    """
    import pandas as pd

    from artethics.sources import format_date

    stamp = pd.Timestamp(date)
    if precision == "day":
        return format_date(stamp, "day")
    if precision == "month":
        return _("{date} (month only)").format(date=format_date(stamp, "month"))
    if precision == "year":
        return _("{date} (year only)").format(date=stamp.year)
    raise ValueError(_("unknown date_precision {precision}; events.csv uses 'day', 'month' or "
                       "'year'.").format(precision=repr(precision)))


# Drawn in the table only: the evidence post falls the day after the accusation and the
# two labels would overprint each other.
PLOT_SKIP = frozenset({"trik_evidence"})


def plot_timeline(frame: pd.DataFrame, title: str = "") -> Figure:
    """The case's events on a time axis (as lesson 03 draws them), without :data:`PLOT_SKIP`."""
    return lofter.plot_timeline(frame[~frame["event_id"].isin(PLOT_SKIP)], title, x_margin=0.1)


def reading_list(source_ids: str | Iterable[str]) -> pd.DataFrame:
    """:func:`artethics.tables.reading_list` with this lesson's reading notes."""
    return tables.reading_list(source_ids, {k: _(v) for k, v in READING_NOTES.items()})


def extraction_rate() -> float:
    """Strict extractions per Stable Diffusion generation (Carlini et al. 2023)."""
    from artethics.tables import fact_number

    return fact_number("carlini_strict") / fact_number("carlini_generations")


def compare_rates(result: CopyRates) -> pd.DataFrame:
    """The demo's mean copy rate at its smallest and largest n beside the paper's rate.

    ``result`` is a :class:`artethics.demos.memorise.MemoriseResult` (or anything with
    ``ns`` and a ``copy_rate`` array of shape (len(ns), repeats)).
    """
    import pandas as pd

    rows = [{"what": _("demo, n = {n} training images").format(n=n),
             "rate": float(result.copy_rate[i].mean()), "source_ids": _(DEMO_SOURCE)}
            for i, n in ((0, result.ns[0]), (len(result.ns) - 1, result.ns[-1]))]
    rows.append({"what": _("Stable Diffusion, strict test (Carlini et al. 2023)"),
                 "rate": extraction_rate(), "source_ids": "S45;S46"})
    frame = pd.DataFrame(rows)
    return frame.assign(per_million=frame["rate"] * 1e6)


def _percent(rate: float) -> str:
    """0.869 -> '86.9 %'; 5.37e-07 -> '0.000054 %' (two significant figures, no e-notation)."""
    import numpy as np

    if rate >= 0.001:
        return f"{100 * rate:.1f} %"
    return np.format_float_positional(100 * rate, precision=2, fractional=False) + " %"


def rates_table(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`compare_rates` written for reading: copies per million and as a percentage,
    with headers in the lesson's language."""
    import pandas as pd

    return pd.DataFrame({
        pgettext("column", "what"): table["what"],
        pgettext("column", "copies per million images"): [
            f"{v:,.2f}" if v < 100 else f"{v:,.0f}" for v in table["per_million"]],
        pgettext("column", "as a percentage"): [_percent(r) for r in table["rate"]],
        pgettext("column", "source"): table["source_ids"],
    })


def plot_rates(table: pd.DataFrame) -> Figure:
    """Log-scale bar chart of :func:`compare_rates` (rates span six orders of magnitude)."""
    from artethics import plotting

    ids = sources_of(table[~table["source_ids"].isin({DEMO_SOURCE, _(DEMO_SOURCE)})])
    labels = [w.replace(" (Carlini", "\n(Carlini").replace(", n =", ",\nn =")
              for w in table["what"]]
    if plotting.display_width("".join(labels)) > len("".join(labels)):  # Chinese labels
        labels = ["\n".join(plotting.wrap(label, 24)) for label in labels]
    fig = plotting.bar(labels, [round(v, 2) for v in table["per_million"]],
                       ylabel=_("copies per million images (log scale)"),
                       title=_("Copy rate: the toy demo against a real model"),
                       source_ids=ids, note=_("Demo: computed in this notebook."),
                       figsize=(9, 4.5))
    fig.axes[0].set_yscale("log")
    room_for_caption(fig, ids)
    return fig


def plot_gallery(result: MemoriseResult) -> Figure:
    """:func:`artethics.demos.memorise.plot_gallery` with its titles in the regular weight.

    The kit's CJK font ships one weight, so bold text makes matplotlib write a
    font-fallback notice to stderr when the figure is drawn.
    """
    from matplotlib.text import Text

    from artethics.demos import memorise

    fig = memorise.plot_gallery(result)
    for text in fig.findobj(Text):
        if text.get_fontweight() not in ("normal", 400):
            text.set_fontweight("normal")
    return fig
