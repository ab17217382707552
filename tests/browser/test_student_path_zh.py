"""Lesson 03 entirely in Traditional Chinese (issue 15): the lab `make lab LANG=zh-Hant`
starts, with JupyterLab's own menus in Chinese, the student copy from notebooks/zh-Hant/,
Run All, an exercise answered to a ✔, a widget recorded, save, and the self-check from
inside the notebook — every step read in Chinese. Screenshots:
build/screenshots/student_zh_*.png.

The tests depend on the ones before them (one student) and run in file order.
"""

from __future__ import annotations

import json
import re
import time

import harness
import pytest
from test_student_path import (
    SELF_CHECK,
    SHOWN,
    cell,
    check_processes,
    open_tab,
    output_of,
    save,
    shoot,
    text_of,
)

from artethics.responses import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOFTER = "03_lofter.ipynb"
LANG = "zh-Hant"
RUN_ALL_TIMEOUT = 180_000
# JupyterLab's zh-TW language pack translates part of the interface: the menus' items
# ("Run All Cells"), the file browser, the status bar, but not the menu bar's own labels
# (its catalogue has no "menu" context entries for them), which stay English: "Run".
RUN_MENU, RUN_ALL = "Run", "執行所有儲存格"
AGAINST = "反對"  # the poll's "against", as the kit's zh-Hant catalogue words it
# Words of the interface the pack does translate, as a student sees them on opening.
LAB_WORDS = ("名稱", "模式")
LATIN_SENTENCE = re.compile(r"(?:[A-Za-z]{2,}[ ,.;:]+){6,}")


