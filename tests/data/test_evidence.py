"""The lens of every argument and the evidence table linking arguments to facts:
their shape, their links to the other tables and the errors a bad row raises."""

from __future__ import annotations

import shutil

import pytest

from artethics import data
from artethics.data import LENSES, MAIN_CASES, RELATIONS, DataError, load

TABLES = ("cases", "stakeholders", "arguments", "facts", "evidence")


@pytest.fixture(scope="module")
def arguments():
    return load("arguments")


@pytest.fixture(scope="module")
def evidence():
    return load("evidence")


def test_every_argument_has_one_of_the_five_lenses(arguments):
    assert set(arguments.lens) <= set(LENSES)
    assert (arguments.lens != "").all()
    assert list(LENSES) == ["consequences", "rights", "fairness", "character", "community"]


def test_every_lens_is_used_somewhere_and_no_case_leans_on_one_lens(arguments):
    assert set(arguments.lens) == set(LENSES)
    for case in MAIN_CASES:
        lenses = arguments[arguments.case_id == case].lens
        assert lenses.nunique() >= 3, case


def test_some_lens_tags_read_off_the_claims(arguments):
    # arguments whose wording leaves no doubt about the lens they rest on
    lens = arguments.set_index("argument_id")["lens"]
    assert lens["trik_against_6"] == "rights"            # not asked before use
    assert lens["belamy_against_6"] == "fairness"        # who did the work, who got the money
    assert lens["christies_against_10"] == "consequences"  # how the lots actually did
    assert lens["lofter_against_9"] == "community"       # losing the creators the community needs
    assert lens["christies_for_12"] == "community"       # learning by looking, as artists do


def test_evidence_links_real_arguments_and_facts(evidence):
    known_args = set(load("arguments").argument_id)
    facts = load("facts").set_index("fact_id")
    assert set(evidence.argument_id) <= known_args
    assert set(evidence.fact_id) <= set(facts.index)
    assert set(evidence.relation) <= set(RELATIONS)
    for row in evidence.itertuples():
        assert set(row.source_ids.split(";")) <= set(facts.at[row.fact_id, "source_ids"].split(";"))
        assert row.note.endswith(".") and len(row.note.split()) >= 4


def test_every_main_case_has_supporting_evidence_and_the_course_has_both_directions(evidence):
    case = evidence.argument_id.str.split("_").str[0]
    for one in MAIN_CASES:
        assert (evidence[case == one].relation == "supports").any(), one
    assert (evidence.relation == "undermines").sum() >= 5


def test_an_unverified_fact_is_only_ever_context(evidence):
    # a claim no source confirms can frame an argument but never support or undermine it
    facts = load("facts").set_index("fact_id")
    unverified = set(facts.index[facts.status == "unverified"])
    used = evidence[evidence.fact_id.isin(unverified)]
    assert not used.empty  # the rule is exercised by real rows
    assert set(used.relation) == {"context"}
    for note in used.note:
        assert "only one source" in note or "could not verify" in note


def test_links_the_data_makes_true(evidence):
    rel = evidence.set_index(["argument_id", "fact_id"])["relation"]
    assert rel["christies_against_10", "christies_lots_weak"] == "supports"
    assert rel["christies_for_2", "christies_lots_weak"] == "undermines"
    assert rel["christies_for_12", "carlini_strict"] == "undermines"
    assert rel["belamy_against_9", "belamy_ratio_high"] == "supports"


# --- a broken row raises a precise DataError ---------------------------------------

def _kit(tmp_path, table, edit):
    root = tmp_path / "kit"
    (root / "data").mkdir(parents=True)
    shutil.copytree(data.paths.root() / "seeds", root / "seeds")
    for name in TABLES:
        shutil.copyfile(data.paths.root() / "data" / f"{name}.csv",
                        root / "data" / f"{name}.csv")
    path = root / "data" / f"{table}.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def _first_row_replaced(old, new):
    def edit(text):
        head, first, rest = text.split("\n", 2)
        assert old in first
        return "\n".join([head, first.replace(old, new, 1), rest])
    return edit


BROKEN = [
    # table, old text in the first data row, new text, column, value, words expected
    ("arguments", ",consequences,", ",virtue,", "lens", "virtue", "one of: character"),
    ("arguments", ",consequences,", ",,", "lens", "", "required"),
    ("evidence", "rembrandt_for_1,", "rembrandt_for_99,", "argument_id", "rembrandt_for_99",
     "data/arguments.csv"),
    ("evidence", "rembrandt_death_year", "rembrandt_birth_year", "fact_id",
     "rembrandt_birth_year", "data/facts.csv"),
    ("evidence", ",supports,", ",proves,", "relation", "proves", "context, supports, undermines"),
    ("evidence", ",S09;S10,", ",S99,", "source_ids", "S99", "seeds/sources.csv"),
    ("evidence", ",S09;S10,", ",S09;S14,", "source_ids", "S14", "cites for 'rembrandt_death_year'"),
]


@pytest.mark.parametrize(("table", "old", "new", "column", "value", "expected"), BROKEN,
                         ids=[f"{b[0]}-{b[3]}-{b[4] or 'empty'}" for b in BROKEN])
def test_a_bad_row_names_row_column_and_value(tmp_path, table, old, new, column, value,
                                              expected):
    root = _kit(tmp_path, table, _first_row_replaced(old, new))
    with pytest.raises(DataError) as caught:
        load(table, root=root)
    err = caught.value
    assert (err.file, err.row, err.column, err.value) == (f"data/{table}.csv", 2, column, value)
    assert expected in err.expected


def test_a_link_given_twice_is_refused(tmp_path):
    def twice(text):
        lines = text.splitlines()
        return "\n".join([*lines, lines[1]]) + "\n"
    root = _kit(tmp_path, "evidence", twice)
    with pytest.raises(DataError, match="already used in row 2"):
        load("evidence", root=root)
