"""Thin ipywidgets 8 views over the models. Building a view displays nothing.

Each view owns its controls, writes every change into its model and re-renders
HTML from the model (no matplotlib redraw on a change). ``on_record`` is a
callable the helper passes in; it records the model's answer and returns a
status line.

Layout rules the screenshots taught us: sliders get a fixed width (in an HBox
next to long text they otherwise shrink to nothing), labels are short and the
long text sits beside them, buttons size to their words, principle ids are
shown as words, and every control keeps a label (its accessible name).

Sliders are :class:`~artethics.widgets.controls.LabelledSlider` (a native, labelled
``<input type="range">``), not ipywidgets' IntSlider, whose handle has no accessible
name. Each view's root box carries a class (``artethics-balance``, ``-poll``,
``-matrix``, ``-lens``) so tests and pages can find it.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from artethics.i18n import N_, _

from ._common import (
    NO_MATHS,
    PRINCIPLES,
    REASON_MAX,
    ParameterError,
    column_words,
    escape,
    principle_words,
    signed,
    stance_words,
)
from .balance import MAX_WEIGHT, BalanceModel, short_label
from .controls import LabelledSlider
from .lens import ANSWER_MAX, JURISDICTIONS, LensModel, place_name, question_for
from .matrix import HIGH, LOW, MatrixModel, rating_words
from .poll import SCALE, PollModel, confidence_words
from .render import (
    BOX,
    balance_html,
    before_answer_html,
    intro_html,
    lens_html,
    matrix_header_html,
    matrix_html,
    meta_html,
    text_html,
)

Recorder = Callable[[], str]
WIDE = {"description_width": "initial"}
# Read out with the number by screen readers: "0 of 5, ignore it" ... "5 of 5, decisive".
# Marked with N_; translated when a view is built (weight_words, SECTION).
WEIGHT_WORDS = [N_("ignore it"), *[""] * (MAX_WEIGHT - 1), N_("decisive")]
SECTION = {"for": N_("Arguments for (yes, it should)"),
           "against": N_("Arguments against (no, it should not)")}


def weight_words() -> list[str]:
    return [_(word) if word else "" for word in WEIGHT_WORDS]


def _value_template() -> str:
    """How a slider's value is read out ('2 of 5'), in the current language."""
    return _("{value} of {max}")


def _fit() -> w.Layout:
    """A control as wide as its words (buttons would otherwise cut them to 'Record my…')."""
    return w.Layout(width="max-content", min_width="max-content")


def _record_button(label: str, on_record: Recorder | None, status: w.HTML,
                   after: Callable[[], None] | None = None) -> w.Button:
    """The Record button. ``on_record`` returns a status line ('' when the output under
    the widget already confirms it: one confirmation per Record); a problem is shown
    in the status line in plain words and nothing else is lost."""
    button = w.Button(description=label, tooltip=label, button_style="primary",
                      icon="check", layout=_fit())

    def click(_button):
        if on_record is None:
            status.value = text_html(_("Recording is not set up for this widget."))
            return
        try:
            line = on_record()
        except ParameterError as error:
            status.value = text_html(str(error))
            return
        except (ValueError, OSError) as error:
            status.value = text_html(_("Not saved: {error}").format(error=error))
            return
        status.value = text_html(line) if line else ""
        if after is not None:
            after()

    button.on_click(click)
    return button


slider_label = short_label  # 'For 3', 'Against 10', 'Yours 1'


