"""Case-specific helpers that keep the lesson notebooks thin (one module per case)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def english_actors() -> pd.Series:
    """events.actor in English, by event id, whatever the lesson's language: the timelines
    put each event on a row by its English actor (a Chinese lesson loads Chinese names)."""
    from artethics import data

    return data.load_english("events").set_index("event_id")["actor"]
