"""axe-core over the kit's widget in a real JupyterLab: no serious or critical
violations. Only the widget's own output area is scanned
(``harness.WIDGET_OUTPUT``); JupyterLab's chrome (menus, side panels, toolbars)
is not the kit's and is left out."""

from __future__ import annotations

import harness
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# ipywidgets 8 draws IntSlider as a noUiSlider <div role="slider"> whose description
# <label> is not linked to it, so screen readers hear an unnamed slider. Known and
# reported to the widgets' author; it has to be fixed in artethics.widgets.views
# (e.g. a labelled control instead of IntSlider), after which the xfail below fails
# and must be removed.
SLIDER_NAME = "aria-input-field-name"


@pytest.fixture(scope="module")
def violations(page):
    if not harness.AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci --prefix tests/browser`")
    found = harness.run_axe(page, harness.WIDGET_OUTPUT)
    harness.screenshot(page, "axe_scanned")
    return [v for v in found if v["impact"] in ("serious", "critical")]


def _describe(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                     f"{[n['target'] for n in v['nodes']][:3]}" for v in violations)


def test_no_serious_violations_besides_the_known_slider_names(violations):
    others = [v for v in violations if v["id"] != SLIDER_NAME]
    assert others == [], _describe(others)


@pytest.mark.xfail(strict=True, reason="ipywidgets IntSlider handles have no accessible "
                   "name (aria-input-field-name); to be fixed in artethics.widgets.views")
def test_slider_handles_have_accessible_names(violations):
    named = [v for v in violations if v["id"] == SLIDER_NAME]
    assert named == [], _describe(named)
