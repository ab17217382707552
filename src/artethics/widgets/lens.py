"""Jurisdiction lens: the pure model (no ipywidgets, no IPython).

For one case and one jurisdiction, the rules in rules.csv that the kit's
applications.csv links to the case's facts: where the law points, why, how
certain that is, and the sources. It explains the law; it is not legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from artethics import i18n
from artethics.i18n import N_, _

from ._common import (
    ParameterError,
    check_choice,
    check_mapping,
    check_reason,
    citation,
    require_columns,
    split_ids,
)

# Marked with N_ here; shown with _() (place_name, Finding.certainty_words, ...).
JURISDICTIONS = {"CN": N_("mainland China"), "HK": N_("Hong Kong SAR"),
                 "US": N_("United States"), "EU": N_("European Union"),
                 "UK": N_("United Kingdom")}
CERTAINTY = {
    "settled": N_("settled: the text or the courts give a clear answer"),
    "arguable": N_("arguable: informed readers of the law disagree"),
    "open": N_("open: no clear answer yet"),
}
DISCLAIMER = N_("This explains the law for teaching; it is not legal advice. Laws change and "
                "depend on the facts; for a real situation ask a qualified lawyer.")
WRITE_FIRST = N_("Write what the rules would change for this case (the box under the "
                 "rules) first, then press Record.")
ANSWER_MAX = 600  # characters: two or three sentences
ANSWER_EXAMPLE = "{'CN': 'The labelling rule would ...', 'US': '...'}"


def question_for(jurisdiction: str) -> str:
    """The question the lens asks about one jurisdiction (in the current language)."""
    return _("If this case happened under the rules of {place}, what would they change for "
             "it: for whom, and what would have to be done differently?").format(
        place=place_name(jurisdiction))


def place_name(jurisdiction: str) -> str:
    """'HK' -> 'Hong Kong SAR', in the current language."""
    return _(JURISDICTIONS[jurisdiction])


RULE_COLUMNS = ("rule_id", "jurisdiction", "instrument", "article", "date_in_force", "status")
APPLICATION_COLUMNS = ("application_id", "case_id", "rule_id", "issue", "points_to",
                       "certainty", "why")


@dataclass(frozen=True)
class Finding:
    """One rule as it bears on the case."""

    application_id: str
    rule_id: str
    instrument: str
    article: str
    date_in_force: str
    status: str
    issue: str
    points_to: str
    certainty: str
    why: str
    source_ids: tuple[str, ...]
    kind: str = ""
    last_reviewed: str = ""

    @property
    def proposed(self) -> bool:
        """A proposal (e.g. Hong Kong's text-and-data-mining exception) is not in force."""
        return self.kind == "proposal"

    def in_force_words(self) -> str:
        if self.proposed:
            return _("not in force (proposed)")
        return _("in force: {date}").format(date=self.date_in_force or _("date not given"))

    @property
    def certainty_words(self) -> str:
        if self.certainty in CERTAINTY:
            return _(CERTAINTY[self.certainty])
        return _("{certainty}: not a known certainty level").format(certainty=self.certainty)

    def citation(self) -> str:
        return citation(self.source_ids)


FIELDS = ("application_id", "rule_id", "instrument", "article", "date_in_force", "status",
          "issue", "points_to", "certainty", "why")


def check_jurisdiction(value: object) -> str:
    """CN, HK, US, EU or UK (lower case is accepted)."""
    if isinstance(value, str):
        value = value.strip().upper()
    return check_choice("jurisdiction", value, JURISDICTIONS)


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)


def date_text(value: object, precision: object = "day") -> str:
    """A rule's date as text at its precision: 2023-08-15, 2023-08 or 2023."""
    if value is None or value != value or value == "":
        return ""
    if not hasattr(value, "strftime"):
        return str(value)
    pattern = {"month": "%Y-%m", "year": "%Y"}.get(str(precision), "%Y-%m-%d")
    return value.strftime(pattern)


def findings(case: str, jurisdiction: str, rules, applications) -> list[Finding]:
    """The case's applications under one jurisdiction, sorted by rule then application id."""
    require_columns("rules", rules, RULE_COLUMNS)
    require_columns("applications", applications, APPLICATION_COLUMNS)
    joined = applications[applications["case_id"] == case].merge(
        rules, on="rule_id", how="inner", suffixes=("", "_rule"))
    joined = joined[joined["jurisdiction"] == jurisdiction]
    out = []
    for _index, row in joined.iterrows():
        ids = split_ids(row.get("source_ids")) + split_ids(row.get("source_ids_rule"))
        texts = {c: _text(row[c]) for c in APPLICATION_COLUMNS + RULE_COLUMNS}
        texts["date_in_force"] = date_text(row["date_in_force"], row.get("date_precision"))
        out.append(Finding(**{k: texts[k] for k in FIELDS}, source_ids=tuple(dict.fromkeys(ids)),
                           kind=_text(row.get("kind", "")),
                           last_reviewed=date_text(row.get("last_reviewed", ""), "day")))
    return sorted(out, key=lambda f: (f.rule_id, f.application_id))