class BalanceView:
    """Sliders (0-5) per argument, grouped for/against, the student's own, the live verdict."""

    def __init__(self, model: BalanceModel, on_record: Recorder | None = None):
        self.model = model
        self.verdict = w.HTML(balance_html(model))
        self.status = w.HTML("")
        self.sliders: dict[str, LabelledSlider] = {}
        self.reasons: dict[str, w.Text] = {}
        self.sections = {stance: w.VBox([w.HTML(f"<h4 style='margin:10px 0 4px'>"
                                                f"{escape(_(SECTION[stance]))}</h4>")])
                         for stance in ("for", "against")}
        for argument in model.arguments:
            self._add_row(argument)
        self.rows = w.VBox(list(self.sections.values()))
        self.own_text, self.own_stance, self.own_principle, self.add_button = self._own_controls()
        self.record_button = _record_button(_("Record my position"), on_record, self.status)
        self.widget = w.VBox([
            w.HTML(intro_html(model.question,
                              _("Move each slider to say how much the argument weighs with "
                                "you: 0 = ignore it, {high} = decisive. The verdict at the "
                                "bottom changes as you go.").format(high=MAX_WEIGHT))),
            self.rows,
            w.VBox([w.HTML("<h4 style='margin:10px 0 4px'>"
                           f"{escape(_('Add an argument of your own'))}</h4>"),
                    self.own_text,
                    w.HBox([self.own_stance, self.own_principle, self.add_button])]),
            self.verdict, self.record_button, self.status])
        self.widget.add_class("artethics-balance")

    def _own_controls(self):
        text = w.Text(description=_("Your argument"), placeholder=_("write it in a sentence"),
                      style=WIDE, layout=w.Layout(width="95%"))
        stance = w.Dropdown(description=_("It is"),
                            options=[(stance_words("for"), "for"),
                                     (stance_words("against"), "against")],
                            layout=w.Layout(width="180px"), style={"description_width": "40px"})
        principle = w.Dropdown(description=_("Principle"),
                               options=[(principle_words(p), p) for p in PRINCIPLES],
                               style=WIDE, layout=w.Layout(width="320px"))
        add = _("Add my argument")
        button = w.Button(description=add, tooltip=add, icon="plus", layout=_fit())
        button.on_click(lambda _: self.add_own())
        return text, stance, principle, button

    def _add_row(self, argument) -> None:
        section = self.sections[argument.stance]
        section.children = (*section.children, self._row(argument))

    def _row(self, argument) -> w.HBox:
        label = slider_label(argument)
        slider = LabelledSlider(value=self.model.weights[argument.argument_id], min=0,
                                max=MAX_WEIGHT, description=label,
                                aria_label=f"{label}: {argument.claim}",
                                value_words=weight_words(), tooltip=argument.claim,
                                value_template=_value_template(),
                                layout=w.Layout(width="280px", min_width="280px"))
        slider.observe(self._changed(argument.argument_id), names="value")
        self.sliders[argument.argument_id] = slider
        text = w.HTML(f"<div class='{NO_MATHS}' style='{BOX}'>{escape(argument.claim)}<br>"
                      f"{meta_html(argument)}</div>")
        reason = self._reason_box(argument, label)
        return w.HBox([slider, w.VBox([text, reason], layout=w.Layout(flex="1 1 auto"))],
                      layout=w.Layout(align_items="flex-start", margin="0 0 6px 0"))

    def _reason_box(self, argument, label: str) -> w.Text:
        """One line of 'why', shown once the weight reaches 4 or 5."""
        box = w.Text(value=self.model.reasons.get(argument.argument_id, ""),
                     description=_("{label}: why?").format(label=label),
                     tooltip=_("{label}: why does it weigh so much?").format(label=label),
                     placeholder=_("one line: why does this weigh so much with you?"),
                     style=WIDE, layout=w.Layout(width="95%", display=self._shown(argument)))
        box.observe(self._reason_changed(argument.argument_id), names="value")
        self.reasons[argument.argument_id] = box
        return box

    def _shown(self, argument) -> str:
        return "flex" if self.model.asks_reason(argument.argument_id) else "none"

    def _changed(self, argument_id: str):
        def update(change):
            self.model.set_weight(argument_id, change["new"])
            self.verdict.value = balance_html(self.model)
            shown = self._shown(self.model.argument(argument_id))
            if self.reasons[argument_id].layout.display != shown:
                self.reasons[argument_id].layout.display = shown
        return update

    def _reason_changed(self, argument_id: str):
        def update(change):
            try:
                self.model.set_reason(argument_id, change["new"])
            except ParameterError:
                self.status.value = text_html(
                    _("Keep the reason to one line of at most {limit} characters.").format(
                        limit=REASON_MAX))
                return
            self.verdict.value = balance_html(self.model)
        return update

    def add_own(self) -> None:
        if not self.own_text.value.strip():
            self.status.value = text_html(_("Write your argument in the box first, then "
                                            "press 'Add my argument'."))
            return
        try:
            argument_id = self.model.add_own(self.own_text.value, self.own_stance.value,
                                             self.own_principle.value)
        except ParameterError as error:
            self.status.value = text_html(str(error))
            return
        argument = next(a for a in self.model.arguments if a.argument_id == argument_id)
        self._add_row(argument)
        self.own_text.value = ""
        if argument.stance == "for":
            added = _("Added your argument as '{label}' under the arguments for, with weight "
                      "{weight}.")
        else:
            added = _("Added your argument as '{label}' under the arguments against, with "
                      "weight {weight}.")
        self.status.value = text_html(added.format(label=slider_label(argument),
                                                   weight=self.model.weights[argument_id]))
        self.verdict.value = balance_html(self.model)


