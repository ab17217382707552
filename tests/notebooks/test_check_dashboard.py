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


def _html(nb) -> str:
    return "\n".join("".join(o.get("data", {}).get("text/html", ""))
                     for cell in nb["cells"] for o in cell.get("outputs", []))


def _markdown(nb) -> str:
    return "\n".join("".join(o.get("data", {}).get("text/markdown", ""))
                     for cell in nb["cells"] for o in cell.get("outputs", []))


def _figures(nb) -> int:
    return sum("image/png" in o.get("data", {})
               for cell in nb["cells"] for o in cell.get("outputs", []))


def test_dashboard_runs_on_the_demo_class_with_pseudonyms(tmp_path):
    out = tmp_path / "demo.ipynb"
    pm.execute_notebook(str(DASHBOARD), str(out), parameters={"demo_students": 6, "seed": 3},
                        progress_bar=False, cwd=str(tmp_path))
    nb = json.loads(out.read_text())
    text = _text(nb)
    assert "DEMO CLASS" in text and "p-" in text and "demo01" not in text
    html = _html(nb)  # the reasons, the after-poll's answers and the lens answers are shown
    for shown in ("(demo) ", "moved toward", "What moved you?", "consequences"):
        assert shown in html, shown
    assert "#### trik" in _markdown(nb)
    assert "Traceback" not in text
    assert _figures(nb) == 2  # positions, and lens weights per case


def test_reasons_case_shows_the_reasons_of_one_case(tmp_path):
    out = tmp_path / "one.ipynb"
    pm.execute_notebook(str(DASHBOARD), str(out), progress_bar=False, cwd=str(tmp_path),
                        parameters={"demo_students": 4, "seed": 1, "reasons_case": "lofter"})
    nb = json.loads(out.read_text())
    shown = [c["id"] for c in nb["cells"] for o in c.get("outputs", [])
             if "#### " in "".join(o.get("data", {}).get("text/markdown", ""))]
    headings = {"".join(o["data"]["text/markdown"]) for c in nb["cells"]
                for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})}
    frame = dashboard.answers_frame(dashboard.demo_class(4, seed=1))
    tables = {"balance-reasons": dashboard.balance_reasons(frame),
              "poll-reasons": dashboard.poll_reasons(frame),
              "lens-answers": dashboard.lens_answers(frame)}
    expected = [cell for cell, table in tables.items() if "lofter" in set(table["case"])]
    assert headings == {"#### lofter"} and shown == expected and len(expected) >= 2


def test_dashboard_runs_on_a_collected_class(tmp_path):
    result = collect.Collected(responses=dashboard.demo_class(4, seed=1))
    db = collect.write_db(result, tmp_path / "class.sqlite")
    out = tmp_path / "class.ipynb"
    pm.execute_notebook(str(DASHBOARD), str(out), progress_bar=False, cwd=str(tmp_path),
                        parameters={"class_db": str(db), "pseudonymise": False})
    text = _text(json.loads(out.read_text()))
    assert "Class dataset class.sqlite" in text and "p-" not in text
    assert "demo0" in text  # real names shown when pseudonymise=False


def test_reasons_recorded_in_a_lesson_reach_the_dashboard(tmp_path):
    """Lesson 03 run headless with weights, reasons and an after-poll reason (papermill
    parameters stand in for the clicks); collect; the dashboard shows them."""
    from artethics.data import load

    arguments = load("arguments")
    ids = sorted(arguments.loc[arguments["case_id"] == "lofter", "argument_id"])
    weights = {i: 5 if n % 3 == 0 else 1 for n, i in enumerate(ids)}
    reasons = {i: f"My reason for {i}." for i, w in weights.items() if w == 5}
    pm.execute_notebook(str(paths.root() / "course" / "solutions" / "03_lofter.ipynb"),
                        str(tmp_path / "lesson.ipynb"), progress_bar=False, cwd=str(tmp_path),
                        parameters={"student": "tester", "class_folder": str(tmp_path / "class"),
                                    "poll_before": {"stance": "against", "confidence": 3},
                                    "weights": weights, "reasons": reasons,
                                    "poll_after": {"stance": "for", "confidence": 4,
                                                   "reason": "The platform's own rules."}})
    db = collect.write_db(collect.collect([tmp_path / "class"]), tmp_path / "class.sqlite")
    out = tmp_path / "dashboard.ipynb"
    pm.execute_notebook(str(DASHBOARD), str(out), progress_bar=False, cwd=str(tmp_path),
                        parameters={"class_db": str(db), "pseudonymise": False})
    html = _html(json.loads(out.read_text()))
    assert all(f"My reason for {i}." in html for i in reasons) and len(reasons) >= 3
    assert "The platform&#x27;s own rules." in html or "The platform's own rules." in html
    assert "moved toward for" in html
