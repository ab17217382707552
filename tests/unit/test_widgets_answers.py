"""What a student sees of their answers: the after-poll's shift looked up at Record,
the last recorded answer shown again after a re-run, the static HTML in the widget's
own output bundle, one confirmation per Record, and the new questions (reasons, what
moved you, the lens's question) with their papermill stand-ins."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_widgets_models import (
    QUESTION,
    applications_df,
    arguments_df,
    balance,
    rules_df,
    stakeholders_df,
)

from artethics.responses import MIME, Store
from artethics.widgets import LensModel, MatrixModel, ParameterError, PollModel, show
from artethics.widgets._common import escape
from artethics.widgets.views import BalanceView, LensView, MatrixView, PollView

DOLLARS = "Was US$432,500 against US$7,000 fair?"
REAL_DISPLAY = show._display


def cases_df(question: str = QUESTION) -> pd.DataFrame:
    return pd.DataFrame([("x", question)], columns=["case_id", "central_question"])


class FakeHandle:
    def __init__(self):
        self.updates = []

    def update(self, bundle, raw=False):
        self.updates.append(bundle)


@pytest.fixture
def lab(monkeypatch, tmp_path):
    """Real recording into a throwaway database; the display captured, not shown."""
    tables = {"cases": cases_df(DOLLARS), "arguments": arguments_df(),
              "stakeholders": stakeholders_df(), "rules": rules_df(),
              "applications": applications_df()}
    log = {"widgets": [], "html": [], "text": [], "slots": [], "handles": []}
    monkeypatch.setattr(show, "_load", lambda name: tables[name])

    def display(widget, html, text):
        log["widgets"].append(widget)
        log["html"].append(html)
        log["text"].append(text)

    def placeholder(bundle):
        log["slots"].append(bundle)
        handle = FakeHandle()
        log["handles"].append(handle)
        return handle

    monkeypatch.setattr(show, "_display", display)
    monkeypatch.setattr(show, "_placeholder", placeholder)
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "answers.sqlite"))
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)
    monkeypatch.delenv("ARTETHICS_PSEUDONYMISE", raising=False)
    log["db"] = tmp_path / "answers.sqlite"
    return log


def button(widget, label):
    """The first button with this label anywhere in a widget tree."""
    for child in getattr(widget, "children", ()):
        if getattr(child, "description", None) == label and hasattr(child, "click"):
            return child
        found = button(child, label)
        if found is not None:
            return found
    return None


# item 1: the after poll's shift under Run All -------------------------------------------


def test_after_poll_finds_a_before_answer_recorded_after_the_cell_ran(lab):
    """Run All shows both polls before the student answers either; the shift must be
    there when the student records 'after'."""
    show.show_poll("x", "before", lesson="99_test", student="ana")
    show.show_poll("x", "after", lesson="99_test", student="ana")
    before_box, after_box = lab["widgets"]
    before_box.children[1].value = "against"
    button(before_box, "Record my answer").click()
    after_box.children[1].value = "strongly_for"
    button(after_box, "Record my answer").click()
    stored = Store(lab["db"]).latest("x.poll_after", "ana")
    assert stored.data["shift"] == 3
    assert stored.data["before"] == {"stance": "against", "confidence": 3}
    texts = " ".join(getattr(c, "value", "") for c in after_box.children
                     if isinstance(getattr(c, "value", None), str))
    assert "moved 3 steps toward &#x27;for&#x27;" in texts
    assert "Your &#x27;before&#x27; answer: against" in texts
    confirmation = lab["handles"][1].updates[-1]["text/plain"]
    assert "moved 3 steps toward 'for'" in confirmation


def test_after_poll_view_updates_the_shift_while_the_student_chooses(lab):
    show.show_poll("x", "after", lesson="99_test", student="ana")
    after_box = lab["widgets"][0]
    show.show_poll("x", "before", stance="for", confidence=2, lesson="99_test",
                   student="ana")
    after_box.children[1].value = "strongly_against"
    texts = " ".join(getattr(c, "value", "") for c in after_box.children
                     if isinstance(getattr(c, "value", None), str))
    assert "moved 3 steps toward &#x27;against&#x27;" in texts


# item 2: the last recorded answer, again -----------------------------------------------


def test_rerun_shows_the_last_recorded_balance(lab):
    show.show_balance("x", lesson="99_test", student="ana")
    first = lab["widgets"][0]
    assert lab["slots"][0]["text/plain"].startswith("No answer recorded yet")
    rows = first.children[1].children[1].children  # the 'against' section
    rows[1].children[0].value = 5  # Against 2 -> 5
    rows[1].children[1].children[1].value = "Nobody asked them."
    button(first, "Record my position").click()
    show.show_balance("x", lesson="99_test", student="ana")  # the re-run
    again = lab["widgets"][1].children[1].children[1].children
    assert again[1].children[0].value == 5
    assert again[1].children[1].children[1].value == "Nobody asked them."
    slot = lab["slots"][1]
    assert slot["text/plain"].startswith("Your last recorded answer")
    assert "Against 2: weight 5. Your reason: Nobody asked them." in slot["text/plain"]
    assert slot[MIME]["data"]["weights"]["x_a2"] == 5  # the saved notebook keeps it
    assert "Nobody asked them." in lab["html"][1]


def test_rerun_shows_the_last_recorded_poll_matrix_and_lens(lab):
    show.show_poll("x", "before", stance="for", confidence=4, lesson="99_test",
                   student="ana")
    show.show_matrix("x", ratings={"x_buyers": {"credit": 2}}, decision="Hold it",
                     lesson="99_test", student="ana")
    show.show_lens("x", lens_answers={"UK": "Text and data mining rules."},
                   lesson="99_test", student="ana")
    lab["widgets"].clear()
    show.show_poll("x", "before", lesson="99_test", student="ana")
    show.show_matrix("x", lesson="99_test", student="ana")
    show.show_lens("x", lesson="99_test", student="ana")
    poll, matrix, lens = lab["widgets"]
    assert poll.children[1].value == "for"
    assert "Your answer: for (sure, 4/5)." in lab["slots"][0]["text/plain"]
    assert "Decision: Hold it" in lab["slots"][1]["text/plain"]
    assert "Text and data mining rules." in lab["slots"][2]["text/plain"]
    assert lens.children[1].value == "UK"


# static HTML next to the widget ----------------------------------------------------------


def test_every_widget_output_carries_static_html_in_the_same_bundle(monkeypatch, lab):
    shown = []
    monkeypatch.setattr("IPython.display.display",
                        lambda bundle, raw=False: shown.append(bundle))
    monkeypatch.setattr(show, "_display", REAL_DISPLAY)  # the real bundle, captured
    show.show_balance("x", weights={"x_a2": 4}, reasons={"x_a2": "Costs $5 a week."},
                      lesson="99_test", student="ana")
    bundle = shown[0]
    assert {"application/vnd.jupyter.widget-view+json", "text/html",
            "text/plain"} <= set(bundle)
    html = bundle["text/html"]
    for claim in ("Buyers chose freely.", "Artists were not asked.", "Makers are named."):
        assert claim in html
    assert "Verdict: leans against, strongly" in html
    assert "Costs &#36;5 a week." in html and "$" not in html  # never LaTeX
    assert "mathjax_ignore" in html
    assert "x_a2" not in html and "x_a2" not in bundle["text/plain"]
    assert bundle["text/plain"].startswith("Argument balance")


def test_static_html_of_poll_matrix_and_lens(lab):
    show.show_poll("x", "after", stance="for", confidence=4, reason="The $7,000 estimate.",
                   lesson="99_test", student="ana")
    show.show_matrix("x", ratings={"x_buyers": {"credit": 2}}, decision="Go", columns=None,
                     principles=["credit"], lesson="99_test", student="ana")
    show.show_lens("x", lens_answers={"US": "Fair use."}, lesson="99_test", student="ana")
    poll, matrix, lens = lab["html"]
    assert "Was US&#36;432,500 against US&#36;7,000 fair?" in poll
    assert "Your answer: for (sure, 4/5)." in poll and "The &#36;7,000 estimate." in poll
    assert "<th scope='col'" in matrix and "+2 serves well" in matrix
    assert "Fair use." in lens and "Copyright Act, s. 102" in lens
    assert all("role='status'" not in html for html in lab["html"])  # static: no live region


# one confirmation per Record, in words for people ---------------------------------------------


def test_one_confirmation_per_record_without_internal_ids(lab):
    show.show_balance("x", lesson="99_test", student="ana")
    box = lab["widgets"][0]
    box.children[1].children[0].children[1].children[0].value = 2
    button(box, "Record my position").click()
    updates = lab["handles"][0].updates
    assert len(updates) == 1
    line = updates[0]["text/plain"]
    assert line.startswith("Recorded for ana: saved in this notebook and the local database")
    assert "x.balance" not in line and "x_a1" not in line
    assert "For 1: weight 2." in line
    status = box.children[-1].value
    assert status == ""  # the output under the widget is the one confirmation
    assert updates[0][MIME]["activity"] == "x.balance"  # the notebook still carries it


def test_record_without_a_choice_says_what_to_do(lab):
    show.show_poll("x", "before", lesson="99_test", student="ana")
    box = lab["widgets"][0]
    button(box, "Record my answer").click()
    assert "Choose a position above first" in box.children[-1].value
    assert "stance=None" not in box.children[-1].value
    assert lab["handles"][0].updates == []


# the new questions --------------------------------------------------------------------------


def test_balance_view_asks_why_for_weights_of_4_and_5():
    view = BalanceView(balance())
    box = view.reasons["x_a2"]
    assert box.layout.display == "none" and box.description == "Against 2: why?"
    view.sliders["x_a2"].value = 4
    assert box.layout.display == "flex"
    assert "no reason yet" in view.verdict.value
    box.value = "Consent comes first."
    assert view.model.reasons == {"x_a2": "Consent comes first."}
    assert "Against 2</strong> (weight 4): Consent comes first." in view.verdict.value
    view.sliders["x_a2"].value = 3
    assert box.layout.display == "none" and "Consent comes first." not in view.verdict.value


def test_balance_view_groups_by_lens_when_tagged():
    frame = arguments_df()
    frame["lens"] = ["consequences", "rights", "fairness", "fairness", "community"]
    from artethics.widgets import BalanceModel

    view = BalanceView(BalanceModel.from_tables("x", QUESTION, frame, stakeholders_df()))
    view.sliders["x_a1"].value = 2
    assert "By lens" in view.verdict.value and "consequences" in view.verdict.value
    assert "By lens" not in BalanceView(balance()).verdict.value


def test_poll_view_asks_what_moved_you():
    from artethics.widgets.poll import Answer

    view = PollView(PollModel("x", QUESTION, "after", before=Answer("against", 3)))
    view.stance.value = "for"
    assert view.reason.description == "What moved you? One line."
    view.reason.value = "The artists' letter."
    assert view.model.to_data()["reason"] == "The artists' letter."
    view.stance.value = "against"
    assert view.reason.description == "What held you where you were? One line."
    before = PollView(PollModel("x", QUESTION, "before"))
    assert before.reason not in before.widget.children


def test_lens_view_asks_what_the_rules_would_change():
    view = LensView(LensModel("x", rules_df(), applications_df()))
    assert view.answer.layout.display == "none"
    view.choice.value = "US"
    assert "what would they change for it" in view.question.value
    view.answer.value = "Fair use would decide."
    view.choice.value = "CN"
    assert view.answer.value == ""
    view.choice.value = "US"
    assert view.answer.value == "Fair use would decide."
    assert view.model.to_data()["answers"] == {"US": "Fair use would decide."}


def test_matrix_view_with_lenses():
    model = MatrixModel.from_tables("x", stakeholders_df(), columns="lenses")
    view = MatrixView(model)
    assert view.cells[("x_artists", "rights")].description == "Artists: rights and consent"
    assert "on each lens" in view.widget.children[0].value


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: show.show_balance("x", reasons={"x_a1": "r"}, lesson="l"),
         "give weights too"),
        (lambda: show.show_balance("x", weights={"x_a1": 5}, reasons={"x_a1": 5}, lesson="l"),
         "reasons['x_a1']=5 is not allowed"),
        (lambda: show.show_poll("x", "after", reason="r", lesson="l"),
         "give a stance together"),
        (lambda: show.show_poll("x", "before", stance="for", confidence=3, reason="r",
                                lesson="l"), "asked only in the 'after' poll"),
        (lambda: show.show_lens("x", lens_answers={"FR": "r"}, lesson="l"),
         "jurisdiction='FR'"),
        (lambda: show.show_matrix("x", columns="values", lesson="l", ratings={}),
         "columns='values' is not allowed"),
    ],
)
def test_new_parameters_refused_with_clear_messages(lab, call, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        call()
    assert Store(lab["db"]).all() == []


def test_headless_reasons_and_what_moved_you_are_recorded(lab, capsys):
    show.show_balance("x", weights={"x_a2": 5, "x_a3": 4}, reasons={"x_a2": "Consent."},
                      lesson="99_test", student="ana")
    data = Store(lab["db"]).latest("x.balance", "ana").data
    assert data["reasons"] == {"x_a2": "Consent."} and data["reasons_missing"] == ["x_a3"]
    show.show_poll("x", "after", stance="for", confidence=3, reason="The data.",
                   lesson="99_test", student="ana")
    assert Store(lab["db"]).latest("x.poll_after", "ana").data["reason"] == "The data."
    assert "The data." in capsys.readouterr().out


# every case lesson, with the kit's own tables ------------------------------------------------

MAIN_CASES = ("rembrandt", "belamy", "lofter", "trik", "christies")


@pytest.mark.parametrize("case", MAIN_CASES)
@pytest.mark.parametrize("columns", ["principles", "lenses"])
def test_matrix_works_in_every_case_lesson_with_its_own_stakeholders(monkeypatch, case,
                                                                       columns):
    from artethics.data import load

    shown = []
    monkeypatch.setattr(show, "_display", lambda widget, html, text: shown.append(html))
    monkeypatch.setattr(show, "_load", load)
    monkeypatch.setattr(show, "_latest", lambda activity, student: None)
    monkeypatch.setattr(show, "_placeholder", lambda bundle: FakeHandle())
    show.show_matrix(case, columns=columns, lesson="99_test")
    own = load("stakeholders").query("case_id == @case")
    assert 4 <= len(own) <= 7
    for name in own["name"]:
        assert escape(name) in shown[0]
    if columns == "lenses":
        assert "rights and consent" in shown[0] and "relationships and community" in shown[0]


@pytest.mark.parametrize("case", MAIN_CASES)
def test_balance_groups_the_kits_arguments_by_lens(case):
    from artethics.data import load
    from artethics.widgets import BalanceModel

    arguments = load("arguments")
    model = BalanceModel.from_tables(case, "Q?", arguments, load("stakeholders"))
    model.set_weights({a.argument_id: 1 for a in model.arguments})
    if "lens" in arguments.columns:
        assert model.has_lenses()
        assert sum(s.for_weight + s.against_weight for s in model.by_lens()) == \
            len(model.arguments)
    else:
        assert model.by_lens() == []
