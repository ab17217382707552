"""artethics.data on small fixture tables: typing, every failure mode, caching."""

from __future__ import annotations

import os
from datetime import date

import pandas as pd
import pytest

from artethics import data
from artethics.data import DataError, load

# broken fixture, table, row, column, offending value, words the 'expected' part must hold
BROKEN = [
    ("events__missing_column.csv", 1, "confidence", "(missing)", "column named 'confidence'"),
    ("events__bad_date.csv", 2, "date", "2023-02-30", "existing date"),
    ("events__date_not_iso.csv", 2, "date", "6 March 2023", "YYYY-MM-DD"),
    ("events__unknown_source.csv", 3, "source_ids", "S99", "seeds/sources.csv"),
    ("events__duplicate_key.csv", 3, "event_id", "first_reply", "already used in row 2"),
    ("events__bad_enum.csv", 3, "confidence", "certain", "high, low, medium"),
    ("events__precision_mismatch.csv", 3, "date", "2023-03-16", "first day of the month"),
    ("events__unknown_case.csv", 3, "case_id", "netease", "data/cases.csv"),
    ("sales__bad_number.csv", 2, "price", "432,500", "no commas"),
    ("sales__bad_bool.csv", 2, "sold", "yes", "true or false"),
    ("sales__bad_int.csv", 2, "year_made", "2018.0", "whole number"),
]


def test_minimal_fixture_loads_with_types(kit):
    events = load("events", root=kit)
    assert events["date"].dtype == "datetime64[ns]"
    assert events["date"].dt.date.tolist() == [date(2023, 3, 6), date(2023, 3, 1)]
    sales = load("sales", root=kit)
    assert sales["price"].dtype == "float64" and sales.at[0, "price"] == 432500.0
    assert sales["sold"].tolist() == [True, False]
    assert pd.isna(sales.at[1, "price"]) and pd.isna(sales.at[1, "year_made"])
    assert str(sales["year_made"].dtype) == "Int64"


@pytest.mark.parametrize(("broken", "row", "column", "value", "expected"), BROKEN,
                         ids=[b[0].removesuffix(".csv") for b in BROKEN])
def test_each_fault_raises_a_precise_data_error(kit, install_broken, broken, row, column, value,
                                                expected):
    install_broken(kit, broken)
    table = broken.split("__")[0]
    with pytest.raises(DataError) as caught:
        load(table, root=kit)
    err = caught.value
    assert (err.file, err.row, err.column, err.value) == (f"data/{table}.csv", row, column, value)
    assert expected in err.expected
    message = str(err)
    for part in (f"data/{table}.csv", f"row {row}", f"'{column}'", repr(value)):
        assert part in message


def test_a_missing_file_says_where_it_looked(tmp_path):
    with pytest.raises(DataError, match="ARTETHICS_ROOT"):
        load("events", root=tmp_path)


def test_unknown_table_name_lists_the_choices(kit):
    with pytest.raises(ValueError, match="glossary"):
        load("event", root=kit)


def test_callers_get_copies_not_the_cache(kit):
    first = load("events", root=kit)
    first.loc[0, "event"] = "changed by a caller"
    del first["note"]
    again = load("events", root=kit)
    assert again.at[0, "event"] == "The platform replies."
    assert "note" in again.columns


def test_an_edited_file_is_read_again(kit):
    assert len(load("events", root=kit)) == 2
    path = kit / "data" / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert len(load("events", root=kit)) == 1


def test_a_broken_source_register_breaks_the_tables_that_cite_it(kit):
    load("events", root=kit)
    path = kit / "seeds" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("S02,essay", "S03,essay"),
                    encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    with pytest.raises(DataError, match="S02"):
        load("events", root=kit)


def test_artethics_root_environment_variable_is_honoured(kit, monkeypatch):
    monkeypatch.setenv("ARTETHICS_ROOT", str(kit))
    assert load("cases")["case_id"].tolist() == ["lofter"]


def test_tables_lists_every_table_sorted():
    names = data.tables()
    assert names == sorted(names)
    assert {"sources", "cases", "events", "facts", "sales", "arguments", "stakeholders",
            "rules", "applications", "corrections", "glossary", "comparison",
            "evidence"} == set(names)


def _add_case(root, case_id: str, kind: str) -> None:
    path = root / "data" / "cases.csv"
    path.write_text(path.read_text(encoding="utf-8")
                    + f"{case_id},A course question,课程问题,2025,{kind},Is it fair?,Test.,S01\n",
                    encoding="utf-8")
    stat = path.stat()  # a new stamp even where the clock is coarse
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def test_the_course_case_is_the_one_kit_names(kit, monkeypatch):
    """kind 'course' is allowed exactly for artethics.kit.COURSE_CASES (one home)."""
    from artethics import kit as kit_module

    assert kit_module.COURSE_CASES == ("synthesis",)
    assert kit_module.CASES == kit_module.MAIN_CASES + kit_module.COURSE_CASES
    _add_case(kit, "synthesis", "course")
    assert load("cases", root=kit).set_index("case_id").at["synthesis", "kind"] == "course"
    _add_case(kit, "wider_question", "course")
    with pytest.raises(DataError, match="'course' exactly for synthesis"):
        load("cases", root=kit)
    monkeypatch.setattr(kit_module, "COURSE_CASES", ("synthesis", "wider_question"))
    assert len(load("cases", root=kit)) == 3


def test_the_course_case_cannot_be_filed_as_a_side_case(kit):
    _add_case(kit, "synthesis", "side")
    with pytest.raises(DataError, match="'course' exactly for synthesis"):
        load("cases", root=kit)
