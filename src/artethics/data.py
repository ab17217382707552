"""Typed, validated access to the kit's data tables (``data/*.csv`` and ``seeds/sources.csv``).

>>> from artethics.data import load
>>> events = load("events")                 # a pandas DataFrame, dates as datetime64
>>> events[events.case_id == "lofter"].date.dt.day.tolist()

Every table is checked against the schema declared below when it is loaded: column
names, types, allowed values, unique keys and links to other tables (sources, cases,
stakeholders, rules). A problem raises :class:`DataError` naming the file, the row (as
in the CSV: the header is row 1), the column, the value and what was expected. Nothing
is coerced silently: ``"1,000"`` is not a number and ``"2023-8-15"`` is not a date.

Loads are cached per process and keyed on the files' modification times; every call
returns a fresh copy, so callers may change what they get without touching the cache.
Importing this module reads nothing.

The prose a student reads (claims, events, arguments, notes, the glossary: the columns
:data:`TRANSLATED` names) comes in the language of :func:`artethics.i18n.get_language`,
from the catalogues ``data/i18n/<lang>.po`` (English when a text has no translation or
its English changed since it was translated). Ids, enumerations, numbers, dates, source
ids and quotations of a source are the same in every language, and every check runs on
the English, so every exercise answer is the same in all three.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from artethics import i18n, kit, paths
from artethics.errors import ArtethicsError
from artethics.i18n import _

__all__ = ["DataError", "PRINCIPLES", "GROUPS", "LENSES", "RELATIONS", "TRANSLATED", "load",
           "load_english", "load_all", "tables", "schema", "translatable_entries"]

PRINCIPLES = frozenset(kit.PRINCIPLES)
GROUPS = frozenset({
    "artists", "ai_developers", "ai_users", "platforms", "auction_houses", "buyers", "sponsors",
    "lawmakers_regulators", "courts", "public_audiences", "researchers",
})
MAIN_CASES = kit.MAIN_CASES
# The five ethical lenses of lesson 00, in teaching order, each with its plain-words test.
LENSES = {
    "consequences": i18n.N_("who ends up better or worse off, and by how much"),
    "rights": i18n.N_("rights and consent: what someone may claim or refuse, whatever the "
                      "outcome"),
    "fairness": i18n.N_("fairness and desert: who did the work, who is credited and who is "
                        "paid"),
    "character": i18n.N_("character and craft: what the practice values, what a good artist "
                         "or maker does"),
    "community": i18n.N_("relationships and community: trust, shared norms and traditions "
                         "such as learning by copying the masters (臨摹)"),
}
# How a fact in data/evidence.csv bears on an argument's claim.
RELATIONS = ("supports", "undermines", "context")
CONFIDENCE = frozenset({"high", "medium", "low"})
PRECISION = frozenset({"day", "month", "year"})
DIMENSIONS = ("consent", "credit", "compensation", "response", "law", "access_and_benefit")
# rules.csv: mainland China, Hong Kong SAR, United States, European Union, United Kingdom.
JURISDICTIONS = ("CN", "HK", "US", "EU", "UK")
# A 'proposal' (e.g. Hong Kong's 2024 text-and-data-mining exception) is not in force.
RULE_KINDS = frozenset({"statute", "regulation", "agency_guidance", "judgment", "proposal"})
VERDICTS = frozenset({"wrong", "imprecise", "garbled_name", "unverified", "framing",
                      "accurate"})
# How a source words an inexact figure in facts.csv ('nearly 6,500'); empty when exact.
QUALIFIERS = frozenset({"about", "nearly", "more than"})

_SNAKE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
_SOURCE_ID = re.compile(r"S\d{2,}")
_INT = re.compile(r"-?\d+")
_FLOAT = re.compile(r"-?\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DataError(ArtethicsError):
    """A data table breaks its schema. Attributes say exactly where."""

    def __init__(self, file: str, row: int | None, column: str | None, value: object,
                 expected: str) -> None:
        self.file, self.row, self.column, self.value, self.expected = (
            file, row, column, value, expected)
        where = file
        if row is not None:
            where += _(", row {row}").format(row=row)
        if column is not None:
            where += _(", column '{column}'").format(column=column)
        super().__init__(_("{where}: found {value}; expected {expected}. Fix the CSV file "
                           "(see data/README.md for the data dictionary).").format(
                               where=where, value=repr(value), expected=expected))


@dataclass(frozen=True)
class Col:
    """One column: its kind, whether it may be empty, allowed values, linked table."""

    name: str
    # id | source_id | text | enum | int | float | date | day | bool | source_ids
    # ('date' is followed by its date_precision column; 'day' is a full date on its own)
    kind: str = "text"
    required: bool = True
    allowed: frozenset[str] | None = None
    ref: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # relative to the kit's root
    key: tuple[str, ...]
    cols: tuple[Col, ...]

    def col(self, name: str) -> Col:
        return next(c for c in self.cols if c.name == name)


def _src(name: str = "source_ids", required: bool = True) -> Col:
    return Col(name, "source_ids", required=required, ref="sources")


def _enum(name: str, allowed, required: bool = True) -> Col:
    return Col(name, "enum", required=required, allowed=frozenset(allowed))


def _date(name: str = "date", required: bool = True) -> tuple[Col, Col]:
    """A date column followed by its ``date_precision`` column (day, month or year)."""
    return Col(name, "date", required=required), _enum("date_precision", PRECISION,
                                                        required=required)


_CASE = Col("case_id", "id", ref="cases")

SCHEMAS: dict[str, Table] = {t.name: t for t in (
    Table("sources", "seeds/sources.csv", ("source_id",), (
        Col("source_id", "source_id"), Col("kind"), Col("title"), Col("author_outlet"),
        *_date(required=False), Col("url", required=False), _enum("language", {"en", "zh"}),
        _enum("reliability", CONFIDENCE), Col("note", required=False))),
    Table("cases", "data/cases.csv", ("case_id",), (
        Col("case_id", "id"), Col("title"), Col("title_zh"), Col("year", "int"),
        _enum("kind", {"main", "side", "course"}), Col("central_question", required=False),
        Col("summary"), _src())),
    Table("events", "data/events.csv", ("event_id",), (
        Col("event_id", "id"), _CASE, *_date(), Col("event"), Col("actor"), _src(),
        _enum("confidence", CONFIDENCE), Col("note", required=False))),
    Table("facts", "data/facts.csv", ("fact_id",), (
        Col("fact_id", "id"), _CASE, Col("claim"), Col("value"), Col("unit", required=False),
        _enum("qualifier", QUALIFIERS, required=False), *_date("as_of", required=False),
        _src(), _enum("confidence", CONFIDENCE),
        _enum("status", {"confirmed", "corrected", "disputed", "unverified"}),
        Col("note", required=False))),
    Table("sales", "data/sales.csv", ("lot_id",), (
        Col("lot_id", "id"), _CASE, Col("lot", required=False), Col("artist"), Col("title"),
        Col("year_made", "int", required=False), Col("estimate_low", "float", required=False),
        Col("estimate_high", "float", required=False), Col("price", "float", required=False),
        _enum("price_basis", {"with_premium", "hammer", "unsold", "not_reported"}),
        _enum("currency", {"USD", "CNY", "GBP", "EUR", "HKD"}), Col("sold", "bool"), _src(),
        Col("note", required=False))),
    Table("stakeholders", "data/stakeholders.csv", ("stakeholder_id",), (
        Col("stakeholder_id", "id"), _CASE, Col("name"), _enum("group", GROUPS),
        Col("interests"), _src())),
    Table("arguments", "data/arguments.csv", ("argument_id",), (
        Col("argument_id", "id"), _CASE, Col("question"), _enum("stance", {"for", "against"}),
        Col("claim"), Col("stakeholder", "id", ref="stakeholders"),
        _enum("principle", PRINCIPLES), _enum("lens", LENSES), _src())),
    Table("evidence", "data/evidence.csv", ("argument_id", "fact_id"), (
        Col("argument_id", "id", ref="arguments"), Col("fact_id", "id", ref="facts"),
        _enum("relation", RELATIONS), _src(), Col("note"))),
    Table("rules", "data/rules.csv", ("rule_id",), (
        Col("rule_id", "id"), _enum("jurisdiction", JURISDICTIONS),
        Col("instrument"), Col("article", required=False),
        *_date("date_in_force", required=False), Col("requires"),
        _enum("kind", RULE_KINDS), Col("status"), _src(), Col("last_reviewed", "day"))),
    Table("applications", "data/applications.csv", ("application_id",), (
        Col("application_id", "id"), _CASE, Col("rule_id", "id", ref="rules"), Col("issue"),
        Col("points_to"), _enum("certainty", {"settled", "arguable", "open"}), Col("why"),
        _src())),
    Table("corrections", "data/corrections.csv", ("correction_id",), (
        Col("correction_id", "id"), Col("source_id", "source_id", ref="sources"),
        Col("claim_in_source"), Col("verified_value"),
        _enum("verdict", VERDICTS),
        Col("explanation"), _src("verified_source_ids", required=False))),
    Table("glossary", "data/glossary.csv", ("term",), (
        Col("term"), Col("term_zh"), Col("definition"), _src())),
    Table("comparison", "data/comparison.csv", ("case_id", "dimension"), (
        _CASE, _enum("dimension", DIMENSIONS), Col("finding"),
        _enum("status", {"yes", "no", "partly", "unknown", "disputed"}), _src(),
        Col("note", required=False))),
)}


def tables() -> list[str]:
    """The names :func:`load` accepts, sorted."""
    return sorted(SCHEMAS)


def schema(name: str) -> Table:
    """The declared schema of one table (columns, key, links)."""
    _check_name(name)
    return SCHEMAS[name]


def load(name: str, root: str | Path | None = None) -> pd.DataFrame:
    """One validated, typed table as a new DataFrame.

    ``root`` is the kit's top folder (holding ``data/`` and ``seeds/``); by default
    :func:`artethics.paths.root`, which honours ``ARTETHICS_ROOT``.
    The prose columns (:data:`TRANSLATED`) are in the current language
    (:func:`artethics.i18n.get_language`); everything else is as in English.
    """
    _check_name(name)
    base = Path(root) if root is not None else paths.root()
    stamp = _stamp(base, name)
    lang = i18n.get_language()
    if lang == i18n.DEFAULT or not TRANSLATED.get(name):
        return _cached(str(base), name, stamp).copy(deep=True)
    return _localised(str(base), name, stamp, lang,
                      _catalogue_stamp(base, lang)).copy(deep=True)


def load_english(name: str, root: str | Path | None = None) -> pd.DataFrame:
    """A table as the CSV has it, whatever the current language: for code that matches
    on English values (which timeline row an actor belongs on)."""
    with i18n.using(i18n.DEFAULT):
        return load(name, root)


def load_all(root: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table, keyed by name (sorted)."""
    return {name: load(name, root) for name in tables()}


