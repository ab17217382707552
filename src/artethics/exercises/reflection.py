"""Reflections: presence of evidence is checked; quality is left to the rubric.

A reflection passes when its length is within the word range its prompt and the
rubric state (WORD_RANGES: 120-200 words for a case lesson, 150-250 for the
synthesis) and it cites at least one piece of evidence from its lesson: a figure the kit's data
holds for the case (a price, a count, a year, a percentage) or the id of a
source the case's data cites (e.g. ``S07``). Registered as ``<case>.reflection``.

A reflection may be written in Chinese: it is then measured in characters (字), the
range being the word range times :data:`~artethics.exercises.CHARS_PER_WORD` (to the
nearest ten: 190–320 for 120–200 words); figures may use 萬/万 and 億/亿, and a source
id or figure may touch the characters around it.
"""

from __future__ import annotations

import math
import re
from functools import cache

from artethics.i18n import N_, _
from artethics.kit import CASES, MAIN_CASES

from . import HAN, Verdict, as_number, chinese_range, exercise, text_length

# One range per reflection, the same in the lesson's prompt, course/guide/rubrics.md and
# the session plans (tests/unit/test_course_docs.py compares them).
WORD_RANGES = {**{case: (120, 200) for case in MAIN_CASES}, "synthesis": (150, 250)}
MIN_WORDS = WORD_RANGES["rembrandt"][0]
_NUMBER = re.compile(
    rf"(?<![^\W{HAN}])(?<!\.)(\d[\d,]*(?:\.\d+)?)\s*"
    r"(%|percent|million|billion|thousand|k\b|m\b|百萬|百万|萬|万|億|亿)?",
    re.IGNORECASE)
_SOURCE_ID = re.compile(r"(?<![A-Za-z0-9_])S\d{2,3}(?![A-Za-z0-9_])")
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "thousand": 1e3, "k": 1e3,
          "百萬": 1e6, "百万": 1e6, "萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8}


def _case_ids(case: str) -> tuple[str, ...]:
    """The case itself (every main case for the synthesis) and the side cases, which
    lessons draw on as context (Carlini et al. in the Trik AI lesson, say)."""
    from artethics import data

    cases = data.load("cases")
    side = tuple(cases.loc[cases["kind"] == "side", "case_id"])
    return (MAIN_CASES if case == "synthesis" else (case,)) + side


@cache
def evidence(case: str) -> tuple[frozenset[float], frozenset[str]]:
    """The figures and source ids a reflection on ``case`` may cite."""
    from artethics import data

    cases = _case_ids(case)
    numbers: set[float] = set()
    sources: set[str] = set()
    for table, columns in (("facts", ("value",)), ("sales", ("price", "estimate_low",
                                                             "estimate_high"))):
        frame = data.load(table)
        frame = frame[frame["case_id"].isin(cases)]
        for column in columns:
            numbers.update(v for v in map(as_number, frame[column]) if v is not None)
        sources.update(_ids(frame["source_ids"]))
    for table in ("events", "arguments"):
        frame = data.load(table)
        frame = frame[frame["case_id"].isin(cases)]
        sources.update(_ids(frame["source_ids"]))
        if table == "events":
            numbers.update(float(d.year) for d in frame["date"] if hasattr(d, "year"))
    return frozenset(n for n in numbers if abs(n) >= 10), frozenset(sources)


def _ids(column) -> set[str]:
    return {s.strip() for cell in column for s in str(cell).split(";") if s.strip()}


def numbers_in(text: str) -> list[float]:
    found = []
    for digits, unit in _NUMBER.findall(text):
        value = float(digits.replace(",", ""))
        found.append(value * _SCALE.get(unit.lower(), 1.0))
    return found


def cited(text: str, case: str) -> list[str]:
    """The pieces of evidence from ``case`` that ``text`` cites, in order of appearance."""
    numbers, sources = evidence(case)
    hits = [s for s in _SOURCE_ID.findall(text) if s in sources]
    for value in numbers_in(text):
        if any(math.isclose(value, n, rel_tol=0.005) for n in numbers):
            hits.append(f"{value:,.0f}" if value == int(value) else f"{value:,}")
    return hits


def judge(case: str, text: object) -> Verdict:
    exercise_id = f"{case}.reflection"
    if not isinstance(text, str):
        return Verdict(exercise_id, False, _("the reflection is a {type}.").format(
                           type=type(text).__name__),
                       _("Write your reflection as text between the triple quotes."))
    words, in_chars = text_length(text)
    low, high = WORD_RANGES[case]
    says = _IN_CHARACTERS if in_chars else _IN_WORDS
    if in_chars:
        low, high = chinese_range(low, high)
    if words < low:
        return Verdict(exercise_id, False, _(says["so_far"]).format(words=words),
                       _(says["argue"]).format(low=low, high=high))
    hits = cited(text, case)
    if not hits:
        return Verdict(exercise_id, False, _(says["no_evidence"]).format(words=words),
                       _("Back your claim with a figure from the lesson's tables (a price, "
                         "a count, a date) or the id of a source you used, such as S07."))
    if words > high:
        return Verdict(exercise_id, False, _(says["over"]).format(words=words, high=high),
                       _(says["cut"]).format(low=low, high=high))
    return Verdict(exercise_id, True, _(says["done"]).format(words=words, n=len(hits)))


# The verdicts on a text measured in words, and on one measured in Chinese characters.
_IN_WORDS = {
    "so_far": N_("{words} words so far."),
    "argue": N_("Argue your position in {low}-{high} words (at least {low}): a claim, the "
                "evidence for it, and the strongest point against it."),
    "no_evidence": N_("{words} words, but no evidence from the lesson."),
    "over": N_("{words} words: over the {high}-word limit."),
    "cut": N_("Cut it to {low}-{high} words: keep your claim, your best evidence and your "
              "answer to the strongest point against you."),
    "done": N_("{words} words, citing {n} piece(s) of evidence from the lesson."),
}
_IN_CHARACTERS = {
    "so_far": N_("{words} Chinese characters so far."),
    "argue": N_("Argue your position in {low}-{high} Chinese characters (at least {low}): a "
                "claim, the evidence for it, and the strongest point against it."),
    "no_evidence": N_("{words} Chinese characters, but no evidence from the lesson."),
    "over": N_("{words} Chinese characters: over the {high}-character limit."),
    "cut": N_("Cut it to {low}-{high} Chinese characters: keep your claim, your best "
              "evidence and your answer to the strongest point against you."),
    "done": N_("{words} Chinese characters, citing {n} piece(s) of evidence from the "
               "lesson."),
}


def _register(case: str) -> None:
    summary = N_("write a reflection that takes a position and cites evidence from the lesson.")
    exercise(f"{case}.reflection", summary)(lambda text: judge(case, text))


for _case in CASES:
    _register(_case)
