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
    "lofter_first_reply": "first reply: 'an avatar maker'",
    "lofter_second_reply": "avatars only; RMB pledge",
    "lofter_creators_leave": "creators threaten to leave (RC, 《大理寺日志》)",
    "lofter_withdrawn": "feature withdrawn",
    "lofter_protection_plan": "creator-protection plan",
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
    return frame[columns].sort_values("source_id").set_index("source_id")
