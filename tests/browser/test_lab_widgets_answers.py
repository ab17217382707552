"""A student's answers in a real JupyterLab, walked the way a student works: Run All,
answer the 'before' poll, weigh the arguments (with a reason for a heavy weight), answer
the 'after' poll, then re-run, save, close and reopen.

Each test depends on the ones before it (one student, one afternoon); they run in file
order on one module-scoped lab. Screenshots go to build/screenshots/answers_*.png.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import harness
import pytest

from artethics.responses import Store, responses_in_notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASE = "belamy"
NOTEBOOK = "walk.ipynb"
POLL = ".artethics-poll"
DOLLARS = "It sold for US$432,500 against US$7,000"
SERIOUS = ("serious", "critical")


def walk_notebook() -> dict:
    """A case lesson's widget cells in the lessons' order: poll before, balance, poll after."""
    def code(src):
        return {"cell_type": "code", "execution_count": None, "id": f"c{len(cells)}",
                "metadata": {}, "outputs": [], "source": src}

    cells: list = [{"cell_type": "markdown", "id": "m0", "metadata": {},
                    "source": "# A case lesson, as a student walks it"}]
    cells.append(code(f'student = "{harness.STUDENT}"\nclass_folder = ""\n'
                      "from artethics.widgets import show_balance, show_poll"))
    who = f'lesson="{harness.LESSON}", student=student, class_folder=class_folder'
    cells.append(code(f'show_poll("{CASE}", "before", {who})'))
    cells.append(code(f'show_balance("{CASE}", {who})'))
    cells.append(code(f'show_poll("{CASE}", "after", {who})'))
    nb = harness.fixture_notebook()
    nb["cells"] = cells
    return nb


@pytest.fixture(scope="module")
def walk_lab(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    server = harness.start_lab(tmp_path_factory.mktemp("walk"), {NOTEBOOK: walk_notebook()})
    yield server
    server.stop()


@pytest.fixture(scope="module")
def walk_browser(walk_lab, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = harness.launch_browser(playwright, tmp_path_factory.mktemp("walk-chromium"))
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def context(walk_browser):
    ctx = walk_browser.new_context(viewport={"width": 1400, "height": 1000})
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def page(context, walk_lab):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    harness.open_notebook(page, walk_lab, NOTEBOOK)
    run_all(page)
    return page


def run_all_until(page, condition: str) -> None:
    """Run > Run All Cells, then wait until the JavaScript ``condition`` holds."""
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                 has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function(condition, timeout=90_000)


def run_all(page) -> None:
    """Run All; wait for the three widgets and the outputs under them."""
    run_all_until(page,
                  "() => document.querySelectorAll('.artethics-poll').length === 2 && "
                  "document.querySelectorAll('.artethics-balance input[type=range]').length > 5"
                  " && document.querySelectorAll('.artethics-recorded').length === 3")


def against_6(page):
    """The balance's 'Against 6' slider, found by its accessible name (its label)."""
    return page.locator(".artethics-balance").get_by_role("slider",
                                                           name=re.compile("^Against 6:"))


def poll(page, index: int):
    return page.locator(POLL).nth(index)


def record_output(page, index: int):
    """The output under the index-th widget (0 poll before, 1 balance, 2 poll after)."""
    return page.locator(".artethics-recorded").nth(index)


def choose(page, index: int, stance: str) -> None:
    box = poll(page, index)
    box.scroll_into_view_if_needed()
    box.get_by_text(stance, exact=True).click()


def test_record_before_choosing_says_what_to_do(page):
    poll(page, 0).get_by_role("button", name="Record my answer").click()
    poll(page, 0).get_by_text("Choose a position above first").wait_for(timeout=15_000)
    assert "stance=None" not in poll(page, 0).inner_text()
    assert "Recorded for" not in record_output(page, 0).inner_text()
    harness.screenshot(page, "answers_choose_a_position_first")


def test_after_poll_shows_the_shift_under_run_all(page, walk_lab):
    """Both polls were drawn by Run All before the student answered either."""
    assert "No 'before' answer of yours was found yet" in poll(page, 1).inner_text()
    choose(page, 0, "against")
    poll(page, 0).get_by_role("button", name="Record my answer").click()
    record_output(page, 0).get_by_text("Recorded for").wait_for(timeout=15_000)
    choose(page, 1, "strongly for")
    poll(page, 1).get_by_role("button", name="Record my answer").click()
    record_output(page, 2).get_by_text("Recorded for").wait_for(timeout=15_000)
    after = poll(page, 1).inner_text()
    assert "Your stance moved 3 steps toward 'for'" in after
    assert "Your 'before' answer: against" in after
    assert "moved 3 steps toward 'for'" in record_output(page, 2).inner_text()
    stored = Store(walk_lab.db).latest(f"{CASE}.poll_after", harness.STUDENT)
    assert stored.data["shift"] == 3
    found = [v for v in harness.run_axe(page, f"{harness.WIDGET_OUTPUT}:has(.artethics-poll)")
             if v["impact"] in SERIOUS]
    assert found == [], found
    poll(page, 1).scroll_into_view_if_needed()
    harness.screenshot(page, "answers_after_poll_shift")


