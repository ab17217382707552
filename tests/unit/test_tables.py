"""The shared lesson tables: full-text display, key figures, reading list, glossary, facts."""

import pandas as pd
import pytest

from artethics import data, tables


def test_readable_shows_long_cells_and_every_row_in_full():
    frame = pd.DataFrame({"note": ["x" * 120 + " end of a long note"] * 70})
    shown = tables.readable(frame)
    assert "end of a long note" in shown._repr_html_() and "end of a long note" in repr(shown)
    assert "…" not in shown._repr_html_() and "..." not in repr(shown)
    assert shown._repr_html_().count("</tr>") == 71  # header + 70 rows, none elided
    assert shown.frame is frame


def test_readable_writes_small_numbers_with_their_digits_not_zero():
    frame = pd.DataFrame({"usd": [432500.0, 28.833333, 0.0000739316]})
    html = tables.readable(frame)._repr_html_()
    assert "432,500" in html and "28.83" in html and "0.00007393" in html
    assert "e-05" not in html


def test_readable_takes_a_column_and_rejects_other_things():
    assert "S19" in repr(tables.readable(pd.Series(["S19"], name="source_ids")))
    with pytest.raises(TypeError, match="DataFrame"):
        tables.readable(["not", "a", "table"])


def test_format_value_writes_each_unit_the_way_the_lessons_do():
    assert tables.format_value("728784", "USD") == "US$728,784"
    assert tables.format_value(10000, "CNY") == "RMB 10,000"
    assert tables.format_value(82, "percent") == "82%"
    assert tables.format_value(168263.0, "fragments") == "168,263 fragments"
    assert tables.format_value(1669, "year") == "1669"
    assert tables.format_value(43.25, "times") == "43.25 times"
    assert tables.format_value(5, float("nan")) == "5"
    assert tables.format_value("not confirmed", "") == "not confirmed"


def test_key_figures_by_case_are_sorted_and_by_ids_keep_their_order():
    by_case = tables.key_figures("lofter")
    assert list(by_case.index) == sorted(by_case.index)
    assert list(by_case.columns) == tables.KEY_FIGURE_COLUMNS
    chosen = tables.key_figures(["rembrandt_pixels", "belamy_price"])
    assert list(chosen.index) == ["rembrandt_pixels", "belamy_price"]
    assert chosen.loc["belamy_price", "figure"] == "US$432,500"


def test_key_figures_keep_the_sources_wording_of_inexact_numbers():
    table = tables.key_figures("christies")
    assert table.loc["christies_letter_signatures", "figure"] == "nearly 6,500 signatures"
    assert table.loc["christies_presale_estimate", "figure"] == "about US$600,000"
    assert table.loc["christies_letter_organiser", "figure"] == "not confirmed"


def test_key_figures_name_an_unknown_case_or_fact():
    with pytest.raises(ValueError, match="no rows for case 'nope'"):
        tables.key_figures("nope")
    with pytest.raises(KeyError, match="rembrandt_nope"):
        tables.key_figures(["rembrandt_fragments", "rembrandt_nope"])


def test_fact_gives_numbers_as_numbers_and_text_as_text():
    assert tables.fact("christies_lots_sold") == 28
    assert isinstance(tables.fact("christies_lots_sold"), int)
    assert tables.fact("belamy_ratio_high") == pytest.approx(43.25)
    assert tables.fact("christies_letter_organiser") == "not confirmed"
    assert tables.fact_number("lofter_compensation_offer") == 10000.0
    with pytest.raises(KeyError, match="nope"):
        tables.fact("nope")
    with pytest.raises(ValueError, match="is text"):
        tables.fact_number("christies_letter_organiser")


def test_reading_list_keeps_the_order_given_and_adds_the_notes():
    notes = {"S22": "one source only"}
    table = tables.reading_list(["S22", "S19", "S22"], notes)
    assert list(table.index) == ["S22", "S19"]
    assert list(table.columns) == tables.READING_COLUMNS
    assert table.loc["S22", "how_to_read"] == "one source only"
    assert table.loc["S19", "how_to_read"] == ""
    assert table.loc["S19", "date"][-4:].isdigit()  # '14 Mar 2023', not a timestamp


def test_reading_list_never_shows_a_blank_address_and_names_unknown_ids():
    sources = data.load("sources").set_index("source_id")
    blank = [i for i, u in sources["url"].items() if u != u or not str(u).strip()]
    assert blank, "the test needs a source without a URL in seeds/sources.csv"
    table = tables.reading_list([blank[0], "S19"])
    assert table.loc[blank[0], "url"] == tables.NO_ADDRESS
    assert table.loc["S19", "url"].startswith("http")
    with pytest.raises(ValueError, match="S999"):
        tables.reading_list(["S999"])


def test_glossary_keeps_the_order_and_names_a_missing_term():
    terms = ["training data", "provenance"]
    table = tables.glossary(terms)
    assert list(table.index) == terms
    assert table["term_zh"].str.len().gt(0).all()
    with pytest.raises(KeyError, match="reserve price"):
        tables.glossary(["training data", "reserve price"])


def test_sources_of_sorts_by_number_and_skips_blanks():
    frame = pd.DataFrame({"source_ids": ["S100;S07", None, "S07; S31", ""]})
    assert tables.sources_of(frame) == ["S07", "S31", "S100"]
    with pytest.raises(ValueError, match="source_ids column"):
        tables.sources_of(pd.DataFrame({"claim": ["x"]}))
