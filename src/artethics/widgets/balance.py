"""Argument balance: the pure model (no ipywidgets, no IPython).

Each argument of a case carries a weight from 0 (ignore) to 5 (decisive). The
verdict is the signed weighted sum (for counts +, against counts -) divided by
the total weight given, so it runs from -1 (all weight against) to +1 (all
weight for); with no weight given it is 0 and reads "no weight given yet".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from artethics import i18n
from artethics.i18n import N_, _

from ._common import (
    LENSES,
    PRINCIPLES,
    REASON_FROM,
    STANCES,
    ParameterError,
    check_choice,
    check_int,
    check_mapping,
    check_reason,
    check_text,
    fail,
    list_allowed,
    require_columns,
    signed,
    split_ids,
    stance_words,
)

MAX_WEIGHT = 5
OWN_STAKEHOLDER = N_("you (your own argument)")
ARGUMENT_COLUMNS = ("argument_id", "case_id", "stance", "claim", "stakeholder", "principle")

# (upper bound of |score|, words). Checked in order; the last catches the rest.
STRENGTHS: tuple[tuple[float, str], ...] = (
    (0.1, "balanced"),
    (0.35, N_("slightly")),
    (0.7, N_("clearly")),
    (1.01, N_("strongly")),
)


@dataclass(frozen=True)
class Argument:
    """One argument as the balance sees it."""

    argument_id: str
    stance: str
    claim: str
    principle: str
    stakeholder: str
    source_ids: tuple[str, ...] = ()
    own: bool = False
    lens: str = ""


@dataclass(frozen=True)
class Share:
    """Weight for and against within one group (a principle or a stakeholder)."""

    name: str
    for_weight: int
    against_weight: int

    @property
    def net(self) -> int:
        return self.for_weight - self.against_weight


def reading(score: float, total: int) -> str:
    """Plain words for a score in -1..+1 (in the current language)."""
    if total == 0:
        return _("no weight given yet")
    size = abs(score)
    words = next(w for bound, w in STRENGTHS if size < bound)
    if words == "balanced":
        return _("balanced: no clear lean either way")
    if score > 0:
        return _("leans for, {strength}").format(strength=_(words))
    return _("leans against, {strength}").format(strength=_(words))


def arguments_from_table(arguments, stakeholders=None, case: str = "") -> list[Argument]:
    """The case's arguments (sorted by id) from the kit's tables."""
    require_columns("arguments", arguments, ARGUMENT_COLUMNS)
    rows = arguments[arguments["case_id"] == case] if case else arguments
    names = _stakeholder_names(stakeholders)
    out = [
        Argument(
            argument_id=str(row["argument_id"]),
            stance=str(row["stance"]),
            claim=str(row["claim"]),
            principle=str(row["principle"]),
            stakeholder=names.get(str(row["stakeholder"]), str(row["stakeholder"])),
            source_ids=split_ids(row.get("source_ids", "")),
            lens=_lens_of(row),
        )
        for _, row in rows.iterrows()
    ]
    return sorted(out, key=lambda a: natural_key(a.argument_id))


def _lens_of(row) -> str:
    """The row's lens when the table has a ``lens`` column with a known value, else ''."""
    value = row.get("lens", "")
    return value if isinstance(value, str) and value in LENSES else ""


def natural_key(argument_id: str) -> tuple:
    """Sort key that puts christies_for_2 before christies_for_12."""
    parts = re.split(r"(\d+)", argument_id)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


def number_of(argument_id: str) -> str:
    """The trailing number of an id ('christies_against_6' -> '6'), else the whole id."""
    found = re.search(r"(\d+)$", argument_id)
    return found.group(1) if found else argument_id


def short_label(argument: Argument) -> str:
    """'For 3', 'Against 10', 'Yours 1': how students see an argument (never its id)."""
    number = number_of(argument.argument_id)
    if argument.own:
        return _("Yours {n}").format(n=number)
    if argument.stance == "for":
        return _("For {n}").format(n=number)
    return _("Against {n}").format(n=number)


