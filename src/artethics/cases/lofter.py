"""Helpers for lesson 03_lofter: NetEase LOFTER's AI drawing feature (March 2023).

Tables come from data/ through :mod:`artethics.data`; nothing here prints or
plots on import. The notebook calls one function per cell::

    from artethics.cases import lofter
    lofter.timeline_frame()            # the day-by-day timeline, with sources
    lofter.key_figures("lofter")       # figures from facts.csv with their sources
    lofter.steps_after_first_reply()   # days from the first reply to each later step
    lofter.reading_list(["S19", "S22"])  # with a note on how to read each

The generic tables (key figures, reading list, fact lookup) live in :mod:`artethics.tables`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from artethics import tables
from artethics.cases import english_actors
from artethics.cases._layout import room_for_caption, room_for_labels
from artethics.i18n import N_, _
from artethics.tables import NO_ADDRESS, key_figures, sources_of  # noqa: F401  (lesson API)
from artethics.tables import fact as fact_value  # noqa: F401  (lesson API)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Short labels for the timeline plot (the full wording stays in events.csv). Marked with
# N_ here and translated when a frame is built, like READING_NOTES and the groups.
SHORT_LABELS = {
    "lofter_first_reply": N_("first reply"),
    "lofter_second_reply": N_("avatars only + pledge"),
    "lofter_creators_leave": N_("creators threaten to leave (incl. RC of 《大理寺日志》)"),
    "lofter_withdrawn": N_("withdrawn"),
    "lofter_protection_plan": N_("protection plan"),
    "lofter_complaints_handled": N_("complaints handled"),
    "lofter_apology": N_("apology letter"),
    "artstation_first_complaints": N_("first complaints"),
    "artstation_trending_full": N_("protest fills Trending"),
    "artstation_faq": N_("FAQ: NoAI tag, no ban"),
    "artstation_hides_posts": N_("protest posts hidden"),
}
ACTOR_GROUPS = {"LOFTER": N_("网易 LOFTER (platform)"), "LOFTER creators": N_("creators")}
OTHER_GROUP = N_("ArtStation and its artists")
TIMELINE_COLUMNS = ["date", "date_precision", "group", "label", "event", "confidence",
                    "source_ids"]


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


def _group(actor: str) -> str:
    """The timeline row of an actor (events.actor in English), in the current language."""
    return _(ACTOR_GROUPS.get(actor, OTHER_GROUP))


def timeline_frame(case_ids: Collection[str] = ("lofter",)) -> pd.DataFrame:
    """The events of the given cases, sorted by date then id, with a short label each."""
    import pandas as pd

    events = _load("events")
    unknown = sorted(set(case_ids) - set(events["case_id"]))
    if unknown:
        raise ValueError(_("events.csv has no case {cases}; use ids from cases.csv, e.g. "
                           "'lofter' or 'artstation'.").format(cases=unknown))
    frame = events[events["case_id"].isin(case_ids)].copy()
    frame["date"] = pd.to_datetime(frame["date"])
    frame["label"] = [_(SHORT_LABELS[i]) if i in SHORT_LABELS else i for i in frame["event_id"]]
    frame["group"] = [_group(a) for a in frame["event_id"].map(english_actors())]
    frame = frame.sort_values(["date", "event_id"]).reset_index(drop=True)
    return frame[["event_id", *TIMELINE_COLUMNS]]


def steps_after_first_reply(first: str = "lofter_first_reply") -> pd.DataFrame:
    """Days from LOFTER's first reply to each of its later steps (platform events only)."""
    frame = timeline_frame(("lofter",))
    start = frame.loc[frame["event_id"] == first, "date"].iloc[0]
    steps = frame[(frame["group"] == _group("LOFTER")) & (frame["event_id"] != first)]
    return steps.assign(days_after=(steps["date"] - start).dt.days)[
        ["event_id", "label", "date", "days_after", "source_ids"]].reset_index(drop=True)


# How to read each source critically (our own notes, shown in the reading list; marked
# with N_, translated by reading_list).
READING_NOTES = {
    "S04": N_("A student essay with a useful timeline but known slips: check each figure "
              "against the corrections table."),
    "S19": N_("A Chinese tech-news report written while events unfolded: good for what LOFTER "
              "said, not for whether it was true."),
    "S20": N_("Summarises LOFTER's own apology: the platform's account of itself, in its words."),
    "S21": N_("Reports the platform's plan as announced; it cannot tell you how well it worked."),
    "S22": N_("A trade report and the only source naming RC: one source, so treat that detail "
              "with care."),
    "S24": N_("An academic article: slower and more reflective, but its hashtag figure is not "
              "cross-checked."),
    "S57": N_("A crowd-written site: handy for the order of posts, checked here against news."),
    "S58": N_("A photography-news report: close to the artists' side of the protest."),
    "S59": N_("Games-industry news: reports what Epic Games announced and did."),
    "S67": N_("The text of China's Deep Synthesis Provisions (2023): read Articles 14 and 16-18 "
              "yourself rather than a summary of them."),
}
RESPONSE_STARTS = {"artstation": "artstation_trending_full", "lofter": "lofter_first_reply"}
PLATFORM_ACTORS = {"LOFTER", "ArtStation", "Epic Games / ArtStation"}


