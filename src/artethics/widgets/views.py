"""Thin ipywidgets 8 views over the models. Building a view displays nothing.

Each view owns its controls, writes every change into its model and re-renders
HTML from the model (no matplotlib redraw on a change). ``on_record`` is a
callable the helper passes in; it records the model's answer and returns a
status line.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from ._common import PRINCIPLES, ParameterError
from .balance import MAX_WEIGHT, BalanceModel
from .lens import JURISDICTIONS, LensModel
from .matrix import HIGH, LOW, MatrixModel
from .poll import CONFIDENCE, SCALE, PollModel
from .render import balance_html, lens_html, matrix_html, text_html

Recorder = Callable[[], str]
WIDE = {"description_width": "initial"}


def _record_button(label: str, on_record: Recorder | None, status: w.HTML) -> w.Button:
    button = w.Button(description=label, tooltip=label, button_style="primary",
                      icon="check")

    def click(_):
        if on_record is None:
            status.value = text_html("Recording is not set up for this widget.")
            return
        try:
            status.value = text_html(on_record())
        except (ValueError, OSError) as error:
            status.value = text_html(f"Not recorded: {error}")

    button.on_click(click)
    return button


class BalanceView:
    """Sliders (0-5) per argument, the student's own argument, the live verdict."""

    def __init__(self, model: BalanceModel, on_record: Recorder | None = None):
        self.model = model
        self.verdict = w.HTML(balance_html(model))
        self.status = w.HTML("")
        self.sliders: dict[str, w.IntSlider] = {}
        self.rows = w.VBox([self._row(a) for a in model.arguments])
        self.own_text = w.Text(description="Your argument", placeholder="write it here",
                               style=WIDE)
        self.own_stance = w.Dropdown(description="Stance", options=["for", "against"])
        self.own_principle = w.Dropdown(description="Principle", options=list(PRINCIPLES))
        self.add_button = w.Button(description="Add my argument", tooltip="Add my argument")
        self.add_button.on_click(lambda _: self.add_own())
        self.record_button = _record_button("Record my position", on_record, self.status)
        self.widget = w.VBox([
            w.HTML(f"<strong>{escape(model.question)}</strong> Weigh each argument from 0 "
                   f"(ignore) to {MAX_WEIGHT} (decisive)."),
            self.rows,
            w.HBox([self.own_text, self.own_stance, self.own_principle, self.add_button]),
            self.verdict, self.record_button, self.status])

    def _row(self, argument) -> w.HBox:
        sign = "+ for" if argument.stance == "for" else "- against"
        label = f"{argument.argument_id} ({sign})"
        slider = w.IntSlider(value=self.model.weights[argument.argument_id], min=0,
                             max=MAX_WEIGHT, description=label, tooltip=argument.claim,
                             style=WIDE, continuous_update=True)
        slider.observe(self._changed(argument.argument_id), names="value")
        self.sliders[argument.argument_id] = slider
        text = w.HTML(f"{escape(argument.claim)} <small>[{argument.principle}; "
                      f"{escape(argument.stakeholder)}]</small>")
        return w.HBox([slider, text])

    def _changed(self, argument_id: str):
        def update(change):
            self.model.set_weight(argument_id, change["new"])
            self.verdict.value = balance_html(self.model)
        return update

    def add_own(self) -> None:
        try:
            argument_id = self.model.add_own(self.own_text.value, self.own_stance.value,
                                             self.own_principle.value)
        except ParameterError as error:
            self.status.value = text_html(str(error))
            return
        argument = next(a for a in self.model.arguments if a.argument_id == argument_id)
        self.rows.children = (*self.rows.children, self._row(argument))
        self.own_text.value = ""
        self.status.value = text_html(f"Added {argument_id}.")
        self.verdict.value = balance_html(self.model)


class PollView:
    """A five-point stance, a confidence slider and, after the case, the shift."""

    def __init__(self, model: PollModel, on_record: Recorder | None = None):
        self.model = model
        answer = model.answer
        self.stance = w.RadioButtons(
            options=[(label, key) for key, label, _ in SCALE],
            value=answer.stance if answer else None, description="Your stance", style=WIDE)
        self.confidence = w.IntSlider(value=answer.confidence if answer else 3, min=1, max=5,
                                      description="How sure (1-5)", style=WIDE,
                                      tooltip="1 = " + CONFIDENCE[1] + ", 5 = " + CONFIDENCE[5])
        self.shift = w.HTML(text_html(model.shift()))
        self.status = w.HTML("")
        for control in (self.stance, self.confidence):
            control.observe(lambda _: self.update(), names="value")
        self.widget = w.VBox([w.HTML(f"<strong>{escape(model.question)}</strong>"), self.stance,
                              self.confidence, self.shift,
                              _record_button("Record my answer", on_record, self.status),
                              self.status])

    def update(self) -> None:
        if self.stance.value is None:
            return
        self.model.set_answer(self.stance.value, self.confidence.value)
        self.shift.value = text_html(self.model.shift())


class MatrixView:
    """One slider (-2..+2) per stakeholder x principle cell, and the outcome."""

    def __init__(self, model: MatrixModel, on_record: Recorder | None = None):
        self.model = model
        self.cells: dict[tuple[str, str], w.IntSlider] = {}
        self.decision = w.Text(value=model.decision, description="Your decision",
                               placeholder="e.g. hold the sale, with labels", style=WIDE)
        self.decision.observe(lambda c: model.set_decision(c["new"]), names="value")
        self.outcome = w.HTML(matrix_html(model))
        self.status = w.HTML("")
        blocks = [self._block(s) for s in model.names]
        self.widget = w.VBox([
            self.decision,
            w.HTML("Rate each cell: -2 sets back badly, 0 no effect, +2 serves well."),
            *blocks, self.outcome,
            _record_button("Record my matrix", on_record, self.status), self.status])

    def _block(self, stakeholder_id: str) -> w.VBox:
        name = self.model.names[stakeholder_id]
        short = name.split(" (")[0].split(",")[0]
        sliders = [w.HTML(f"<strong>{escape(name)}</strong>")]
        for principle in self.model.principles:
            slider = w.IntSlider(value=self.model.ratings[stakeholder_id][principle], min=LOW,
                                 max=HIGH, description=f"{short}: {principle}",
                                 tooltip=f"{name}: {principle}", style=WIDE)
            slider.observe(self._changed(stakeholder_id, principle), names="value")
            self.cells[(stakeholder_id, principle)] = slider
            sliders.append(slider)
        return w.VBox(sliders)

    def _changed(self, stakeholder_id: str, principle: str):
        def update(change):
            self.model.set_rating(stakeholder_id, principle, change["new"])
            self.outcome.value = matrix_html(self.model)
        return update


class LensView:
    """Four toggle buttons (CN, US, EU, UK) and the findings for the chosen one."""

    def __init__(self, model: LensModel, on_record: Recorder | None = None):
        self.model = model
        self.choice = w.ToggleButtons(
            options=[(f"{code} {name}", code) for code, name in JURISDICTIONS.items()],
            value=model.jurisdiction, description="Jurisdiction", style=WIDE,
            tooltips=list(JURISDICTIONS.values()))
        self.findings = w.HTML(lens_html(model))
        self.status = w.HTML("")
        self.choice.observe(self._changed, names="value")
        self.widget = w.VBox([self.choice, self.findings,
                              _record_button("Record what I looked at", on_record,
                                             self.status), self.status])

    def _changed(self, change) -> None:
        if change["new"] is None:
            return
        self.model.choose(change["new"])
        self.findings.value = lens_html(self.model)
