"""The checker helpers the case modules share (end of artethics/exercises/__init__.py)."""

import datetime

import numpy as np
import pandas as pd

from artethics.exercises import (
    as_days,
    close,
    days_verdict,
    first_hint,
    not_a_number,
    pandas_container_verdict,
    text_items,
)


def test_first_hint_takes_the_first_match_and_skips_uncomputable_values():
    mistakes = [(float("nan"), "nan"), (10.0, "ten"), (10.0, "also ten"), (20.0, "twenty")]
    assert first_hint(mistakes, lambda f: close(10.0, f)) == "ten"
    assert first_hint(mistakes, lambda f: close(99.0, f)) is None


def test_not_a_number_names_the_type_and_the_sign_to_leave_out():
    ok, message, hint = not_a_number("82%", "a percentage")
    assert not ok and "str" in message and "a % sign" in hint
    assert "currency sign" in not_a_number([1], "US dollars", sign="a currency sign")[2]


def test_pandas_containers_are_named_and_plain_values_pass_through():
    assert "DataFrame" in pandas_container_verdict(pd.DataFrame({"a": [1]}))[1]
    assert ".iloc[0]" in pandas_container_verdict(pd.Series([1]))[2]
    assert pandas_container_verdict(3) is None


def test_as_days_reads_numbers_and_every_kind_of_timedelta():
    assert as_days(3) == 3.0
    assert as_days(pd.Timedelta(days=2)) == 2.0
    assert as_days(datetime.timedelta(days=1, hours=12)) == 1.5
    assert as_days(np.timedelta64(4, "D").astype("timedelta64[D]").item()) == 4.0
    assert as_days("3 days") is None


def test_days_verdict_separates_right_negative_known_and_other_mistakes():
    mistakes = {6: "both end days"}
    assert days_verdict(5, 5, mistakes, "generic", right="yes")[:2] == (True, "yes")
    assert "negative" in days_verdict(-5, 5, mistakes, "generic")[1]
    assert days_verdict(6, 5, mistakes, "generic")[2] == "both end days"
    assert days_verdict(9, 5, mistakes, "generic")[2] == "generic"
    assert "Series" in days_verdict(pd.Series([5]), 5, mistakes, "generic")[1]


def test_text_items_sorts_strips_and_refuses_tables_and_lone_strings():
    assert text_items(["b ", "a"]) == ["a", "b"]
    assert text_items(pd.Series(["x"])) == ["x"]
    assert text_items(pd.DataFrame({"fact_id": ["x"]})) is None
    assert text_items("x") is None and text_items("x", single=True) == ["x"]
    assert text_items(5) is None
