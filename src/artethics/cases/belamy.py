"""Helpers for lesson 02_edmond_de_belamy (case id ``belamy``).

Tables come from data/ through :mod:`artethics.data`; nothing runs on import::

    from artethics.cases import belamy
    belamy.key_figures(belamy.SALE_FIGURES)   # figures with their sources
    belamy.lot()                              # the sales.csv row, estimate and price
    fig = belamy.plot_price()                 # estimate range against the price paid
    fig = belamy.plot_timeline()              # the code dispute and the sale
    belamy.glossary(belamy.GLOSSARY_TERMS)    # key terms, with the Chinese term

The essay check and the people table are shared with :mod:`artethics.cases.rembrandt`
(which also holds the reading notes of both lessons); the generic tables live in
:mod:`artethics.tables`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from artethics import tables
from artethics.cases.rembrandt import (  # noqa: F401  (re-exported for the notebook)
    READING_NOTES,
    essay_checked,
    essay_claims,
    people_behind_it,
    reading_notes,
)
from artethics.i18n import N_, _
from artethics.tables import key_figures, sources_of  # noqa: F401  (lesson API)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

SALE_FIGURES = ("belamy_price", "belamy_estimate_low", "belamy_estimate_high",
                "belamy_bidders")
MAKING_FIGURES = ("belamy_training_portraits", "belamy_family_portraits",
                  "belamy_obvious_members", "belamy_barrat_age")
#: Terms of data/glossary.csv the lesson uses, in the order a reader meets them.
GLOSSARY_TERMS = ("GAN (generative adversarial network)", "training data",
                  "pre-sale estimate", "hammer price", "buyer's premium", "human authorship",
                  "provenance")
# Marked with N_; shown with _() (timeline_frame).
SHORT_LABELS = {"belamy_barrat_dispute": N_("reports: Barrat's code"),
                "belamy_sale": N_("sold at Christie's New York")}


def reading_list(source_ids: str | Iterable[str]) -> pd.DataFrame:
    """:func:`artethics.tables.reading_list` with the reading notes (order kept)."""
    return tables.reading_list(source_ids, reading_notes())


def glossary(terms: str | Iterable[str] = GLOSSARY_TERMS) -> pd.DataFrame:
    """:func:`artethics.tables.glossary` of this lesson's terms."""
    return tables.glossary(terms)


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


def lot(lot_id: str = "belamy_portrait") -> pd.DataFrame:
    """The lot's row of sales.csv (artist, title, estimates, price and its basis, sources)."""
    sales = _load("sales").set_index("lot_id")
    if lot_id not in sales.index:
        raise KeyError(_("sales.csv has no lot {lot}; the Belamy lot is "
                         "'belamy_portrait'.").format(lot=repr(lot_id)))
    return sales.loc[[lot_id], ["artist", "title", "estimate_low", "estimate_high", "price",
                                "price_basis", "currency", "source_ids"]]


def plot_price(lot_id: str = "belamy_portrait") -> Figure:
    """Low and high estimate against the price paid; returns the figure (prints nothing)."""
    from artethics import plotting

    row = lot(lot_id).iloc[0]
    fig = plotting.bar([_("low estimate"), _("high estimate"), _("price paid\n(with premium)")],
                       [row["estimate_low"], row["estimate_high"], row["price"]],
                       title=_("Estimate against price"), ylabel=f"{row['currency']}",
                       source_ids=[row["source_ids"]], figsize=(6.5, 4.2))
    ax = fig.axes[0]
    for text, value in zip(ax.texts, (row["estimate_low"], row["estimate_high"], row["price"]),
                           strict=True):
        text.set_text(f"{value:,.0f}")
    ax.set_ylim(0, 1.12 * max(row["estimate_high"], row["price"]))  # labels inside the frame
    ax.ticklabel_format(axis="y", style="plain")
    ax.yaxis.set_major_formatter("{x:,.0f}")
    fig.tight_layout(rect=(0, 0.12, 1, 1))
    return fig


def timeline_frame(case: str = "belamy") -> pd.DataFrame:
    """The case's events with short labels, oldest first."""
    events = _load("events")
    frame = events[events["case_id"] == case].sort_values(["date", "event_id"])
    return frame.assign(label=[_(SHORT_LABELS[i]) if i in SHORT_LABELS else i
                               for i in frame["event_id"]])[
        ["event_id", "date", "label", "event", "actor", "source_ids"]].set_index("event_id")


def plot_timeline(case: str = "belamy") -> Figure:
    """The events on a time axis; returns the figure (prints nothing)."""
    from artethics import plotting

    frame = timeline_frame(case).reset_index()
    ids = sources_of(frame)
    fig = plotting.timeline(frame, label="label", title=_("The code dispute and the sale"),
                            source_ids=ids, figsize=(7, 3.6))
    import matplotlib.dates as mdates
    import pandas as pd

    ax = fig.axes[0]
    ax.set_yticks([])
    ax.set_xlim(frame["date"].min() - pd.Timedelta(days=1),
                frame["date"].max() + pd.Timedelta(days=3))
    ax.xaxis.set_major_locator(mdates.DayLocator())
    # A strftime pattern: Chinese writes the month as a number (%m月%d日).
    ax.xaxis.set_major_formatter(mdates.DateFormatter(_("%d %b\n%Y")))
    fig.tight_layout(rect=(0, 0.2, 1, 1))  # room for the source caption
    return fig
