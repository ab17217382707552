"""Tables every lesson shows: key figures, reading lists, glossaries, and a full-text display.

One implementation each, shared by the case modules in :mod:`artethics.cases` (which keep
only their own ids, terms and reading notes). Everything is read from data/ when called;
nothing prints, plots or changes pandas options on import::

    from artethics.tables import glossary, key_figures, readable, reading_list
    readable(key_figures("lofter"))                 # every fact of a case, sorted by id
    readable(key_figures(["belamy_price"]))         # chosen facts, in the order given
    readable(reading_list(["S19", "S22"], notes))   # sources with a reading note each
    readable(glossary(["training data"]))           # definitions with the Chinese term
    fact("christies_lots_sold")                     # 28 (text facts give their text)

:func:`readable` is how every lesson shows a table: each cell in full (pandas would
cut text after 50 characters with "…"), every row, and numbers written for reading
(thousands separators, small numbers with their significant digits, never "0").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from artethics import i18n
from artethics.i18n import N_, _, pgettext
from artethics.sources import sources_of, split_ids  # noqa: F401  (for the case modules)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FullTable", "NO_ADDRESS", "fact", "fact_number", "format_number", "format_value",
           "glossary", "key_figures", "readable", "reading_list", "sources_of", "split_ids",
           "table_html"]

#: Shown where seeds/sources.csv holds no address for a source (never a blank cell).
#: (Marked with N_; shown with _().)
NO_ADDRESS = N_("(no public address recorded: search for the title and outlet)")
KEY_FIGURE_COLUMNS = ["claim", "figure", "confidence", "status", "source_ids"]
READING_COLUMNS = ["title", "author_outlet", "date", "language", "reliability", "url",
                   "how_to_read"]
# Units written before the number, and units shown as the bare number.
_PREFIX = {"USD": "US$", "CNY": "RMB "}
_BARE = {"", "date", "year"}
# The units of facts.csv as words after a number (context "unit": a unit may read
# differently from the same English word elsewhere, e.g. "creators" as a group).


def unit_words(unit: str) -> str:
    """A unit of facts.csv as words after a number, in the current language."""
    words = {
        "years": pgettext("unit", "years"),
        "people": pgettext("unit", "people"),
        "images": pgettext("unit", "images"),
        "lots": pgettext("unit", "lots"),
        "signatures": pgettext("unit", "signatures"),
        "awards": pgettext("unit", "awards"),
        "portraits": pgettext("unit", "portraits"),
        "views": pgettext("unit", "views"),
        "users": pgettext("unit", "users"),
        "artists": pgettext("unit", "artists"),
        "image-text pairs": pgettext("unit", "image-text pairs"),
        "paintings": pgettext("unit", "paintings"),
        "fragments": pgettext("unit", "fragments"),
        "pixels": pgettext("unit", "pixels"),
        "layers": pgettext("unit", "layers"),
        "months": pgettext("unit", "months"),
        "hours": pgettext("unit", "hours"),
        "times": pgettext("unit", "times"),
        "bidders": pgettext("unit", "bidders"),
        "complaints": pgettext("unit", "complaints"),
        "creators": pgettext("unit", "creators"),
        "tags": pgettext("unit", "tags"),
        "articles": pgettext("unit", "articles"),
        "bodies": pgettext("unit", "bodies"),
        "days": pgettext("unit", "days"),
        "musicians": pgettext("unit", "musicians"),
        "photos": pgettext("unit", "photos"),
        "captions": pgettext("unit", "captions"),
    }
    return words.get(unit, unit)


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


# --- display ---------------------------------------------------------------------------


def format_number(value: float) -> str:
    """A number for reading: 728784 -> '728,784', 28.8333 -> '28.83', 7.4e-05 -> '0.00007393'.

    Whole numbers get thousands separators; others keep four significant digits, written
    out in full (no e-notation), so a small share never shows as 0.
    """
    if value != value or math.isinf(value):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{value:,.0f}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    import numpy as np

    return np.format_float_positional(value, precision=4, fractional=False, trim="-")


class FullTable:
    """A table shown with every cell and every row in full, numbers via :func:`format_number`.

    ``frame`` is the pandas DataFrame itself: use it for any further pandas work.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def _repr_html_(self) -> str:
        return table_html(self.frame)

    def __repr__(self) -> str:
        return self.frame.to_string(float_format=format_number)