# --- translations -------------------------------------------------------------------

# The prose columns a student reads, per table: translated in data/i18n/<lang>.po, one
# entry per row and column (context "table:row_id:column"). Not translated: ids,
# enumerations (status, confidence, stance, ...), dates, numbers and units, source ids,
# URLs, artists' names (sales.artist), titles of artworks (sales.title), article numbers
# (rules.article), the recorded values of facts (facts.value) and quotations of a source
# (corrections.claim_in_source).
# Who wrote a source and who acted in an event (sources.author_outlet, events.actor: the
# columns NAMES lists) are translated as names are: people's names and Western outlets,
# brands and web sites keep their Latin form ("The Verge", "Robbie Barrat"), while
# institutions, courts, legislatures, government bodies, generic groups ("Artists") and
# Chinese companies and platforms take their Chinese names (北京互聯網法院, 小紅書), and the
# words around a name are translated ("(via CNR)", "and others").
# sources.title is translated as a whole: our own descriptions ("[Feature: ...]",
# "Report on ...") in Chinese; a real title kept in its original words with a Chinese
# rendering after it, or the official Chinese name of a Chinese law.
TRANSLATED: dict[str, tuple[str, ...]] = {
    "sources": ("title", "author_outlet", "note"),
    "cases": ("title", "central_question", "summary"),
    "events": ("event", "actor", "note"),
    "facts": ("claim", "note"),
    "sales": ("note",),
    "stakeholders": ("name", "interests"),
    "arguments": ("claim",),
    "evidence": ("note",),
    "rules": ("instrument", "requires", "status"),
    "applications": ("issue", "points_to", "why"),
    "corrections": ("verified_value", "explanation"),
    "glossary": ("term", "definition"),
    "comparison": ("finding", "note"),
}
# The TRANSLATED columns that are names: many of their texts rightly stay as in English
# in every language (a person, a Western outlet or brand), the rest take their Chinese name.
NAMES = frozenset({("sources", "author_outlet"), ("events", "actor")})
# Columns whose Chinese comes from another column's entry: in Chinese a glossary term_zh
# is the translated term (so zh-Hant has its own Traditional form); the English term is
# the table's key and stays English. English keeps the CSV's (Simplified) term_zh.
CHINESE_FROM = {("glossary", "term_zh"): "term"}
# A case's title_zh is its title in the other language: in English the CSV's Chinese
# title, in Chinese the English original (``title`` being the translated title there),
# so a reader always sees the title in their language with the other beside it.
OTHER_LANGUAGE = {("cases", "title_zh"): "title"}
# Columns kept English even though they have entries (the key of their table). Code that
# matches on English values of a translated column (an event's actor -> its timeline row)
# reads them with load_english().
_ENTRY_ONLY = {("glossary", "term")}
# arguments.question repeats its case's central_question (checked on load), so it takes
# that entry's translation instead of one entry per argument.
COPIED = {("arguments", "question"): ("cases", "case_id", "central_question")}


