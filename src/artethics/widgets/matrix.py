"""Ethical matrix: the pure model (no ipywidgets, no IPython).

After the MIT Media Lab "AI + Ethics" curriculum, whose ethical matrix uses a
handful of values: the rows are the case's stakeholders, the columns a few
values (principles). By default the columns are the case's
``DEFAULT_COLUMNS`` (4) principles with the most arguments in arguments.csv,
ties broken by the order of ``PRINCIPLES``; ``principles=[...]`` chooses
others. Each cell rates how the student's decision treats that stakeholder on
that value, from -2 (sets them back badly) through 0 (no effect or not
addressed) to +2 (serves them well).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from artethics.i18n import N_, _

from ._common import (
    LENSES,
    PRINCIPLES,
    ParameterError,
    check_int,
    check_mapping,
    fail,
    list_allowed,
    require_columns,
    signed,
)

LOW, HIGH = -2, 2
# Marked with N_; shown with _() (rating_words).
RATING_WORDS = {-2: N_("sets back badly"), -1: N_("sets back"),
                0: N_("no effect / not addressed"), 1: N_("serves"), 2: N_("serves well")}
# The outcome keys (recorded in English) and their headings for people.
GROUP_HEADINGS = {"served": N_("Served"), "mixed": N_("Mixed"), "set back": N_("Set back"),
                  "left out": N_("Left out")}
EXAMPLE = "{'christies-artists': {'consent': -2, 'credit': 1}}"
DEFAULT_COLUMNS = 4
PRINCIPLES_EXAMPLE = "['consent', 'credit', 'compensation']"


def rating_words(rating: int) -> str:
    """A rating in words, in the current language."""
    return _(RATING_WORDS[rating])


def group_heading(outcome: str) -> str:
    """'served' -> 'Served' (in the current language)."""
    heading = GROUP_HEADINGS.get(outcome)
    return _(heading) if heading else outcome.capitalize()


def top_principles(arguments, case: str, n: int = DEFAULT_COLUMNS) -> list[str]:
    """The case's n principles with the most arguments, in the kit's principle order.

    Ties are broken by the order of PRINCIPLES, so the choice is deterministic. With
    no arguments table (or none for the case) the first n of PRINCIPLES are used.
    """
    counts: Counter[str] = Counter()
    if arguments is not None:
        require_columns("arguments", arguments, ("case_id", "principle"))
        used = arguments.loc[arguments["case_id"] == case, "principle"].astype(str)
        counts.update(p for p in used if p in PRINCIPLES)
    ranked = sorted(counts, key=lambda p: (-counts[p], PRINCIPLES.index(p)))[:n]
    return in_kit_order(ranked or PRINCIPLES[:n])


def in_kit_order(principles: Iterable[str]) -> list[str]:
    """Distinct principles (or lenses) sorted in the kit's order of PRINCIPLES (or LENSES)."""
    chosen = set(principles)
    order = LENSES if chosen and chosen <= set(LENSES) else PRINCIPLES
    return sorted(chosen, key=order.index)


COLUMN_KINDS = ("principles", "lenses")


def check_columns(value: object) -> list[str]:
    """The ``columns=`` keyword: "lenses" (all five), or a list of lenses or of principles."""
    if value == "lenses":
        return list(LENSES)
    allowed = _("use 'lenses' (the five lenses), 'principles' (the case's main principles), "
                "a list of lenses from {lenses}, or a list of principles").format(
        lenses=", ".join(repr(x) for x in LENSES))
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise fail("columns", value, allowed)
    chosen = list(value)
    if chosen and all(isinstance(x, str) and x in LENSES for x in chosen):
        return in_kit_order(chosen)
    try:
        return check_principles(chosen)
    except ParameterError:
        raise fail("columns", value, allowed) from None


def check_principles(value: object) -> list[str]:
    """The ``principles=`` keyword: a non-empty list of the kit's principles."""
    allowed = _("give a list of principles such as {example}, from {allowed}").format(
        example=PRINCIPLES_EXAMPLE, allowed=_allowed())
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise fail("principles", value, allowed)
    chosen = list(value)
    if not chosen:
        raise fail("principles", value, allowed)
    for item in chosen:
        if not isinstance(item, str) or item not in PRINCIPLES:
            raise fail("principles", value,
                       _("{item} is not one of the kit's principles; use {allowed}").format(
                           item=repr(item), allowed=_allowed()))
    return in_kit_order(chosen)


def _allowed() -> str:
    return ", ".join(repr(p) for p in PRINCIPLES)


@dataclass(frozen=True)
class Row:
    """One stakeholder's line of the matrix, with what it adds up to."""

    stakeholder_id: str
    name: str
    total: int
    rated: int

    @property
    def outcome(self) -> str:
        """The outcome key (English, as recorded; shown with ``_()``)."""
        if self.rated == 0:
            return N_("left out")
        if self.total > 0:
            return N_("served")
        if self.total < 0:
            return N_("set back")
        return N_("mixed")