def zh_copy() -> dict:
    nb = json.loads((harness.REPO / "notebooks" / LANG / LOFTER).read_text(encoding="utf-8"))
    settings = nb["cells"][2]
    source = "".join(settings["source"])
    assert source.startswith('student: str = "anonymous"'), source[:80]
    settings["source"] = source.replace('"anonymous"', f'"{harness.STUDENT}"', 1)
    assert nb["metadata"]["artethics"]["lang"] == LANG
    return nb


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    server = harness.start_lab(tmp_path_factory.mktemp("student_zh"), {LOFTER: zh_copy()},
                               timeout=180, student=True, lang=LANG)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def context(lab, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = harness.launch_browser(playwright, tmp_path_factory.mktemp("chromium"))
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-HK")
        ctx.set_default_timeout(60_000)
        yield ctx
        ctx.close()
        browser.close()


@pytest.fixture(scope="module")
def page(context, lab):
    tab = open_tab(context, lab, LOFTER)
    yield tab
    tab.close()


def run_all_zh(page, last_cell: int) -> float:
    prompt = cell(page, last_cell).locator(".jp-InputPrompt").first.element_handle()
    page.evaluate("""p => { p.dataset.queued = '';
        new MutationObserver((_, obs) => { if (p.textContent.includes('*')) {
            p.dataset.queued = 'yes'; obs.disconnect(); } })
        .observe(p, {childList: true, characterData: true, subtree: true}); }""", prompt)
    start = time.monotonic()
    cell(page, 0).click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{RUN_MENU}")).first.click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                 has_text=re.compile(f"^{RUN_ALL}")).first.click()
    page.wait_for_function("""p => p.dataset.queued === 'yes'
                              && /^\\[\\d+\\]:$/.test(p.textContent.trim())""", arg=prompt,
                           timeout=RUN_ALL_TIMEOUT)
    page.wait_for_selector(f'{SHOWN} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=RUN_ALL_TIMEOUT)
    return time.monotonic() - start


def test_the_lab_and_the_lesson_are_in_traditional_chinese(page):
    page.wait_for_timeout(3_000)
    harness.screenshot(page, "student_zh_lab_opened")
    shown = page.locator("#main").inner_text()
    assert all(word in shown for word in LAB_WORDS), shown[:400]
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{RUN_MENU}")).first.click()
    items = page.locator(".lm-Menu-item .lm-Menu-itemLabel").all_inner_texts()
    harness.screenshot(page, "student_zh_run_menu")
    page.keyboard.press("Escape")
    assert RUN_ALL in items, items
    title = text_of(cell(page, 0))
    assert "LOFTER" in title and re.search(r"[\u4e00-\u9fff]{4,}", title), title
    assert not LATIN_SENTENCE.search(title), title
    assert page.locator("html").get_attribute("lang") in ("zh-TW", "zh_TW", "zh-Hant", None)


def test_run_all_shows_chinese_tables_and_plots(page):
    seconds = run_all_zh(page, 52)
    print(f"zh-Hant lesson 03 Run All: {seconds:.1f} s")
    reading = output_of(page, 52).locator("table").first
    shoot(reading, "student_zh_03_reading_list")
    timeline = output_of(page, 12).locator("table").first
    shoot(timeline, "student_zh_03_timeline_table")
    plot = output_of(page, 13).locator("img").first
    shoot(plot, "student_zh_03_timeline_plot")
    assert plot.evaluate("img => img.naturalWidth") > 300
    errors = page.locator(f"{SHOWN} .jp-OutputArea-output[data-mime-type="
                          "'application/vnd.jupyter.stderr']")
    assert not [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]


def test_an_exercise_answered_to_a_check_mark_with_chinese_verdicts(page):
    editor = cell(page, 38).locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type('legal_flaw = "is_ought"')
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    check = output_of(page, 39).first
    check.wait_for(timeout=60_000)
    wrong = text_of(check)
    shoot(cell(page, 39), "student_zh_03_wrong_answer")
    assert wrong.startswith("✘"), wrong
    assert re.search(r"[\u4e00-\u9fff]{4,}", wrong) and not LATIN_SENTENCE.search(wrong), wrong
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type('legal_flaw = "law_for_ethics"')
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """i => { const c = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) '
                  + '.jp-Notebook .jp-Cell')[i];
                  const o = c && c.querySelector('.jp-OutputArea-output');
                  return o && o.innerText.trim().startsWith('✔'); }""", arg=39,
        timeout=60_000)
    right = text_of(output_of(page, 39).first)
    shoot(cell(page, 39), "student_zh_03_check_mark")
    assert re.search(r"[\u4e00-\u9fff]{2,}", right), right


def test_a_widget_records_in_chinese(page, lab):
    box = page.locator(f"{SHOWN} .artethics-poll").first
    box.scroll_into_view_if_needed()
    record = box.get_by_role("button", name="記錄我的答案")
    record.click()  # no position chosen yet: the poll says so, in Chinese
    box.get_by_text("請先在上面選擇立場").first.wait_for(timeout=30_000)
    box.get_by_text(AGAINST, exact=True).click()
    record.click()
    recorded = page.locator(f"{SHOWN} .artethics-recorded").first
    recorded.get_by_text(f"已為 {harness.STUDENT} 記錄").wait_for(timeout=30_000)
    poll = cell(page, 5)
    shoot(poll, "student_zh_03_poll_recorded")
    text = text_of(poll)
    assert re.search(r"[\u4e00-\u9fff]{4,}", text) and not LATIN_SENTENCE.search(text), text
    stored = Store(lab.db).latest("lofter.poll_before", harness.STUDENT)
    assert stored is not None and stored.data["stance"] == "against"


def test_the_self_check_from_inside_reports_in_chinese(page, lab):
    save(page, lab.root / LOFTER)
    last = page.locator(f"{SHOWN} .jp-Notebook .jp-Cell").count() - 1
    cell(page, last).click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type(SELF_CHECK)
    save(page, lab.root / LOFTER)
    cell(page, last + 1).locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    out = output_of(page, last + 1)
    out.first.wait_for(state="attached", timeout=60_000)
    page.wait_for_selector(f'{SHOWN} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=300_000)
    printed = "\n".join(out.all_inner_texts())
    shoot(cell(page, last + 1), "student_zh_03_self_check")
    print(printed)
    assert "✔" in printed and "Traceback" not in printed, printed
    assert re.search(r"[\u4e00-\u9fff]{4,}", printed), printed
    assert not LATIN_SENTENCE.search(printed), printed
    time.sleep(1)
    assert check_processes(lab.root.parent) == []
