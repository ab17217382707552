"""LabelledSlider: the native, labelled range input the balance and poll use."""

from __future__ import annotations

import pytest

from artethics.widgets.controls import LabelledSlider


def test_value_is_synced_and_kept_within_min_and_max():
    slider = LabelledSlider(value=2, min=0, max=5, description="For 1")
    seen = []
    slider.observe(lambda change: seen.append(change["new"]), names="value")
    slider.value = 4
    slider.value = 9
    slider.value = -3
    assert seen == [4, 5, 0]
    assert {"value", "min", "max", "description", "aria_label", "value_words"} <= set(
        slider.keys)  # synced to the browser


def test_starting_value_below_min_moves_to_min():
    assert LabelledSlider(min=1, max=5).value == 1
    assert LabelledSlider(value=7, min=1, max=5).value == 5


def test_value_text_is_what_a_screen_reader_hears():
    slider = LabelledSlider(value=0, min=0, max=5,
                            value_words=["ignore it", "", "", "", "", "decisive"])
    assert slider.value_text() == "0 of 5, ignore it"
    slider.value = 3
    assert slider.value_text() == "3 of 5"
    slider.value = 5
    assert slider.value_text() == "5 of 5, decisive"
    poll = LabelledSlider(value=2, min=1, max=5, value_words=["not sure at all", "a little"])
    assert poll.value_text() == "2 of 5, a little"


@pytest.mark.parametrize(("low", "high"), [(5, 5), (3, 1), (0.5, 5)])
def test_bad_range_says_what_to_give(low, high):
    with pytest.raises(ValueError, match=rf"min={low!r}, max={high!r}: give whole numbers"):
        LabelledSlider(min=low, max=high)


def test_the_browser_side_renders_a_labelled_native_range_input():
    esm = LabelledSlider._esm
    for part in ('input.type = "range"', "label.htmlFor = id", '"aria-valuetext"',
                 '"aria-label"', "stopPropagation", "save_changes"):
        assert part in esm, part


def test_building_one_displays_nothing(capsys):
    LabelledSlider(description="x")
    assert capsys.readouterr().out == ""
