"""One student's afternoon, in the JupyterLab `make lab` starts (issue 12).

The student copies of lesson 00 and lesson 03 (notebooks/), opened the way a student
does: Run All, answer an exercise and re-run its check, move a widget and Record, save,
close, reopen, re-run, and run the self-check from inside the notebook as lesson 00
teaches. On the way: the student lab is quiet (no nbgrader, no news pop-up), dollar
amounts read as money (not maths), tables are readable, and axe-core finds no serious
or critical violation in the kit's static outputs.

The tests of this module depend on the ones before them (one student, one afternoon)
and run in file order. Screenshots: build/screenshots/student_*.png.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import harness
import pytest

from artethics.responses import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ORIENTATION = "00_orientation.ipynb"
LOFTER = "03_lofter.ipynb"
SERIOUS = ("serious", "critical")
MATHS = "mjx-container, .MathJax, .katex, math"
SELF_CHECK = "from artethics.checking import check_this_notebook; check_this_notebook()"
RUN_ALL_TIMEOUT = 180_000  # ms: the machine is shared and heavily loaded
# The notebook on screen: JupyterLab restores the tabs of the last visit, hidden behind it.
SHOWN = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def student_copy(name: str) -> dict:
    """A student copy as shipped, with a student name (the settings cell's first line)."""
    nb = json.loads((harness.REPO / "notebooks" / name).read_text(encoding="utf-8"))
    settings = nb["cells"][2]
    source = "".join(settings["source"])
    assert source.startswith('student: str = "anonymous"'), source[:80]
    settings["source"] = source.replace('"anonymous"', f'"{harness.STUDENT}"', 1)
    return nb


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    server = harness.start_lab(tmp_path_factory.mktemp("student"),
                               {ORIENTATION: student_copy(ORIENTATION),
                                LOFTER: student_copy(LOFTER)},
                               timeout=180, student=True)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def context(lab, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = harness.launch_browser(playwright, tmp_path_factory.mktemp("chromium"))
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        ctx.set_default_timeout(60_000)
        yield ctx
        ctx.close()
        browser.close()


@pytest.fixture(scope="module")
def pages(context):
    """The student's open tabs, by notebook name (tests replace them when they reopen)."""
    return {}


# ------------------------------------------------------------------------ student steps


def cell(page, index: int):
    return page.locator(f"{SHOWN} .jp-Notebook .jp-Cell").nth(index)


def cell_count(page) -> int:
    return page.locator(f"{SHOWN} .jp-Notebook .jp-Cell").count()


def save(page, path: Path, timeout: float = 30) -> None:
    """Ctrl+S in the notebook on screen; wait until the file on disk is rewritten."""
    before = path.stat().st_mtime_ns
    cell(page, 0).click()
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + timeout
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the notebook was not saved within {timeout:.0f} s")
        time.sleep(0.1)


def output_of(page, index: int):
    return cell(page, index).locator(".jp-OutputArea-output")


def text_of(locator) -> str:
    """What the student reads there (scrolled into view first: JupyterLab skips drawing
    cells off screen, and undrawn text has no innerText)."""
    locator.scroll_into_view_if_needed()
    return locator.evaluate("""e => new Promise(done => requestAnimationFrame(
        () => requestAnimationFrame(() => done(e.innerText))))""")


def open_tab(context, lab, name: str):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(lab.url(name))
    page.wait_for_selector(f"{SHOWN} .jp-Notebook .jp-Cell", timeout=120_000)
    page.wait_for_selector(f'{SHOWN} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=120_000)
    harness.wait_for_kernel_connection(lab, timeout=120)
    return page


def run_all(page, last_cell: int, text: str) -> float:
    """Run > Run All Cells; wait until cell ``last_cell`` shows ``text``. Seconds taken."""
    # A reopened notebook shows its saved outputs, and a new kernel may give the last cell
    # the same count as before: watch its prompt go to [*] and then to a number.
    prompt = cell(page, last_cell).locator(".jp-InputPrompt").first.element_handle()
    page.evaluate("""p => { p.dataset.queued = '';
        new MutationObserver((_, obs) => { if (p.textContent.includes('*')) {
            p.dataset.queued = 'yes'; obs.disconnect(); } })
        .observe(p, {childList: true, characterData: true, subtree: true}); }""", prompt)
    start = time.monotonic()
    cell(page, 0).click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                 has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function("""p => p.dataset.queued === 'yes'
                              && /^\\[\\d+\\]:$/.test(p.textContent.trim())""", arg=prompt,
                           timeout=RUN_ALL_TIMEOUT)
    output_of(page, last_cell).get_by_text(text).first.wait_for(timeout=RUN_ALL_TIMEOUT)
    page.wait_for_selector(f'{SHOWN} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=RUN_ALL_TIMEOUT)
    return time.monotonic() - start


def type_into(page, index: int, source: str) -> None:
    """Replace a code cell's text the way a student does: click, select all, type."""
    editor = cell(page, index).locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type(source)


def run_answer_and_check(page, answer_cell: int, source: str) -> str:
    """Type an answer, Shift+Enter it, Shift+Enter the check cell below; its verdict."""
    type_into(page, answer_cell, source)
    page.keyboard.press("Shift+Enter")
    check = output_of(page, answer_cell + 1)
    old = text_of(check.first) if check.count() else ""
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """([i, old]) => {
            const c = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) '
                                                + '.jp-Notebook .jp-Cell')[i];
            const o = c && c.querySelector('.jp-OutputArea-output');
            return o && o.innerText.trim() && o.innerText !== old;
        }""", arg=[answer_cell + 1, old], timeout=60_000)
    return text_of(check.first)


def close_and_reopen(context, lab, page, name: str):
    """Close the tab and shut its kernel down (File > Close and Shut Down), reopen."""
    page.close()
    for session in lab.api("sessions"):
        lab.api(f"sessions/{session['id']}", method="DELETE")
    return open_tab(context, lab, name)


def self_check(page, lab, name: str) -> tuple[str, float, int]:
    """Save, add a cell at the end with the self-check lesson 00 teaches, run it. Its
    printed text, the seconds from Shift+Enter to the verdict and the cell's index."""
    last = cell_count(page) - 1
    cell(page, last).click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.wait_for_function(f"() => document.querySelectorAll('{SHOWN} .jp-Notebook .jp-Cell')"
                           f".length === {last + 2}")
    page.keyboard.press("Enter")
    page.keyboard.type(SELF_CHECK)
    save(page, lab.root / name)  # (this selects the first cell)
    cell(page, last + 1).locator(".cm-content").click()
    start = time.monotonic()
    page.keyboard.press("Shift+Enter")
    out = output_of(page, last + 1)
    try:
        out.first.wait_for(state="attached", timeout=60_000)
    finally:
        harness.screenshot(page, f"student_{name[:2]}_self_check_running")
    page.wait_for_selector(f'{SHOWN} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=300_000)
    seconds = time.monotonic() - start
    return "\n".join(out.all_inner_texts()), seconds, last + 1


def check_processes(root: Path) -> list[str]:
    """Self-check processes (`python -m artethics check`) still running in ``root``."""
    left = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = (Path("/proc") / pid / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        try:
            cwd = Path(os.readlink(f"/proc/{pid}/cwd"))
        except OSError:
            continue
        if "artethics check" in cmd and cwd.is_relative_to(root):
            left.append(f"{pid}: {cmd}")
    return left


def shoot(locator, name: str) -> Path:
    """A screenshot of one element (a table, a card) for a person to look at."""
    harness.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = harness.SCREENSHOTS / f"{name}.png"
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=str(path))
    return path


def serious_axe(page, selector: str) -> list[dict]:
    if not harness.AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci --prefix tests/browser`")
    return [v for v in harness.run_axe(page, selector) if v["impact"] in SERIOUS]


# ------------------------------------------------------------------------------ lesson 00


def test_the_student_lab_is_quiet(context, lab, pages):
    """No nbgrader menu, panel or Validate button, and no 'official Jupyter news?' toast."""
    page = pages[ORIENTATION] = open_tab(context, lab, ORIENTATION)
    page.wait_for_timeout(8_000)  # the news question comes a moment after the page loads
    harness.screenshot(page, "student_lab_opened")
    menus = page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").all_inner_texts()
    assert "Run" in menus and "Kernel" in menus, menus
    assert not [m for m in menus if "grader" in m.lower()], menus
    assert page.locator("[title*='Create Assignment'], [title*='nbgrader' i], "
                        "[title*='Assignment List'], [title*='Formgrader' i]").count() == 0
    toolbar = page.locator(f"{SHOWN} .jp-NotebookPanel-toolbar").first.inner_text()
    assert "Validate" not in toolbar, toolbar
    assert quiet_lab_findings(page) == {"grader menus": [], "news question": False}
    assert "Create Assignment" not in page.locator("body").inner_text()
    assert lab.log.read_text().count("nbgrader") == 0  # the server extensions stay off


def test_lesson_00_runs_all_and_dollars_read_as_money(pages):
    page = pages[ORIENTATION]
    seconds = run_all(page, 30, "Inside this notebook")
    print(f"lesson 00 Run All: {seconds:.1f} s")
    card = output_of(page, 5).first
    text = text_of(card)
    assert "US$432,500 against an estimate of US$7,000-10,000" in text, text
    assert "US$728,784" in text
    assert card.locator(MATHS).count() == 0
    shoot(card, "student_00_case_cards")
    assert page.errors == []


def test_lesson_00_exercise_wrong_then_right(pages):
    page = pages[ORIENTATION]
    first = text_of(output_of(page, 16).first)
    assert first.strip(), "the check cell shows nothing after Run All"
    wrong = run_answer_and_check(page, 15, "busiest_year = 2016")
    assert wrong.startswith("✘") or "not" in wrong.lower(), wrong
    shoot(cell(page, 16), "student_00_exercise_hint")
    right = run_answer_and_check(page, 15, "busiest_year = 2023")
    assert right.startswith("✔"), right
    shoot(cell(page, 16), "student_00_exercise_checked")


def test_lesson_00_opening_poll_records(pages, lab):
    page = pages[ORIENTATION]
    box = page.locator(f"{SHOWN} .artethics-poll").first
    box.scroll_into_view_if_needed()
    box.get_by_text("against", exact=True).click()
    box.get_by_role("button", name="Record my answer").click()
    recorded = page.locator(f"{SHOWN} .artethics-recorded").first
    recorded.get_by_text("Recorded for").wait_for(timeout=30_000)
    shoot(cell(page, 28), "student_00_poll_recorded")
    stored = Store(lab.db).latest("course.poll_before", harness.STUDENT)
    assert stored is not None and stored.data["stance"] == "against"


def test_lesson_00_saved_closed_reopened_shows_the_answers(context, lab, pages):
    page = pages[ORIENTATION]
    save(page, lab.root / ORIENTATION)
    page = pages[ORIENTATION] = close_and_reopen(context, lab, page, ORIENTATION)
    notebook = page.locator(f"{SHOWN} .jp-Notebook")
    poll_cell = cell(page, 28)
    poll_cell.scroll_into_view_if_needed()
    poll_cell.get_by_text("Recorded for").first.wait_for(timeout=60_000)
    assert "model not found" not in notebook.text_content()
    assert "busiest_year = 2023" in text_of(cell(page, 15))
    assert text_of(output_of(page, 16).first).startswith("✔")
    harness.screenshot(page, "student_00_reopened")
    found = serious_axe(page, f"{SHOWN} .jp-OutputArea-output:has(.artethics-recorded)")
    assert found == [], found


def test_lesson_00_rerun_after_reopening(pages):
    page = pages[ORIENTATION]
    run_all(page, 30, "Inside this notebook")
    assert text_of(output_of(page, 16).first).startswith("✔")
    poll_text = text_of(cell(page, 28))
    assert "No answer recorded yet" not in poll_text, poll_text
    assert "against" in poll_text
    shoot(cell(page, 28), "student_00_poll_after_rerun")
    assert page.errors == []


def test_lesson_00_self_check_from_inside_the_notebook(pages, lab):
    page = pages[ORIENTATION]
    printed, seconds, index = self_check(page, lab, ORIENTATION)
    print(f"lesson 00 self-check: {seconds:.1f} s\n{printed}")
    shoot(cell(page, index), "student_00_self_check")
    lines = [ln for ln in printed.splitlines() if ln.strip()]
    assert lines[0].startswith("Checking the last SAVED version"), printed
    assert 2 <= len(lines) <= 20, printed
    assert "Traceback" not in printed and "Error" not in printed, printed
    assert seconds < 60, f"the self-check took {seconds:.1f} s"
    time.sleep(1)
    assert check_processes(lab.root.parent) == []


def test_lesson_00_static_outputs_pass_axe(pages):
    page = pages[ORIENTATION]
    for selector in (f"{SHOWN} .jp-OutputArea-output.jp-RenderedMarkdown",
                     f"{SHOWN} .jp-OutputArea-output:has(.artethics-table)"):
        found = serious_axe(page, selector)
        assert found == [], (selector, found)


# ------------------------------------------------------------------------------ lesson 03


def test_lesson_03_runs_all_with_readable_tables(context, lab, pages):
    pages[ORIENTATION].close()
    for session in lab.api("sessions"):
        lab.api(f"sessions/{session['id']}", method="DELETE")
    page = pages[LOFTER] = open_tab(context, lab, LOFTER)
    seconds = run_all(page, 52, "LOFTER")
    print(f"lesson 03 Run All: {seconds:.1f} s")
    timeline = output_of(page, 12).locator("table").first
    shoot(timeline, "student_03_timeline_table")
    dates = timeline.locator("tbody td:nth-of-type(1)")
    assert dates.count() >= 3
    for i in range(dates.count()):
        one = dates.nth(i)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", text_of(one).strip()), text_of(one)
        lines = one.evaluate("""td => { const r = document.createRange();
            r.selectNodeContents(td); return r.getClientRects().length; }""")
        assert lines == 1, f"{one.inner_text()} is drawn on {lines} lines"
    event = timeline.locator("tbody td:nth-of-type(3)").first
    assert event.evaluate("td => getComputedStyle(td).textAlign") == "left"
    reading = output_of(page, 52).locator("table").first
    shoot(reading, "student_03_reading_list")
    links = reading.locator("a[href^='http']")
    assert links.count() >= 5
    assert links.first.get_attribute("target") == "_blank"
    width = reading.locator("tbody td").last.evaluate("td => td.getBoundingClientRect().width")
    assert width > 200, f"how_to_read is squeezed into {width:.0f} px"
    assert page.errors == []


def test_lesson_03_exercise_and_balance(pages, lab):
    page = pages[LOFTER]
    verdict = run_answer_and_check(page, 38, 'legal_flaw = "law_for_ethics"')
    assert verdict.startswith("✔"), verdict
    balance = page.locator(f"{SHOWN} .artethics-balance")
    cell(page, 45).scroll_into_view_if_needed()  # drawn only when on screen
    sliders = balance.locator("input[type=range]")
    names = sliders.evaluate_all("els => els.map(e => (e.labels[0] || {}).textContent || '')")
    against = [i for i, n in enumerate(names) if n.strip().startswith("Against")]
    assert against, names
    slider = sliders.nth(against[0])
    slider.scroll_into_view_if_needed()
    slider.focus()
    slider.press("End")
    reason = balance.get_by_role("textbox").first
    reason.wait_for(timeout=30_000)
    reason.fill("The creators were not asked first.")
    shoot(reason, "student_03_balance_reason")
    balance.get_by_role("button", name="Record my position").click()
    cell(page, 45).get_by_text("Recorded for").first.wait_for(timeout=30_000)
    shoot(cell(page, 45).locator(".artethics-recorded").first, "student_03_balance_recorded")
    stored = Store(lab.db).latest("lofter.balance", harness.STUDENT)
    assert stored is not None and 5 in stored.data["weights"].values()


def test_lesson_03_save_close_reopen_rerun_and_self_check(context, lab, pages):
    page = pages[LOFTER]
    save(page, lab.root / LOFTER)
    page = pages[LOFTER] = close_and_reopen(context, lab, page, LOFTER)
    cell(page, 45).scroll_into_view_if_needed()
    cell(page, 45).get_by_text("Recorded for").first.wait_for(timeout=60_000)
    assert "model not found" not in page.locator(f"{SHOWN} .jp-Notebook").text_content()
    harness.screenshot(page, "student_03_reopened")
    run_all(page, 52, "LOFTER")
    assert text_of(output_of(page, 39).first).startswith("✔")
    assert "No answer recorded yet" not in text_of(cell(page, 45))
    found = serious_axe(page, f"{SHOWN} .jp-OutputArea-output:has(.artethics-table)")
    assert found == [], found
    printed, seconds, index = self_check(page, lab, LOFTER)
    print(f"lesson 03 self-check: {seconds:.1f} s\n{printed}")
    shoot(cell(page, index), "student_03_self_check")
    assert "Traceback" not in printed and len(printed.splitlines()) <= 25, printed
    assert seconds < 60, f"the self-check took {seconds:.1f} s"
    time.sleep(1)
    assert check_processes(lab.root.parent) == []
    assert page.errors == []


# ---------------------------------------------------------------------- the control lab


def quiet_lab_findings(page) -> dict:
    """What test_the_student_lab_is_quiet looks for, as found on the page."""
    menus = page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").all_inner_texts()
    return {"grader menus": [m for m in menus if "grader" in m.lower()],
            "news question": "Jupyter news" in page.locator("body").inner_text()}


def test_a_lab_without_the_kit_settings_shows_what_the_student_lab_hides(tmp_path, context):
    """The control: JupyterLab as it was before course/lab/ (the news flag on the command
    line, no kit settings) shows the nbgrader menu and the news question, so the quiet
    test above can see them."""
    plain = harness.start_lab(tmp_path, {ORIENTATION: student_copy(ORIENTATION)}, timeout=180)
    try:
        for quiet in (tmp_path / "home" / "config" / "lab" / "user-settings").rglob("*"):
            if quiet.name == "notification.jupyterlab-settings":
                quiet.unlink()  # the test harness's own answer to the news question
        other = context.browser.new_context(viewport={"width": 1400, "height": 1000})
        page = other.new_page()
        page.goto(plain.url(ORIENTATION))
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        page.get_by_text("Jupyter news").first.wait_for(timeout=60_000)
        found = quiet_lab_findings(page)
        harness.screenshot(page, "student_lab_control_without_kit_settings")
        other.close()
    finally:
        plain.stop()
    assert found["grader menus"] and found["news question"], found
