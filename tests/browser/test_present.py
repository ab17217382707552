"""`artethics present` in Debian chromium: the token opens the live class view, the
positions are drawn, a new answer file appears on the page within 10 s without a
reload, a corrupt file and a vanished class folder are said on the page and the
terminal while the answers stay; without the token nothing is shown."""

from __future__ import annotations

import shutil

import harness
import present_harness as ph
import pytest

from artethics.kit import CASE_LESSONS
from artethics.responses import Response, now_utc, write_class_folder
from artethics.tools import dashboard
from artethics.widgets.poll import Answer, PollModel

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NEW_REASON = "A classmate's point about fan artists changed my mind (browser test 4711)."
NAMED = "Chan Tai Man"  # a real-looking name that must never reach the projector


def after_poll(student: str, case: str, reason: str) -> Response:
    """An after-poll with a reason, made by the poll's own model (the shape students record)."""
    model = PollModel(case, "the case question", "after", before=Answer("against", 2))
    model.set_answer("for", 4)
    model.set_reason(reason)
    return Response(CASE_LESSONS[case], model.activity, "poll", student, model.to_data(),
                    now_utc())


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("present")
    folder = tmp / "class"
    for answer in dashboard.demo_class(8, seed=3):
        write_class_folder(folder, answer)
    write_class_folder(folder, after_poll(NAMED, "rembrandt", "The first reason I gave."))
    server = ph.start_present(tmp, folder, "--refresh", "1")
    yield server, folder
    assert server.stop() == [], "a kernel outlived artethics present"


@pytest.fixture(scope="module")
def page(classroom):
    sync_api = pytest.importorskip("playwright.sync_api")
    server, _folder = classroom
    with sync_api.sync_playwright() as playwright:
        chromium = harness.launch_browser(playwright, server.log.parent)
        context = chromium.new_context(viewport={"width": 1600, "height": 1000})
        page = context.new_page()
        page.errors, page.requests = [], []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        # what actually went out and came back (a request the page's Content-Security-
        # Policy blocks is announced too, then fails without leaving the browser)
        page.on("response", lambda response: page.requests.append(response.url))
        ph.open_view(page, server)
        yield page
        context.close()
        chromium.close()


def test_the_view_shows_positions_and_pseudonyms_not_names_nor_code(page):
    text = page.inner_text("body")
    assert ph.TITLE in text
    for case in ("rembrandt", "belamy", "lofter", "trik", "christies"):
        assert case in text
    assert "Lens weights per case" in text and "Weights by principle" in text
    assert "The first reason I gave." in text
    assert NAMED not in text and "demo01" not in text
    assert "p-" in text
    assert "present.start" not in page.content()  # no code reaches the page
    assert page.locator("textarea, [contenteditable=true], .jp-InputArea").count() == 0
    harness.screenshot(page, "present_view")
    assert page.errors == []
    outside = [u for u in page.requests if not u.startswith(("data:", server_of(page)))]
    assert outside == []  # nothing from the network: works on an offline projector


def server_of(page) -> str:
    return page.url.split("?")[0]


def test_a_new_answer_appears_within_10_s_without_a_reload(page, classroom):
    _server, folder = classroom
    page.evaluate("() => { window.__same_page = true; }")
    write_class_folder(folder, after_poll("late student", "trik", NEW_REASON))
    ph.wait_for_text(page, NEW_REASON, timeout_ms=10_000)
    assert page.evaluate("() => window.__same_page === true")  # no reload
    page.get_by_text(NEW_REASON).scroll_into_view_if_needed()
    harness.screenshot(page, "present_new_answer")


def test_a_corrupt_file_is_named_on_the_page_and_the_terminal(page, classroom):
    server, folder = classroom
    broken = folder / "04_trik_ai" / "broken__trik.poll_after.json"
    broken.write_text('{"lesson": "04_trik_ai", "activity": ', encoding="utf-8")
    ph.wait_for_text(page, "broken__trik.poll_after.json", timeout_ms=10_000)
    text = page.inner_text("body")
    assert "could not be read" in text and "truncated or corrupt JSON" in text
    assert NEW_REASON in text  # the other answers stay
    assert broken.read_text(encoding="utf-8").startswith('{"lesson"')  # left as it was
    said = server.wait_for_output("broken__trik.poll_after.json")
    assert "skipped" in said and "truncated or corrupt JSON" in said
    broken.unlink()


