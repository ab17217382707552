"""Fixtures for the real-browser tests: one JupyterLab server and one chromium per
module, both stopped at teardown. Skipped (with the reason) when /usr/bin/chromium
is missing; `make browser-deps` installs it."""

from __future__ import annotations

import harness
import pytest


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    reason = harness.skip_reason()
    if reason:
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("lab")
    server = harness.start_lab(tmp, {"fixture.ipynb": harness.fixture_notebook()})
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(lab, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = harness.launch_browser(playwright, tmp_path_factory.mktemp("chromium"))
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page(browser, lab):
    """The fixture notebook, opened and run once, shared by the tests of a module."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    harness.open_notebook(page, lab, "fixture.ipynb")
    harness.run_all(page)
    yield page
    context.close()
