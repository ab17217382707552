"""In a real JupyterLab: run the fixture notebook (every kit widget), move a slider with
the keyboard, see the verdict change, record, and find the answer in the store and the
notebook."""

from __future__ import annotations

import json

import harness
import pytest

from artethics.responses import Store, responses_in_notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_keyboard_slider_changes_verdict_and_record_reaches_the_store(page, lab):
    before = harness.verdict_text(page)
    harness.screenshot(page, "balance_before")
    harness.press_on_slider(page, 0, "ArrowRight")
    page.wait_for_function(f"t => ({harness.VERDICT_JS})().textContent !== t", arg=before,
                           timeout=15_000)
    after = harness.verdict_text(page)
    assert after != before
    page.get_by_role("button", name="Record my position").click()
    page.wait_for_function(
        "() => document.body.innerText.includes('Recorded for "
        f"{harness.STUDENT}: saved in this notebook')", timeout=15_000)
    harness.screenshot(page, "balance_recorded")
    stored = Store(lab.db).latest("christies.balance", harness.STUDENT)
    assert stored is not None
    moved = {k: v for k, v in stored.data["weights"].items() if v}
    assert list(moved.values()) == [1]
    assert page.errors == []


def test_saved_notebook_carries_the_recorded_answer(page, lab):
    harness.save_notebook(page, lab.root / "fixture.ipynb")
    nb = json.loads((lab.root / "fixture.ipynb").read_text())
    found = responses_in_notebook(nb)
    assert [(r.activity, r.student) for r in found] == [("christies.balance", harness.STUDENT)]
    assert found[0].data == Store(lab.db).latest("christies.balance", harness.STUDENT).data


def test_chinese_text_is_drawn_with_a_cjk_font(page):
    probe = page.locator(harness.CJK_PROBE).first
    probe.scroll_into_view_if_needed()
    assert probe.inner_text() == harness.CJK_TEXT
    fonts = harness.fonts_for(page, harness.CJK_PROBE)
    han = sum(1 for ch in harness.CJK_TEXT if "\u4e00" <= ch <= "\u9fff")
    cjk = [f for f in fonts if "CJK" in f["familyName"]]
    assert sum(f["glyphCount"] for f in cjk) == han == 10, fonts
    harness.screenshot(page, "cjk_text")


def test_home_and_end_move_a_slider_to_its_ends_and_say_so(page):
    """Keyboard users reach 0 and 5 in one key; screen readers hear the words."""
    slider = page.locator(harness.SLIDER).nth(1)
    harness.press_on_slider(page, 1, "End")
    assert slider.input_value() == "5"
    assert slider.get_attribute("aria-valuetext") == "5 of 5, decisive"
    page.wait_for_function(f"() => ({harness.VERDICT_JS})().textContent.includes("
                           "'You gave 6 points of weight for')", timeout=15_000)
    harness.press_on_slider(page, 1, "Home")
    assert slider.get_attribute("aria-valuetext") == "0 of 5, ignore it"
    page.wait_for_function(f"() => ({harness.VERDICT_JS})().textContent.includes("
                           "'You gave 1 point of weight for')", timeout=15_000)
    slider.focus()
    harness.screenshot(page, "balance_slider_focused")
