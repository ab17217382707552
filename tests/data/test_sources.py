"""artethics.sources: citations are short, deterministic and fail clearly."""

from __future__ import annotations

import pytest

from artethics.data import load
from artethics.sources import cite, format_date, source, sources_of


def test_cite_one_source_with_day_precision(kit):
    assert cite("S01", root=kit) == "Source: [S01] Outlet A, 'Fixture report one', 7 Mar 2023"


def test_cite_is_order_independent_and_deduplicated(kit):
    line = cite("S02", "S01;S02", root=kit)
    assert line == cite("S01", "S02", root=kit)
    assert line == ("Sources: [S01] Outlet A, 'Fixture report one', 7 Mar 2023; "
                    "[S02] Author B, [Fixture essay], 2023")


def test_cite_rejects_unknown_and_empty(kit):
    with pytest.raises(KeyError, match="S99"):
        cite("S99", root=kit)
    with pytest.raises(ValueError, match="at least one"):
        cite(root=kit)


def test_source_returns_a_plain_record(kit):
    entry = source("S02", root=kit)
    assert entry["author_outlet"] == "Author B" and entry["date_precision"] == "year"
    assert entry["date"].year == 2023


def test_format_date_follows_precision():
    from datetime import date
    when = date(2023, 8, 15)
    assert [format_date(when, p) for p in ("day", "month", "year")] == [
        "15 Aug 2023", "Aug 2023", "2023"]
    assert format_date(None, "") == "n.d."


def test_sources_of_collects_the_ids_a_slice_cites(kit):
    events = load("events", root=kit)
    assert sources_of(events) == ["S01", "S02"]
    assert sources_of(events.iloc[:1]) == ["S01"]
    with pytest.raises(ValueError, match="no source_ids"):
        sources_of(events[["event_id"]])


def test_real_register_cites_the_verge():
    assert cite("S07").endswith("5 Apr 2016")