class PollView:
    """A five-point stance, a confidence slider and, after the case, the shift and
    what moved (or held) the student. The 'before' answer is looked up again on every
    change and on Record, so recording 'before' later still shows the shift."""

    def __init__(self, model: PollModel, on_record: Recorder | None = None):
        self.model = model
        answer = model.answer
        self.stance = w.RadioButtons(
            options=[(_(label), key) for key, label, _pos in SCALE],
            value=answer.stance if answer else None, description=_("Your stance"), style=WIDE)
        self.confidence = LabelledSlider(
            value=answer.confidence if answer else 3, min=1, max=5,
            description=_("How sure (1-5)"), label_width="110px",
            value_words=[confidence_words(n) for n in range(1, 6)],
            value_template=_value_template(),
            readout=False,  # the words beside it show the number
            layout=w.Layout(width="320px", min_width="320px"),
            tooltip="1 = " + confidence_words(1) + ", 5 = " + confidence_words(5))
        self.sure_words = w.HTML(self._sure_text(), layout=w.Layout(margin="0 0 0 8px"))
        self.before = w.HTML(before_answer_html(model.before))
        self.shift = w.HTML(text_html(model.shift()))
        self.reason = w.Text(value=model.reason, description=model.prompt(), style=WIDE,
                             placeholder=_("one line, in your own words"),
                             layout=w.Layout(width="95%"))
        self.status = w.HTML("")
        for control in (self.stance, self.confidence):
            control.observe(lambda _: self.update(), names="value")
        self.reason.observe(self._reason_changed, names="value")
        when = (_("Before the case: where do you stand?") if model.when == "before"
                else _("After the case: where do you stand now?"))
        parts = [w.HTML(intro_html(model.question, when)), self.stance,
                 w.HBox([self.confidence, self.sure_words])]
        if model.when == "after":
            parts += [self.before, self.shift, self.reason]
        self.widget = w.VBox([*parts,
                              _record_button(_("Record my answer"), on_record, self.status,
                                             after=self.refresh),
                              self.status])
        self.widget.add_class("artethics-poll")

    def _sure_text(self) -> str:
        value = self.confidence.value
        return text_html(f"{value} = {confidence_words(value)}")

    def _reason_changed(self, change) -> None:
        try:
            self.model.set_reason(change["new"])
        except ParameterError:
            self.status.value = text_html(
                _("Keep it to one line of at most {limit} characters.").format(limit=REASON_MAX))

    def update(self) -> None:
        self.sure_words.value = self._sure_text()
        if self.stance.value is None:
            return
        self.model.set_answer(self.stance.value, self.confidence.value)
        self.refresh()

    def refresh(self) -> None:
        """Look the 'before' answer up again and redraw the shift and the question."""
        if self.model.when != "after":
            return
        self.model.refresh_before()
        self.before.value = before_answer_html(self.model.before)
        self.shift.value = text_html(self.model.shift())
        if self.reason.description != self.model.prompt():
            self.reason.description = self.model.prompt()


# Short words so a menu fits its grid cell; the intro line says 0 also means "not addressed".
MENU_ZERO = N_("no effect")


def rating_options() -> list[tuple[str, int]]:
    """The menu of a matrix cell, in the current language."""
    return [(f"{signed(r)} {_(MENU_ZERO) if r == 0 else rating_words(r)}", r)
            for r in range(LOW, HIGH + 1)]


