"""Helpers for lesson 03_lofter: NetEase LOFTER's AI drawing feature (March 2023).

Tables come from data/ through :mod:`artethics.data`; nothing here prints or
plots on import. The notebook calls one function per cell::

    from artethics.cases import lofter
    lofter.timeline_frame()            # the day-by-day timeline, with sources
    lofter.key_figures("lofter")       # figures from facts.csv with their sources
    lofter.steps_after_first_reply()   # days from the first reply to each later step
    lofter.reading_list(["S19", "S22"])
"""

from __future__ import annotations

# Short labels for the timeline plot (the full wording stays in events.csv).
SHORT_LABELS = {
    "lofter_first_reply": "first reply",
    "lofter_second_reply": "avatars only + pledge",
    "lofter_creators_leave": "creators threaten to leave (incl. RC of 《大理寺日志》)",
    "lofter_withdrawn": "withdrawn",
    "lofter_protection_plan": "protection plan",
    "lofter_complaints_handled": "complaints handled",
    "lofter_apology": "apology letter",
    "artstation_first_complaints": "first complaints",
    "artstation_trending_full": "protest fills Trending",
    "artstation_faq": "FAQ: NoAI tag, no ban",
    "artstation_hides_posts": "protest posts hidden",
}
ACTOR_GROUPS = {"LOFTER": "网易 LOFTER (platform)", "LOFTER creators": "creators"}
TIMELINE_COLUMNS = ["date", "date_precision", "group", "label", "event", "confidence",
                    "source_ids"]


def _load(name: str):
    from artethics import data

    return data.load(name)


def split_ids(cell) -> list[str]:
    """'S19;S04' -> ['S19', 'S04'] (blank cells give [])."""
    return [part.strip() for part in str(cell or "").split(";") if part.strip()]


def _group(actor: str) -> str:
    return ACTOR_GROUPS.get(actor, "ArtStation and its artists")


def timeline_frame(case_ids=("lofter",)):
    """The events of the given cases, sorted by date then id, with a short label each."""
    import pandas as pd

    events = _load("events")
    unknown = sorted(set(case_ids) - set(events["case_id"]))
    if unknown:
        raise ValueError(f"events.csv has no case {unknown}; use ids from cases.csv, "
                         "e.g. 'lofter' or 'artstation'.")
    frame = events[events["case_id"].isin(case_ids)].copy()
    frame["date"] = pd.to_datetime(frame["date"])
    frame["label"] = [SHORT_LABELS.get(i, i) for i in frame["event_id"]]
    frame["group"] = [_group(a) for a in frame["actor"]]
    frame = frame.sort_values(["date", "event_id"]).reset_index(drop=True)
    return frame[["event_id", *TIMELINE_COLUMNS]]


def sources_of(frame) -> list[str]:
    """Every source id cited in ``frame['source_ids']``, sorted, without repeats."""
    return sorted({i for cell in frame["source_ids"] for i in split_ids(cell)})


def format_value(value, unit: str) -> str:
    """'10000', 'CNY' -> 'RMB 10,000'; '13000000', 'creators' -> '13,000,000 creators'."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{number:,.0f}" if number == int(number) else f"{number:,}"
    if unit == "CNY":
        return f"RMB {text}"
    if unit in ("", "date", "year") or unit != unit:
        return text
    return f"{text} {unit}"


def key_figures(case: str):
    """The case's facts as a table a student can read: claim, value, confidence, sources."""
    facts = _load("facts")
    frame = facts[facts["case_id"] == case]
    if frame.empty:
        raise ValueError(f"facts.csv has no rows for case {case!r}; use an id from cases.csv.")
    out = frame.assign(figure=[format_value(v, u) for v, u in zip(frame["value"],
                                                                   frame["unit"], strict=True)])
    out = out[["fact_id", "claim", "figure", "confidence", "status", "source_ids"]]
    return out.sort_values("fact_id").set_index("fact_id")


def fact_value(fact_id: str):
    """The value of one fact in facts.csv (a number where the value is numeric)."""
    facts = _load("facts")
    rows = facts.loc[facts["fact_id"] == fact_id, "value"]
    if rows.empty:
        raise KeyError(f"facts.csv has no fact {fact_id!r}")
    value = rows.iloc[0]
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return int(number) if number == int(number) else number


def steps_after_first_reply(first: str = "lofter_first_reply"):
    """Days from LOFTER's first reply to each of its later steps (platform events only)."""
    frame = timeline_frame(("lofter",))
    start = frame.loc[frame["event_id"] == first, "date"].iloc[0]
    steps = frame[(frame["group"] == ACTOR_GROUPS["LOFTER"]) & (frame["event_id"] != first)]
    return steps.assign(days_after=(steps["date"] - start).dt.days)[
        ["event_id", "label", "date", "days_after", "source_ids"]].reset_index(drop=True)


def reading_list(source_ids):
    """Title, outlet, date, language, reliability and address of the given sources."""
    sources = _load("sources")
    wanted = list(dict.fromkeys(source_ids))
    missing = sorted(set(wanted) - set(sources["source_id"]))
    if missing:
        raise ValueError(f"seeds/sources.csv has no source {missing}; check the ids.")
    frame = sources[sources["source_id"].isin(wanted)]
    columns = ["source_id", "title", "author_outlet", "date", "language", "reliability", "url"]
    frame = frame[columns].assign(url=[_address(u) for u in frame["url"]])
    return frame.sort_values("source_id").set_index("source_id")


