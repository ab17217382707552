"""Helpers for lesson 05_augmented_intelligence: Christie's *Augmented Intelligence* (2025).

Every figure comes from data/ through :mod:`artethics.data`; nothing here prints or
plots on import. The notebook calls one function per cell::

    from artethics.cases import christies
    christies.key_figures()            # the sale's figures from facts.csv and sales.csv
    christies.signature_counts()       # the open letter's dated counts (facts.csv)
    christies.plot_letter_and_sale()   # the letter's growth against the sale's dates
    christies.plot_lots()              # lots offered, sold, and AFP's weak lots
    christies.reading_list(["S01", "S36"])
    christies.glossary()               # the auction and AI terms the lesson uses
    christies.law_by_place()           # CN, HK, US, EU, UK rules on the case, review dates

The generic parts (key-figure table, reading list, glossary, fact lookup, the full-text
display ``readable``) live in :mod:`artethics.tables`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from artethics import tables
from artethics.i18n import N_, _
from artethics.tables import fact, sources_of, split_ids  # noqa: F401  (lesson API)

if TYPE_CHECKING:
    import pandas as pd
    from IPython.display import Markdown
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CASE = "christies"
LESSON = "05_augmented_intelligence"
# The rows of sales.csv and facts.csv the key-figures table shows, in teaching order.
KEY_FACTS = ("christies_lots_offered", "christies_lots_sold", "christies_sell_through",
             "christies_lots_weak", "christies_total", "christies_presale_estimate",
             "christies_young_bidders", "christies_new_registrants",
             "christies_letter_signatures", "christies_letter_organiser")
# Other reports' figures for a key fact, each a disputed row of its own in facts.csv.
ALTERNATIVES = {"christies_sell_through": ("christies_sell_through_alt",)}
# Labels and reading notes are marked with N_ and translated when a table or figure is built.
SHORT_LABELS = {
    "christies_announced": N_("sale announced"),
    "christies_letter_online": N_("open letter online"),
    "christies_sale_opens": N_("online sale opens"),
    "christies_sale_closes": N_("sale closes"),
}
POLL_KEYS = ("stance", "confidence")
# Terms of data/glossary.csv the lesson uses, in the order a reader meets them.
# The two price bases of sales.csv as words (key_figures).
PRICE_BASES = {"with_premium": N_("with premium"), "not_reported": N_("not reported")}
# facts.csv's value of christies_format (values of facts.csv are not in the data
# catalogue; this one is read out in a sentence, so it is translated here).
FORMAT_WORDS = {"online only, with an exhibition in New York":
                N_("online only, with an exhibition in New York")}
GLOSSARY_TERMS = ("open letter", "pre-sale estimate", "hammer price", "buyer's premium",
                  "sell-through rate", "training data", "general-purpose AI model")


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


def lot(lot_id: str) -> dict[str, Any]:
    """One row of sales.csv as a dict (artist, title, estimates, price, sources)."""
    sales = _load("sales").set_index("lot_id")
    if lot_id not in sales.index:
        raise KeyError(_("sales.csv has no lot {lot}; christies lots start with "
                         "'christies_'.").format(lot=repr(lot_id)))
    return {"lot_id": lot_id, **sales.loc[lot_id].to_dict()}


def lots() -> pd.DataFrame:
    """The sale's lots that sales.csv records (the top lots only), highest price first."""
    sales = _load("sales")
    frame = sales[sales["case_id"] == CASE]
    columns = ["lot_id", "artist", "title", "estimate_low", "estimate_high", "price",
               "price_basis", "source_ids"]
    return frame[columns].sort_values(["price", "lot_id"], ascending=[False, True]
                                      ).reset_index(drop=True)