def test_one_confirmation_per_record_in_words_for_people(page, walk_lab):
    balance = page.locator(".artethics-balance")
    slider = against_6(page)
    slider.focus()
    slider.press("End")
    reason = balance.get_by_role("textbox", name="Against 6: why?")
    reason.wait_for(timeout=15_000)
    reason.fill(DOLLARS)
    page.wait_for_function(
        "t => [...document.querySelectorAll('.artethics-balance .widget-html')]"
        ".some(e => e.textContent.includes(t))", arg=DOLLARS, timeout=15_000)
    balance.get_by_role("button", name="Record my position").click()
    record_output(page, 1).get_by_text("Recorded for").wait_for(timeout=15_000)
    text = page.locator(".jp-Notebook").inner_text()
    assert text.count(f"Recorded for {harness.STUDENT}") == 3  # one per Record, 3 Records
    assert f"{CASE}.balance" not in text and f"{CASE}_against_6" not in text
    assert "stance=None" not in text
    recorded = record_output(page, 1).inner_text()
    assert f"Against 6: weight 5. Your reason: {DOLLARS}" in recorded
    # '$' stays a dollar sign: nothing in the kit's widgets is typeset as maths
    assert page.locator(".artethics-balance mjx-container, .artethics-recorded "
                        "mjx-container").count() == 0
    data = Store(walk_lab.db).latest(f"{CASE}.balance", harness.STUDENT).data
    assert data["reasons"] == {f"{CASE}_against_6": DOLLARS}
    record_output(page, 1).scroll_into_view_if_needed()
    harness.screenshot(page, "answers_one_confirmation")
    # the reason box and the confirmation are as accessible as the rest of the widget
    found = [v for v in harness.run_axe(page, harness.widget_output("balance"))
             if v["impact"] in SERIOUS]
    found += [v for v in harness.run_axe(page, ".artethics-recorded") if v["impact"] in SERIOUS]
    assert found == [], found


def test_answers_are_shown_again_after_a_rerun(page):
    run_all(page)
    page.wait_for_function(
        "() => document.querySelectorAll('.artethics-recorded').length === 3 && "
        "[...document.querySelectorAll('.artethics-recorded')]"
        ".every(e => e.textContent.includes('Your last recorded answer'))", timeout=60_000)
    assert poll(page, 0).get_by_role("radio", name="against", exact=True).is_checked()
    assert poll(page, 1).get_by_role("radio", name="strongly for").is_checked()
    assert against_6(page).input_value() == "5"
    reason = page.locator(".artethics-balance").get_by_role("textbox", name="Against 6: why?")
    assert reason.input_value() == DOLLARS
    assert "Your stance moved 3 steps toward 'for'" in poll(page, 1).inner_text()
    poll(page, 0).scroll_into_view_if_needed()
    harness.screenshot(page, "answers_after_rerun")


def test_saved_closed_reopened_notebook_shows_the_answers(page, context, walk_lab):
    path = walk_lab.root / NOTEBOOK
    harness.save_notebook(page, path)
    nb = json.loads(path.read_text())
    carried = {r.activity for r in responses_in_notebook(nb)}
    assert carried == {f"{CASE}.poll_before", f"{CASE}.balance", f"{CASE}.poll_after"}
    widget_outputs = [o for c in nb["cells"] for o in c.get("outputs", [])
                      if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widget_outputs) == 3
    assert all("text/html" in o["data"] for o in widget_outputs)
    page.close()
    for session in walk_lab.api("sessions"):
        walk_lab.api(f"sessions/{session['id']}", method="DELETE")
    reopened = context.new_page()
    reopened.goto(walk_lab.url(NOTEBOOK))
    reopened.wait_for_selector(".artethics-recorded", timeout=60_000)
    texts = []
    for index in (2, 3, 4):  # JupyterLab draws only the cells in view: visit each
        cell = reopened.locator(".jp-Notebook .jp-Cell").nth(index)
        cell.scroll_into_view_if_needed()
        texts.append(cell.locator(".artethics-recorded").inner_text(timeout=30_000))
    assert "Your answer: against" in texts[0]
    assert f"Against 6: weight 5. Your reason: {DOLLARS}" in texts[1]
    assert "Verdict: leans against" in texts[1]
    assert "moved 3 steps toward 'for'" in texts[2]
    reopened.locator(".artethics-recorded").nth(0).scroll_into_view_if_needed()
    harness.screenshot(reopened, "answers_reopened")
    found = [v for v in harness.run_axe(reopened, ".artethics-recorded")
             if v["impact"] in SERIOUS]
    assert found == [], found
    reopened.close()


def test_html_handout_shows_every_widget_statically(walk_lab, walk_browser, tmp_path):
    """nbconvert's HTML of the saved notebook: arguments, weights, reasons and verdict."""
    out = tmp_path / "handout"
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html",
                    "--output-dir", str(out), str(walk_lab.root / NOTEBOOK)],
                   check=True, capture_output=True, env=harness.lab_env(tmp_path))
    html = (out / "walk.html").read_text()
    view = walk_browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        view.goto((out / "walk.html").as_uri())
        static = view.locator(".artethics-static")
        assert static.count() == 3
        balance = static.nth(1).inner_text()
        assert "Obvious chose the data" in balance  # every argument is there
        assert DOLLARS in balance and "Verdict: leans against" in balance
        assert "Your answer: strongly for" in static.nth(2).inner_text()
        assert "model not found" not in view.locator("body").inner_text()
        assert "belamy_for_1" not in html
        static.nth(1).scroll_into_view_if_needed()
        harness.screenshot(view, "answers_handout")
        found = [v for v in harness.run_axe(view, ".artethics-static")
                 if v["impact"] in SERIOUS]
        assert found == [], found
    finally:
        view.close()
