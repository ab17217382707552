"""The ipywidgets views and the show_* helpers: controls move the model and the HTML."""

from __future__ import annotations

import pandas as pd
import pytest
from test_widgets_models import (
    QUESTION,
    applications_df,
    arguments_df,
    balance,
    matrix,
    rules_df,
    stakeholders_df,
)

from artethics.widgets import LensModel, ParameterError, PollModel, show
from artethics.widgets.controls import LabelledSlider
from artethics.widgets.poll import Answer
from artethics.widgets.views import BalanceView, LensView, MatrixView, PollView


def test_building_a_view_displays_nothing(capsys):
    BalanceView(balance())
    assert capsys.readouterr().out == ""


def test_slider_moves_model_and_verdict_html():
    view = BalanceView(balance())
    assert "no weight given yet" in view.verdict.value
    view.sliders["x_a2"].value = 5
    assert view.model.weights["x_a2"] == 5
    assert "leans against, strongly" in view.verdict.value
    # sign and word, not colour alone
    assert "weight against</th>" in view.verdict.value and ">-5<span" in view.verdict.value
    assert "0 points of weight for and 5 against" in view.verdict.value
    view.sliders["x_a1"].value = 1
    assert "You gave 1 point of weight for and 5 against" in view.verdict.value


def test_every_slider_is_labelled_with_stance_and_number():
    view = BalanceView(balance())
    assert view.sliders["x_a1"].description == "For 1"
    assert view.sliders["x_a2"].description == "Against 2"
    assert view.sliders["x_a2"].tooltip == "Artists were not asked."


def test_sliders_are_native_range_inputs_named_with_their_claim():
    """Screen readers hear the visible label, the claim and the weight in words."""
    view = BalanceView(balance())
    slider = view.sliders["x_a2"]
    assert isinstance(slider, LabelledSlider)
    assert slider.aria_label == "Against 2: Artists were not asked."
    assert slider.value_text() == "0 of 5, ignore it"
    slider.value = 5
    assert slider.value_text() == "5 of 5, decisive"
    confidence = PollView(PollModel("x", QUESTION, "before")).confidence
    assert isinstance(confidence, LabelledSlider) and confidence.value == 3
    assert confidence.value_text() == "3 of 5, fairly sure"


def test_each_view_root_carries_its_class():
    views = {"balance": BalanceView(balance()), "matrix": MatrixView(matrix()),
             "poll": PollView(PollModel("x", QUESTION, "before")),
             "lens": LensView(LensModel("x", rules_df(), applications_df()))}
    for kind, view in views.items():
        assert f"artethics-{kind}" in view.widget._dom_classes


def test_balance_rows_are_grouped_for_then_against_with_fixed_width_sliders():
    view = BalanceView(balance())
    for_section, against_section = view.rows.children
    assert "Arguments for" in for_section.children[0].value
    assert [row.children[0].description for row in for_section.children[1:]] == [
        "For 1", "For 4"]
    assert [row.children[0].description for row in against_section.children[1:]] == [
        "Against 2", "Against 3"]
    assert all(s.layout.min_width for s in view.sliders.values())  # never squeezed to 0
    claim = for_section.children[1].children[1].children[0].value
    assert "principle: access and creativity" in claim
    assert "x_a1" not in claim  # no internal id where students read


def test_natural_order_of_argument_ids():
    from artethics.widgets.balance import natural_key

    ids = ["c_for_12", "c_for_2", "c_against_10", "c_against_6"]
    assert sorted(ids, key=natural_key) == ["c_against_6", "c_against_10", "c_for_2",
                                            "c_for_12"]


def test_add_own_argument_adds_a_slider():
    view = BalanceView(balance())
    view.own_text.value = "Students learn from it."
    view.own_principle.value = "access_and_creativity"
    view.add_button.click()
    assert "own-1" in view.sliders and view.model.totals() == (3, 0)
    assert view.rows.children[0].children[-1].children[0].description == "Yours 1"
    assert "leans for, strongly" in view.verdict.value
    view.add_button.click()  # empty text now
    assert "Write your argument in the box first" in view.status.value