def key_figures() -> pd.DataFrame:
    """The sale's key figures (facts.csv) and its top lots' prices (sales.csv), with their
    confidence, status and sources; the index is the fact or lot id."""
    import pandas as pd

    figures = tables.key_figures(KEY_FACTS)
    prices = pd.DataFrame([{"claim": _("Price: {artist}, {title}").format(
                                artist=row["artist"], title=row["title"]),
                            "figure": tables.format_value(row["price"], "USD"),
                            "confidence": "high",
                            "status": _("price basis {basis}").format(
                                basis=_price_basis(row["price_basis"])),
                            "source_ids": row["source_ids"]} for _i, row in lots().iterrows()],
                          index=pd.Index(lots()["lot_id"], name="fact_id"))
    return pd.concat([figures, prices])


def _price_basis(basis: str) -> str:
    """'with_premium' -> 'with premium', in the current language."""
    return _(PRICE_BASES[basis]) if basis in PRICE_BASES else basis.replace("_", " ")


def fact_notes(fact_ids: Iterable[str] = ("christies_sell_through",
                                          "christies_sell_through_alt",
                                          "christies_lots_weak",
                                          "christies_letter_signatures")) -> pd.DataFrame:
    """The notes facts.csv keeps on figures that need care (conflicts, who counted)."""
    facts = _load("facts").set_index("fact_id")
    return facts.loc[list(fact_ids), ["claim", "value", "unit", "status", "note",
                                      "source_ids"]]


def signature_counts() -> pd.DataFrame:
    """The open letter's signature counts that facts.csv dates, oldest first.

    Columns: date (the row's ``as_of``), signatures (the number as reported), wording
    (the source's ``qualifier``: 'about', 'nearly', ...), fact_id, source_ids. Counts
    without a date (``as_of`` empty) are left out: they cannot be placed on a timeline.
    """
    facts = _load("facts")
    rows = facts[(facts["case_id"] == CASE) & (facts["unit"] == "signatures")
                 & facts["as_of"].notna() & facts["value_num"].notna()]
    if len(rows) < 2:
        raise ValueError(_("facts.csv holds fewer than two dated signature counts (unit "
                           "'signatures' with an as_of date) for the christies case; the "
                           "lesson needs the first and the last."))
    frame = rows.assign(date=rows["as_of"], signatures=rows["value_num"].astype(int),
                        wording=rows["qualifier"])
    return frame[["date", "signatures", "wording", "fact_id", "source_ids"]].sort_values(
        ["date", "fact_id"]).reset_index(drop=True)


def other_reports(fact_id: str) -> pd.DataFrame:
    """The other figures reports give for ``fact_id`` (their own disputed rows in facts.csv)."""
    facts = _load("facts").set_index("fact_id")
    if fact_id not in facts.index:
        raise KeyError(_("facts.csv has no fact {id}; christies facts start with "
                         "'christies_'.").format(id=repr(fact_id)))
    ids = [i for i in ALTERNATIVES.get(fact_id, ()) if i in facts.index]
    return facts.loc[ids, ["claim", "value", "value_num", "unit", "status", "source_ids"]]


def sale_events() -> pd.DataFrame:
    """The sale's dated milestones (announcement, letter online, opening, close)."""
    events = _load("events")
    frame = events[events["event_id"].isin(list(SHORT_LABELS))].copy()
    frame["label"] = [_(SHORT_LABELS[i]) for i in frame["event_id"]]
    return frame[["event_id", "date", "label", "event", "source_ids"]].sort_values(
        ["date", "event_id"]).reset_index(drop=True)


def _caption(fig: Figure, ids: list[str]) -> None:
    fig.text(0.01, 0.01, _("Sources: {ids} (references below)").format(ids="; ".join(ids)),
             fontsize=8)


def _print_sources(ids: list[str]) -> None:
    from artethics.sources import cite

    for source_id in ids:
        print(cite(source_id))


