"""facts.csv's qualifier and as_of columns: typed on load, refused when malformed, and
used for the open letter's signature counts (data follow-ups to issue 3)."""

from __future__ import annotations

import pandas as pd
import pytest

from artethics.data import DataError, load

HEADER = ("fact_id,case_id,claim,value,unit,qualifier,as_of,date_precision,source_ids,"
          "confidence,status,note\n")


def _write_facts(root, *rows: str) -> None:
    (root / "data" / "facts.csv").write_text(HEADER + "".join(r + "\n" for r in rows),
                                            encoding="utf-8")


def test_qualifier_and_as_of_load_typed_and_may_be_empty(kit):
    _write_facts(kit, "a,lofter,Count (approximate),3000,signatures,about,2025-02-10,day,"
                      "S01,high,confirmed,",
                 "b,lofter,Exact count,12,lots,,,,S01,high,confirmed,")
    facts = load("facts", root=kit).set_index("fact_id")
    assert facts.at["a", "qualifier"] == "about" and facts.at["b", "qualifier"] == ""
    assert facts.at["a", "as_of"] == pd.Timestamp("2025-02-10")
    assert pd.isna(facts.at["b", "as_of"]) and facts.at["b", "date_precision"] == ""


@pytest.mark.parametrize(("row", "column", "expected"), [
    ("a,lofter,Count,3000,signatures,roughly,,,S01,high,confirmed,", "qualifier",
     "about, more than, nearly"),
    ("a,lofter,Count,3000,signatures,,2025-02-10,,S01,high,confirmed,", "date_precision",
     "precision exactly when 'as_of' is given"),
    ("a,lofter,Count,3000,signatures,,10 Feb 2025,day,S01,high,confirmed,", "as_of",
     "YYYY-MM-DD"),
])
def test_malformed_qualifier_or_date_is_refused_with_its_place(kit, row, column, expected):
    _write_facts(kit, row)
    with pytest.raises(DataError) as info:
        load("facts", root=kit)
    assert (info.value.row, info.value.column) == (2, column)
    assert expected in info.value.expected


@pytest.fixture(scope="module")
def facts():
    return load("facts").set_index("fact_id")


def test_letter_counts_dated_and_undated(facts):
    counts = facts[(facts.case_id == "christies") & (facts.unit == "signatures")]
    dated = counts[counts.as_of.notna()].sort_values("as_of")
    assert dated.value_num.tolist() == [3000, 6500]
    assert dated.qualifier.tolist() == ["about", "nearly"]
    assert dated.as_of.dt.strftime("%Y-%m-%d").tolist() == ["2025-02-10", "2025-03-06"]
    assert (dated.date_precision == "day").all()
    undated = counts[counts.as_of.isna()]
    assert undated.value_num.tolist() == [6000] and undated.qualifier.tolist() == ["more than"]
    # every dated count agrees with the event that tells the same story
    events = load("events").set_index("event_id")
    assert events.at["christies_letter_3000", "date"] == dated.as_of.iloc[0]
    assert events.at["christies_letter_6500", "date"] == dated.as_of.iloc[-1]


def test_conflicting_sell_through_is_its_own_disputed_row(facts):
    alt, main = facts.loc["christies_sell_through_alt"], facts.loc["christies_sell_through"]
    assert alt.value_num == 88 and alt.unit == main.unit == "percent"
    assert alt.status == main.status == "disputed"
    sold, offered = facts.at["christies_lots_sold", "value_num"], facts.at[
        "christies_lots_offered", "value_num"]
    assert abs(100 * sold / offered - alt.value_num) > 5  # the conflict is kept, not fixed
    assert "88" not in main.note  # the note points to the row; no number to parse


def test_named_signatories_do_not_make_an_organiser(facts):
    assert facts.at["christies_letter_named_signatories", "value"] == "Karla Ortiz; Kelly McKernan"
    assert facts.at["christies_letter_organiser", "status"] == "unverified"


@pytest.mark.parametrize("fact_id", ["christies_reply", "christies_hk_voice_dorrer"])
def test_text_facts_cite_their_one_source(facts, fact_id):
    assert pd.isna(facts.at[fact_id, "value_num"])
    assert facts.at[fact_id, "source_ids"] == {"christies_reply": "S36",
                                               "christies_hk_voice_dorrer": "S01"}[fact_id]


def test_restored_names_without_a_source_say_so():
    corrections = load("corrections")
    bare = corrections[corrections.verified_source_ids == ""]
    assert len(bare) == 7 and set(bare.verdict) == {"garbled_name"}
    assert bare.explanation.str.contains("no separate source was checked").all()


def test_christies_has_a_lawmakers_stakeholder():
    holders = load("stakeholders")
    groups = set(holders[holders.case_id == "christies"].group)
    assert "lawmakers_regulators" in groups


def test_lofter_summary_dates_only_what_is_known():
    summary = load("cases").set_index("case_id").at["lofter", "summary"]
    assert "within ten days" not in summary
    assert "early March 2023" in summary and "6 March" in summary and "16 March" in summary