def _stakeholder_names(stakeholders) -> dict[str, str]:
    if stakeholders is None:
        return {}
    require_columns("stakeholders", stakeholders, ("stakeholder_id", "name"))
    return dict(zip(stakeholders["stakeholder_id"].astype(str), stakeholders["name"].astype(str),
                    strict=True))


class BalanceModel:
    """State and derived values of the argument balance for one case.

    >>> m = BalanceModel("christies", "Should the sale go ahead?", args)
    >>> m.set_weight("christies-a01", 4); m.verdict()
    """

    def __init__(self, case: str, question: str, arguments: Sequence[Argument]):
        if not arguments:
            raise ParameterError(
                _("case={case} has no arguments: check the case id or the arguments "
                  "table.").format(case=repr(case))
            )
        self.case = case
        self.question = question
        self._arguments: dict[str, Argument] = {a.argument_id: a for a in arguments}
        self.weights: dict[str, int] = {a.argument_id: 0 for a in arguments}
        self.reasons: dict[str, str] = {}

    @classmethod
    def from_tables(cls, case: str, question: str, arguments, stakeholders=None):
        return cls(case, question, arguments_from_table(arguments, stakeholders, case))

    @property
    def arguments(self) -> list[Argument]:
        """All arguments: the case's (by id, numbers in numeric order), then the student's
        own in the order added."""
        return list(self._arguments.values())

    def set_weight(self, argument_id: str, weight: object) -> None:
        if argument_id not in self._arguments:
            raise fail("weights", argument_id,
                       _("use an argument id of case {case}: {ids}").format(
                           case=repr(self.case), ids=list_allowed(self._arguments)))
        self.weights[argument_id] = check_int(f"weights[{argument_id!r}]", weight, 0, MAX_WEIGHT)

    def set_weights(self, weights: object) -> None:
        """Set many weights at once; ids not mentioned keep their weight. All or nothing."""
        given = check_mapping("weights", weights, "{'christies-a01': 4, 'christies-a02': 1}")
        before = dict(self.weights)
        try:
            for argument_id in sorted(given, key=str):
                self.set_weight(argument_id, given[argument_id])
        except ParameterError:
            self.weights = before
            raise

    def argument(self, argument_id: str) -> Argument:
        return self._arguments[argument_id]

    def set_reason(self, argument_id: str, reason: object) -> None:
        """The student's one-line reason for a weight ('' or None clears it)."""
        if argument_id not in self._arguments:
            raise fail("reasons", argument_id,
                       _("use an argument id of case {case}: {ids}").format(
                           case=repr(self.case), ids=list_allowed(self._arguments)))
        text = check_reason(f"reasons[{argument_id!r}]", reason)
        if text:
            self.reasons[argument_id] = text
        else:
            self.reasons.pop(argument_id, None)

    def set_reasons(self, reasons: object) -> None:
        """Set many reasons at once (a papermill parameter); all or nothing."""
        given = check_mapping("reasons", reasons,
                              "{'christies_against_6': 'Nobody asked the artists.'}")
        before = dict(self.reasons)
        try:
            for argument_id in sorted(given, key=str):
                self.set_reason(argument_id, given[argument_id])
        except ParameterError:
            self.reasons = before
            raise

    def asks_reason(self, argument_id: str) -> bool:
        """True when the weight is high enough (REASON_FROM or more) to ask why."""
        return self.weights.get(argument_id, 0) >= REASON_FROM

    def reasons_given(self) -> dict[str, str]:
        """Reasons for the weights that ask for one, in argument order."""
        return {a.argument_id: self.reasons[a.argument_id] for a in self.arguments
                if self.asks_reason(a.argument_id) and a.argument_id in self.reasons}

    def reasons_missing(self) -> list[str]:
        """Arguments weighted REASON_FROM or more that have no reason yet."""
        return [a.argument_id for a in self.arguments
                if self.asks_reason(a.argument_id) and a.argument_id not in self.reasons]

    def has_lenses(self) -> bool:
        return any(a.lens for a in self.arguments)

    def restore(self, data: object) -> None:
        """Show an earlier recorded answer again: its own arguments, weights and reasons.
        Ids no longer in the case are skipped; a malformed record changes nothing."""
        if not isinstance(data, dict):
            return
        before = (dict(self._arguments), dict(self.weights), dict(self.reasons))
        try:
            for item in data.get("own") or []:
                self.add_own(item.get("text"), item.get("stance"), item.get("principle"),
                             item.get("weight", 3))
            known = {i: v for i, v in (data.get("weights") or {}).items()
                     if i in self._arguments and not self._arguments[i].own}
            self.set_weights(known)
            self.set_reasons({i: v for i, v in (data.get("reasons") or {}).items()
                              if i in self._arguments})
        except (ParameterError, AttributeError, TypeError):
            self._arguments, self.weights, self.reasons = before

    def add_own(self, text: object, stance: object, principle: object, weight: object = 3) -> str:
        """Add the student's own argument; returns its id (own-1, own-2, …)."""
        claim = check_text(_("own argument text"), text)
        stance = check_choice(_("own argument stance"), stance, STANCES)
        principle = check_choice(_("own argument principle"), principle, PRINCIPLES)
        weight = check_int(_("own argument weight"), weight, 0, MAX_WEIGHT)
        argument_id = f"own-{sum(a.own for a in self.arguments) + 1}"
        self._arguments[argument_id] = Argument(
            argument_id, stance, claim, principle, _(OWN_STAKEHOLDER), own=True)
        self.weights[argument_id] = weight
        return argument_id

    def add_own_list(self, own: object) -> None:
        """Add several own arguments from a papermill parameter (list of dicts)."""
        example = "[{'text': '…', 'stance': 'for', 'principle': 'credit', 'weight': 3}]"
        if not isinstance(own, list | tuple):
            raise fail("own", own, _("give a list of dicts such as {example}").format(
                example=example))
        for item in own:
            item = check_mapping("own", item, example)
            self.add_own(item.get("text"), item.get("stance"), item.get("principle"),
                         item.get("weight", 3))

    # derived values -------------------------------------------------------

    def totals(self) -> tuple[int, int]:
        """(weight for, weight against)."""
        pro = sum(w for i, w in self.weights.items() if self._arguments[i].stance == "for")
        return pro, sum(self.weights.values()) - pro

    def score(self) -> float:
        pro, con = self.totals()
        return 0.0 if pro + con == 0 else (pro - con) / (pro + con)

    def verdict(self) -> str:
        """The verdict in words, in the current language."""
        pro, con = self.totals()
        return reading(self.score(), pro + con)

    def verdict_english(self) -> str:
        """The verdict as recorded (English in every language, so the class data of a
        Chinese and an English lesson can be read together)."""
        with i18n.using("en"):
            return self.verdict()

    def by_principle(self) -> list[Share]:
        """Weight per principle, in the kit's principle order; unweighted ones left out."""
        shares = self._shares(lambda a: a.principle)
        order = {p: i for i, p in enumerate(PRINCIPLES)}
        return sorted(shares, key=lambda s: (order.get(s.name, len(order)), s.name))

    def by_stakeholder(self) -> list[Share]:
        """Weight per stakeholder (by name); unweighted ones left out."""
        return sorted(self._shares(lambda a: a.stakeholder), key=lambda s: s.name)

    def by_lens(self) -> list[Share]:
        """Weight per lens, in the order of LENSES (empty when no argument has a lens)."""
        shares = [s for s in self._shares(lambda a: a.lens) if s.name]
        return sorted(shares, key=lambda s: LENSES.index(s.name))

    def _shares(self, key) -> list[Share]:
        sums: dict[str, list[int]] = {}
        for argument_id, weight in self.weights.items():
            argument = self._arguments[argument_id]
            pair = sums.setdefault(key(argument), [0, 0])
            pair[0 if argument.stance == "for" else 1] += weight
        return [Share(name, p, c) for name, (p, c) in sums.items() if p + c]

    def to_data(self) -> dict:
        """The answer to record: JSON-serialisable, keys and lists in a fixed order."""
        pro, con = self.totals()
        return {
            "case": self.case,
            "question": self.question,
            "weights": {i: self.weights[i] for i in sorted(self.weights)},
            "own": [
                {"id": a.argument_id, "text": a.claim, "stance": a.stance,
                 "principle": a.principle, "weight": self.weights[a.argument_id]}
                for a in self.arguments if a.own
            ],
            "weight_for": pro,
            "weight_against": con,
            "score": round(self.score(), 3),
            "verdict": self.verdict_english(),
            "by_principle": {s.name: s.net for s in self.by_principle()},
            "reasons": self.reasons_given(),
            "reasons_missing": self.reasons_missing(),
            **({"by_lens": {s.name: s.net for s in self.by_lens()}}
               if self.has_lenses() else {}),
        }

    def summary(self) -> str:
        """The plain-text summary printed under papermill."""
        pro, con = self.totals()
        lines = [
            _("Argument balance"),
            _("Question: {question}").format(question=self.question),
            _("Verdict: {verdict} (score {score}; -1 = all weight against, +1 = all weight "
              "for)").format(verdict=self.verdict(), score=f"{self.score():+.2f}"),
            _("Weight given: {pro} for, {con} against").format(pro=pro, con=con),
        ]
        lines += _share_lines(_("By principle"), self.by_principle())
        if self.has_lenses():
            lines += _share_lines(_("By lens"), self.by_lens())
        lines += _share_lines(_("By stakeholder"), self.by_stakeholder())
        lines += self._reason_lines()
        own = [a for a in self.arguments if a.own]
        lines.append(_("Your own arguments: {n}").format(n=len(own)))
        lines += ["  " + _("{label} ({stance}, {principle}, weight {weight}): {claim}").format(
                      label=short_label(a), stance=stance_words(a.stance),
                      principle=a.principle, weight=self.weights[a.argument_id],
                      claim=a.claim) for a in own]
        return "\n".join(lines)

    def _reason_lines(self) -> list[str]:
        asked = [a for a in self.arguments if self.asks_reason(a.argument_id)]
        if not asked:
            return []
        lines = [_("Your reasons (asked for every weight of {low} or {high}):").format(
            low=REASON_FROM, high=MAX_WEIGHT)]
        for a in asked:
            why = self.reasons.get(a.argument_id) or _("(no reason given yet)")
            lines.append("  " + _("{label} (weight {weight}): {reason}").format(
                label=short_label(a), weight=self.weights[a.argument_id], reason=why))
        return lines