def _draw_milestones(ax: Axes, milestones: pd.DataFrame, top: float) -> None:
    from artethics import plotting
    from artethics.sources import _month

    dates = dict(zip(milestones["event_id"], milestones["date"], strict=True))
    ax.axvspan(dates["christies_sale_opens"], dates["christies_sale_closes"],
               color=plotting.PALETTE[1], alpha=0.25, hatch="//", label=_("online sale"))
    for index, (_i, row) in enumerate(milestones.iterrows()):
        ax.axvline(row["date"], color="grey", linestyle=":", linewidth=1)
        when = _("{day} {month}").format(day=row["date"].day, month=_month(row["date"].month))
        ax.annotate(f"{row['label']}\n{when}", (row["date"], top),
                    xytext=(3, -4 - 26 * (index % 2)), textcoords="offset points",
                    fontsize=8, va="top")


def plot_letter_and_sale() -> None:
    """The letter's dated signature counts against the sale's dates; references printed."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import pandas as pd

    from artethics import plotting

    plotting.setup()
    counts, milestones = signature_counts(), sale_events()
    look = plotting.style(0)
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.plot(counts["date"], counts["signatures"], color=look["color"], marker=look["marker"],
            markersize=8, linestyle="--",
            label=_("signatures reported (dashed: no counts between)"))
    for _i, row in counts.iterrows():
        ax.annotate(_wording(row["wording"], row["signatures"]), (row["date"], row["signatures"]),
                    xytext=(0, -18), textcoords="offset points", ha="center", fontsize=9)
    top = float(counts["signatures"].max()) * 1.35
    _draw_milestones(ax, milestones, top)
    ax.set_ylim(0, top)
    ax.set_xlim(milestones["date"].min() - pd.Timedelta(days=3),
                counts["date"].max() + pd.Timedelta(days=3))
    ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=(1, 8, 15, 22)))
    # A strftime pattern: Chinese writes %Y年%m月%d日.
    ax.xaxis.set_major_formatter(mdates.DateFormatter(_("%d %b %Y")))
    ax.set_ylabel(_("signatures on the open letter"))
    ax.set_title(_("The open letter grew while the sale was prepared and held"))
    ax.legend(loc="lower right", fontsize=8)
    ids = sources_of(pd.concat([counts, milestones]))
    _caption(fig, ids)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.show()
    _print_sources(ids)


def _wording(wording: object, count: int) -> str:
    """'about 6,000': a count with the source's qualifier, in the current language."""
    if isinstance(wording, str) and wording.strip():
        return tables._qualified(wording.strip(), f"{count:,}")
    return f"{wording} {count:,}"


def lot_counts() -> pd.DataFrame:
    """Lots offered, sold, and counted as weak by AFP, with the source of each count."""
    import pandas as pd

    facts = _load("facts").set_index("fact_id")
    labels = {"christies_lots_offered": _("offered"), "christies_lots_sold": _("sold"),
              "christies_lots_weak": _("no qualifying bid or\nbelow low estimate (AFP)")}
    return pd.DataFrame([{"lots": label, "count": int(facts.loc[f, "value_num"]),
                          "source_ids": facts.loc[f, "source_ids"]}
                         for f, label in labels.items()])


def plot_lots() -> None:
    """Bar chart of :func:`lot_counts`; references printed under it."""
    import matplotlib.pyplot as plt

    from artethics import plotting

    counts = lot_counts()
    fig = plotting.bar(counts["lots"].tolist(), counts["count"].tolist(),
                       title=_("{n} lots offered: how many sold, and how many did "
                               "poorly").format(n=counts["count"].max()),
                       ylabel=_("number of lots"), figsize=(7, 3.6))
    fig.axes[0].set_ylim(0, counts["count"].max() * 1.15)
    ids = sources_of(counts)
    _caption(fig, ids)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.show()
    _print_sources(ids)


def letter_corrections() -> pd.DataFrame:
    """The corrections table's rows on this sale: what S01 says, and the checked value."""
    corrections = _load("corrections")
    rows = corrections[corrections["correction_id"].str.contains(CASE)]
    return rows[["correction_id", "source_id", "claim_in_source", "verified_value",
                 "verdict", "verified_source_ids"]].sort_values("correction_id"
                                                                ).set_index("correction_id")