class MatrixModel:
    """Stakeholders x principles ratings for one case and one decision."""

    def __init__(self, case: str, stakeholders: dict[str, str], principles: list[str]):
        if not stakeholders:
            raise ParameterError(_("case={case} has no stakeholders: check the case "
                                   "id.").format(case=repr(case)))
        self.case = case
        self.names = dict(sorted(stakeholders.items()))
        if principles and set(principles) <= set(LENSES):
            self.principles = in_kit_order(principles)
        else:
            self.principles = check_principles(principles) if principles else list(PRINCIPLES)
        self.kind = "lenses" if set(self.principles) <= set(LENSES) else "principles"
        self.ratings = {s: {p: 0 for p in self.principles} for s in self.names}
        self.decision = ""

    @classmethod
    def from_tables(cls, case: str, stakeholders, arguments=None, *,
                    principles: Iterable[str] | None = None, columns: object = "principles"):
        """Rows from stakeholders.csv; columns = ``principles``, else ``columns`` ("lenses"
        or a list, see :func:`check_columns`), else the case's DEFAULT_COLUMNS principles
        with the most arguments (see :func:`top_principles`)."""
        require_columns("stakeholders", stakeholders, ("stakeholder_id", "case_id", "name"))
        rows = stakeholders[stakeholders["case_id"] == case]
        names = dict(zip(rows["stakeholder_id"].astype(str), rows["name"].astype(str), strict=True))
        if principles is None and columns != "principles":
            return cls(case, names, check_columns(columns))
        if principles is None:
            columns = top_principles(arguments, case)
        else:
            columns = check_principles(principles)
        return cls(case, names, columns)

    def set_rating(self, stakeholder_id: object, principle: object, rating: object) -> None:
        if stakeholder_id not in self.ratings:
            raise fail("ratings", stakeholder_id,
                       _("use a stakeholder id of case {case}: {ids}").format(
                           case=repr(self.case), ids=list_allowed(self.names)))
        if principle not in self.principles:
            raise fail(f"ratings[{stakeholder_id!r}]", principle, self._column_hint(principle))
        where = f"ratings[{stakeholder_id!r}][{principle!r}]"
        self.ratings[stakeholder_id][principle] = check_int(where, rating, LOW, HIGH)

    def _column_hint(self, principle: object) -> str:
        shown = list_allowed(self.principles)
        if self.kind == "lenses":
            return _("use one of this matrix's lenses: {shown}").format(shown=shown)
        if principle in PRINCIPLES:
            return _("{principle} is not a column of this matrix, which shows {shown}; rate "
                     "only those, or add it with principles=[...] in show_matrix").format(
                principle=repr(principle), shown=shown)
        return _("use one of this matrix's principles: {shown}").format(shown=shown)

    def set_ratings(self, ratings: object) -> None:
        """Set many cells from a nested dict; all or nothing."""
        given = check_mapping("ratings", ratings, EXAMPLE)
        before = {s: dict(cells) for s, cells in self.ratings.items()}
        try:
            for stakeholder_id in sorted(given, key=str):
                cells = check_mapping(f"ratings[{stakeholder_id!r}]", given[stakeholder_id],
                                      "{'consent': -2, 'credit': 1}")
                for principle in sorted(cells, key=str):
                    self.set_rating(stakeholder_id, principle, cells[principle])
        except ParameterError:
            self.ratings = before
            raise

    def restore(self, data: object) -> None:
        """Show an earlier recorded answer again: the decision and the cells this matrix
        still has (a malformed record changes nothing)."""
        if not isinstance(data, dict):
            return
        cells = {s: {p: v for p, v in (row or {}).items() if p in self.principles}
                 for s, row in (data.get("ratings") or {}).items() if s in self.ratings}
        try:
            self.set_ratings(cells)
            self.set_decision(data.get("decision", self.decision) or self.decision)
        except (ParameterError, AttributeError):
            return

    def set_decision(self, decision: object) -> None:
        if not isinstance(decision, str):
            raise fail("decision", decision,
                       _("write the decision as text, e.g. 'Hold the sale'"))
        self.decision = decision.strip()

    # derived ---------------------------------------------------------------

    def rows(self) -> list[Row]:
        return [Row(s, self.names[s], sum(cells.values()),
                    sum(1 for v in cells.values() if v))
                for s, cells in self.ratings.items()]

    def column_totals(self) -> dict[str, int]:
        return {p: sum(self.ratings[s][p] for s in self.ratings) for p in self.principles}

    def coverage(self) -> float:
        """Share of cells rated (not 0), from 0 to 1."""
        cells = len(self.names) * len(self.principles)
        return sum(r.rated for r in self.rows()) / cells if cells else 0.0

    def groups(self) -> dict[str, list[str]]:
        """Stakeholder names by outcome: served, mixed, set back, left out."""
        out: dict[str, list[str]] = {"served": [], "mixed": [], "set back": [], "left out": []}
        for row in self.rows():
            out[row.outcome].append(row.name)
        return out

    def to_data(self) -> dict:
        return {
            "case": self.case,
            "decision": self.decision,
            "columns": self.kind,
            "principles": list(self.principles),
            "ratings": {s: dict(cells) for s, cells in self.ratings.items()},
            "totals": {r.stakeholder_id: r.total for r in self.rows()},
            "coverage": round(self.coverage(), 3),
            "groups": self.groups(),
        }

    def summary(self) -> str:
        decision = self.decision or _("(no decision written)")
        kind = _("lenses") if self.kind == "lenses" else _("principles")
        lines = [_("Ethical matrix"), _("Decision: {decision}").format(decision=decision),
                 _("Cells rated: {share} of {rows} stakeholders x {columns} {kind}").format(
                     share=f"{self.coverage():.0%}", rows=len(self.names),
                     columns=len(self.principles), kind=kind)]
        width = max(len(r.name) for r in self.rows())
        for row in self.rows():
            lines.append(f"  {row.name:<{width}}  " + _("total {total}  -> {outcome}").format(
                total=signed(row.total), outcome=_(row.outcome)))
        for outcome, names in self.groups().items():
            lines.append(f"{group_heading(outcome)}: "
                         f"{', '.join(names) if names else _('nobody')}")
        return "\n".join(lines)
