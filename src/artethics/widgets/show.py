"""The notebook-facing helpers: show_balance, show_poll, show_matrix, show_lens.

A helper builds the model from the kit's tables, shows the view and either
waits for the student (live: the headless value is None) or, when a value is
given (papermill parameters standing in for clicks), prints the summary and
records the answer at once. Helpers return None, so no repr lands in outputs.
"""

from __future__ import annotations

from ._common import ParameterError, check_text, fail, list_allowed
from .balance import BalanceModel
from .lens import LensModel
from .matrix import MatrixModel
from .poll import Answer, PollModel


def _load(name: str):
    """One table of data/ (kept apart so tests can pass their own tables)."""
    from artethics.data import load

    return load(name)


def _display(obj) -> None:
    from IPython.display import display

    display(obj)


def _placeholder(activity: str):
    """An output line in the running cell; a live recording replaces it later."""
    from artethics.responses import display_slot

    return display_slot(activity)


def _latest(activity: str, student: str):
    """The student's latest recorded answer for an activity, or None."""
    from artethics.responses import latest

    return latest(activity, student)


def _record(kind: str, activity: str, data: dict, who: dict, handle=None) -> str:
    from artethics.responses import Response, record

    response = Response(lesson=who["lesson"], activity=activity, kind=kind,
                        student=who["student"], data=data)
    if handle is None:
        record(response, class_folder=who["class_folder"])
    else:
        record(response, class_folder=who["class_folder"], handle=handle)
    return f"Recorded {activity} for {who['student']}."


def _who(lesson: object, student: object, class_folder: object) -> dict:
    if not isinstance(class_folder, str):
        raise fail("class_folder", class_folder, "give a folder path as text, or '' for none")
    return {"lesson": check_text("lesson", lesson), "student": check_text("student", student),
            "class_folder": class_folder}


def case_question(case: object, cases) -> str:
    """The case's central question; a clear error for an unknown case id."""
    known = dict(zip(cases["case_id"].astype(str), cases["central_question"].astype(str),
                     strict=True))
    if case not in known:
        raise fail("case", case, f"use one of {list_allowed(known)}")
    return known[case]


def show_balance(case: str, *, weights: dict | None = None, own: list | None = None,
                 lesson: str, student: str = "anonymous", class_folder: str = "") -> None:
    """The argument balance for a case (see the package docstring)."""
    from .views import BalanceView

    who = _who(lesson, student, class_folder)
    model = BalanceModel.from_tables(case, case_question(case, _load("cases")),
                                     _load("arguments"), _load("stakeholders"))
    if own is not None:
        model.add_own_list(own)
    if weights is not None:
        model.set_weights(weights)
    _show(BalanceView, model, "balance", f"{case}.balance", who, weights is not None)


def show_poll(case: str, when: str, *, stance: str | None = None,
              confidence: int | None = None, lesson: str, student: str = "anonymous",
              class_folder: str = "", question: str | None = None) -> None:
    """The position poll before or after a case; "after" shows the shift.

    ``question`` asks something other than the case's central question (then ``case``
    need not be in cases.csv: the course-wide poll of lessons 00 and 06 uses "course").
    """
    from .views import PollView

    who = _who(lesson, student, class_folder)
    if question is None:
        question = case_question(case, _load("cases"))
    else:
        question = check_text("question", question)
    model = PollModel(case, question, when)
    if model.when == "after":
        earlier = _latest(f"{case}.poll_before", who["student"])
        model.before = None if earlier is None else Answer.from_data(
            getattr(earlier, "data", None))
    if stance is not None:
        model.set_answer(stance, confidence)
    elif confidence is not None:
        raise fail("stance", stance, "give a stance together with the confidence")
    _show(PollView, model, "poll", model.activity, who, stance is not None)


def show_matrix(case: str, *, ratings: dict | None = None, decision: str = "",
                lesson: str, student: str = "anonymous", class_folder: str = "",
                principles: list | None = None) -> None:
    """The ethical matrix (stakeholders x principles) for a case and a decision.

    The columns are the case's 4 principles with the most arguments, unless
    ``principles`` lists others (any of ``artethics.widgets.PRINCIPLES``).
    """
    from .views import MatrixView

    who = _who(lesson, student, class_folder)
    case_question(case, _load("cases"))
    model = MatrixModel.from_tables(case, _load("stakeholders"), _load("arguments"),
                                    principles=principles)
    model.set_decision(decision)
    if ratings is not None:
        model.set_ratings(ratings)
    _show(MatrixView, model, "matrix", f"{case}.matrix", who, ratings is not None)


def show_lens(case: str, *, jurisdiction: str | None = None, lesson: str,
              student: str = "anonymous", class_folder: str = "") -> None:
    """The jurisdiction lens: CN, US, EU or UK rules as they bear on the case."""
    from .views import LensView

    who = _who(lesson, student, class_folder)
    case_question(case, _load("cases"))
    model = LensModel(case, _load("rules"), _load("applications"))
    if jurisdiction is not None:
        model.choose(jurisdiction)
    _show(LensView, model, "lens", f"{case}.lens", who, jurisdiction is not None)


def _show(view_class, model, kind: str, activity: str, who: dict, headless: bool) -> None:
    holder: dict = {}
    view = view_class(model, on_record=lambda: holder["record"]())
    _display(view.widget)
    if headless:
        print(model.summary())
        _record(kind, activity, model.to_data(), who)
        return
    handle = _placeholder(activity)
    holder["record"] = lambda: _record(kind, activity, model.to_data(), who, handle)


__all__ = ["ParameterError", "case_question", "show_balance", "show_lens", "show_matrix",
           "show_poll"]