# Hong Kong and Asia (S01, S05) and mainland China: the Kling AI forum (S62, S63; the spun
# copy S03), Li v. Liu (S49, S50) and the Interim Measures (S29, S30).
ASIA_SOURCES = ("S01", "S05", "S03", "S62", "S63", "S49", "S50", "S29", "S30")


def voices_from_asia(source_ids: Collection[str] = ASIA_SOURCES) -> pd.DataFrame:
    """The case's arguments that draw on the Hong Kong, Asia and mainland China sources."""
    arguments = _load("arguments")
    case = arguments[arguments["case_id"] == CASE]
    mask = [bool(set(split_ids(cell)) & set(source_ids)) for cell in case["source_ids"]]
    return case.loc[mask, ["argument_id", "stance", "claim", "principle", "lens", "source_ids"]
                    ].sort_values(["stance", "argument_id"]).set_index("argument_id")


JURISDICTION_ORDER = ("CN", "HK", "US", "EU", "UK")


def short_status(status: str) -> str:
    """The first clause of a rule's status: 'proposed, not in force', 'first-instance
    judgment', 'in force', 'final', 'applies from 2 Aug 2025'."""
    return re.split(r"[:;：；（]| \(", status)[0].strip()


def law_by_place(case: str = CASE) -> pd.DataFrame:
    """How each jurisdiction's rules bear on the case (teaching, not advice): one row per
    application, places in the order CN, HK, US, EU, UK, with the rule's status, its date
    and the date the kit last reviewed it. A proposal's status says it is not in force."""
    import pandas as pd

    from artethics.sources import format_date

    applications = _load("applications")
    rows = applications[applications["case_id"] == case]
    if rows.empty:
        raise ValueError(_("no applications for case {case}; use a main case such as "
                           "{example}.").format(case=repr(case), example=repr(CASE)))
    joined = rows.merge(_load("rules"), on="rule_id", suffixes=("", "_rule"))
    joined["status"] = joined["status"].map(short_status)
    joined["date"] = [format_date(when, "day").replace(_("n.d."), "—")
                      for when in joined["date_in_force"]]
    joined["last_reviewed"] = [format_date(when, "day") for when in joined["last_reviewed"]]
    joined["place"] = pd.Categorical(joined["jurisdiction"], JURISDICTION_ORDER, ordered=True)
    joined = joined.sort_values(["place", "application_id"])
    columns = ["jurisdiction", "instrument", "article", "status", "date", "issue", "points_to",
               "certainty", "last_reviewed", "source_ids"]
    return joined[columns].set_index("jurisdiction")


# How to read each source critically (our own notes, shown in the reading list).
READING_NOTES = {
    "S01": N_("A feature that leads with Hong Kong artists who like AI; it rounds the sale's "
              "figures and overstates the letter's count. Good for their views, not for numbers."),
    "S05": N_("A forum summary of another article, with opinion and thin sourcing: a pointer "
              "to a debate, not evidence of it."),
    "S31": N_("A trade magazine close to the digital-art market; reports Christie's own "
              "results, so ask who supplied each number."),
    "S32": N_("A news-agency report that counted weak lots itself: a useful check on the "
              "auction house's framing."),
    "S33": N_("The auction house's own pages: primary for what was offered, but written to sell."),
    "S34": N_("Copies of Christie's results release: the house's figures, reported second-hand."),
    "S35": N_("An early report on the letter, while signatures were still being added."),
    "S36": N_("Reports the final count and Christie's reply side by side; a copy, not the "
              "original page."),
    "S49": N_("A first-instance judgment read through a translation: persuasive in China, not "
              "binding, and about one image made with many choices."),
    "S62": N_("A Hong Kong daily's report on the festival: reliable on dates and organisers; "
              "the forum's speakers had a stake in the tools they discussed."),
}


