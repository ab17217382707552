"""Reopening a saved notebook in a JupyterLab that saves widget state (the setting the
student lab should ship: ``@jupyter-widgets/jupyterlab-manager`` ``saveState: true``):
the widgets come back as the student left them, not "model not found", and the static
answer under each stays. Screenshot: build/screenshots/reopen_with_widget_state.png.
"""

from __future__ import annotations

import json

import harness
import pytest
from test_lab_widgets_answers import SERIOUS, against_6, run_all, walk_notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = "state.ipynb"


@pytest.fixture(scope="module")
def state_lab(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    server = harness.start_lab(tmp_path_factory.mktemp("state"), {NOTEBOOK: walk_notebook()},
                               save_widget_state=True)
    yield server
    server.stop()


def test_reopened_notebook_redraws_the_widgets_as_left(state_lab, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = harness.launch_browser(playwright, tmp_path)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        harness.open_notebook(page, state_lab, NOTEBOOK)
        run_all(page)
        slider = against_6(page)
        slider.scroll_into_view_if_needed()
        slider.focus()
        slider.press("End")
        balance = page.locator(".artethics-balance")
        reason = balance.get_by_role("textbox", name="Against 6: why?")
        try:
            reason.wait_for(timeout=30_000)
        finally:
            harness.screenshot(page, "reopen_before_saving")
        reason.fill("Credit came late.")
        balance.get_by_role("button", name="Record my position").click()
        page.locator(".artethics-recorded").nth(1).get_by_text("Recorded for").wait_for(
            timeout=15_000)
        harness.save_notebook(page, state_lab.root / NOTEBOOK)
        saved = json.loads((state_lab.root / NOTEBOOK).read_text())
        assert "widgets" in saved["metadata"]  # the state went into the file
        page.close()
        for session in state_lab.api("sessions"):
            state_lab.api(f"sessions/{session['id']}", method="DELETE")
        reopened = context.new_page()
        reopened.goto(state_lab.url(NOTEBOOK))
        cell = reopened.locator(".jp-Notebook .jp-Cell").nth(3)
        cell.wait_for(timeout=60_000)
        cell.scroll_into_view_if_needed()
        slider = against_6(cell)
        slider.wait_for(timeout=60_000)
        assert slider.input_value() == "5"
        assert "Verdict: leans against" in cell.locator(".artethics-balance").inner_text()
        assert "model not found" not in reopened.locator(".jp-Notebook").inner_text()
        assert "Credit came late." in cell.locator(".artethics-recorded").inner_text()
        found = [v for v in harness.run_axe(reopened, harness.widget_output("balance"))
                 if v["impact"] in SERIOUS]
        assert found == [], found
        cell.locator(".artethics-recorded").scroll_into_view_if_needed()
        harness.screenshot(reopened, "reopen_with_widget_state")
        browser.close()