# Cell styles (inline, so they survive JupyterLab's sanitiser in an untrusted notebook
# and need no stylesheet in a handout). Text reads from the left and wraps within a
# readable width; numbers and dates stay on one line, numbers on the right.
_CELL = "padding:0.3em 0.6em;vertical-align:top;border-bottom:1px solid #ddd;"
_TEXT = _CELL + "text-align:left;white-space:normal;"
_PROSE = _TEXT + "min-width:18em;max-width:36em;overflow-wrap:anywhere;"
_LONG_TEXT = _TEXT + "min-width:8em;max-width:20em;overflow-wrap:anywhere;"
_ONE_LINE = _CELL + "text-align:left;white-space:nowrap;"
_NUMBER = _CELL + "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;"
_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
_LONG = 40  # characters: a column whose longest cell is longer gets a readable width
_PROSE_MEAN = 80  # characters: a column of sentences (notes, events) gets the most room


def _cell_text(value: Any) -> str:
    """One value as the reader sees it (before escaping): numbers via format_number,
    dates as YYYY-MM-DD, a missing value as an empty cell."""
    import numpy as np
    import pandas as pd

    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d" if value == value.normalize() else "%Y-%m-%d %H:%M")
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return format_number(float(value))
    return str(value)


def _column_style(values: list[Any], texts: list[str], name: str = "") -> str:
    import numbers

    present = [(v, t) for v, t in zip(values, texts, strict=True) if t]
    if present and all(isinstance(v, numbers.Number) and not isinstance(v, bool)
                       for v, _ in present):
        return _NUMBER
    longest = max((len(t) for t in texts), default=0)
    if present and (all(_DATE.match(t) for _, t in present)
                    or ("date" in name.lower() and longest <= 30)):
        return _ONE_LINE
    if present and sum(len(t) for _, t in present) / len(present) > _PROSE_MEAN:
        return _PROSE
    return _LONG_TEXT if longest > _LONG else _TEXT


def _label(name: Any) -> str:
    if isinstance(name, tuple):
        return " / ".join(_cell_text(n) for n in name)
    return "" if name is None else _cell_text(name)