def reading_list(source_ids: str | Iterable[str] = tuple(READING_NOTES)) -> pd.DataFrame:
    """:func:`artethics.tables.reading_list` with this lesson's reading notes."""
    return tables.reading_list(source_ids, {k: _(v) for k, v in READING_NOTES.items()})


def glossary(terms: str | Iterable[str] = GLOSSARY_TERMS) -> pd.DataFrame:
    """:func:`artethics.tables.glossary` of this lesson's terms."""
    return tables.glossary(terms)


def poll_args(answer: object, name: str = "poll_before") -> dict[str, Any]:
    """A headless poll answer ``{"stance": ..., "confidence": ...}`` as keyword arguments.

    None (the live widget) gives {}. Anything else that is not such a dict raises a
    ValueError saying what to pass instead.
    """
    if answer is None:
        return {}
    if not isinstance(answer, dict):
        raise ValueError(_("{name} must be a dict such as {example}, or None for the live "
                           "widget; got {type}.").format(
            name=name, example="{'stance': 'against', 'confidence': 3}",
            type=type(answer).__name__))
    keys = POLL_KEYS + (("reason",) if name == "poll_after" else ())
    unknown = sorted(set(map(str, answer)) - set(keys))
    if unknown or "stance" not in answer:
        if name == "poll_after":
            message = _("{name} needs the key 'stance' (and may have 'confidence' and "
                        "'reason', what moved you); unknown keys: {unknown}.")
        else:
            message = _("{name} needs the key 'stance' (and may have 'confidence'); unknown "
                        "keys: {unknown}.")
        raise ValueError(message.format(name=name, unknown=unknown or _("none")))
    return {key: answer[key] for key in keys if key in answer}


def sale_in_numbers() -> Markdown:
    """The sale in three sentences, every figure read from data/ (Markdown)."""
    import pandas as pd
    from IPython.display import Markdown

    from artethics.sources import format_date
    from artethics.text import escape_markdown

    events = sale_events().set_index("event_id")
    opens, closes = events.loc["christies_sale_opens", "date"], events.loc[
        "christies_sale_closes", "date"]
    top = lots().iloc[0]
    used = ("christies_sale_days", "christies_format", "christies_lots_offered",
            "christies_lots_sold", "christies_total", "christies_presale_estimate")
    facts = _load("facts").set_index("fact_id").loc[list(used)]
    cited = sources_of(pd.concat([facts, events.loc[["christies_sale_opens",
                                                     "christies_sale_closes"]],
                                  lots().iloc[:1]]))
    form = fact("christies_format")
    text = _(
        "**The sale in numbers.** Christie's online sale ran from {opens} to {closes} "
        "({days} days; format: {format}). Of {offered} lots offered, {sold} sold, for a "
        "total of US${total} including fees, against a pre-sale estimate of about "
        "US${estimate}. The top lot was {artist}'s *{title}* at US${price}. "
        "Sources: {sources}."
    ).format(
        opens=format_date(opens, "day"), closes=format_date(closes, "day"),
        days=fact("christies_sale_days"),
        format=_(FORMAT_WORDS[form]) if form in FORMAT_WORDS else form,
        offered=fact("christies_lots_offered"), sold=fact("christies_lots_sold"),
        total=f"{fact('christies_total'):,}",
        estimate=f"{fact('christies_presale_estimate'):,}",
        artist=top["artist"], title=top["title"], price=f"{top['price']:,.0f}",
        sources="; ".join(cited))
    return Markdown(escape_markdown(text))


def average_without_top_lot() -> dict[str, int]:
    """The average sold lot with and without the top lot (a skew check), in US dollars."""
    total, sold = tables.fact_number("christies_total"), tables.fact_number("christies_lots_sold")
    top = float(lots()["price"].max())
    return {_("all sold lots"): round(total / sold),
            _("sold lots except the top one"): round((total - top) / (sold - 1))}
