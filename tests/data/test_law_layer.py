"""The law layer (issue 14): Hong Kong and China's 2023 rules, review dates, proposals that are
not law, and what the jurisdiction lens can show from them."""

from __future__ import annotations

import shutil
from datetime import date

import pandas as pd
import pytest

from artethics import data
from artethics.data import JURISDICTIONS, MAIN_CASES, DataError, load
from artethics.widgets import lens


@pytest.fixture(scope="module")
def rules():
    return load("rules").set_index("rule_id")


@pytest.fixture(scope="module")
def applications():
    return load("applications")


def test_every_rule_has_a_review_date_on_or_after_its_own_date(rules):
    assert rules["last_reviewed"].notna().all()
    dated = rules[rules["date_in_force"].notna()]
    assert (dated["last_reviewed"] >= dated["date_in_force"]).all()


def test_hong_kong_rules_say_what_is_law_and_what_is_only_proposed(rules):
    s11 = rules.loc["hk_copyright_s11_3"]
    assert (s11.jurisdiction, s11.article, s11.kind) == ("HK", "s.11(3)", "statute")
    assert "arrangements necessary" in s11.requires
    proposal = rules.loc["hk_tdm_proposal"]
    assert proposal.kind == "proposal" and pd.isna(proposal.date_in_force)
    assert proposal.status.startswith("proposed, not in force")
    assert "text and data mining" in proposal.requires


def test_deep_synthesis_provisions_were_in_force_before_both_chinese_cases(rules):
    events = load("events").set_index("event_id")
    for rule_id in ("cn_deep_synthesis_art14", "cn_deep_synthesis_art16_17"):
        start = rules.at[rule_id, "date_in_force"]
        assert start.date() == date(2023, 1, 10)
        assert start < events.at["lofter_first_reply", "date"]
        assert start < events.at["trik_first_accusation", "date"]
        # ... and before the Interim Measures, which the lessons used to call China's first rules
        assert start < rules.at["cn_interim_measures_art7", "date_in_force"]


def test_both_chinese_cases_are_read_through_the_deep_synthesis_provisions(applications):
    linked = applications[applications.rule_id.str.startswith("cn_deep_synthesis")]
    assert {"lofter", "trik"} <= set(linked.case_id)


@pytest.mark.parametrize("case_id", MAIN_CASES)
def test_every_main_case_has_a_hong_kong_reading(applications, rules, case_id):
    apps = applications[applications.case_id == case_id]
    assert "HK" in set(rules.loc[apps.rule_id, "jurisdiction"])


def test_a_proposal_is_never_read_as_settled_law(applications, rules):
    proposals = rules.index[rules.kind == "proposal"]
    rows = applications[applications.rule_id.isin(proposals)]
    assert len(rows) >= 2
    assert set(rows.certainty) == {"open"}


def test_the_eu_duty_for_an_artists_small_model_is_arguable_not_settled(applications):
    row = applications.set_index("application_id").loc["christies_eu_training"]
    assert row.certainty == "arguable"
    assert "small model is covered is arguable" in row.points_to


@pytest.mark.parametrize(("case", "jurisdiction", "rule_id"), [
    ("lofter", "CN", "cn_deep_synthesis_art14"),
    ("trik", "CN", "cn_deep_synthesis_art14"),
    ("christies", "HK", "hk_copyright_s11_3"),
    ("trik", "HK", "hk_tdm_proposal"),
])
def test_lens_findings_show_the_new_rules(applications, case, jurisdiction, rule_id):
    found = lens.findings(case, jurisdiction, load("rules"), applications)
    assert rule_id in [f.rule_id for f in found]


def test_the_lens_lets_a_student_choose_hong_kong():
    assert set(JURISDICTIONS) <= set(lens.JURISDICTIONS)
    assert lens.check_jurisdiction("hk") == "HK"


def test_access_and_benefit_is_a_column_for_every_main_case():
    grid = load("comparison")
    rows = grid[grid.dimension == "access_and_benefit"]
    assert sorted(rows.case_id) == sorted(MAIN_CASES)
    assert rows.source_ids.str.len().gt(0).all()


@pytest.mark.parametrize(("fact_id", "value"), [
    ("belamy_barrat_pay", "not recorded"),
    ("trik_training_set_size", "not known"),
])
def test_what_the_sources_do_not_say_is_recorded_as_unverified(fact_id, value):
    facts = load("facts").set_index("fact_id")
    assert facts.at[fact_id, "value"] == value
    assert facts.at[fact_id, "status"] == "unverified"


def test_barrat_age_is_dated_to_october_2018():
    claim = load("facts").set_index("fact_id").at["belamy_barrat_age", "claim"]
    assert "October 2018" in claim and "published" not in claim


def test_the_spun_copy_alone_does_not_put_words_in_the_event_text():
    row = load("events").set_index("event_id").loc["trik_private_apology"]
    assert "remove" not in row.event and "S02" in row.note


def test_a_correct_lower_bound_is_not_called_imprecise():
    row = load("corrections").set_index("correction_id").loc["c11_christies_total"]
    assert row.verdict == "accurate"


# --- broken rules are refused, naming the column -----------------------------------

def _kit_with_rules(tmp_path, edit):
    root = tmp_path / "kit"
    (root / "data").mkdir(parents=True)
    shutil.copytree(data.paths.root() / "seeds", root / "seeds")
    source = (data.paths.root() / "data" / "rules.csv").read_text(encoding="utf-8")
    (root / "data" / "rules.csv").write_text(edit(source), encoding="utf-8")
    return root


def _row(text, rule_id):
    return next(line for line in text.splitlines() if line.startswith(rule_id + ","))


def _swap(rule_id, old, new):
    def edit(text):
        line = _row(text, rule_id)
        return text.replace(line, line.replace(old, new))
    return edit


@pytest.mark.parametrize(("edit", "column", "words"), [
    (_swap("cn_interim_measures_art7", ",2026-12-02", ",2023-08-01"), "last_reviewed",
     "date_in_force"),
    (_swap("hk_copyright_s11_3", ",2026-12-02", ",2020-01-01"), "last_reviewed", "S70"),
    (_swap("hk_copyright_s11_3", ",2026-12-02", ","), "last_reviewed", "required"),
    (_swap("hk_copyright_s11_3", ",2026-12-02", ",2 Dec 2026"), "last_reviewed", "YYYY-MM-DD"),
    (_swap("hk_tdm_proposal", ",proposal,", ",statute,"), "kind", "proposal"),
    (_swap("hk_tdm_proposal", ',,,"The government', ',2024-07-08,day,"The government'), "kind",
     "no date_in_force"),
    (_swap("hk_copyright_s11_3", ",HK,", ",HKG,"), "jurisdiction", "HK"),
])
def test_broken_rules_are_refused(tmp_path, edit, column, words):
    root = _kit_with_rules(tmp_path, edit)
    with pytest.raises(DataError) as err:
        load("rules", root)
    assert err.value.column == column
    assert words in str(err.value)
