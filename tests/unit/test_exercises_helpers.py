"""The checker helpers the case modules share (end of artethics/exercises/__init__.py)."""

import datetime

import numpy as np
import pandas as pd

from artethics.exercises import (
    as_days,
    days_verdict,
    near,
    number_verdict,
    pandas_container_verdict,
    text_items,
    unreadable_number,
    within,
)


def _verdict(answer):
    return number_verdict(
        answer, unreadable=("a {type} ({answer!r}) is not a number.", "Give one number."),
        right=near(10.0, 0.01), ok="right.",
        also_right=[(near(1000.0, 0.01), "right, in per cent.")],
        wrong="wrong.",
        mistakes=[(within(-10.0, 0.5), "Mind the sign."),
                  (lambda v: v > 0, "Too far off.", "far off."),
                  (within(20.0, 0.5), "never given: an earlier mistake matches first.")],
        otherwise="Start again.")


def test_number_verdict_walks_right_other_units_mistakes_then_the_default():
    assert _verdict(10.05) == (True, "right.", "")
    assert _verdict(np.float64(1001)) == (True, "right, in per cent.", "")
    assert _verdict(-10.4) == (False, "wrong.", "Mind the sign.")
    assert _verdict(3) == (False, "far off.", "Too far off.")  # a third item is its message
    assert _verdict(20) == (False, "far off.", "Too far off.")  # the first match wins
    assert _verdict(-20) == (False, "wrong.", "Start again.")


def test_number_verdict_names_an_unreadable_answer_and_never_reads_bools_or_nan():
    assert _verdict("10%") == (False, "a str ('10%') is not a number.", "Give one number.")
    assert _verdict(True)[1] == "a bool (True) is not a number."
    assert _verdict(float("nan"))[1] == "a float (nan) is not a number."


def test_near_and_within_never_match_an_uncomputable_target():
    assert near(100.0, 0.01)(100.9) and not near(100.0, 0.01)(101.1)
    assert near(0.0, 0, 0.006)(0.005) and not near(0.0, 0, 0.006)(0.007)
    assert within(5.0, 0.5)(5.5) and not within(5.0, 0.5)(5.6)
    assert not near(float("nan"))(1.0) and not within(float("nan"), 1e9)(1.0)


def test_unreadable_number_names_the_unit_and_the_sign_to_leave_out():
    message, hint = unreadable_number("a percentage")
    assert message.format(type="str") == "a str is not a number."
    assert hint == "Give one number (a percentage), without a % sign or quotation marks."
    assert "a currency sign" in unreadable_number("US dollars", sign="a currency sign")[1]


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
