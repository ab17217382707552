"""Values the lessons rely on, checked against the project's fact check, including the
claims it marks corrected, disputed or unverified."""

from __future__ import annotations

from datetime import date

import pytest

from artethics.data import load


@pytest.fixture(scope="module")
def facts():
    return load("facts").set_index("fact_id")


@pytest.mark.parametrize(("fact_id", "value", "status"), [
    ("rembrandt_years_after_death", 347, "corrected"),
    ("rembrandt_paintings_analysed", 346, "confirmed"),
    ("rembrandt_fragments", 168263, "confirmed"),
    ("belamy_price", 432500, "corrected"),
    ("belamy_training_portraits", 15000, "confirmed"),
    ("christies_total", 728784, "confirmed"),
    ("christies_lots_sold", 28, "confirmed"),
    ("christies_young_bidders", 48, "confirmed"),
    ("christies_new_registrants", 37, "confirmed"),
    ("christies_letter_signatures", 6500, "corrected"),
    ("lofter_compensation_offer", 10000, "confirmed"),
    ("trik_mau", 260_000_000, "confirmed"),
    ("trik_hashtag_views", 35_000_000, "confirmed"),
    ("li_v_liu_damages", 500, "confirmed"),
    ("carlini_strict", 94, "confirmed"),
    ("carlini_near", 109, "disputed"),
])
def test_numeric_facts(facts, fact_id, value, status):
    assert facts.at[fact_id, "value_num"] == value
    assert facts.at[fact_id, "status"] == status


@pytest.mark.parametrize("fact_id", ["trik_he_quote", "christies_letter_organiser"])
def test_unconfirmed_claims_are_marked_not_chosen(facts, fact_id):
    assert facts.at[fact_id, "status"] == "unverified"
    assert facts.at[fact_id, "confidence"] == "low"


def test_trik_start_date_is_kept_as_disputed(facts):
    assert facts.at["trik_first_accusation_date", "value"] == "2023-07-30"
    assert facts.at["trik_first_accusation_date", "status"] == "disputed"


def test_key_dates():
    events = load("events").set_index("event_id")
    expect = {
        "rembrandt_unveiled": date(2016, 4, 5), "belamy_sale": date(2018, 10, 25),
        "trik_measures_in_force": date(2023, 8, 15), "christies_sale_opens": date(2025, 2, 20),
        "christies_sale_closes": date(2025, 3, 5), "getty_uk_judgment": date(2025, 11, 4),
        "thaler_dc_circuit": date(2025, 3, 18), "li_v_liu_judgment": date(2023, 11, 27),
    }
    for event_id, when in expect.items():
        assert events.at[event_id, "date"].date() == when, event_id
        assert events.at[event_id, "date_precision"] == "day"


def test_lofter_timeline_has_every_day_the_issue_names():
    events = load("events")
    days = set(events[events.case_id == "lofter"].date.dt.strftime("%Y-%m-%d"))
    assert {"2023-03-06", "2023-03-07", "2023-03-08", "2023-03-10", "2023-03-16"} <= days


def test_rules_dates_and_articles():
    rules = load("rules").set_index("rule_id")
    assert rules.at["cn_interim_measures_art7", "date_in_force"].date() == date(2023, 8, 15)
    assert rules.at["eu_ai_act_art53_1d", "date_in_force"].date() == date(2025, 8, 2)
    assert rules.at["cn_copyright_law_art3", "date_in_force"].date() == date(2021, 6, 1)
    assert set(rules.jurisdiction) == {"CN", "HK", "US", "EU", "UK"}


def test_sales_lots_reported_by_sources():
    sales = load("sales").set_index("lot_id")
    assert sales.at["christies_anadol", "price"] == 277200
    assert sales.at["christies_herndon_dryhurst", "price"] == 94500
    assert sales.at["belamy_portrait", "price_basis"] == "with_premium"
    assert set(sales.currency) == {"USD"}


@pytest.mark.parametrize(("source_id", "claim_part", "verified_part", "verdict"), [
    ("S04", "351", "347", "wrong"),
    ("S04", "432,000", "432,500", "imprecise"),
    ("S01", "6,500", "Nearly 6,500", "imprecise"),
    ("S02", "August", "30 July 2023", "imprecise"),
    ("S02", "Steady Diffusion", "Stable Diffusion", "garbled_name"),
    ("S03", "Selection", "Variety", "garbled_name"),
])
def test_corrections_the_issue_lists(source_id, claim_part, verified_part, verdict):
    rows = load("corrections")
    hits = rows[(rows.source_id == source_id) & rows.claim_in_source.str.contains(claim_part)
                & rows.verified_value.str.contains(verified_part)]
    assert hits.verdict.tolist() == [verdict]
