"""Ethical matrix: the pure model (no ipywidgets, no IPython).

After the MIT Media Lab "AI + Ethics" curriculum: the rows are the case's
stakeholders, the columns the values (principles) its arguments appeal to.
Each cell rates how the student's decision treats that stakeholder on that
value, from -2 (sets them back badly) through 0 (no effect or not addressed)
to +2 (serves them well).
"""

from __future__ import annotations

from dataclasses import dataclass

from ._common import (
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
RATING_WORDS = {-2: "sets back badly", -1: "sets back", 0: "no effect / not addressed",
                1: "serves", 2: "serves well"}
EXAMPLE = "{'christies-artists': {'consent': -2, 'credit': 1}}"


@dataclass(frozen=True)
class Row:
    """One stakeholder's line of the matrix, with what it adds up to."""

    stakeholder_id: str
    name: str
    total: int
    rated: int

    @property
    def outcome(self) -> str:
        if self.rated == 0:
            return "left out"
        if self.total > 0:
            return "served"
        if self.total < 0:
            return "set back"
        return "mixed"


class MatrixModel:
    """Stakeholders x principles ratings for one case and one decision."""

    def __init__(self, case: str, stakeholders: dict[str, str], principles: list[str]):
        if not stakeholders:
            raise ParameterError(f"case={case!r} has no stakeholders: check the case id.")
        self.case = case
        self.names = dict(sorted(stakeholders.items()))
        order = {p: i for i, p in enumerate(PRINCIPLES)}
        self.principles = sorted(set(principles) or PRINCIPLES, key=lambda p: order.get(p, 99))
        self.ratings = {s: {p: 0 for p in self.principles} for s in self.names}
        self.decision = ""

    @classmethod
    def from_tables(cls, case: str, stakeholders, arguments=None):
        """Rows from stakeholders.csv; columns = principles the case's arguments use."""
        require_columns("stakeholders", stakeholders, ("stakeholder_id", "case_id", "name"))
        rows = stakeholders[stakeholders["case_id"] == case]
        names = dict(zip(rows["stakeholder_id"].astype(str), rows["name"].astype(str), strict=True))
        principles: list[str] = []
        if arguments is not None:
            require_columns("arguments", arguments, ("case_id", "principle"))
            used = arguments.loc[arguments["case_id"] == case, "principle"].astype(str)
            principles = [p for p in used.unique() if p in PRINCIPLES]
        return cls(case, names, principles)

    def set_rating(self, stakeholder_id: object, principle: object, rating: object) -> None:
        if stakeholder_id not in self.ratings:
            raise fail("ratings", stakeholder_id,
                       f"use a stakeholder id of case {self.case!r}: {list_allowed(self.names)}")
        if principle not in self.principles:
            raise fail(f"ratings[{stakeholder_id!r}]", principle,
                       f"use one of this matrix's principles: {list_allowed(self.principles)}")
        where = f"ratings[{stakeholder_id!r}][{principle!r}]"
        self.ratings[stakeholder_id][principle] = check_int(where, rating, LOW, HIGH)

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

    def set_decision(self, decision: object) -> None:
        if not isinstance(decision, str):
            raise fail("decision", decision, "write the decision as text, e.g. 'Hold the sale'")
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
            "principles": list(self.principles),
            "ratings": {s: dict(cells) for s, cells in self.ratings.items()},
            "totals": {r.stakeholder_id: r.total for r in self.rows()},
            "coverage": round(self.coverage(), 3),
            "groups": self.groups(),
        }

    def summary(self) -> str:
        decision = self.decision or "(no decision written)"
        lines = [f"Ethical matrix: {self.case}", f"Decision: {decision}",
                 f"Cells rated: {self.coverage():.0%} "
                 f"of {len(self.names)} stakeholders x {len(self.principles)} principles"]
        width = max(len(r.name) for r in self.rows())
        for row in self.rows():
            lines.append(f"  {row.name:<{width}}  total {signed(row.total)}  -> {row.outcome}")
        for outcome, names in self.groups().items():
            lines.append(f"{outcome.capitalize()}: {', '.join(names) if names else 'nobody'}")
        return "\n".join(lines)
