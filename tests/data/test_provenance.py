"""The real tables: every row cites a registered source, every source is used, and
figures derived from other rows agree with them."""

from __future__ import annotations

import pytest

from artethics.data import GROUPS, PRINCIPLES, load_all, tables
from artethics.sources import sources_of

CITING = [name for name in tables() if name != "sources"]


@pytest.fixture(scope="module")
def kit():
    return load_all()


@pytest.mark.parametrize("name", CITING)
def test_every_row_cites_a_registered_source(kit, name):
    frame = kit[name]
    registered = set(kit["sources"].source_id)
    column = "source_id" if name == "corrections" else "source_ids"
    for number, raw in enumerate(frame[column], start=2):
        ids = raw.split(";") if raw else []
        assert ids, f"{name}.csv row {number} cites no source"
        assert set(ids) <= registered, f"{name}.csv row {number}: {raw}"


def test_every_registered_source_is_cited_somewhere(kit):
    cited = set()
    for name in CITING:
        cited.update(sources_of(kit[name]))
    unused = sorted(set(kit["sources"].source_id) - cited, key=lambda s: (len(s), s))
    assert not unused, f"sources never cited: {unused}"


def test_the_five_seed_documents_are_s01_to_s05(kit):
    seeds = kit["sources"].set_index("source_id").loc[["S01", "S02", "S03", "S04", "S05"]]
    assert seeds.kind.tolist() == ["news report", "news report", "news report", "essay",
                                   "forum post"]
    assert (seeds.reliability.isin(["low", "medium"])).all()


def fact(kit, fact_id):
    row = kit["facts"].set_index("fact_id").loc[fact_id]
    return row


def test_sell_through_is_recomputed_from_its_parts(kit):
    sold = fact(kit, "christies_lots_sold").value_num
    offered = fact(kit, "christies_lots_offered").value_num
    assert (sold, offered) == (28, 34)
    assert round(100 * sold / offered) == fact(kit, "christies_sell_through").value_num == 82


def test_price_to_estimate_ratio_is_recomputed_from_sales(kit):
    lot = kit["sales"].set_index("lot_id").loc["belamy_portrait"]
    assert lot.price / lot.estimate_high == fact(kit, "belamy_ratio_high").value_num
    assert lot.price == fact(kit, "belamy_price").value_num
    assert lot.estimate_low == fact(kit, "belamy_estimate_low").value_num
    assert lot.estimate_high == fact(kit, "belamy_estimate_high").value_num


def test_rembrandt_years_follow_from_the_death_year(kit):
    unveiled = kit["events"].set_index("event_id").at["rembrandt_unveiled", "date"]
    died = fact(kit, "rembrandt_death_year").value_num
    assert unveiled.year - died == fact(kit, "rembrandt_years_after_death").value_num


def test_carlini_generations_are_captions_times_500(kit):
    assert (fact(kit, "carlini_captions").value_num * 500
            == fact(kit, "carlini_generations").value_num)


def test_christies_lots_in_sales_do_not_exceed_the_sale_total(kit):
    lots = kit["sales"][kit["sales"].case_id == "christies"]
    assert lots.price.sum() <= fact(kit, "christies_total").value_num


MAIN = ["rembrandt", "belamy", "lofter", "trik", "christies"]


def test_main_cases_are_exactly_the_five(kit):
    cases = kit["cases"]
    assert sorted(cases[cases.kind == "main"].case_id) == sorted(MAIN)


@pytest.mark.parametrize("case_id", MAIN)
def test_each_main_case_has_a_balanced_argument_set(kit, case_id):
    args = kit["arguments"][kit["arguments"].case_id == case_id]
    counts = args.stance.value_counts()
    assert counts["for"] >= 4 and counts["against"] >= 4
    for stance in ("for", "against"):
        side = args[args.stance == stance]
        assert side.stakeholder.nunique() >= 2 and side.principle.nunique() >= 3
    holders = kit["stakeholders"][kit["stakeholders"].case_id == case_id]
    assert 4 <= len(holders) <= 7
    assert set(holders.group) <= GROUPS and set(args.principle) <= PRINCIPLES


@pytest.mark.parametrize("case_id", MAIN)
def test_each_main_case_is_read_through_every_jurisdiction(kit, case_id):
    apps = kit["applications"].merge(kit["rules"][["rule_id", "jurisdiction"]], on="rule_id")
    assert set(apps[apps.case_id == case_id].jurisdiction) == {"CN", "HK", "US", "EU", "UK"}