def row_ids(name: str, frame: pd.DataFrame) -> list[str]:
    """The row ids of a loaded English table as catalogue contexts use them: the key,
    with the parts of a two-column key joined by '/'."""
    key = SCHEMAS[name].key
    return ["/".join(str(v) for v in parts)
            for parts in zip(*(frame[k] for k in key), strict=True)]


def translatable_entries(root: str | Path | None = None) -> list[tuple[str, str]]:
    """Every text of ``data/`` to translate, as ``(msgctxt, English)`` with msgctxt
    ``"table:row_id:column"``, in table order (:func:`tables`), then row and column order.
    Empty cells are left out, and so are tables a partial kit (a test fixture) lacks."""
    base = Path(root) if root is not None else paths.root()
    out: list[tuple[str, str]] = []
    for name in tables():
        columns = TRANSLATED.get(name, ())
        if not columns or not (base / SCHEMAS[name].path).exists():
            continue
        frame = _cached(str(base), name, _stamp(base, name))
        for row_id, values in zip(row_ids(name, frame),
                                  zip(*(frame[c] for c in columns), strict=True), strict=True):
            for column, text in zip(columns, values, strict=True):
                if text:
                    out.append((f"{name}:{row_id}:{column}", text))
    return out


def catalogue_path(lang: str, root: str | Path | None = None) -> Path:
    """Where the translations of ``data/`` into ``lang`` live: ``data/i18n/<lang>.po``."""
    base = Path(root) if root is not None else paths.root()
    return base / "data" / "i18n" / f"{i18n.normalise(lang)}.po"