# The principle and lens ids as the plain-text summary shows them: English keeps the ids
# (the msgid is the id), other languages give words.
ID_WORDS = {
    "consent": N_("consent"), "credit": N_("credit"), "compensation": N_("compensation"),
    "authorship": N_("authorship"), "originality": N_("originality"),
    "transparency": N_("transparency"), "access_and_creativity": N_("access_and_creativity"),
    "market_and_livelihoods": N_("market_and_livelihoods"),
    "accountability": N_("accountability"), "cultural_heritage": N_("cultural_heritage"),
    "consequences": N_("consequences"), "rights": N_("rights"), "fairness": N_("fairness"),
    "character": N_("character"), "community": N_("community"),
}


def _id_words(name: str) -> str:
    return _(ID_WORDS[name]) if name in ID_WORDS else name


def _share_lines(title: str, shares: list[Share]) -> list[str]:
    if not shares:
        return [_("{title}: nothing weighed yet").format(title=title)]
    names = [_id_words(s.name) for s in shares]
    width = max(len(n) for n in names)
    rows = [f"  {n:<{width}}  " + _("net {net} (for {pro}, against {con})").format(
                net=signed(s.net), pro=s.for_weight, con=s.against_weight)
            for n, s in zip(names, shares, strict=True)]
    return [_("{title} (net = for minus against):").format(title=title), *rows]