def table_html(frame: pd.DataFrame) -> str:
    """A DataFrame as an HTML table a student can read (what :class:`FullTable` shows):
    every cell and row in full, text left-aligned and wrapped within a readable width,
    dates and numbers on one line, web addresses as links opening in a new tab, every
    other character escaped (``$`` included, so amounts never turn into maths)."""
    from artethics.text import escape_html, linkify

    index_names = [_label(n) for n in frame.index.names]
    index_rows = [row if isinstance(row, tuple) else (row,) for row in frame.index]
    columns = []
    for position, name in enumerate(frame.columns):
        values = list(frame.iloc[:, position])
        texts = [_cell_text(v) for v in values]
        columns.append((_label(name), texts, _column_style(values, texts, _label(name))))
    index_styles = []
    for level in range(len(index_names)):
        values = [row[level] for row in index_rows]
        index_styles.append(_column_style(values, [_cell_text(v) for v in values],
                                          index_names[level]))

    def header(text: str, style: str) -> str:
        align = "right" if style == _NUMBER else "left"
        return (f'<th scope="col" style="{_CELL}text-align:{align};'
                f'border-bottom:2px solid #666;">{escape_html(text)}</th>')

    head = ([header(n, s) for n, s in zip(index_names, index_styles, strict=True)]
            + [header(n, s) for n, _t, s in columns])
    # A wide table scrolls sideways in its own box; the box takes the keyboard focus so
    # that it can be scrolled without a mouse (axe: scrollable-region-focusable).
    names = ", ".join(h for h in index_names + [n for n, _t, _s in columns] if h)
    label = escape_html(_("Table: {columns}").format(columns=names))
    lines = [f'<div class="artethics-table" style="overflow-x:auto;" tabindex="0" '
             f'role="region" aria-label="{label}">',
             '<table class="artethics-table" style="border-collapse:collapse;'
             'table-layout:auto;">',
             "<thead><tr>" + "".join(head) + "</tr></thead>", "<tbody>"]
    for number, row in enumerate(index_rows):
        cells = [f'<th scope="row" style="{style}font-weight:bold;">'
                 f"{escape_html(_cell_text(value))}</th>"
                 for value, style in zip(row, index_styles, strict=True)]
        cells += [f'<td style="{style}">{linkify(texts[number])}</td>'
                  for _n, texts, style in columns]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def readable(frame: pd.DataFrame | pd.Series) -> FullTable:
    """Wrap a DataFrame so that a notebook shows its long texts (notes, URLs) uncut."""
    import pandas as pd

    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(_("readable() takes a pandas DataFrame, got {type}; pass the table "
                          "itself, e.g. readable(data.load('cases')).").format(
            type=type(frame).__name__))
    return FullTable(frame)


# --- source ids ------------------------------------------------------------------------


# split_ids and sources_of live in artethics.sources; imported above for the case modules.


# --- facts -----------------------------------------------------------------------------


def _facts() -> pd.DataFrame:
    return _load("facts").set_index("fact_id")


def _unknown_facts(missing: Iterable[str]) -> KeyError:
    return KeyError(_("facts.csv has no fact {ids}; check the spelling against the fact_id "
                      "column of data/facts.csv (ids start with the case id, e.g. "
                      "'lofter_').").format(ids=sorted(missing)))


def fact(fact_id: str) -> int | float | str:
    """One value of facts.csv: a number (an int where whole) if numeric, else the text."""
    facts = _facts()
    if fact_id not in facts.index:
        raise _unknown_facts([fact_id])
    number = facts.at[fact_id, "value_num"]
    if number != number:  # NaN: a text value
        return facts.at[fact_id, "value"]
    return int(number) if float(number).is_integer() else float(number)


def fact_number(fact_id: str) -> float:
    """One numeric value of facts.csv as a float; a text fact raises a ValueError."""
    value = fact(fact_id)
    if isinstance(value, str):
        raise ValueError(_("fact {id} is text ({value}), not a number.").format(
            id=repr(fact_id), value=repr(value)))
    return float(value)


def format_value(value: Any, unit: Any) -> str:
    """A value with its unit: '728784', 'USD' -> 'US$728,784'; '82', 'percent' -> '82%';
    '10000', 'CNY' -> 'RMB 10,000'; '168263', 'fragments' -> '168,263 fragments';
    '1669', 'year' -> '1669'. Text stays text."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    unit = unit if isinstance(unit, str) else ""
    if unit == "year":
        return f"{number:.0f}"
    text = format_number(number)
    if unit in _PREFIX:
        return f"{_PREFIX[unit]}{text}"
    if unit == "percent":
        return f"{text}%"
    if unit in _BARE:
        return text
    return _("{number} {unit}").format(number=text, unit=unit_words(unit))


def _qualified(qualifier: str, shown: str) -> str:
    """'nearly 6,500': a figure with facts.csv's qualifier, in the current language."""
    if qualifier == "nearly":
        return pgettext("figure", "nearly {figure}").format(figure=shown)
    if qualifier == "about":
        return pgettext("figure", "about {figure}").format(figure=shown)
    if qualifier == "more than":
        return pgettext("figure", "more than {figure}").format(figure=shown)
    return f"{qualifier} {shown}"