def _catalogue_stamp(base: Path, lang: str) -> tuple:
    path = catalogue_path(lang, base)
    try:
        st = path.stat()
    except FileNotFoundError:
        return (str(path), None, None)
    return (str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _data_catalogue(stamp: tuple) -> dict[tuple[str, str], str]:
    path, mtime, _size = stamp
    if mtime is None:
        return {}
    return i18n.read_po(Path(path))


@lru_cache(maxsize=128)
def _localised(base: str, name: str, stamp: tuple, lang: str,
               po_stamp: tuple) -> pd.DataFrame:
    """The English table with its prose columns in ``lang``; a text without a current,
    non-fuzzy translation stays English."""
    lookup = _data_catalogue(po_stamp)
    frame = _cached(base, name, stamp).copy(deep=True)
    ids = row_ids(name, frame)

    def translated(column: str) -> list[str]:
        return [lookup.get((f"{name}:{rid}:{column}", text), text) if text else text
                for rid, text in zip(ids, frame[column], strict=True)]

    for column in TRANSLATED[name]:
        if (name, column) in _ENTRY_ONLY:
            continue
        frame[column] = pd.Series(translated(column), index=frame.index, dtype=object)
    for (table, column), source in CHINESE_FROM.items():
        if table == name:
            found = [lookup.get((f"{name}:{rid}:{source}", text)) for rid, text in
                     zip(ids, _cached(base, name, stamp)[source], strict=True)]
            frame[column] = pd.Series([new or old for new, old in zip(
                found, frame[column], strict=True)], index=frame.index, dtype=object)
    for (table, column), source in OTHER_LANGUAGE.items():
        if table == name:
            frame[column] = pd.Series(list(_cached(base, name, stamp)[source]),
                                      index=frame.index, dtype=object)
    for (table, column), (other, link, other_column) in COPIED.items():
        if table == name:
            frame[column] = pd.Series(
                [lookup.get((f"{other}:{key}:{other_column}", text), text)
                 for key, text in zip(frame[link], frame[column], strict=True)],
                index=frame.index, dtype=object)
    return frame


# --- caching ------------------------------------------------------------------------

def _deps(name: str) -> list[str]:
    refs = {c.ref for c in SCHEMAS[name].cols if c.ref and c.ref != name}
    if name == "arguments":
        refs.add("cases")
    out = {name}
    for ref in refs:
        out.update(_deps(ref))
    return sorted(out)


def _stamp(base: Path, name: str) -> tuple:
    stamp = []
    for dep in _deps(name):
        path = base / SCHEMAS[dep].path
        try:
            st = path.stat()
        except FileNotFoundError:
            raise DataError(SCHEMAS[dep].path, None, None, str(path),
                            _("an existing file; pass root= or set ARTETHICS_ROOT to the kit's "
                              "top folder")) from None
        stamp.append((dep, st.st_mtime_ns, st.st_size))
    return tuple(stamp)


@lru_cache(maxsize=128)
def _cached(base: str, name: str, stamp: tuple) -> pd.DataFrame:
    table = SCHEMAS[name]
    rows = _read(Path(base), table)
    frame = _typed(table, rows)
    _check_keys(table, frame)
    _check_links(base, table, frame)
    _check_table(base, table, frame)
    if name == "facts":
        frame["value_num"] = pd.to_numeric(frame["value"].where(
            frame["value"].str.fullmatch(_FLOAT.pattern)), errors="raise")
    return frame


def _check_name(name: str) -> None:
    if name not in SCHEMAS:
        raise ValueError(_("unknown table {name}; choose one of: {names}").format(
            name=repr(name), names=", ".join(tables())))


# --- reading and typing -------------------------------------------------------------

def _read(base: Path, table: Table) -> list[dict[str, str]]:
    path = base / table.path
    reader = None
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            records = list(reader)
    except UnicodeDecodeError as exc:
        raise DataError(table.path, None, None, _("byte {n}").format(n=exc.start),
                        _("UTF-8 text")) from None
    except csv.Error as exc:  # a field over csv's size limit, a NUL byte, a stray quote
        row = reader.line_num if reader is not None else None
        raise DataError(table.path, row, None, str(exc),
                        _("CSV text (fields under 131,072 characters, no NUL bytes)")) from None
    except OSError as exc:
        raise DataError(table.path, None, None, exc.strerror or type(exc).__name__,
                        _("a readable file")) from None
    if not records:
        raise DataError(table.path, 1, None, "", _("a header row"))
    header = records[0]
    _check_header(table, header)
    if len(records) == 1:
        raise DataError(table.path, 2, None, _("only the header row"),
                        _("at least one data row (an empty table is a damaged file)"))
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if len(record) != len(header):
            raise DataError(table.path, number, None, _("{n} fields").format(n=len(record)),
                            _("{n} fields, one per header column").format(n=len(header)))
        if any("\x00" in field for field in record):
            raise DataError(table.path, number, None, _("a NUL character"),
                            _("text without NUL characters (the file is damaged)"))
        rows.append(dict(zip(header, record, strict=True)))
    return rows


def _check_header(table: Table, header: list[str]) -> None:
    names = [c.name for c in table.cols]
    for col in names:
        if col not in header:
            raise DataError(table.path, 1, col, "(missing)",
                            _("a column named '{col}' in the header").format(col=col))
    for col in header:
        if col not in names or header.count(col) > 1:
            raise DataError(table.path, 1, col, col,
                            _("only these columns, each once: {names}").format(
                                names=", ".join(names)))


def _typed(table: Table, rows: list[dict[str, str]]) -> pd.DataFrame:
    data = {}
    for col in table.cols:
        values = [_parse(table, col, row[col.name], n) for n, row in enumerate(rows, start=2)]
        data[col.name] = _series(col, values)
    return pd.DataFrame(data)


def _series(col: Col, values: list) -> pd.Series:
    if col.kind in ("date", "day"):
        return pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
    if col.kind == "int":
        return pd.Series(values, dtype="Int64")
    if col.kind == "float":
        return pd.Series(values, dtype="float64")
    if col.kind == "bool":
        return pd.Series(values, dtype="bool")
    return pd.Series(values, dtype=object)


def _parse(table: Table, col: Col, raw: str, row: int):
    if raw == "":
        if col.required:
            raise DataError(table.path, row, col.name, raw, _("a value (this column is required)"))
        return _EMPTY.get(col.kind, "")
    return _PARSERS[col.kind](table, col, raw, row)


def _fail(table: Table, col: Col, raw: str, row: int, expected: str):
    raise DataError(table.path, row, col.name, raw, expected)


def _p_id(table, col, raw, row):
    if not _SNAKE.fullmatch(raw):
        _fail(table, col, raw, row, _("a lowercase snake_case id such as 'lofter_apology'"))
    return raw


def _p_source_id(table, col, raw, row):
    if not _SOURCE_ID.fullmatch(raw):
        _fail(table, col, raw, row, _("a source id such as 'S07'"))
    return raw


def _p_source_ids(table, col, raw, row):
    ids = raw.split(";")
    for one in ids:
        if not _SOURCE_ID.fullmatch(one):
            _fail(table, col, raw, row,
                  _("source ids separated by ';' without spaces, e.g. 'S01;S07'"))
    if len(set(ids)) != len(ids):
        _fail(table, col, raw, row, _("each source id once"))
    return raw


def _p_text(table, col, raw, row):
    if raw != raw.strip():
        _fail(table, col, raw, row, _("text without leading or trailing spaces"))
    return raw


def _p_enum(table, col, raw, row):
    if raw not in col.allowed:
        _fail(table, col, raw, row,
              _("one of: {values}").format(values=", ".join(sorted(col.allowed))))
    return raw


def _p_int(table, col, raw, row):
    if not _INT.fullmatch(raw):
        _fail(table, col, raw, row, _("a whole number written with digits only, e.g. 2018"))
    return int(raw)


def _p_float(table, col, raw, row):
    if not _FLOAT.fullmatch(raw):
        _fail(table, col, raw, row,
              _("a number with digits and at most one '.', no commas or currency signs, "
                "e.g. 432500"))
    return float(raw)


def _p_bool(table, col, raw, row):
    if raw not in ("true", "false"):
        _fail(table, col, raw, row, _("true or false (lowercase)"))
    return raw == "true"


def _p_date(table, col, raw, row):
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        _fail(table, col, raw, row, _("an existing date written YYYY-MM-DD, e.g. 2023-08-15"))


_PARSERS = {
    "id": _p_id, "source_id": _p_source_id, "source_ids": _p_source_ids, "text": _p_text,
    "enum": _p_enum, "int": _p_int, "float": _p_float, "bool": _p_bool, "date": _p_date,
    "day": _p_date,
}
_EMPTY = {"int": None, "float": float("nan"), "date": None, "day": None, "source_ids": ""}


# --- checks across rows and tables --------------------------------------------------

def _check_keys(table: Table, frame: pd.DataFrame) -> None:
    seen: dict[tuple, int] = {}
    for number, key in enumerate(zip(*(frame[k] for k in table.key), strict=True), start=2):
        if key in seen:
            raise DataError(table.path, number, "+".join(table.key), "/".join(map(str, key)),
                            _("a unique key (already used in row {row})").format(row=seen[key]))
        seen[key] = number


def _check_links(base: str, table: Table, frame: pd.DataFrame) -> None:
    for col in table.cols:
        if not col.ref:
            continue
        target = SCHEMAS[col.ref]
        known = set(_cached(base, col.ref, _stamp(Path(base), col.ref))[target.key[0]])
        for number, raw in enumerate(frame[col.name], start=2):
            ids = raw.split(";") if col.kind == "source_ids" and raw else [raw] if raw else []
            for one in ids:
                if one not in known:
                    raise DataError(table.path, number, col.name, one,
                                    _("an id listed in {path} ({key})").format(
                                        path=target.path, key=target.key[0]))


def _check_table(base: str, table: Table, frame: pd.DataFrame) -> None:
    for col in table.cols:
        if col.kind == "date":
            _check_precision(table, frame, col.name, table.cols[table.cols.index(col) + 1].name)
    extra = _EXTRA_CHECKS.get(table.name)
    if extra:
        extra(base, table, frame)


def _check_precision(table: Table, frame: pd.DataFrame, date_col: str, prec_col: str) -> None:
    for number, (when, prec) in enumerate(zip(frame[date_col], frame[prec_col],
                                              strict=True), start=2):
        if pd.isna(when) != (prec == ""):
            raise DataError(table.path, number, prec_col, prec,
                            _("a precision exactly when '{column}' is given").format(
                                column=date_col))
        if prec == "month" and when.day != 1 or prec == "year" and (when.month, when.day) != (1, 1):
            raise DataError(table.path, number, date_col, when.date().isoformat(),
                            _("the first day of the {precision} when date_precision is "
                              "'{precision}'").format(precision=prec))


def _check_cases(base: str, table: Table, frame: pd.DataFrame) -> None:
    for number, (cid, kind, question) in enumerate(
            zip(frame.case_id, frame.kind, frame.central_question, strict=True), start=2):
        if kind in ("main", "course") and not question:
            raise DataError(table.path, number, "central_question", question,
                            _("a question for every main case and the course"))
        if (kind == "course") != (cid in kit.COURSE_CASES):
            raise DataError(table.path, number, "kind", kind,
                            _("'course' exactly for {cases}").format(
                                cases=", ".join(kit.COURSE_CASES)))
        if (kind == "main") != (cid in MAIN_CASES):
            raise DataError(table.path, number, "kind", kind,
                            _("'main' exactly for the cases {cases}").format(
                                cases=", ".join(MAIN_CASES)))


def _main_cases(base: str) -> pd.DataFrame:
    cases = _cached(base, "cases", _stamp(Path(base), "cases"))
    return cases[cases.kind == "main"].set_index("case_id")


def _check_main_only(base: str, table: Table, frame: pd.DataFrame) -> None:
    main = _main_cases(base)
    for number, cid in enumerate(frame.case_id, start=2):
        if cid not in main.index:
            raise DataError(table.path, number, "case_id", cid,
                            _("a main case ({cases})").format(cases=", ".join(MAIN_CASES)))


def _argued_cases(base: str) -> pd.DataFrame:
    """The cases that carry arguments and stakeholders: the five and the course question."""
    cases = _cached(base, "cases", _stamp(Path(base), "cases"))
    return cases[cases.kind.isin(["main", "course"])].set_index("case_id")


def _check_argued_only(base: str, table: Table, frame: pd.DataFrame) -> None:
    argued = _argued_cases(base)
    for number, cid in enumerate(frame.case_id, start=2):
        if cid not in argued.index:
            raise DataError(table.path, number, "case_id", cid,
                            _("a main case ({cases}) or the course case ({course})").format(
                                cases=", ".join(MAIN_CASES), course=", ".join(kit.COURSE_CASES)))


def _check_arguments(base: str, table: Table, frame: pd.DataFrame) -> None:
    _check_argued_only(base, table, frame)
    main = _argued_cases(base)
    holders = _cached(base, "stakeholders", _stamp(Path(base), "stakeholders"))
    holder_case = dict(zip(holders.stakeholder_id, holders.case_id, strict=True))
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        if row.question != main.at[row.case_id, "central_question"]:
            raise DataError(table.path, number, "question", row.question,
                            _("the central_question of case '{case}' in data/cases.csv").format(
                                case=row.case_id))
        if holder_case[row.stakeholder] != row.case_id:
            raise DataError(table.path, number, "stakeholder", row.stakeholder,
                            _("a stakeholder of case '{case}'").format(case=row.case_id))


def _check_evidence(base: str, table: Table, frame: pd.DataFrame) -> None:
    facts = _cached(base, "facts", _stamp(Path(base), "facts"))
    fact_sources = {f: set(s.split(";")) for f, s in zip(facts.fact_id, facts.source_ids,
                                                          strict=True)}
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        cited = fact_sources[row.fact_id]
        for one in row.source_ids.split(";"):
            if one not in cited:
                raise DataError(table.path, number, "source_ids", one,
                                _("a source that data/facts.csv cites for '{fact}' "
                                  "({sources})").format(fact=row.fact_id,
                                                        sources=";".join(sorted(cited))))


def _check_sales(base: str, table: Table, frame: pd.DataFrame) -> None:
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        if row.estimate_low > row.estimate_high:
            raise DataError(table.path, number, "estimate_low", row.estimate_low,
                            _("a low estimate no greater than estimate_high"))
        if (row.price_basis == "unsold") == row.sold:
            raise DataError(table.path, number, "price_basis", row.price_basis,
                            _("'unsold' exactly when sold is false"))
        if row.sold and pd.isna(row.price):
            raise DataError(table.path, number, "price", "", _("a price for a sold lot"))


def _check_comparison(base: str, table: Table, frame: pd.DataFrame) -> None:
    _check_main_only(base, table, frame)
    have = set(zip(frame.case_id, frame.dimension, strict=True))
    for cid in MAIN_CASES:
        for dim in DIMENSIONS:
            if (cid, dim) not in have:
                raise DataError(table.path, None, "dimension",
                                _("{case}/(missing {dimension})").format(case=cid, dimension=dim),
                                _("one row per main case and dimension ({dimensions})").format(
                                    dimensions=", ".join(DIMENSIONS)))


def _check_rules(base: str, table: Table, frame: pd.DataFrame) -> None:
    """A proposal is not in force; a review date follows the rule and its sources."""
    sources = _cached(base, "sources", _stamp(Path(base), "sources")).set_index("source_id")
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        proposed = row.status.startswith("proposed")
        if (row.kind == "proposal") != proposed or proposed and not pd.isna(row.date_in_force):
            raise DataError(table.path, number, "kind", row.kind,
                            _("'proposal' exactly when status starts with 'proposed', and "
                              "then no date_in_force (a proposal is not in force)"))
        dates = [(row.date_in_force, _("the rule's date_in_force"))] + [
            (sources.at[sid, "date"], _("the date of its source {source}").format(source=sid))
            for sid in row.source_ids.split(";")]
        for when, what in dates:
            if not pd.isna(when) and row.last_reviewed < when:
                raise DataError(table.path, number, "last_reviewed",
                                row.last_reviewed.date().isoformat(),
                                _("a date on or after {what} ({date})").format(
                                    what=what, date=when.date().isoformat()))


_EXTRA_CHECKS = {
    "cases": _check_cases,
    "stakeholders": _check_argued_only,
    "arguments": _check_arguments,
    "evidence": _check_evidence,
    "rules": _check_rules,
    "applications": _check_main_only,
    "sales": _check_sales,
    "comparison": _check_comparison,
}
