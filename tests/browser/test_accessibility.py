"""axe-core over every kit widget in a real JupyterLab: no serious or critical
violations. Each widget's own output area is scanned on its own
(``harness.widget_output``); JupyterLab's chrome (menus, side panels, toolbars) is
not the kit's and is left out.

The balance and poll sliders are ``LabelledSlider`` (a native ``<input type=range>``
with a linked ``<label>``), because ipywidgets 8's IntSlider handle has no accessible
name (axe: ``aria-input-field-name``, serious)."""

from __future__ import annotations

import re

import harness
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def scanned(page):
    """{widget kind: its serious or critical axe violations}, scanned once."""
    if not harness.AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci --prefix tests/browser`")
    found = {}
    for kind in harness.WIDGETS:
        violations = harness.run_axe(page, harness.widget_output(kind))
        found[kind] = [v for v in violations if v["impact"] in SERIOUS]
        harness.screenshot(page, f"axe_{kind}")
    return found


def _describe(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                     f"{[n['target'] for n in v['nodes']][:3]}" for v in violations)


@pytest.mark.parametrize("kind", harness.WIDGETS)
def test_widget_has_no_serious_or_critical_violations(scanned, kind):
    assert scanned[kind] == [], _describe(scanned[kind])


def test_axe_does_flag_an_unnamed_slider_on_this_page(page, scanned):
    """The scanner works here: a bare role=slider (what IntSlider draws) is reported."""
    page.evaluate("""() => {
        const probe = document.createElement('div');
        probe.id = 'axe-probe';
        probe.innerHTML = '<div role="slider" tabindex="0" aria-valuenow="1" ' +
                          'aria-valuemin="0" aria-valuemax="5"></div>';
        document.body.append(probe);
    }""")
    try:
        ids = {v["id"] for v in harness.run_axe(page, "#axe-probe")}
    finally:
        page.evaluate("() => document.getElementById('axe-probe').remove()")
    assert "aria-input-field-name" in ids


def test_every_slider_is_named_by_its_visible_label(page, scanned):
    """Screen readers (and voice control) find each slider by the words shown beside it."""
    sliders = page.get_by_role("slider")
    labels = page.locator(".artethics-range-label").all_inner_texts()
    assert sliders.count() == len(labels) > 10  # the balance's arguments and the polls
    for label in sorted(set(labels)):
        named = page.get_by_role("slider", name=re.compile("^" + re.escape(label)))
        assert named.count() >= 1, label
    first = page.locator(harness.SLIDER).first
    assert first.get_attribute("aria-valuetext") is not None