def test_record_button_reports_status():
    calls = []
    view = BalanceView(balance(), on_record=lambda: calls.append(1) or "Recorded it.")
    view.record_button.click()
    assert calls == [1] and "Recorded it." in view.status.value


def test_poll_view_shows_shift():
    view = PollView(PollModel("x", QUESTION, "after", before=Answer("against", 3)))
    view.stance.value = "strongly_for"
    view.confidence.value = 5
    assert view.model.answer == Answer("strongly_for", 5)
    assert "moved 3 steps toward &#x27;for&#x27;" in view.shift.value


def test_poll_view_says_when_and_shows_confidence_in_words():
    view = PollView(PollModel("x", QUESTION, "after", before=Answer("against", 4)))
    texts = " ".join(getattr(c, "value", "") for c in view.widget.children
                     if isinstance(getattr(c, "value", None), str))
    assert "After the case" in texts
    assert "Your &#x27;before&#x27; answer: against (sure, 4/5)" in texts
    view.confidence.value = 1
    assert "1 = not sure at all" in view.sure_words.value
    before = PollView(PollModel("x", QUESTION, "before"))
    assert "Before the case" in before.widget.children[0].value


def test_matrix_view_cell_moves_outcome():
    view = MatrixView(matrix())
    view.cells[("x_buyers", "credit")].value = 2
    assert view.model.ratings["x_buyers"]["credit"] == 2
    assert "Served: Buyers" in view.outcome.value
    assert "Cells rated: 8% (1 of 12)" in view.outcome.value
    assert view.cells[("x_makers", "consent")].description == "Tool makers: consent"
    # a grid: a heading row, then one row per stakeholder, one cell per principle
    grid = next(c for c in view.widget.children if hasattr(c, "children"))
    assert len(grid.children) == (1 + 3) * (1 + 4)
    assert "access and creativity" in grid.children[4].value
    assert [label for label, _ in view.cells[("x_buyers", "credit")].options][0] == (
        "-2 sets back badly")


def test_lens_view_choice_shows_findings():
    view = LensView(LensModel("x", rules_df(), applications_df()))
    assert "No jurisdiction chosen yet" in view.findings.value
    view.choice.value = "US"
    assert "Copyright Act, s. 102" in view.findings.value
    assert ">1978</span>; status: in force" in view.findings.value
    assert "not legal advice" in view.findings.value


# show_* helpers ---------------------------------------------------------------------


def cases_df() -> pd.DataFrame:
    return pd.DataFrame([("x", QUESTION)], columns=["case_id", "central_question"])


@pytest.fixture
def kit(monkeypatch):
    """Tables, display and recording replaced by test doubles."""
    tables = {"cases": cases_df(), "arguments": arguments_df(),
              "stakeholders": stakeholders_df(), "rules": rules_df(),
              "applications": applications_df()}
    log = {"shown": [], "recorded": [], "latest": None}
    monkeypatch.setattr(show, "_load", lambda name: tables[name])
    log["html"], log["slots"] = [], []
    monkeypatch.setattr(show, "_display", lambda obj, html, text: (
        log["shown"].append(obj), log["html"].append(html)))
    monkeypatch.setattr(show, "_placeholder", lambda bundle: (
        log["slots"].append(bundle), "handle")[1])
    monkeypatch.setattr(show, "_latest", lambda activity, student: log["latest"])

    def record(kind, activity, data, who, handle=None):
        log["recorded"].append((kind, activity, data, who["student"], handle))
        return "ok"

    monkeypatch.setattr(show, "_record", record)
    return log


