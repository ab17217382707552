"""Position poll: the pure model (no ipywidgets, no IPython).

A stance on a five-point scale with a confidence from 1 to 5, asked before a
case and again after it. The shift is the "after" answer minus the "before"
one, in steps on the scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._common import check_choice, check_int, fail, list_allowed

# key, label, position on the scale (-2 .. +2)
SCALE: tuple[tuple[str, str, int], ...] = (
    ("strongly_against", "strongly against", -2),
    ("against", "against", -1),
    ("undecided", "undecided", 0),
    ("for", "for", 1),
    ("strongly_for", "strongly for", 2),
)
POSITION = {key: pos for key, _, pos in SCALE}
LABEL = {key: label for key, label, _ in SCALE}
CONFIDENCE = {1: "not sure at all", 2: "a little sure", 3: "fairly sure", 4: "sure",
              5: "very sure"}
WHENS = ("before", "after")


@dataclass(frozen=True)
class Answer:
    """One poll answer."""

    stance: str
    confidence: int

    @classmethod
    def checked(cls, stance: object, confidence: object) -> Answer:
        if stance is None or stance == "":
            raise fail("stance", stance, f"choose one of {list_allowed(POSITION)}")
        stance = check_choice("stance", stance, POSITION)
        if confidence is None:
            raise fail("confidence", confidence,
                       "give a whole number from 1 (not sure at all) to 5 (very sure)")
        return cls(stance, check_int("confidence", confidence, 1, 5))

    @classmethod
    def from_data(cls, data: object) -> Answer | None:
        """An earlier recorded answer, or None when it is missing or malformed."""
        try:
            return cls.checked(data.get("stance"), data.get("confidence"))
        except (AttributeError, ValueError):
            return None

    def describe(self) -> str:
        return f"{LABEL[self.stance]} ({CONFIDENCE[self.confidence]}, {self.confidence}/5)"


def shift_words(before: Answer | None, after: Answer) -> str:
    """The student's shift, in plain words with signed numbers."""
    if before is None:
        return "No earlier 'before' answer was found, so there is no shift to show."
    steps = POSITION[after.stance] - POSITION[before.stance]
    if steps == 0:
        moved = "Your stance did not move"
    else:
        side = "for" if steps > 0 else "against"
        unit = "step" if abs(steps) == 1 else "steps"
        moved = f"Your stance moved {abs(steps)} {unit} toward '{side}'"
    change = after.confidence - before.confidence
    sure = "unchanged" if change == 0 else f"{change:+d}"
    return (f"{moved} (from {LABEL[before.stance]} to {LABEL[after.stance]}); "
            f"confidence {before.confidence} -> {after.confidence} ({sure}).")


class PollModel:
    """The poll for one case and one moment ("before" or "after")."""

    def __init__(self, case: str, question: str, when: str, before: Answer | None = None):
        self.case = case
        self.question = question
        self.when = check_choice("when", when, WHENS)
        self.before = before if self.when == "after" else None
        self.answer: Answer | None = None

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

    def to_data(self) -> dict:
        if self.answer is None:
            raise fail("stance", None, f"choose one of {list_allowed(POSITION)} first")
        data = {"case": self.case, "question": self.question, "when": self.when,
                "stance": self.answer.stance, "position": POSITION[self.answer.stance],
                "confidence": self.answer.confidence}
        if self.when == "after":
            data["shift"] = self.steps()
        return data

    def summary(self) -> str:
        lines = [f"Position poll ({self.when}): {self.case}", f"Question: {self.question}"]
        if self.answer is None:
            lines.append("Your answer: none yet")
        else:
            lines.append(f"Your answer: {self.answer.describe()}")
        if self.shift():
            lines.append(f"Shift: {self.shift()}")
        return "\n".join(lines)
