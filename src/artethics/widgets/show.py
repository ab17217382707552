"""The notebook-facing helpers: show_balance, show_poll, show_matrix, show_lens.

A helper builds the model from the kit's tables, shows the view and either
waits for the student (live: the headless value is None) or, when a value is
given (papermill parameters standing in for clicks), prints the summary and
records the answer at once. Helpers return None, so no repr lands in outputs.
"""

from __future__ import annotations

import re

from artethics.i18n import N_, _

from ._common import ParameterError, check_text, fail, list_allowed
from .balance import BalanceModel
from .lens import LensModel
from .matrix import MatrixModel
from .poll import Answer, PollModel
from .render import answer_lines, recorded_html, static_html


def _load(name: str):
    """One table of data/ (kept apart so tests can pass their own tables)."""
    from artethics.data import load

    return load(name)


def _display(widget, html: str, text: str) -> None:
    """Show the live widget with its static rendering in the same output bundle:
    JupyterLab draws the widget; handouts, viewers and an untrusted copy show the HTML."""
    from IPython.display import display

    bundle = dict(widget._repr_mimebundle_())
    bundle.update({"text/html": html, "text/plain": text})
    display(bundle, raw=True)


def _placeholder(bundle: dict):
    """The output under the widget (the last recorded answer, or 'no answer yet'); a
    recording replaces it. Returns its DisplayHandle."""
    from IPython.display import DisplayHandle

    handle = DisplayHandle()
    handle.display(bundle, raw=True)
    return handle


def _latest(activity: str, student: str):
    """The student's latest recorded answer for an activity, or None."""
    from artethics.responses import latest

    try:
        return latest(activity, student)
    except (OSError, ValueError):  # an unusable database: show the widget anyway
        return None


def _record(kind: str, activity: str, data: dict, who: dict, handle=None) -> str:
    from artethics.responses import Response, record

    response = Response(lesson=who["lesson"], activity=activity, kind=kind,
                        student=who["student"], data=data)
    if handle is None:
        record(response, class_folder=who["class_folder"])
    else:
        record(response, class_folder=who["class_folder"], handle=handle)
    return ""


# Marked with N_; shown with _().
TITLES = {"balance": N_("Argument balance"), "poll": N_("Position poll"),
          "matrix": N_("Ethical matrix"), "lens": N_("Jurisdiction lens")}
NOTHING_YET = N_("No answer recorded yet: when you are ready, press Record above.")


def confirmation(line: str) -> str:
    """The one line a student reads after Record, without the activity id:
    'Recorded <activity> for ana: saved in ...' -> 'Recorded for ana: saved in ...'
    (in the current language: the line is read back with the translated template)."""
    from artethics.responses.recording import RECORDED

    template = _(RECORDED)
    pattern = "".join(
        f"(?P<{part[1:-1]}>.+?)" if part in ("{activity}", "{student}") else
        "(?P<where>.*)" if part == "{where}" else re.escape(part)
        for part in re.split(r"(\{activity\}|\{student\}|\{where\})", template))
    found = re.fullmatch(pattern, line, flags=re.S)
    if found is None:
        return line
    return _("Recorded for {student}: {where}").format(student=found["student"],
                                                        where=found["where"])


class Slot:
    """The output under a widget. ``update`` takes the bundle that
    :func:`artethics.responses.record` shows (the kit's answer MIME type and a line) and
    shows, instead of that line, one confirmation and the answer in plain words."""

    def __init__(self, kind: str, model, handle=None):
        self.kind, self.model, self.handle = kind, model, handle

    def bundle(self, heading: str, extra: dict | None = None) -> dict:
        lines = answer_lines(self.kind, self.model)
        return {**(extra or {}), "text/plain": "\n".join([heading, *lines]),
                "text/html": recorded_html(heading, lines)}

    def update(self, bundle: dict, raw: bool = True) -> None:
        line = str(bundle.get("text/plain", ""))
        shown = self.bundle(confirmation(line),
                            {k: v for k, v in bundle.items() if k != "text/plain"})
        if self.handle is not None:
            self.handle.update(shown, raw=True)
            return
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is None:
            print(shown["text/plain"])
        else:
            display(shown, raw=True)

    def earlier(self, response) -> dict:
        """The bundle for an answer recorded before this run (from the database)."""
        if response is None:
            nothing = _(NOTHING_YET)
            return {"text/plain": nothing, "text/html": recorded_html(nothing, [])}
        return self.bundle(_("Your last recorded answer (from the answers saved on this "
                             "computer):"), _answer_payload(response))


def _answer_payload(response) -> dict:
    """The kit's answer MIME entry for an earlier answer, pseudonymised as record() would;
    {} when that cannot be done (the answer is still shown, just not carried)."""
    try:
        from artethics.responses import MIME, pseudonym, pseudonym_salt, response_bundle
        salt = pseudonym_salt()
    except (ImportError, ValueError):
        return {}
    shared = response.with_student(pseudonym(response.student, salt)) if salt else response
    return {MIME: response_bundle(shared, "")[MIME]}


def _who(lesson: object, student: object, class_folder: object) -> dict:
    if not isinstance(class_folder, str):
        raise fail("class_folder", class_folder,
                   _("give a folder path as text, or '' for none"))
    return {"lesson": check_text("lesson", lesson), "student": check_text("student", student),
            "class_folder": class_folder}


def case_question(case: object, cases) -> str:
    """The case's central question; a clear error for an unknown case id."""
    known = dict(zip(cases["case_id"].astype(str), cases["central_question"].astype(str),
                     strict=True))
    if case not in known:
        raise fail("case", case, _("use one of {values}").format(values=list_allowed(known)))
    return known[case]