def reading_list(source_ids: str | Iterable[str]) -> pd.DataFrame:
    """:func:`artethics.tables.reading_list` with this lesson's reading notes."""
    return tables.reading_list(source_ids, {k: _(v) for k, v in READING_NOTES.items()})


def response_days() -> pd.DataFrame:
    """For ArtStation and LOFTER: each platform step, in days after the case's start event.

    The start is the day the protest filled ArtStation's Trending page, and LOFTER's
    first official reply (the earliest LOFTER date the kit's sources give).
    """
    frame = timeline_frame(tuple(RESPONSE_STARTS))
    events = _load("events").set_index("event_id")
    by_platform = frame["event_id"].map(english_actors()).isin(PLATFORM_ACTORS)
    rows = []
    for case, start_id in RESPONSE_STARTS.items():
        start = events.loc[start_id, "date"]
        part = frame[(events.loc[frame["event_id"], "case_id"].to_numpy() == case)
                     & by_platform
                     & (frame["event_id"] != start_id)]
        for _index, row in part.iterrows():
            rows.append({"platform": "ArtStation" if case == "artstation" else "LOFTER",
                         "step": row["label"], "days_after_start": (row["date"] - start).days,
                         "source_ids": row["source_ids"]})
    import pandas as pd

    return pd.DataFrame(rows).sort_values(["platform", "days_after_start", "step"]
                                          ).reset_index(drop=True)


def law_table(case: str = "lofter", jurisdiction: str = "CN") -> pd.DataFrame:
    """How the kit's rules bear on the case in one jurisdiction (teaching, not advice),
    with the date the kit last reviewed each rule (``last_reviewed``). A proposal (such as
    Hong Kong's text-and-data-mining exception) has no date in force and sorts last."""
    rules = _load("rules")
    applications = _load("applications")
    joined = applications[applications["case_id"] == case].merge(
        rules, on="rule_id", suffixes=("", "_rule"))
    joined = joined[joined["jurisdiction"] == jurisdiction]
    if joined.empty:
        raise ValueError(_("no rules for case {case} in {jurisdiction}; try 'CN', 'HK', "
                           "'US', 'EU' or 'UK'.").format(case=repr(case),
                                                         jurisdiction=repr(jurisdiction)))
    columns = ["instrument", "article", "date_in_force", "issue", "points_to", "certainty",
               "last_reviewed", "source_ids"]
    return joined[columns].sort_values(["date_in_force", "instrument"]).reset_index(drop=True)


def plot_timeline(frame: pd.DataFrame, title: str = "", x_margin: float = 0.08) -> Figure:
    """The case's events on a time axis, one row per group, with room for the labels
    (``x_margin``: the share of the time axis left free at each end)."""
    from artethics import plotting

    ids = sources_of(frame)
    fig = plotting.timeline(frame, label="label", group="group", title=title, source_ids=ids,
                            figsize=(10, 2.2 + 1.0 * frame["group"].nunique()))
    room_for_labels(fig.axes[0], x_margin=x_margin)
    room_for_caption(fig, ids)
    return fig


def plot_response_days(steps: pd.DataFrame) -> Figure:
    """Bar chart of :func:`response_days`, one bar per platform step."""
    from artethics import plotting

    labels = [f"{p}:\n" + "\n".join(plotting.wrap(s, 16))
              for p, s in zip(steps["platform"], steps["step"], strict=True)]
    ids = sources_of(steps)
    fig = plotting.bar(labels, steps["days_after_start"].tolist(),
                       ylabel=_("days after the start"),
                       title=_("Platform steps, in days after each case began"), source_ids=ids,
                       figsize=(10, 5))
    _style_by_platform(fig.axes[0], list(steps["platform"]))
    room_for_caption(fig, ids)
    return fig


def _style_by_platform(ax: Axes, platforms: list[str]) -> None:
    """One colour *and* hatch per platform (not per bar), with a legend and head-room."""
    from matplotlib.patches import Patch

    from artethics import plotting

    names = sorted(set(platforms))
    looks = {name: plotting.style(i) for i, name in enumerate(names)}
    for patch, platform in zip(ax.patches, platforms, strict=True):
        patch.set_facecolor(looks[platform]["color"])
        patch.set_hatch(looks[platform]["hatch"])
    ax.legend(handles=[Patch(facecolor=looks[n]["color"], hatch=looks[n]["hatch"],
                             edgecolor="black", label=n) for n in names], loc="upper center")
    low, high = ax.get_ylim()
    ax.set_ylim(low, high * 1.1)