def test_headless_balance_prints_same_summary_twice(kit, capsys):
    for _ in range(2):
        result = show.show_balance("x", weights={"x_a1": 4, "x_a3": 2}, lesson="99_test",
                                   own=[{"text": "Mine.", "stance": "against",
                                         "principle": "credit"}])
        assert result is None
    first, second = kit["recorded"]
    out = capsys.readouterr().out
    half = out[: len(out) // 2]
    assert out == half * 2
    assert "Verdict: leans against, slightly (score -0.11" in out
    assert first[:4] == second[:4] and first[:2] == ("balance", "x.balance")
    assert len(kit["shown"]) == 2


def test_live_balance_records_only_on_click(kit, capsys):
    show.show_balance("x", lesson="99_test", student="ana")
    assert kit["recorded"] == [] and capsys.readouterr().out == ""
    view_widget = kit["shown"][0]
    assert view_widget.children  # the widget was shown
    kit_view_button = next(c for c in view_widget.children
                           if getattr(c, "description", "") == "Record my position")
    kit_view_button.click()
    assert kit["recorded"][0][3] == "ana"
    assert kit["recorded"][0][4].handle == "handle"


def test_headless_poll_after_uses_latest_before(kit, capsys):
    kit["latest"] = type("R", (), {"data": {"stance": "against", "confidence": 2}})()
    show.show_poll("x", "after", stance="for", confidence=4, lesson="99_test")
    out = capsys.readouterr().out
    assert "Shift: Your stance moved 2 steps toward 'for'" in out
    assert kit["recorded"][0][2]["shift"] == 2


def test_headless_matrix_and_lens(kit, capsys):
    show.show_matrix("x", ratings={"x_buyers": {"credit": 1}}, decision="Go ahead",
                     lesson="99_test")
    show.show_lens("x", jurisdiction="CN", lesson="99_test")
    out = capsys.readouterr().out
    assert "Decision: Go ahead" in out and "Served: Buyers" in out
    assert "Labelling Measures, Art. 4" in out
    assert [r[1] for r in kit["recorded"]] == ["x.matrix"]  # looking is not an answer
    show.show_lens("x", lens_answers={"us": "Fair use would decide it."}, lesson="99_test")
    assert [r[1] for r in kit["recorded"]] == ["x.matrix", "x.lens"]
    assert kit["recorded"][1][2]["answers"] == {"US": "Fair use would decide it."}
    assert "Your answer: Fair use would decide it." in capsys.readouterr().out


def test_headless_matrix_with_chosen_principles(kit, capsys):
    show.show_matrix("x", ratings={"x_artists": {"cultural_heritage": -1}}, lesson="99_test",
                     principles=["consent", "cultural_heritage"])
    data = kit["recorded"][0][2]
    assert data["principles"] == ["consent", "cultural_heritage"]
    assert "2 principles" in capsys.readouterr().out
    assert len(kit["shown"]) == 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: show.show_balance("zz", weights={}, lesson="l"), "case='zz'"),
        (lambda: show.show_balance("x", weights={"x_a1": 9}, lesson="l"), "weights['x_a1']=9"),
        (lambda: show.show_poll("x", "before", stance="", confidence=3, lesson="l"),
         "stance=''"),
        (lambda: show.show_poll("x", "before", confidence=3, lesson="l"), "stance=None"),
        (lambda: show.show_lens("x", jurisdiction="FR", lesson="l"), "jurisdiction='FR'"),
        (lambda: show.show_balance("x", weights={}, lesson=""), "lesson=''"),
        (lambda: show.show_matrix("x", ratings={}, lesson="l", principles=["joy"]),
         "principles=['joy']"),
        (lambda: show.show_matrix("x", ratings={"x_artists": {"consent": 1}}, lesson="l",
                                  principles=["credit"]), "not a column of this matrix"),
    ],
)
def test_helpers_refuse_bad_values_before_recording(kit, call, message):
    with pytest.raises(ParameterError, match=message.replace("[", r"\[")):
        call()
    assert kit["recorded"] == []


def test_headless_poll_round_trip_through_the_real_store(monkeypatch, tmp_path, capsys):
    """before then after, recorded in a real SQLite store: the shift comes from it."""
    tables = {"cases": cases_df()}
    monkeypatch.setattr(show, "_load", lambda name: tables[name])
    monkeypatch.setattr(show, "_display", lambda obj, html, text: None)
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "answers.sqlite"))
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)
    show.show_poll("x", "before", stance="against", confidence=2, lesson="99_test",
                   student="ana")
    show.show_poll("x", "after", stance="strongly_for", confidence=5, lesson="99_test",
                   student="ana")
    from artethics.responses import latest

    assert latest("x.poll_after", "ana").data["shift"] == 3
    assert "moved 3 steps toward 'for'" in capsys.readouterr().out