def test_a_class_folder_that_disappears_keeps_the_answers_shown(page, classroom):
    server, folder = classroom
    moved = folder.with_name("class-away")
    shutil.move(folder, moved)
    try:
        ph.wait_for_text(page, "has disappeared", timeout_ms=10_000)
        assert NEW_REASON in page.inner_text("body")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.locator(".artethics-present-warning").first.scroll_into_view_if_needed()
        harness.screenshot(page, "present_folder_gone")
        server.wait_for_output("has disappeared")
    finally:
        shutil.move(moved, folder)
    page.wait_for_function("() => !document.body.innerText.includes('has disappeared')",
                           timeout=10_000)
    assert server.proc.poll() is None


def test_without_the_token_the_view_is_refused(classroom, page):
    server, _folder = classroom
    assert ph.status(server.base) in (302, 403)
    assert ph.status(f"{server.base}api/kernels") in (302, 403, 404, 405)
    other = page.context.browser.new_context()
    try:
        stranger = other.new_page()
        stranger.goto(server.base)
        stranger.wait_for_load_state()
        text = stranger.inner_text("body")
        assert ph.TITLE not in text and "p-" not in text
        harness.screenshot(stranger, "present_no_token")
    finally:
        other.close()


PROBE_JS = """async ([code, token]) => {
    const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
    const url = `ws://${location.host}/api/kernels/${config.kernelId}/channels?token=${token}`;
    const ws = new WebSocket(url);
    const message = (type, content) => JSON.stringify({channel: 'shell', content,
        header: {msg_id: type + Math.random(), msg_type: type, session: 'probe',
                 username: 'probe', version: '5.3', date: new Date().toISOString()},
        metadata: {}, parent_header: {}, buffers: []});
    return await new Promise((resolve) => {
        const seen = [];
        ws.onmessage = (event) => {
            const msg = JSON.parse(event.data);
            seen.push(msg.header.msg_type);
            if (msg.header.msg_type === 'kernel_info_reply') { ws.close(); resolve(seen); }
        };
        ws.onopen = () => {
            ws.send(message('execute_request', {code, silent: false, store_history: false,
                                                user_expressions: {}, allow_stdin: false}));
            ws.send(message('kernel_info_request', {}));
        };
        setTimeout(() => resolve(seen.concat(['timeout'])), 20000);
    });
}"""


def test_the_page_cannot_run_code_in_the_kernel(page, classroom, tmp_path):
    """Voilà passes only widget and kernel-info messages: an execute_request sent over
    the page's own kernel connection is dropped, while kernel_info still answers (so
    the probe reaches the kernel and the test can fail)."""
    server, _folder = classroom
    target = tmp_path / "ran.txt"
    code = f"open({str(target)!r}, 'w').write('ran')"
    seen = page.evaluate(PROBE_JS, [code, server.token])
    assert "kernel_info_reply" in seen, seen
    assert "execute_reply" not in seen and "execute_input" not in seen
    assert not target.exists()


def test_files_and_the_notebook_itself_are_not_served(classroom):
    server, _folder = classroom
    for path in ("voila/files/present.ipynb", "voila/files/../pyproject.toml",
                 "voila/tree", "api/contents", "voila/render/present.ipynb"):
        code = ph.status(f"{server.base}{path}?token={server.token}")
        assert code in (302, 403, 404), (path, code)


def test_the_view_in_traditional_chinese(classroom, page):
    _server, folder = classroom
    tmp = folder.parent / "zh"
    tmp.mkdir(exist_ok=True)
    server = ph.start_present(tmp, folder, "--lang", "zh-Hant", "--refresh", "1")
    try:
        context = page.context.browser.new_context(viewport={"width": 1600, "height": 1000})
        chinese = context.new_page()
        chinese.goto(server.url, timeout=120_000)
        ph.wait_for_text(chinese, "課堂即時畫面", timeout_ms=120_000)
        ph.wait_for_text(chinese, "每個個案前後的立場", timeout_ms=60_000)
        text = chinese.inner_text("body")
        assert "Positions before and after each case" not in text
        assert "學生" in text and "理由" in text
        harness.screenshot(chinese, "present_zh_hant")
        context.close()
    finally:
        assert server.stop() == [], "a kernel outlived artethics present"
