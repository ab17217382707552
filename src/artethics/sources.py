"""The source register (``seeds/sources.csv``) and short citations.

>>> from artethics.sources import cite
>>> cite("S52")
"Source: [S52] U.S. Court of Appeals ..., 'Thaler v. Perlmutter, ...', 18 Mar 2025"

A title in square brackets is our own description of an untitled or long-titled
item and is printed without quotation marks.

Citations are deterministic: ids are de-duplicated and sorted by number, so
``cite("S07", "S01")`` and ``cite("S01;S07")`` give the same line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from artethics import data
from artethics.i18n import _, pgettext

__all__ = ["cite", "source", "sources_of", "split_ids", "format_date"]

# English short names; _month() gives the current language's (the month's number in
# Chinese).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ID_COLUMNS = ("source_ids", "verified_source_ids", "source_id")


def _register(root: str | Path | None) -> pd.DataFrame:
    return data.load("sources", root).set_index("source_id")


def split_ids(cell) -> list[str]:
    """One table cell of source ids, 'S31;S34' -> ['S31', 'S34'], in the order written
    (a blank, None or NaN cell gives [])."""
    if not isinstance(cell, str):
        return []
    return [part.strip() for part in cell.split(";") if part.strip()]


def _by_number(ids) -> list[str]:
    return sorted(set(ids), key=lambda s: (len(s), s))


def _split(ids: Iterable[str]) -> list[str]:
    out = []
    for item in ids:
        if not isinstance(item, str):
            raise TypeError(_("source ids must be strings such as 'S07', not {item}").format(
                item=repr(item)))
        out += split_ids(item)
    return _by_number(out)


def source(source_id: str, root: str | Path | None = None) -> dict:
    """One register entry as a plain dict (the date as a ``datetime.date`` or None)."""
    register = _register(root)
    if source_id not in register.index:
        raise KeyError(_("unknown source id {id}: it is not in seeds/sources.csv (ids look "
                         "like 'S07')").format(id=repr(source_id)))
    entry = register.loc[source_id].to_dict()
    entry["date"] = None if pd.isna(entry["date"]) else entry["date"].date()
    return {"source_id": source_id, **entry}


def format_date(when, precision: str) -> str:
    """'5 Apr 2016' (day), 'Apr 2016' (month), '2016' (year) or 'n.d.' when unknown
    (in the current language: 2016年4月5日 in Chinese)."""
    if when is None or pd.isna(when):
        return _("n.d.")
    month = _month(when.month)
    if precision == "day":
        return _("{day} {month} {year}").format(day=when.day, month=month, year=when.year)
    if precision == "month":
        return _("{month} {year}").format(month=month, year=when.year)
    return str(when.year)


def _month(number: int) -> str:
    """A month's short name ('Apr'), or what the current language writes for it."""
    # The literal calls let the extractor see each month with its context.
    names = {1: pgettext("month", "Jan"), 2: pgettext("month", "Feb"),
             3: pgettext("month", "Mar"), 4: pgettext("month", "Apr"),
             5: pgettext("month", "May"), 6: pgettext("month", "Jun"),
             7: pgettext("month", "Jul"), 8: pgettext("month", "Aug"),
             9: pgettext("month", "Sep"), 10: pgettext("month", "Oct"),
             11: pgettext("month", "Nov"), 12: pgettext("month", "Dec")}
    return names[number]


def _one(entry: dict) -> str:
    when = format_date(entry["date"], entry["date_precision"])
    title = entry["title"]
    if not title.startswith("["):
        title = pgettext("quoted title", "'{title}'").format(title=title)
    return _("[{id}] {author}, {title}, {date}").format(
        id=entry["source_id"], author=entry["author_outlet"], title=title, date=when)


def cite(*source_ids: str, root: str | Path | None = None) -> str:
    """A one-line citation for the given ids (each may also be an 'S01;S07' list)."""
    ids = _split(source_ids)
    if not ids:
        raise ValueError(_("cite() needs at least one source id, e.g. cite('S07')"))
    parts = [_one(source(sid, root)) for sid in ids]
    if len(parts) == 1:
        return _("Source: {sources}").format(sources=parts[0])
    return _("Sources: {sources}").format(sources=_("; ").join(parts))


def sources_of(frame: pd.DataFrame) -> list[str]:
    """The source ids a table (or a slice of one) cites, sorted by number, without repeats.

    Reads every id column the table has (source_ids, verified_source_ids, source_id), so
    select the rows you want before dropping those columns."""
    columns = [c for c in _ID_COLUMNS if c in getattr(frame, "columns", ())]
    if not columns:
        found = ", ".join(map(str, getattr(frame, "columns", ()))) or _("none")
        raise ValueError(_("this table has no source_ids column (nor source_id), which "
                           "sources_of() needs; its columns are: {found}. Give the table "
                           "before selecting its other columns.").format(found=found))
    return _by_number(i for c in columns for v in frame[c].tolist() for i in split_ids(v))
