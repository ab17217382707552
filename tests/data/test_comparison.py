"""The cross-case comparison table (lesson 06): its shape, its links and its honesty rules."""

from __future__ import annotations

import shutil

import pytest

from artethics import data
from artethics.data import DIMENSIONS, MAIN_CASES, DataError, load


@pytest.fixture(scope="module")
def comparison():
    return load("comparison")


def test_one_row_per_main_case_and_dimension(comparison):
    pairs = sorted(zip(comparison.case_id, comparison.dimension, strict=True))
    assert pairs == sorted((c, d) for c in MAIN_CASES for d in DIMENSIONS)


def test_every_finding_cites_registered_sources(comparison):
    registered = set(load("sources").source_id)
    for ids in comparison.source_ids:
        assert ids and set(ids.split(";")) <= registered


def test_the_unknowns_are_the_ones_the_sources_leave_open(comparison):
    status = comparison.set_index(["case_id", "dimension"])["status"]
    # nothing in the register says whether Barrat was paid or how the Trik suits ended
    assert status["belamy", "compensation"] == "unknown"
    assert status["trik", "compensation"] == "unknown"
    # the accounts of LOFTER and of Christie's conflict with their critics'
    assert status["lofter", "consent"] == "disputed"
    assert status["christies", "consent"] == "disputed"
    # a finding marked unknown says that the sources are silent
    for finding in comparison.loc[comparison.status == "unknown", "finding"]:
        assert "do not say" in finding or " record no" in finding or "records no" in finding


def test_figures_in_findings_agree_with_facts(comparison):
    facts = load("facts").set_index("fact_id")["value_num"]
    text = comparison.set_index(["case_id", "dimension"])["finding"]
    assert f"{facts['belamy_price']:,.0f}" in text["belamy", "compensation"]
    assert f"{facts['christies_total']:,.0f}" in text["christies", "compensation"]
    assert f"{facts['lofter_compensation_offer']:,.0f}" in text["lofter", "compensation"]
    assert f"{facts['rembrandt_paintings_analysed']:.0f}" in text["rembrandt", "consent"]


def _kit_with(tmp_path, edit):
    root = tmp_path / "kit"
    (root / "data").mkdir(parents=True)
    shutil.copytree(data.paths.root() / "seeds", root / "seeds")
    for name in ("cases", "comparison"):
        shutil.copyfile(data.paths.root() / "data" / f"{name}.csv", root / "data" / f"{name}.csv")
    path = root / "data" / "comparison.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


@pytest.mark.parametrize(("edit", "column"), [
    (lambda s: s.replace(",consent,", ",agreement,", 1), "dimension"),
    (lambda s: s.replace(",unknown,", ",maybe,", 1), "status"),
    (lambda s: s.replace("S06;S07;S09", "S06;S999", 1), "source_ids"),
    (lambda s: s.replace("\nrembrandt,consent,", "\nschubert,consent,", 1), "case_id"),
    (lambda s: "\n".join(line for line in s.splitlines() if not line.startswith("trik,law,")),
     "dimension"),
])
def test_broken_rows_are_refused_with_the_column_named(tmp_path, edit, column):
    root = _kit_with(tmp_path, edit)
    with pytest.raises(DataError) as err:
        load("comparison", root)
    assert err.value.column == column
    assert "comparison.csv" in str(err.value)