NO_ADDRESS = "no stable address stored: search for the title and outlet"


def _address(url) -> str:
    """The source's URL, or a plain note where sources.csv holds none (never a blank cell)."""
    text = "" if url is None or url != url else str(url).strip()
    return text or NO_ADDRESS


# How to read each source critically (our own notes, shown in the reading list).
READING_NOTES = {
    "S04": "A student essay with a useful timeline but known slips: check each figure "
           "against the corrections table.",
    "S19": "A Chinese tech-news report written while events unfolded: good for what LOFTER "
           "said, not for whether it was true.",
    "S20": "Summarises LOFTER's own apology: the platform's account of itself, in its words.",
    "S21": "Reports the platform's plan as announced; it cannot tell you how well it worked.",
    "S22": "A trade report and the only source naming RC: one source, so treat that detail "
           "with care.",
    "S24": "An academic article: slower and more reflective, but its hashtag figure is not "
           "cross-checked.",
    "S57": "A crowd-written site: handy for the order of posts, checked here against news.",
    "S58": "A photography-news report: close to the artists' side of the protest.",
    "S59": "Games-industry news: reports what Epic Games announced and did.",
}
RESPONSE_STARTS = {"artstation": "artstation_trending_full", "lofter": "lofter_first_reply"}
PLATFORM_ACTORS = {"LOFTER", "ArtStation", "Epic Games / ArtStation"}


def reading_list_with_notes(source_ids):
    """:func:`reading_list` plus our note on how to read each source critically."""
    frame = reading_list(source_ids)
    return frame.assign(how_to_read=[READING_NOTES.get(i, "") for i in frame.index])


def response_days():
    """For ArtStation and LOFTER: each platform step, in days after the case's start event.

    The start is the day the protest filled ArtStation's Trending page, and LOFTER's
    first official reply (the earliest LOFTER date the kit's sources give).
    """
    frame = timeline_frame(tuple(RESPONSE_STARTS))
    events = _load("events").set_index("event_id")
    rows = []
    for case, start_id in RESPONSE_STARTS.items():
        start = events.loc[start_id, "date"]
        part = frame[(events.loc[frame["event_id"], "case_id"].to_numpy() == case)
                     & frame["event_id"].map(events["actor"]).isin(PLATFORM_ACTORS)
                     & (frame["event_id"] != start_id)]
        for _, row in part.iterrows():
            rows.append({"platform": "ArtStation" if case == "artstation" else "LOFTER",
                         "step": row["label"], "days_after_start": (row["date"] - start).days,
                         "source_ids": row["source_ids"]})
    import pandas as pd

    return pd.DataFrame(rows).sort_values(["platform", "days_after_start", "step"]
                                          ).reset_index(drop=True)


def law_table(case: str = "lofter", jurisdiction: str = "CN"):
    """How the kit's rules bear on the case in one jurisdiction (teaching, not advice)."""
    rules = _load("rules")
    applications = _load("applications")
    joined = applications[applications["case_id"] == case].merge(
        rules, on="rule_id", suffixes=("", "_rule"))
    joined = joined[joined["jurisdiction"] == jurisdiction]
    if joined.empty:
        raise ValueError(f"no rules for case {case!r} in {jurisdiction!r}; try 'CN', 'US', "
                         "'EU' or 'UK'.")
    columns = ["instrument", "article", "date_in_force", "issue", "points_to", "certainty",
               "source_ids"]
    return joined[columns].sort_values(["date_in_force", "instrument"]).reset_index(drop=True)



def _room_for_caption(fig, source_ids) -> None:
    """Re-lay the figure so a long source caption (drawn at the bottom) does not overlap."""
    from artethics import plotting

    width, height = fig.get_size_inches()
    chars_per_line = max(40, int(width * 17))
    lines = -(-len(plotting.caption(source_ids)) // chars_per_line)
    fig.tight_layout(rect=(0, min(0.45, (0.2 + 0.16 * lines) / height), 1, 1))


def plot_timeline(frame, title: str = ""):
    """The case's events on a time axis, one row per group, with room for the labels."""
    from artethics import plotting

    ids = sources_of(frame)
    fig = plotting.timeline(frame, label="label", group="group", title=title, source_ids=ids,
                            figsize=(10, 2.2 + 1.0 * frame["group"].nunique()))
    _room_for_labels(fig.axes[0], x_margin=0.08)
    _room_for_caption(fig, ids)
    return fig


def _room_for_labels(ax, x_margin: float) -> None:
    """Head-room above the rows and extra room on the right for the slanted event labels."""
    low, high = ax.get_ylim()
    ax.set_ylim(low, high + 0.9)
    ax.margins(x=x_margin)
    left, right = ax.get_xlim()
    ax.set_xlim(left, right + 0.08 * (right - left))


def plot_response_days(steps):
    """Bar chart of :func:`response_days`, one bar per platform step."""
    import textwrap

    from artethics import plotting

    labels = [f"{p}:\n" + "\n".join(textwrap.wrap(s, 16))
              for p, s in zip(steps["platform"], steps["step"], strict=True)]
    ids = sources_of(steps)
    fig = plotting.bar(labels, steps["days_after_start"].tolist(), ylabel="days after the start",
                       title="Platform steps, in days after each case began", source_ids=ids,
                       figsize=(10, 5))
    _style_by_platform(fig.axes[0], list(steps["platform"]))
    _room_for_caption(fig, ids)
    return fig


def _style_by_platform(ax, platforms: list[str]) -> None:
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