class LensModel:
    """The lens for one case; the jurisdiction is chosen later."""

    def __init__(self, case: str, rules, applications):
        self.case = case
        self._rules = rules
        self._applications = applications
        findings(case, "CN", rules, applications)  # validates the tables early
        self.jurisdiction: str | None = None
        self.answers: dict[str, str] = {}

    def set_answer(self, jurisdiction: object, text: object) -> None:
        """The student's answer to :func:`question_for` (empty text removes it)."""
        code = check_jurisdiction(jurisdiction)
        answer = check_reason(f"lens_answers[{code!r}]", text, limit=ANSWER_MAX)
        if answer:
            self.answers[code] = answer
        else:
            self.answers.pop(code, None)

    def set_answers(self, answers: object) -> None:
        """Answers for several jurisdictions (a papermill parameter); all or nothing."""
        given = check_mapping("lens_answers", answers, ANSWER_EXAMPLE)
        before = dict(self.answers)
        try:
            for code in sorted(given, key=str):
                self.set_answer(code, given[code])
        except ParameterError:
            self.answers = before
            raise

    def restore(self, data: object) -> None:
        """Show earlier recorded answers again (a malformed record changes nothing)."""
        if not isinstance(data, dict):
            return
        try:
            self.set_answers(data.get("answers") or {})
        except ParameterError:
            return
        if self.answers and self.jurisdiction is None:
            self.jurisdiction = sorted(self.answers)[0]

    def choose(self, jurisdiction: object) -> list[Finding]:
        self.jurisdiction = check_jurisdiction(jurisdiction)
        return self.findings()

    def findings(self) -> list[Finding]:
        if self.jurisdiction is None:
            return []
        return findings(self.case, self.jurisdiction, self._rules, self._applications)

    def counts(self) -> dict[str, int]:
        """How many findings at each certainty level (settled, arguable, open)."""
        found = self.findings()
        return {level: sum(f.certainty == level for f in found) for level in CERTAINTY}

    def to_data(self) -> dict:
        """Only what the student was asked: their answer per jurisdiction, with the
        question. No answer written = nothing to record (ParameterError)."""
        if not self.answers:
            raise ParameterError(_(WRITE_FIRST))
        codes = sorted(self.answers)
        with i18n.using("en"):  # recorded in English, shown translated
            questions = {code: question_for(code) for code in codes}
        return {"case": self.case,
                "questions": questions,
                "answers": {code: self.answers[code] for code in codes}}

    def summary(self) -> str:
        if self.jurisdiction is None:
            return _("Jurisdiction lens") + "\n" + _("No jurisdiction chosen yet.")
        place = place_name(self.jurisdiction)
        found = self.findings()
        lines = [_("Jurisdiction lens, seen from {place} ({code})").format(
                     place=place, code=self.jurisdiction),
                 _(DISCLAIMER)]
        if not found:
            lines.append(_("The kit links no rule of {place} to this case. That does not mean "
                           "no law applies; it means none is covered here.").format(place=place))
        for f in found:
            lines += _finding_lines(f)
        for code in sorted(self.answers):
            lines += [_("Question: {question}").format(question=question_for(code)),
                      _("Your answer: {answer}").format(answer=self.answers[code])]
        return "\n".join(lines)


def _finding_lines(f: Finding) -> list[str]:
    head = f"- {f.instrument}" + (f", {f.article}" if f.article else "")
    parts = [f.in_force_words(), _("status: {status}").format(status=f.status)]
    if f.last_reviewed:
        parts.append(_("last reviewed: {date}").format(date=f.last_reviewed))
    details = _("({details})").format(details=_("; ").join(parts))
    lines = [f"{head} {details}",
             "  " + _("Issue: {text}").format(text=f.issue),
             "  " + _("Points to: {text}").format(text=f.points_to),
             "  " + _("Certainty: {text}").format(text=f.certainty_words),
             "  " + _("Why: {text}").format(text=f.why)]
    if f.source_ids:
        lines.append(f"  {f.citation()}")
    return lines
