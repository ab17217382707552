"""Position poll: the pure model (no ipywidgets, no IPython).

A stance on a five-point scale with a confidence from 1 to 5, asked before a
case and again after it. The shift is the "after" answer minus the "before"
one, in steps on the scale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from artethics import i18n
from artethics.i18n import N_, _, ngettext

from ._common import ParameterError, check_choice, check_int, check_reason, fail, list_allowed

# key, label, position on the scale (-2 .. +2). Labels and confidence words are marked
# with N_ and shown with _() (label(), confidence_words()).
SCALE: tuple[tuple[str, str, int], ...] = (
    ("strongly_against", N_("strongly against"), -2),
    ("against", N_("against"), -1),
    ("undecided", N_("undecided"), 0),
    ("for", N_("for"), 1),
    ("strongly_for", N_("strongly for"), 2),
)
POSITION = {key: pos for key, _label, pos in SCALE}
LABEL = {key: label for key, label, _pos in SCALE}
CONFIDENCE = {1: N_("not sure at all"), 2: N_("a little sure"), 3: N_("fairly sure"),
              4: N_("sure"), 5: N_("very sure")}
WHENS = ("before", "after")
CHOOSE_FIRST = N_("Choose a position above first, then press Record.")
NO_BEFORE = N_("No 'before' answer of yours was found yet, so no shift can be shown. "
               "Record the 'before' poll and the shift appears here.")


def label(stance: str) -> str:
    """A stance key as words for people, in the current language."""
    return _(LABEL[stance])


def confidence_words(confidence: int) -> str:
    """A confidence 1..5 in words, in the current language."""
    return _(CONFIDENCE[confidence])


@dataclass(frozen=True)
class Answer:
    """One poll answer."""

    stance: str
    confidence: int

    @classmethod
    def checked(cls, stance: object, confidence: object) -> Answer:
        if stance is None or stance == "":
            raise fail("stance", stance, _("choose one of {values}").format(
                values=list_allowed(POSITION)))
        stance = check_choice("stance", stance, POSITION)
        if confidence is None:
            raise fail("confidence", confidence,
                       _("give a whole number from 1 (not sure at all) to 5 (very sure)"))
        return cls(stance, check_int("confidence", confidence, 1, 5))

    @classmethod
    def from_data(cls, data: object) -> Answer | None:
        """An earlier recorded answer, or None when it is missing or malformed."""
        try:
            return cls.checked(data.get("stance"), data.get("confidence"))
        except (AttributeError, ValueError):
            return None

    def describe(self) -> str:
        return _("{stance} ({confidence}, {n}/5)").format(
            stance=label(self.stance), confidence=confidence_words(self.confidence),
            n=self.confidence)


def shift_words(before: Answer | None, after: Answer) -> str:
    """The student's shift, in plain words with signed numbers."""
    if before is None:
        return _(NO_BEFORE)
    steps = POSITION[after.stance] - POSITION[before.stance]
    if steps == 0:
        moved = _("Your stance did not move")
    elif steps > 0:
        moved = ngettext("Your stance moved {n} step toward 'for'",
                         "Your stance moved {n} steps toward 'for'", abs(steps)).format(
            n=abs(steps))
    else:
        moved = ngettext("Your stance moved {n} step toward 'against'",
                         "Your stance moved {n} steps toward 'against'", abs(steps)).format(
            n=abs(steps))
    change = after.confidence - before.confidence
    sure = _("unchanged") if change == 0 else f"{change:+d}"
    return _("{moved} (from {before} to {after}); confidence {low} -> {high} "
             "({change}).").format(moved=moved, before=label(before.stance),
                                   after=label(after.stance), low=before.confidence,
                                   high=after.confidence, change=sure)


def reason_prompt(before: Answer | None, after: Answer | None) -> str:
    """The after-poll's question to the student: what moved you, or what held you
    (in the current language)."""
    if before is None or after is None:
        return _("What moved you, or what held you where you were? One line.")
    if POSITION[after.stance] == POSITION[before.stance]:
        return _("What held you where you were? One line.")
    return _("What moved you? One line.")


class PollModel:
    """The poll for one case and one moment ("before" or "after").

    ``before_source`` (for "after") is a callable returning the student's latest
    recorded "before" answer or None; :meth:`refresh_before` calls it, so the shift
    uses the answer recorded by the time the student presses Record.
    """

    def __init__(self, case: str, question: str, when: str, before: Answer | None = None,
                 before_source: Callable[[], Answer | None] | None = None):
        self.case = case
        self.question = question
        self.when = check_choice("when", when, WHENS)
        self.before = before if self.when == "after" else None
        self.before_source = before_source if self.when == "after" else None
        self.answer: Answer | None = None
        self.reason = ""

    def refresh_before(self) -> Answer | None:
        """Look the "before" answer up again (when a source is set); returns it."""
        if self.before_source is not None:
            self.before = self.before_source()
        return self.before

    def set_reason(self, reason: object) -> str:
        """What moved (or held) the student: one line, asked in the "after" poll only."""
        if self.when != "after" and reason not in (None, ""):
            raise fail("reason", reason, _("a reason is asked only in the 'after' poll; "
                                           "leave it out of the 'before' poll"))
        self.reason = check_reason("reason", reason)
        return self.reason

    def restore(self, data: object) -> None:
        """Show an earlier recorded answer again (a malformed one changes nothing)."""
        answer = Answer.from_data(data)
        if answer is None:
            return
        self.answer = answer
        try:
            self.set_reason(data.get("reason", ""))
        except ParameterError:
            self.reason = ""

    @property
    def activity(self) -> str:
        return f"{self.case}.poll_{self.when}"

    def set_answer(self, stance: object, confidence: object) -> Answer:
        self.answer = Answer.checked(stance, confidence)
        return self.answer

    def shift(self) -> str:
        if self.when == "before" or self.answer is None:
            return ""
        return shift_words(self.before, self.answer)

    def steps(self) -> int | None:
        if self.before is None or self.answer is None:
            return None
        return POSITION[self.answer.stance] - POSITION[self.before.stance]

    def prompt(self) -> str:
        return reason_prompt(self.before, self.answer)

    def to_data(self) -> dict:
        if self.answer is None:
            raise ParameterError(_(CHOOSE_FIRST))
        data = {"case": self.case, "question": self.question, "when": self.when,
                "stance": self.answer.stance, "position": POSITION[self.answer.stance],
                "confidence": self.answer.confidence}
        if self.when == "after":
            data["shift"] = self.steps()
            data["reason"] = self.reason
            with i18n.using("en"):  # recorded in English, shown translated
                data["reason_prompt"] = self.prompt()
            if self.before is not None:
                data["before"] = {"stance": self.before.stance,
                                  "confidence": self.before.confidence}
        return data

    def summary(self) -> str:
        lines = [_("Position poll (before the case)") if self.when == "before"
                 else _("Position poll (after the case)"),
                 _("Question: {question}").format(question=self.question)]
        if self.answer is None:
            lines.append(_("Your answer: none yet"))
        else:
            lines.append(_("Your answer: {answer}").format(answer=self.answer.describe()))
        if self.shift():
            lines.append(_("Shift: {shift}").format(shift=self.shift()))
        if self.when == "after" and self.answer is not None:
            lines.append(f"{self.prompt()} {self.reason or _('(not answered yet)')}")
        return "\n".join(lines)
