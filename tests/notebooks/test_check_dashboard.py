"""course/dashboard.ipynb runs headless (papermill) on the demo class and on a collected class."""

from __future__ import annotations

import json

import papermill as pm
import pytest

from artethics import paths
from artethics.tools import collect, dashboard, nbform

pytestmark = pytest.mark.slow
DASHBOARD = paths.root() / "course" / "dashboard.ipynb"


def _text(nb) -> str:
    out = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            plain = o.get("data", {}).get("text/plain", "")
            out.append("".join(o.get("text", "")) + "".join(plain))
    return "\n".join(out)


def test_dashboard_is_in_normal_form_without_outputs():
    assert nbform.problems(nbform.read(DASHBOARD), student=True, name="dashboard") == []


def test_dashboard_runs_on_the_demo_class_with_pseudonyms(tmp_path):
    out = tmp_path / "demo.ipynb"
    pm.execute_notebook(str(DASHBOARD), str(out), parameters={"demo_students": 6, "seed": 3},
                        progress_bar=False, cwd=str(tmp_path))
    text = _text(json.loads(out.read_text()))
    assert "DEMO CLASS" in text and "p-" in text and "demo01" not in text


def test_dashboard_runs_on_a_collected_class(tmp_path):
    result = collect.Collected(responses=dashboard.demo_class(4, seed=1))
    db = collect.write_db(result, tmp_path / "class.sqlite")
    out = tmp_path / "class.ipynb"
    pm.execute_notebook(str(DASHBOARD), str(out), progress_bar=False, cwd=str(tmp_path),
                        parameters={"class_db": str(db), "pseudonymise": False})
    text = _text(json.loads(out.read_text()))
    assert "Class dataset class.sqlite" in text and "p-" not in text
    assert "demo0" in text  # real names shown when pseudonymise=False