def _figure(row: pd.Series, approximate: bool = False) -> str:
    """The value as the source words it: facts.csv's ``qualifier`` ('nearly 6,500') or,
    where that is empty and the (English) claim says '(approximate)', 'about'."""
    value = row["value_num"] if row["value_num"] == row["value_num"] else row["value"]
    shown = format_value(value, row["unit"])
    qualifier = row["qualifier"] if isinstance(row["qualifier"], str) else ""
    if qualifier.strip():
        return _qualified(qualifier.strip(), shown)
    if approximate or "(approximate)" in str(row["claim"]):
        return _qualified("about", shown)
    return shown


def _approximate() -> set[str]:
    """The fact ids whose English claim says '(approximate)' (a translated claim may
    word it otherwise)."""
    with i18n.using("en"):
        facts = _load("facts")
    return set(facts.loc[facts["claim"].astype(str).str.contains("(approximate)",
                                                                  regex=False), "fact_id"])


def key_figures(facts_wanted: str | Iterable[str]) -> pd.DataFrame:
    """Facts as a table to read: claim, figure (with its unit), confidence, status, sources.

    ``facts_wanted`` is a case id (every fact of that case, sorted by fact_id) or a list
    of fact ids (in the order given). The index is fact_id.
    """
    facts = _load("facts")
    if isinstance(facts_wanted, str):
        frame = facts[facts["case_id"] == facts_wanted].sort_values("fact_id")
        if frame.empty:
            raise ValueError(_("facts.csv has no rows for case {case}; use an id from "
                               "cases.csv, or give a list of fact ids.").format(
                case=repr(facts_wanted)))
        frame = frame.set_index("fact_id")
    else:
        wanted = list(facts_wanted)
        missing = set(wanted) - set(facts["fact_id"])
        if missing:
            raise _unknown_facts(missing)
        frame = facts.set_index("fact_id").loc[wanted]
    approximate = _approximate()
    figures = [_figure(row, fact_id in approximate) for fact_id, row in frame.iterrows()]
    return frame.assign(figure=figures)[KEY_FIGURE_COLUMNS]


# --- sources and terms -----------------------------------------------------------------


def _address(url: Any) -> str:
    text = "" if url is None or url != url else str(url).strip()
    return text or _(NO_ADDRESS)


def reading_list(source_ids: str | Iterable[str],
                 notes: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Title, outlet, date, language, reliability and address of the given sources, with
    ``notes[source_id]`` (how to read it critically) in the column how_to_read.

    Rows follow the order given, repeats dropped; a missing address says so. Unknown ids
    raise a ValueError naming them.
    """
    from artethics.sources import format_date

    if isinstance(source_ids, str):
        source_ids = [source_ids]
    sources = _load("sources").set_index("source_id")
    wanted = list(dict.fromkeys(source_ids))
    missing = sorted(set(wanted) - set(sources.index))
    if missing:
        raise ValueError(_("seeds/sources.csv has no source {ids}; check the ids (they look "
                           "like 'S07').").format(ids=missing))
    frame = sources.loc[wanted]
    notes = notes or {}
    return frame.assign(
        date=[format_date(d, p) for d, p in zip(frame["date"], frame["date_precision"],
                                                strict=True)],
        url=[_address(u) for u in frame["url"]],
        how_to_read=[notes.get(i, "") for i in wanted],
    )[READING_COLUMNS]


def glossary(terms: str | Iterable[str]) -> pd.DataFrame:
    """The kit's plain-English definitions of ``terms``, with the Chinese term and sources."""
    if isinstance(terms, str):
        terms = [terms]
    table = _load("glossary").set_index("term")
    terms = list(terms)
    missing = [t for t in terms if t not in table.index]
    if missing:
        raise KeyError(_("data/glossary.csv has no term {terms}; use a term from its "
                         "'term' column.").format(terms=missing))
    return table.loc[terms, ["term_zh", "definition", "source_ids"]]
