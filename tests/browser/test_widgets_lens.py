"""The jurisdiction lens asks a real question and the ethical matrix takes the five
lenses, in a real JupyterLab: choose a place, answer what its rules would change,
record; rate the matrix by lens. axe-core over both with their new controls visible.
Screenshots: build/screenshots/lens_answer.png, matrix_lenses.png."""

from __future__ import annotations

import harness
import pytest
from test_lab_widgets_answers import SERIOUS, run_all_until

from artethics.responses import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASE = "trik"
NOTEBOOK = "lens.ipynb"


def lens_notebook() -> dict:
    nb = harness.fixture_notebook()
    who = f'lesson="{harness.LESSON}", student=student, class_folder=class_folder'
    nb["cells"] = nb["cells"][:2] + [
        {"cell_type": "code", "execution_count": None, "id": "c2", "metadata": {},
         "outputs": [], "source": "from artethics.widgets import show_lens, show_matrix\n"
                                  f'show_lens("{CASE}", {who})'},
        {"cell_type": "code", "execution_count": None, "id": "c3", "metadata": {},
         "outputs": [], "source": f'show_matrix("{CASE}", columns="lenses", {who})'}]
    return nb


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    tmp = tmp_path_factory.mktemp("lens")
    lab = harness.start_lab(tmp, {NOTEBOOK: lens_notebook()})
    try:
        with sync_api.sync_playwright() as playwright:
            browser = harness.launch_browser(playwright, tmp)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.lab = lab
            harness.open_notebook(page, lab, NOTEBOOK)
            run_all_until(page, "() => document.querySelectorAll('.artethics-recorded')"
                                ".length === 2")
            yield page
            browser.close()
    finally:
        lab.stop()


def test_lens_asks_what_the_rules_would_change_and_records_the_answer(page):
    lens = page.locator(".artethics-lens")
    lens.get_by_role("button", name="Record my answer").click()
    lens.get_by_text("Write what the rules would change").wait_for(timeout=15_000)
    lens.get_by_role("radio", name="HK Hong Kong SAR").or_(
        lens.get_by_role("button", name="HK Hong Kong SAR")).first.click()
    lens.get_by_text("what would they change for it").wait_for(timeout=15_000)
    answer = "Training would need a licence, since the proposed exception is not law yet."
    lens.get_by_role("textbox", name="Your answer").fill(answer)
    lens.get_by_role("button", name="Record my answer").click()
    recorded = page.locator(".artethics-recorded").first
    recorded.get_by_text("Recorded for").wait_for(timeout=15_000)
    assert answer in recorded.inner_text()
    stored = Store(page.lab.db).latest(f"{CASE}.lens", harness.STUDENT)
    assert stored.data["answers"] == {"HK": answer}
    assert set(stored.data) == {"case", "questions", "answers"}  # nothing it did not ask
    found = [v for v in harness.run_axe(page, harness.widget_output("lens"))
             if v["impact"] in SERIOUS]
    assert found == [], found
    lens.get_by_role("textbox", name="Your answer").scroll_into_view_if_needed()
    harness.screenshot(page, "lens_answer")


def test_matrix_rates_the_case_stakeholders_by_lens(page):
    matrix = page.locator(".artethics-matrix")
    matrix.scroll_into_view_if_needed()
    for words in ("consequences", "rights and consent", "fairness and desert",
                  "character and craft", "relationships and community"):
        assert matrix.get_by_text(words, exact=True).count() >= 1
    found = [v for v in harness.run_axe(page, harness.widget_output("matrix"))
             if v["impact"] in SERIOUS]
    assert found == [], found
    harness.screenshot(page, "matrix_lenses")