class MatrixView:
    """A grid: one row per stakeholder, one column per principle, a -2..+2 menu per cell."""

    def __init__(self, model: MatrixModel, on_record: Recorder | None = None):
        self.model = model
        if model.kind == "lenses":
            intro = _("Write your decision, then rate how it treats each group (row) on each "
                      "lens (column): -2 sets them back badly, 0 no effect or not addressed, "
                      "+2 serves them well.")
        else:
            intro = _("Write your decision, then rate how it treats each group (row) on each "
                      "value (column): -2 sets them back badly, 0 no effect or not addressed, "
                      "+2 serves them well.")
        self.cells: dict[tuple[str, str], w.Dropdown] = {}
        self.decision = w.Text(value=model.decision, description=_("Your decision"),
                               placeholder=_("what should be done, in one sentence"),
                               style=WIDE, layout=w.Layout(width="95%"))
        self.decision.observe(lambda c: model.set_decision(c["new"]), names="value")
        self.outcome = w.HTML(matrix_html(model))
        self.status = w.HTML("")
        self.widget = w.VBox([
            w.HTML(intro_html(_("Ethical matrix"), intro)),
            self.decision, self._grid(), self.outcome,
            _record_button(_("Record my matrix"), on_record, self.status), self.status])
        self.widget.add_class("artethics-matrix")

    def _grid(self) -> w.GridBox:
        columns = len(self.model.principles)
        head = [w.HTML(matrix_header_html(None))]
        head += [w.HTML(matrix_header_html(p)) for p in self.model.principles]
        body = []
        for stakeholder_id, name in self.model.names.items():
            body.append(w.HTML(f"<div style='line-height:1.3;padding-top:4px'>"
                               f"<strong>{escape(name)}</strong></div>"))
            body += [self._cell(stakeholder_id, p) for p in self.model.principles]
        template = f"minmax(105px, 0.9fr) repeat({columns}, minmax(152px, 1fr))"
        return w.GridBox(head + body, layout=w.Layout(
            grid_template_columns=template, grid_gap="6px 8px", overflow="auto",
            align_items="flex-start", width="98%"))

    def _cell(self, stakeholder_id: str, principle: str) -> w.Dropdown:
        name = self.model.names[stakeholder_id]
        short = name.split(" (")[0].split(",")[0]
        # The label is the menu's accessible name; the grid's headings show it to the eye.
        cell = w.Dropdown(options=rating_options(),
                          value=self.model.ratings[stakeholder_id][principle],
                          description=f"{short}: {column_words(principle)}",
                          tooltip=f"{name}: {column_words(principle)}",
                          style={"description_width": "0px"},
                          layout=w.Layout(width="calc(100% - 10px)"))
        cell.observe(self._changed(stakeholder_id, principle), names="value")
        self.cells[(stakeholder_id, principle)] = cell
        return cell

    def _changed(self, stakeholder_id: str, principle: str):
        def update(change):
            self.model.set_rating(stakeholder_id, principle, change["new"])
            self.outcome.value = matrix_html(self.model)
        return update


class LensView:
    """Four toggle buttons (CN, US, EU, UK), the rules the kit links to the case there,
    and the question the lens asks: what would those rules change for this case?"""

    def __init__(self, model: LensModel, on_record: Recorder | None = None):
        self.model = model
        self.choice = w.ToggleButtons(
            options=[(f"{code} {place_name(code)}", code) for code in JURISDICTIONS],
            value=model.jurisdiction, description=_("Jurisdiction"), style=WIDE,
            tooltips=[place_name(code) for code in JURISDICTIONS])
        self.findings = w.HTML(lens_html(model))
        self.question = w.HTML(self._question_html())
        self.answer = w.Textarea(
            value=model.answers.get(model.jurisdiction or "", ""),
            description=_("Your answer"), placeholder=_("two or three sentences"),
            style=WIDE, layout=w.Layout(width="95%", height="70px",
                                        display=self._shown()))
        self.status = w.HTML("")
        self.choice.observe(self._changed, names="value")
        self.answer.observe(self._answer_changed, names="value")
        self.widget = w.VBox([
            w.HTML(intro_html(_("Jurisdiction lens"),
                              _("Choose a place to see which of its rules the kit links to "
                                "this case, where they point and how certain that is; then "
                                "say what those rules would change for the case."))),
            self.choice, self.findings, self.question, self.answer,
            _record_button(_("Record my answer"), on_record, self.status), self.status])
        self.widget.add_class("artethics-lens")

    def _shown(self) -> str:
        return "none" if self.model.jurisdiction is None else "flex"

    def _question_html(self) -> str:
        if self.model.jurisdiction is None:
            return ""
        return (f"<div class='{NO_MATHS}' style='{BOX}'><strong>"
                f"{escape(question_for(self.model.jurisdiction))}</strong></div>")

    def _changed(self, change) -> None:
        if change["new"] is None:
            return
        self.model.choose(change["new"])
        self.findings.value = lens_html(self.model)
        self.question.value = self._question_html()
        self.answer.value = self.model.answers.get(self.model.jurisdiction, "")
        self.answer.layout.display = self._shown()

    def _answer_changed(self, change) -> None:
        if self.model.jurisdiction is None:
            return
        try:
            self.model.set_answer(self.model.jurisdiction, change["new"])
        except ParameterError:
            self.status.value = text_html(
                _("Keep the answer to at most {limit} characters.").format(limit=ANSWER_MAX))


__all__ = ["BalanceView", "LensView", "MatrixView", "PollView"]
