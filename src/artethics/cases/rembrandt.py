"""Helpers for lesson 01_next_rembrandt (case id ``rembrandt``).

Tables come from data/ through :mod:`artethics.data`; nothing runs on import.
The notebook calls one function per cell::

    from artethics.cases import rembrandt
    rembrandt.key_figures(rembrandt.STYLE_AS_DATA)   # figures with their sources
    fig = rembrandt.plot_style_as_data()             # paintings -> fragments -> pixels
    rembrandt.people_behind_it()                     # who could be called the author
    rembrandt.essay_claims("rembrandt")              # what the essay (S04) says
    rembrandt.essay_checked("rembrandt")             # ... and what the check found
    rembrandt.reading_list(["S06", "S07"])           # titles, addresses, how to read them
    rembrandt.glossary(rembrandt.GLOSSARY_TERMS)     # key terms, with the Chinese term

``essay_claims``, ``essay_checked`` and ``people_behind_it`` take a case id and are
shared with lesson 02 (:mod:`artethics.cases.belamy`); the generic tables (key figures,
reading list, glossary) live in :mod:`artethics.tables`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from artethics import tables
from artethics.i18n import N_, _
from artethics.tables import key_figures, sources_of  # noqa: F401  (lesson API)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

#: The "style as data" figures, in the order the project's pipeline ran.
STYLE_AS_DATA = ("rembrandt_paintings_analysed", "rembrandt_fragments", "rembrandt_pixels",
                 "rembrandt_layers", "rembrandt_months", "rembrandt_render_hours",
                 "rembrandt_image_data")

#: Terms of data/glossary.csv the lesson uses, in the order a reader meets them.
GLOSSARY_TERMS = ("artificial intelligence (AI)", "training data", "human authorship",
                  "originality", "provenance")

#: One sentence per source on how to read it critically (our words). Marked with N_;
#: reading_notes() gives them in the current language.
READING_NOTES = {
    "S06": N_("The agency's own award entry: first-hand on what was done, but written to win "
              "a prize, so expect only the flattering side."),
    "S07": N_("A technology news report from the week of the unveiling: good on the process; "
              "ask whose press material its numbers came from."),
    "S08": N_("An arts magazine with a sceptical eye: weigh its tone against its facts."),
    "S09": N_("A second award entry by the agency: compare its figures with S06 and the news."),
    "S11": N_("A marketing-industry analysis: the source of the exact fragment count; check "
              "whether others round it."),
    "S13": N_("A city business-news page listing the partners and awards: reliable for who "
              "took part, silent on the ethics."),
    "S14": N_("A news report quoting the creative director: the team speaking about its own "
              "work, useful for how it framed authorship."),
    "S04": N_("A student essay: a handy overview, but it has factual slips, so check every "
              "figure against a primary source."),
    "S15": N_("A business magazine on the sale and the code dispute: gives the price with fees."),
    "S16": N_("A wire-agency report of the sale: quotes Obvious and Christie's; note who is "
              "speaking in each paragraph."),
    "S17": N_("A technology site's report from just before the sale: the main source for the "
              "code dispute; it gives Barrat's side in detail."),
    "S18": N_("An arts magazine's report: critical of the 'first' framing; read it as a "
              "critic's view."),
    "S65": N_("A news report naming the three members of Obvious: the collective's own account."),
    "S49": N_("A Chinese court judgment: it decides one dispute on its facts, and courts in other "
              "places may reason differently; read what choices the court counted as creative."),
    "S52": N_("A US appeal-court judgment on a work listed as made by a machine alone: binding in "
              "the US, not elsewhere; note exactly what question the court answered."),
    "S54": N_("The US Copyright Office's report on AI and authorship, read here through law-firm "
              "summaries: official guidance, not a court ruling, and summaries simplify."),
    "S69": N_("Hong Kong's statute on computer-generated works: the text of the law, which gives a "
              "test (who made the arrangements), not an answer for any one case."),
}


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


def plot_style_as_data() -> Figure:
    """Paintings, fragments and pixels on a log scale; returns the figure (prints nothing)."""
    from artethics import plotting

    ids = ("rembrandt_paintings_analysed", "rembrandt_fragments", "rembrandt_pixels")
    facts = _load("facts").set_index("fact_id").loc[list(ids)]
    labels = [_("paintings\nanalysed"), _("fragments\nmeasured"), _("pixels in the\nnew image")]
    fig = plotting.bar(labels, list(facts["value_num"]),
                       title=_("Style as data: from paintings to pixels"),
                       ylabel=_("count (log scale)"), source_ids=sources_of(facts),
                       note=_("Pixels: a lower bound ('more than')."), figsize=(7, 5))
    ax = fig.axes[0]
    ax.set_yscale("log")
    ax.set_ylim(1, 1e10)  # head room: the top bar's label stays inside the frame
    fig.tight_layout(rect=(0, 0.22, 1, 1))  # room for the long source caption
    for text, value in zip(ax.texts, facts["value_num"], strict=True):
        text.set_text(f"{value:,.0f}")
    return fig


def people_behind_it(case: str = "rembrandt") -> pd.DataFrame:
    """The case's stakeholders (who paid, who built, who advised, who watched)."""
    people = _load("stakeholders")
    people = people[people["case_id"] == case]
    if people.empty:
        raise ValueError(_("stakeholders.csv has no rows for case {case}; use an id from "
                           "cases.csv.").format(case=repr(case)))
    return people.set_index("stakeholder_id")[["name", "group", "interests", "source_ids"]]


def _case_corrections(case: str) -> pd.DataFrame:
    corrections = _load("corrections")
    rows = corrections[corrections["correction_id"].str.contains(f"_{case}_", regex=False)]
    if rows.empty:
        raise ValueError(_("corrections.csv has no rows for case {case}.").format(
            case=repr(case)))
    return rows.set_index("correction_id")


def essay_claims(case: str) -> pd.DataFrame:
    """What a checked source says about the case, before the verdicts are shown."""
    return _case_corrections(case)[["source_id", "claim_in_source"]]


def essay_checked(case: str) -> pd.DataFrame:
    """The same rows with the verified value, verdict and explanation."""
    return _case_corrections(case)[["claim_in_source", "verified_value", "verdict",
                                    "explanation", "verified_source_ids"]]


def reading_list(source_ids: str | Iterable[str]) -> pd.DataFrame:
    """:func:`artethics.tables.reading_list` with this lesson's reading notes (order kept)."""
    return tables.reading_list(source_ids, reading_notes())


def reading_notes() -> dict[str, str]:
    """READING_NOTES in the current language."""
    return {source_id: _(note) for source_id, note in READING_NOTES.items()}


def glossary(terms: str | Iterable[str] = GLOSSARY_TERMS) -> pd.DataFrame:
    """:func:`artethics.tables.glossary` of this lesson's terms."""
    return tables.glossary(terms)