def show_balance(case: str, *, weights: dict | None = None, own: list | None = None,
                 reasons: dict | None = None, lesson: str, student: str = "anonymous",
                 class_folder: str = "") -> None:
    """The argument balance for a case (see the package docstring).

    ``reasons`` ({argument_id: one line}) stands in for the reasons the live widget asks
    for every weight of 4 or 5; it needs ``weights``.
    """
    from .views import BalanceView

    who = _who(lesson, student, class_folder)
    model = BalanceModel.from_tables(case, case_question(case, _load("cases")),
                                     _load("arguments"), _load("stakeholders"))
    if own is not None:
        model.add_own_list(own)
    if weights is not None:
        model.set_weights(weights)
    if reasons is not None:
        if weights is None:
            raise fail("reasons", reasons,
                       _("give weights too: reasons explain weights of 4 or 5"))
        model.set_reasons(reasons)
    _show(BalanceView, model, "balance", f"{case}.balance", who, weights is not None)


def show_poll(case: str, when: str, *, stance: str | None = None,
              confidence: int | None = None, reason: str | None = None, lesson: str,
              student: str = "anonymous", class_folder: str = "",
              question: str | None = None) -> None:
    """The position poll before or after a case; "after" shows the shift and asks what
    moved (or held) the student.

    ``reason`` (after only) stands in for that answer under papermill. ``question`` asks
    something other than the case's central question (then ``case`` need not be in
    cases.csv: the course-wide poll of lessons 00 and 06 uses "course").
    """
    from .views import PollView

    who = _who(lesson, student, class_folder)
    if question is None:
        question = case_question(case, _load("cases"))
    else:
        question = check_text("question", question)
    model = PollModel(case, question, when)
    if model.when == "after":
        model.before_source = lambda: _before(case, who["student"])
        model.refresh_before()
    if stance is not None:
        model.set_answer(stance, confidence)
    elif confidence is not None or reason is not None:
        raise fail("stance", stance,
                   _("give a stance together with the confidence and reason"))
    model.set_reason(reason)
    _show(PollView, model, "poll", model.activity, who, stance is not None)


def _before(case: str, student: str) -> Answer | None:
    earlier = _latest(f"{case}.poll_before", student)
    return None if earlier is None else Answer.from_data(getattr(earlier, "data", None))


def show_matrix(case: str, *, ratings: dict | None = None, decision: str = "",
                lesson: str, student: str = "anonymous", class_folder: str = "",
                principles: list | None = None, columns: str | list = "principles") -> None:
    """The ethical matrix (the case's stakeholders x principles or lenses) for a decision.

    The columns are the case's 4 principles with the most arguments, unless
    ``principles`` lists others (any of ``artethics.widgets.PRINCIPLES``) or
    ``columns="lenses"`` asks for the five lenses (consequences, rights, fairness,
    character, community; or a list of some of them).
    """
    from .views import MatrixView

    who = _who(lesson, student, class_folder)
    case_question(case, _load("cases"))
    model = MatrixModel.from_tables(case, _load("stakeholders"), _load("arguments"),
                                    principles=principles, columns=columns)
    model.set_decision(decision)
    if ratings is not None:
        model.set_ratings(ratings)
    _show(MatrixView, model, "matrix", f"{case}.matrix", who, ratings is not None)


def show_lens(case: str, *, jurisdiction: str | None = None,
              lens_answers: dict | None = None, lesson: str, student: str = "anonymous",
              class_folder: str = "") -> None:
    """The jurisdiction lens: CN, HK, US, EU or UK rules as they bear on the case, and the
    question what they would change for it.

    Under papermill ``lens_answers`` ({"CN": "...", ...}) stands in for the student's
    written answers and is recorded; ``jurisdiction`` alone only shows that place's rules
    and records nothing (the lens records only what it asked).
    """
    from .views import LensView

    who = _who(lesson, student, class_folder)
    case_question(case, _load("cases"))
    model = LensModel(case, _load("rules"), _load("applications"))
    if lens_answers is not None:
        model.set_answers(lens_answers)
    if jurisdiction is not None:
        model.choose(jurisdiction)
    elif model.answers:
        model.choose(sorted(model.answers)[0])
    if lens_answers is None and jurisdiction is not None:
        _display(LensView(model).widget, static_html("lens", model), model.summary())
        print(model.summary())
        return
    _show(LensView, model, "lens", f"{case}.lens", who, lens_answers is not None)


def _show(view_class, model, kind: str, activity: str, who: dict, headless: bool) -> None:
    """Show the widget with its static rendering, then the output under it: under
    papermill the answer is recorded at once; live, the last recorded answer is shown
    again and Record replaces it."""
    holder: dict = {}
    if not headless:
        earlier = _latest(activity, who["student"])
        if earlier is not None:
            model.restore(getattr(earlier, "data", None))
    view = view_class(model, on_record=lambda: holder["record"]())
    text = "\n".join([_(TITLES[kind]), *answer_lines(kind, model)])
    _display(view.widget, static_html(kind, model), text)
    if headless:
        print(model.summary())
        _record(kind, activity, _data(model), who, Slot(kind, model))
        return
    slot = Slot(kind, model)
    slot.handle = _placeholder(slot.earlier(earlier))
    holder["record"] = lambda: _record(kind, activity, _data(model), who, slot)


def _data(model) -> dict:
    """The answer to record; an "after" poll looks its "before" answer up first."""
    refresh = getattr(model, "refresh_before", None)
    if refresh is not None:
        refresh()
    return model.to_data()


__all__ = ["ParameterError", "case_question", "show_balance", "show_lens", "show_matrix",
           "show_poll"]
