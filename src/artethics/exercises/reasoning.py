"""Checked reasoning exercises: kinds of ethical-reasoning question a program can check
honestly, because the kit's data holds the ground truth.

A lesson's exercise module declares one in a few lines; the declaration registers a
checker under the exercise id (so ``check("<id>", answer)`` works as for every other
exercise) and keeps the declaration for :func:`show` (which prints the question and
its options in the notebook) and :func:`validate` (which checks it against the data)::

    from artethics.exercises.reasoning import Option, figure_reading, lens_of

    lens_of("trik.lens_consent", "trik_against_6")
    figure_reading(
        "belamy.price_shows", "belamy_price",
        options={"a": Option("What one buyer paid for this print on one day."),
                 "b": Option("That AI art sells for six figures.", hint="...")},
        answer="a", why="a price records one sale, not a market or a value.")

The kinds (answers in brackets):

- :func:`choice`, :func:`figure_reading`: multiple choice, one or several letters
  (``"b"`` or ``["a", "c"]``); every wrong option carries its own teaching hint.
- :func:`lens_of`, :func:`principle_of`: the lens (``"rights"``) or principle
  (``"consent"``) an argument rests on, as ``data/arguments.csv`` records it.
- :func:`stakeholder_of`: which stakeholder bears a cost or gains a benefit
  (a stakeholder id, or several).
- :func:`evidence_for`: which of the listed facts support (or undermine) a claim,
  as ``data/evidence.csv`` links them (a list of fact ids; with ``relation="both"`` a
  dict ``{"supports": [...], "undermines": [...]}``).
- :func:`spot_the_flaw`: the flaw in a claim (one of :data:`FLAWS`).
- :func:`argument_card`: a dict with the student's position, argument, objection,
  principle or lens at stake and a reply citing evidence; the check verifies its
  structure against the data, the rubric judges the reply.
- :func:`steelman`: the strongest argument of the side opposite the student's own
  recorded poll answer (a dict with the argument id and a statement in their words);
  the check cell passes ``student=student``.

No hint is built from the right answer, and :func:`validate` refuses a declaration
whose hint contains it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from artethics.i18n import N_, _, pgettext

from . import HAN, chinese_range, exercise, text_length

__all__ = [
    "FLAWS", "LENS_TESTS", "Option", "argument_card", "choice", "declared", "evidence_for",
    "figure_reading", "lens_of", "principle_of", "show", "spec", "spot_the_flaw",
    "stakeholder_of", "steelman", "validate",
]

# What each lens asks of an argument, as a test the student can apply to the chosen lens.
# A hint never names another lens, so it cannot point at the right one.
LENS_TESTS = {
    "consequences": N_("An outcome argument counts gains and losses: who ends up better or "
                       "worse off, and by how much. Would this claim still stand if nobody's "
                       "situation changed at all? If so, its reason lies elsewhere."),
    "rights": N_("An argument from what is owed says someone may claim or refuse something "
                 "whatever the outcome (to be asked, to say no). Does this claim name such a "
                 "claim or permission, or does it count something else?"),
    "fairness": N_("An argument from desert compares who did the work with who gets the "
                   "name and the money. Does this claim weigh shares of work, credit or pay?"),
    "character": N_("An argument from craft asks what a good artist, maker or institution "
                    "would value and do. Does this claim judge the practice itself, its "
                    "honesty or its skill?"),
    "community": N_("An argument from relationships asks what keeps a group together: "
                    "trust, shared norms, traditions of learning. Does this claim turn on a "
                    "relationship between people or on the norms of a group?"),
}

# Plain-words test of each principle in data/arguments.csv (see data/README.md).
PRINCIPLE_TESTS = {
    "consent": N_("Permission is about being asked before one's work or identity is used. Is "
                  "asking (or not asking) what this claim turns on?"),
    "credit": N_("Attribution is about being named. Is naming what this claim turns on?"),
    "compensation": N_("Payment and remedy are about money or making good a harm. Does this "
                       "claim turn on who is paid or what repairs a loss?"),
    "authorship": N_("This principle is about who made the work. Is that the question this claim "
                     "answers?"),
    "originality": N_("This principle contrasts new expression with imitation. Does this claim "
                      "judge how new the work is?"),
    "transparency": N_("Disclosure is about telling people how a work was made or on what "
                       "data. Is telling (or hiding) what this claim turns on?"),
    "access_and_creativity": N_("Access is about who can make and enjoy art. Does this claim "
                                "turn on who gets to take part?"),
    "market_and_livelihoods": N_("Markets and livelihoods are about prices, jobs and "
                                 "competition. Does this claim turn on money earned or lost "
                                 "in a market?"),
    "accountability": N_("This principle is about who answers for harm, and about rules and "
                         "their enforcement. Does this claim turn on answering for something?"),
    "cultural_heritage": N_("Heritage is about legacy and tradition. Does this claim turn on "
                            "what is handed down from the past?"),
}

# The flaws "spot the flaw" asks about; each hint is the test of the flaw chosen.
FLAWS = {
    "hasty_generalisation": N_("A hasty generalisation draws a rule about many from a few "
                               "cases. Count the cases the claim rests on: do a few stand for "
                               "all of them?"),
    "missing_qualifier": N_("A figure without its qualifier drops a word the source attached "
                            "to it ('about', 'more than', 'alleged', 'the company's own "
                            "claim'). Compare the claim's figure with how the data table "
                            "gives it."),
    "law_for_ethics": N_("Law confused with ethics treats 'it is legal' (or 'illegal') as if "
                         "it settled 'it is right' (or 'wrong'). Does the claim move from a "
                         "rule to a verdict on what is right?"),
    "is_ought": N_("An is/ought slide moves from how things are done to how they should be "
                   "done, with no reason in between. Does the claim say 'this is common, so "
                   "it is fine'?"),
}
FLAW_NAMES = {
    "hasty_generalisation": N_("a hasty generalisation"),
    "missing_qualifier": N_("a figure quoted without its qualifier"),
    "law_for_ethics": N_("law confused with ethics"),
    "is_ought": N_("an is/ought slide"),
}

# Ids may touch Chinese characters ("見S25"), so their edges are ASCII word edges.
_SOURCE_ID = re.compile(r"(?<![A-Za-z0-9_])S\d{2,}(?![A-Za-z0-9_])")
_ID_TOKEN = re.compile(r"(?<![A-Za-z0-9_])[a-z0-9]+(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")
# A word, or one Chinese character (Chinese counts its words in characters, 字).
_WORD = re.compile(f"[{HAN}]|[^\\W{HAN}]+", re.UNICODE)


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question; a wrong one needs a ``hint`` that
    explains what is wrong with *it*, without pointing at the right option."""

    text: str
    hint: str = ""


@dataclass
class Spec:
    """One declared reasoning exercise (kept for :func:`show` and :func:`validate`)."""

    id: str
    kind: str
    show: Callable[[], str]
    problems: Callable[[], list[str]]
    wrong_answers: Callable[[], list[Any]] = field(default=lambda: [])
    right_answer: Callable[[], Any] = field(default=lambda: None)
    needs_student: bool = False


_SPECS: dict[str, Spec] = {}


def _register(spec: Spec, summary: str, fn: Callable) -> None:
    exercise(spec.id, summary, needs_student=spec.needs_student)(fn)
    _SPECS[spec.id] = spec


def declared() -> list[str]:
    """The ids of every declared reasoning exercise (after the lesson modules are loaded)."""
    from . import registry

    registry()
    return sorted(_SPECS)


def spec(exercise_id: str) -> Spec:
    declared()
    if exercise_id not in _SPECS:
        raise KeyError(f"no reasoning exercise {exercise_id!r}; declared: "
                       f"{', '.join(sorted(_SPECS)) or 'none'}")
    return _SPECS[exercise_id]


def show(exercise_id: str) -> None:
    """Print the exercise's question, what it rests on (from the data) and its options."""
    print(spec(exercise_id).show())


def validate(exercise_id: str | None = None) -> list[str]:
    """Problems with one declaration (or all), checked against the data; [] when sound."""
    ids = [exercise_id] if exercise_id else declared()
    out = []
    for one in ids:
        out += [f"{one}: {p}" for p in spec(one).problems()]
    return out


# --- small helpers ---------------------------------------------------------------------

def _data(name: str):
    from artethics import data

    return data.load(name)


def _argument(argument_id: str):
    args = _data("arguments").set_index("argument_id")
    if argument_id not in args.index:
        raise KeyError(f"argument {argument_id!r} is not in data/arguments.csv")
    return args.loc[argument_id]


def _label(text: object) -> str:
    return str(text).strip().lower()


def _letters(answer: Any) -> list[str] | None:
    if isinstance(answer, str):
        parts = [p for p in re.split(r"[\s,;]+", answer.strip()) if p]
        return [_label(p) for p in parts]
    if isinstance(answer, Iterable) and not isinstance(answer, Mapping | bytes):
        items = list(answer)
        if all(isinstance(i, str) for i in items):
            return [_label(i) for i in items]
    return None


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, str):
        return [answer.strip()]
    if hasattr(answer, "columns") or isinstance(answer, Mapping | bytes):
        return None
    if isinstance(answer, Iterable):
        items = list(answer)
        if all(isinstance(i, str) for i in items):
            return [i.strip() for i in items]
    return None


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _copies(text: str, claim: str) -> bool:
    """True when ``text`` repeats ``claim`` (or most of it, word for word in order)."""
    mine, theirs = " ".join(_words(text)), " ".join(_words(claim))
    if not theirs:
        return False
    if theirs in mine:
        return True
    claim_words = _words(claim)
    run = 12  # twelve words in a row taken from the claim count as copying
    grams = {" ".join(claim_words[i:i + run]) for i in range(len(claim_words) - run + 1)}
    return any(g in mine for g in grams)


def _hint_problems(hints: Iterable[str], secrets: Iterable[str]) -> list[str]:
    out = []
    for hint in hints:
        if not hint:
            continue
        for secret in secrets:
            if secret and secret.lower() in hint.lower():
                out.append(f"a hint gives the answer away (it contains {secret!r})")
    return out


# --- multiple choice and "what a figure shows" ----------------------------------------

# Units written as the bare value, as artethics.tables.format_value writes them: a year is
# '1669' (never '1,669 year') and a date is the date alone.
_BARE_UNITS = ("year", "date")


def _value_words(row) -> str:
    """A fact's value as the data gives it: qualifier, number with separators, unit.

    A year is written as a year, without separators or the unit: '1669'."""
    value, unit = row["value"], row["unit"]
    if row["value_num"] == row["value_num"]:  # numeric: write it with separators
        num = row["value_num"]
        if unit == "year" and float(num).is_integer():
            value = f"{num:.0f}"
        else:
            value = f"{num:,.0f}" if float(num).is_integer() else f"{num:,}"
    if unit in _BARE_UNITS:
        unit = ""
    return " ".join(w for w in (row["qualifier"], value, unit) if w)


_STATUS_WORDS = {
    "corrected": N_("corrected: a source document gives another value"),
    "disputed": N_("disputed: the sources disagree"),
    "unverified": N_("unverified: no source confirms it"),
}


def _figure_line(fact_id: str) -> str:
    facts = _data("facts").set_index("fact_id")
    row = facts.loc[fact_id]
    words = _value_words(row)
    status = row["status"]
    line = _("Figure: {claim}: {value} (sources {sources}; {status}; {confidence} "
             "confidence)").format(
        claim=row["claim"], value=words, sources=row["source_ids"].replace(";", ", "),
        status=_(_STATUS_WORDS[status]) if status in _STATUS_WORDS else _status_name(status),
        confidence=_confidence(row["confidence"]))
    if row["note"]:
        line += "\n" + _("Note in the data: {note}").format(note=row["note"])
    return line


def _confidence(level: object) -> str:
    """A confidence level of facts.csv (high, medium, low) in the current language."""
    words = {"high": pgettext("confidence", "high"),
             "medium": pgettext("confidence", "medium"),
             "low": pgettext("confidence", "low")}
    return words.get(str(level), str(level))


def choice(exercise_id: str, *, question: str, options: Mapping[str, Option],
           answer: str | Iterable[str], why: str, figure: str | None = None) -> None:
    """Declare a multiple-choice exercise.

    ``options`` maps a letter to an :class:`Option`; ``answer`` is the right letter, or
    several letters when more than one statement is right (the student then lists all
    of them). ``why`` is the message shown for a right answer. ``figure`` names a fact
    in ``data/facts.csv`` that the question is about; :func:`show` prints it with its
    qualifier, sources, status and note.
    """
    opts = {_label(k): v for k, v in options.items()}
    right = {_label(a) for a in ([answer] if isinstance(answer, str) else answer)}
    several = len(right) > 1
    letters = ", ".join(sorted(opts))

    def check(given):
        picked = _letters(given)
        if picked is None or not picked:
            return (False, _("a {type} is not a letter.").format(type=type(given).__name__),
                    (_("Give the letter of an option ({letters}) as text, e.g. 'a', or a list "
                       "of letters.") if several else
                     _("Give the letter of an option ({letters}) as text, e.g. 'a'.")
                     ).format(letters=letters))
        unknown = sorted(set(picked) - set(opts))
        if unknown:
            return (False, _("{given!r} is not one of the options ({letters}).").format(
                        given=unknown[0], letters=letters),
                    _("Use the letters printed before the options."))
        if not several and len(set(picked)) > 1:
            return (False, _("only one option is right here, and you gave several."),
                    _("Choose the one option you can defend best."))
        wrong = sorted(set(picked) - right)
        if wrong:
            return (False, _("option {letter} does not hold.").format(letter=wrong[0]),
                    _(opts[wrong[0]].hint))
        if set(picked) != right:
            return (False, _("right as far as it goes, but at least one more option holds."),
                    _("Read each option you left out against the figure and its note."))
        return True, _("right: {why}").format(why=_(why)), ""

    def text():
        lines = [_(question)]
        if figure:
            lines.append(_figure_line(figure))
        lines += [f"  ({k}) {_(opts[k].text)}" for k in sorted(opts)]
        lines.append(_("Answer with the letter or letters (a list).") if several
                     else _("Answer with the letter of the best option."))
        return "\n".join(lines)

    def problems():
        out = []
        if not right <= set(opts):
            out.append(f"answer {sorted(right)} is not among the options {letters}")
        if len(opts) < 3:
            out.append("give at least three options")
        for key, opt in opts.items():
            if key not in right and not opt.hint:
                out.append(f"wrong option {key!r} has no hint")
        secrets = [opts[k].text for k in right if k in opts]
        secrets += [f"({k})" for k in right] + [f"option {k}" for k in right]
        out += _hint_problems([o.hint for k, o in opts.items() if k not in right], secrets)
        if figure and figure not in set(_data("facts").fact_id):
            out.append(f"figure {figure!r} is not in data/facts.csv")
        return out

    def wrongs():
        return sorted(set(opts) - right) + ["z", 7]

    summary = (N_("the letters of every option that holds, as a list such as ['a', 'c'].")
               if several else N_("the letter of the best option, such as 'a'."))
    _register(Spec(exercise_id, "figure" if figure else "choice", text, problems, wrongs,
                   lambda: sorted(right) if several else next(iter(right))),
              summary, check)


def figure_reading(exercise_id: str, fact_id: str, *, options: Mapping[str, Option],
                   answer: str | Iterable[str], why: str,
                   question: str = N_("What does this figure show, and what does it not?")
                   ) -> None:
    """Declare "what a figure shows and what it does not": :func:`choice` about one
    fact of ``data/facts.csv``, printed with its qualifier, status and note."""
    choice(exercise_id, question=question, options=options, answer=answer, why=why,
           figure=fact_id)


# --- which lens, which principle ------------------------------------------------------

# The messages of "which lens" and "which principle", each written whole (a translator
# cannot reorder a sentence cut around the word "lens").
_COLUMN_TEXTS = {
    "lens": {
        "not_one": N_("a {type} is not a lens."),
        "unknown": N_("{given!r} is not a lens of this course."),
        "wrong": N_("that lens is not the one this argument rests on."),
        "ask": N_("Which lens does it rest on? One of: {names}."),
        "summary": N_("one lens as text, one of: {names}."),
    },
    "principle": {
        "not_one": N_("a {type} is not a principle."),
        "unknown": N_("{given!r} is not a principle of this course."),
        "wrong": N_("that principle is not the one this argument rests on."),
        "ask": N_("Which principle does it rest on? One of: {names}."),
        "summary": N_("one principle as text, one of: {names}."),
    },
}


def _stance(stance: object) -> str:
    """'for' or 'against' (a side on a case's question) in the current language."""
    words = {"for": pgettext("side", "for"), "against": pgettext("side", "against")}
    return words.get(str(stance), str(stance))


def _column_exercise(exercise_id: str, argument_id: str, column: str, tests: dict[str, str],
                     what: str, extra_hints: Mapping[str, str] | None) -> None:
    extra = dict(extra_hints or {})
    names = ", ".join(tests)
    says = _COLUMN_TEXTS[column]

    def right():
        return str(_argument(argument_id)[column])

    def check(given):
        if not isinstance(given, str):
            return (False, _(says["not_one"]).format(type=type(given).__name__),
                    _("Choose one of: {names} (as text, in quotation marks).").format(
                        names=names))
        chosen = _label(given).replace(" ", "_").replace("-", "_")
        if chosen not in tests:
            return (False, _(says["unknown"]).format(given=given),
                    _("Choose one of: {names}.").format(names=names))
        if chosen == right():
            return True, _("right: the claim's reason is about {meaning}.").format(
                meaning=_what_it_means(column, chosen)), ""
        return False, _(says["wrong"]), _(extra.get(chosen, tests[chosen]))

    def text():
        arg = _argument(argument_id)
        return (_("Argument {argument} ({stance} on: {question})").format(
                    argument=argument_id, stance=_stance(arg["stance"]),
                    question=arg["question"])
                + "\n  " + _quoted(arg["claim"]) + "\n" + _(says["ask"]).format(names=names))

    def problems():
        try:
            answer = right()
        except KeyError as exc:
            return [str(exc.args[0])]
        hints = [extra.get(k, tests[k]) for k in tests if k != answer]
        out = _hint_problems(hints, [answer, answer.replace("_", " ")])
        out += [f"extra hint for unknown {what} {k!r}" for k in extra if k not in tests]
        if answer in extra:
            out.append(f"an extra hint is given for the right {what}")
        return out

    def wrongs():
        return [k for k in tests if k != right()] + ["virtue", 3]

    _register(Spec(exercise_id, column, text, problems, wrongs, right),
              lambda: _(says["summary"]).format(names=names), check)


def _quoted(claim: object) -> str:
    """A claim in the quotation marks of the current language ("…", 「…」, “…”)."""
    return _('"{claim}"').format(claim=claim)


def _what_it_means(column: str, key: str) -> str:
    if column == "lens":
        from artethics.data import LENSES

        return _(LENSES[key])
    return key.replace("_", " ")


def lens_of(exercise_id: str, argument_id: str, *,
            extra_hints: Mapping[str, str] | None = None) -> None:
    """Declare "which lens does this argument rest on?"; the answer is the argument's
    ``lens`` in ``data/arguments.csv``. ``extra_hints`` may replace the hint for a
    wrong lens with one about this argument (it must not name the right lens)."""
    _column_exercise(exercise_id, argument_id, "lens", LENS_TESTS, "lens", extra_hints)


def principle_of(exercise_id: str, argument_id: str, *,
                 extra_hints: Mapping[str, str] | None = None) -> None:
    """Declare "which principle is at stake in this argument?"; the answer is the
    argument's ``principle`` in ``data/arguments.csv``."""
    _column_exercise(exercise_id, argument_id, "principle", PRINCIPLE_TESTS, "principle",
                     extra_hints)


# --- which stakeholder ----------------------------------------------------------------

def stakeholder_of(exercise_id: str, case: str, *, prompt: str, answer: str | Iterable[str],
                   why: str, hints: Mapping[str, str] | None = None,
                   argument: str | None = None) -> None:
    """Declare "which stakeholder bears this cost / gains this benefit?".

    The student answers with a stakeholder id of ``case`` (from ``data/stakeholders.csv``)
    or a list of them when ``answer`` lists several. ``hints`` gives the hint for a
    wrong stakeholder; one without its own hint is sent back to what
    ``data/stakeholders.csv`` says that stakeholder wants. ``argument`` names an
    argument of the case the prompt is about (printed by :func:`show`).
    """
    right = {answer} if isinstance(answer, str) else set(answer)
    own = dict(hints or {})

    def holders():
        table = _data("stakeholders")
        return table[table.case_id == case].set_index("stakeholder_id")

    def hint_for(sid):
        if sid in own:
            return _(own[sid])
        row = holders().loc[sid]
        return _("What {name} wants, by data/stakeholders.csv: {interests} Does the outcome "
                 "in the question touch that?").format(name=row["name"],
                                                      interests=row["interests"])

    def check(given):
        picked = _ids(given)
        if not picked:
            return (False, _("a {type} is not a stakeholder id.").format(
                        type=type(given).__name__),
                    _("Give the id printed before the stakeholder's name, as text."))
        known = holders()
        unknown = [p for p in picked if p not in known.index]
        if unknown:
            return (False, _("{given!r} is not a stakeholder of this case.").format(
                        given=unknown[0]),
                    _("Use one of the ids printed with the question."))
        wrong = sorted(set(picked) - right)
        if wrong:
            return False, _("that is not who the question is about."), hint_for(wrong[0])
        if set(picked) != right:
            return (False, _("right as far as it goes, but someone else is also affected."),
                    _("Go through the list again: the question may touch more than one."))
        return True, _("right: {why}").format(why=_(why)), ""

    def text():
        lines = [_(prompt)]
        if argument:
            arg = _argument(argument)
            lines.append(f"  {argument}: {_quoted(arg['claim'])}")
        for sid, row in holders().iterrows():
            lines.append(f"  {sid}: {row['name']}")
        lines.append(_("Answer with the stakeholder ids (a list).") if len(right) > 1
                     else _("Answer with the stakeholder id."))
        return "\n".join(lines)

    def problems():
        known = holders()
        out = [f"answer {a!r} is not a stakeholder of {case}" for a in sorted(right)
               if a not in known.index]
        out += [f"hint for {k!r}, which is not a stakeholder of {case}" for k in own
                if k not in known.index]
        out += [f"a hint is given for the right answer {k!r}" for k in own if k in right]
        if argument:
            try:
                if _argument(argument)["case_id"] != case:
                    out.append(f"argument {argument!r} is not from case {case}")
            except KeyError as exc:
                out.append(str(exc.args[0]))
        if out:
            return out
        secrets = list(right) + [str(known.at[a, "name"]) for a in right]
        return _hint_problems([hint_for(s) for s in known.index if s not in right], secrets)

    def wrongs():
        return [s for s in holders().index if s not in right] + ["nobody_here", 5]

    _register(Spec(exercise_id, "stakeholder", text, problems, wrongs,
                   lambda: sorted(right) if len(right) > 1 else next(iter(right))),
              N_("a stakeholder id as text (the ids are printed with the question)."), check)


# --- evidence for and against ---------------------------------------------------------

_RELATIONS_ASKED = ("supports", "undermines", "both")
_PICK_HINTS = {
    "other_way": N_("At least one of your picks cuts the other way: read it as someone on "
                    "the claim's other side would."),
    "context": N_("At least one of your picks is background: it helps to understand the "
                  "case, but it makes the claim neither more nor less likely."),
    "unrelated": N_("At least one of your picks is about something the claim does not say: "
                    "compare its subject with the claim's."),
    "missing": N_("You found part of it: at least one more of the listed facts bears on the "
                  "claim in this way."),
}


def evidence_for(exercise_id: str, argument_id: str, relation: str = "supports", *,
                 distractors: Iterable[str] = ()) -> None:
    """Declare "which of these facts support (or undermine) the claim?".

    The listed facts are every fact ``data/evidence.csv`` links to the argument, plus
    ``distractors`` (fact ids not linked to it). The right answer is the set linked with
    ``relation``; with ``relation="both"`` the student gives
    ``{"supports": [...], "undermines": [...]}``.
    """
    if relation not in _RELATIONS_ASKED:
        raise ValueError(f"relation must be one of {', '.join(_RELATIONS_ASKED)}")
    extra = list(distractors)
    asked = ("supports", "undermines") if relation == "both" else (relation,)

    def links() -> dict[str, str]:
        ev = _data("evidence")
        rows = ev[ev.argument_id == argument_id]
        return dict(zip(rows.fact_id, rows.relation, strict=True))

    def listed() -> list[str]:
        return sorted(set(links()) | set(extra))

    def expected() -> dict[str, set[str]]:
        got = links()
        return {rel: {f for f, r in got.items() if r == rel} for rel in asked}

    def judge(rel: str, picked: list[str]):
        got = links()
        right = expected()[rel]
        for fact in sorted(set(picked) - right):
            kind = got.get(fact)
            key = "unrelated" if kind is None else "context" if kind == "context" else "other_way"
            return False, _(_NOT_EVERY[rel]), _(_PICK_HINTS[key])
        if set(picked) != right:
            return False, _(_PART_OF[rel]), _(_PICK_HINTS["missing"])
        return None

    def check(given):
        if relation == "both":
            if not isinstance(given, Mapping):
                return (False, _("a {type} is not a dict.").format(type=type(given).__name__),
                        _("Give {supports_undermines} with fact ids.").format(
                            supports_undermines="{'supports': [...], 'undermines': [...]}"))
            bad = sorted(set(map(str, given)) - set(asked))
            if bad:
                return (False, _("{given!r} is not a key of this answer.").format(given=bad[0]),
                        _("Use exactly the keys 'supports' and 'undermines'."))
            parts = {rel: _ids(given.get(rel, [])) for rel in asked}
        else:
            parts = {relation: _ids(given)}
        shown = set(listed())
        for picked in parts.values():
            if picked is None:
                return (False, _("the answer is not a list of fact ids."),
                        _("Give the fact ids as text in a list, e.g. ['belamy_price']."))
            unknown = [p for p in picked if p not in shown]
            if unknown:
                return (False, _("{given!r} is not one of the facts listed for this "
                                 "exercise.").format(given=unknown[0]),
                        _("Use the fact ids printed with the question."))
        if relation == "both" and set(parts["supports"]) & set(parts["undermines"]):
            return (False, _("a fact cannot both support and undermine the same claim here."),
                    _("Decide which way each fact cuts; leave out the background."))
        for rel in asked:
            verdict = judge(rel, parts[rel])
            if verdict:
                return verdict
        return True, _(_FOUND[relation]), ""

    def text():
        arg = _argument(argument_id)
        facts = _data("facts").set_index("fact_id")
        ask = {"supports": N_("Which of these facts support the claim?"),
               "undermines": N_("Which of these facts undermine the claim?"),
               "both": N_("Which of these facts support the claim, and which undermine it?")
               }[relation]
        lines = [_("Claim ({argument}, {stance}): \"{claim}\"").format(
                     argument=argument_id, stance=_stance(arg["stance"]), claim=arg["claim"]),
                 _(ask)]
        for fid in listed():
            row = facts.loc[fid]
            status = _status_name(row["status"])
            lines.append(f"  {fid}: {row['claim']}: {_value_words(row)} ({status})")
        lines.append(_("Answer with a list of fact ids: {supports_undermines}.").format(
                         supports_undermines="{'supports': [...], 'undermines': [...]}")
                     if relation == "both" else _("Answer with a list of fact ids."))
        return "\n".join(lines)

    def problems():
        try:
            _argument(argument_id)
        except KeyError as exc:
            return [str(exc.args[0])]
        facts = set(_data("facts").fact_id)
        out = [f"distractor {d!r} is not in data/facts.csv" for d in extra if d not in facts]
        out += [f"distractor {d!r} is linked to the argument in data/evidence.csv"
                for d in extra if d in links()]
        exp = expected()
        if not any(exp.values()):
            out.append(f"data/evidence.csv links no fact to {argument_id} as {relation}")
        if len(set(listed()) - set().union(*exp.values())) < 1:
            out.append("every listed fact is right: add a distractor or ask another relation")
        out += _hint_problems(_PICK_HINTS.values(), sorted(set().union(*exp.values())))
        return out

    def wrongs():
        right = expected()
        others = sorted(set(listed()) - set().union(*right.values()))
        if relation == "both":
            return [{"supports": sorted(right["undermines"]),
                     "undermines": sorted(right["supports"])},
                    {"supports": [], "undermines": []}, {"for": []}, ["x"]]
        outs = [[o] for o in others] + [sorted(right[relation])[:-1], ["not_a_fact"], 3]
        return [o for o in outs if o != []] + ([sorted(right[relation] | set(others))]
                                                if others else [])

    def right_answer():
        exp = expected()
        return {k: sorted(v) for k, v in exp.items()} if relation == "both" else \
            sorted(exp[relation])

    summary = ((lambda: _("a dict {supports_undermines} of fact ids.").format(
                    supports_undermines="{'supports': [...], 'undermines': [...]}"))
               if relation == "both" else N_("a list of fact ids, e.g. ['belamy_price']."))
    _register(Spec(exercise_id, "evidence", text, problems, wrongs, right_answer),
              summary, check)


# Whole sentences per relation, so that a translation can order them freely.
_NOT_EVERY = {"supports": N_("not every fact you picked supports the claim."),
              "undermines": N_("not every fact you picked undermines the claim.")}
_PART_OF = {"supports": N_("right as far as it goes, but not every fact that supports the "
                           "claim is there."),
            "undermines": N_("right as far as it goes, but not every fact that undermines "
                             "the claim is there.")}
_FOUND = {"supports": N_("right: you found the facts that support the claim, as "
                         "data/evidence.csv links them."),
          "undermines": N_("right: you found the facts that undermine the claim, as "
                           "data/evidence.csv links them."),
          "both": N_("right: you found the facts that support and those that undermine the "
                     "claim, as data/evidence.csv links them.")}
def _status_name(status: str) -> str:
    """A fact's status in facts.csv, as one word in the current language."""
    words = {"confirmed": pgettext("fact status", "confirmed"),
             "corrected": pgettext("fact status", "corrected"),
             "disputed": pgettext("fact status", "disputed"),
             "unverified": pgettext("fact status", "unverified")}
    return words.get(status, status)


# --- spot the flaw --------------------------------------------------------------------

def spot_the_flaw(exercise_id: str, *, claim: str, said_by: str, answer: str, why: str,
                  fact: str | None = None, rule: str | None = None,
                  extra_hints: Mapping[str, str] | None = None) -> None:
    """Declare "what is wrong with this claim?"; the answer is one of :data:`FLAWS`.

    ``said_by`` names who makes the claim (a source id such as ``"S04"`` is printed with
    its reference). The flaw must be grounded in the data: ``missing_qualifier`` needs a
    ``fact`` whose row carries a qualifier, a hedged status or a note;
    ``law_for_ethics`` needs a ``rule`` of ``data/rules.csv``; ``fact`` (or ``rule``)
    is printed with the claim for the others too.
    """
    if answer not in FLAWS:
        raise ValueError(f"answer must be one of {', '.join(FLAWS)}")
    extra = dict(extra_hints or {})
    names = ", ".join(FLAWS)

    def check(given):
        if not isinstance(given, str):
            return (False, _("a {type} is not the name of a flaw.").format(
                        type=type(given).__name__),
                    _("Choose one of: {names} (as text, in quotation marks).").format(
                        names=names))
        chosen = _label(given).replace(" ", "_").replace("-", "_").replace("/", "_")
        chosen = chosen.replace("generalization", "generalisation")
        if chosen not in FLAWS:
            return (False, _("{given!r} is not one of the flaws this exercise asks "
                             "about.").format(given=given),
                    _("Choose one of: {names}.").format(names=names))
        if chosen == answer:
            said = _(why)
            return True, _("right: {flaw}. {why}").format(
                flaw=_(FLAW_NAMES[answer]), why=f"{said[:1].upper()}{said[1:]}"), ""
        return (False, _("that flaw is not the one in this claim."),
                _(extra.get(chosen, FLAWS[chosen])))

    def text():
        lines = [_("{who} says: \"{claim}\"").format(who=_(said_by), claim=_(claim))]
        if fact:
            lines.append(_figure_line(fact))
        if rule:
            rules = _data("rules").set_index("rule_id")
            row = rules.loc[rule]
            lines.append(_("Rule: {instrument}: {requires}").format(
                instrument=f"{row['instrument']} {row['article']}".rstrip(),
                requires=row["requires"]))
        lines.append(_("What is wrong with the claim? One of: {names}.").format(names=names))
        return "\n".join(lines)

    def problems():
        out = []
        if fact:
            facts = _data("facts").set_index("fact_id")
            if fact not in facts.index:
                return [f"fact {fact!r} is not in data/facts.csv"]
            row = facts.loc[fact]
            hedged = (row["qualifier"] or row["status"] != "confirmed" or row["note"]
                      or "lower bound" in row["claim"] or "approximate" in row["claim"])
            if answer == "missing_qualifier" and not hedged:
                out.append(f"fact {fact!r} carries no qualifier, hedge or note to drop")
        elif answer == "missing_qualifier":
            out.append("a missing_qualifier flaw needs the fact whose qualifier is dropped")
        if rule and rule not in set(_data("rules").rule_id):
            out.append(f"rule {rule!r} is not in data/rules.csv")
        if answer == "law_for_ethics" and not rule:
            out.append("a law_for_ethics flaw needs the rule the claim leans on")
        hints = [extra.get(k, FLAWS[k]) for k in FLAWS if k != answer]
        out += _hint_problems(hints, [answer, answer.replace("_", " "), FLAW_NAMES[answer]])
        if answer in extra:
            out.append("an extra hint is given for the right flaw")
        return out

    def wrongs():
        return [k for k in FLAWS if k != answer] + ["strawman", 1]

    _register(Spec(exercise_id, "flaw", text, problems, wrongs, lambda: answer),
              lambda: _("the flaw as text, one of: {names}.").format(names=names), check)


# --- argument card --------------------------------------------------------------------

CARD_KEYS = ("position", "argument", "objection", "principle", "reply")
# The poll's five-point scale (artethics.widgets.poll.SCALE), as positions.
POSITION = {"strongly_against": -2, "against": -1, "undecided": 0, "for": 1, "strongly_for": 2}
_SIDE = {"for": "for", "strongly_for": "for", "against": "against",
         "strongly_against": "against"}


def _case_argument(case: str, argument_id: Any, role: str):
    """(row, None) for an argument of ``case``, else (None, verdict)."""
    if not isinstance(argument_id, str):
        must = {"argument": N_("the argument must be an argument id as text."),
                "objection": N_("the objection must be an argument id as text.")}
        return None, (False, _(must[role]) if role in must else
                      f"the {role} must be an argument id as text.",
                      _("Copy an id from the argument table, e.g. 'trik_against_6'."))
    args = _data("arguments").set_index("argument_id")
    if argument_id not in args.index:
        return None, (False, _("{given!r} is not in data/arguments.csv.").format(
                          given=argument_id),
                      _("Copy the id exactly from the argument table of this lesson."))
    row = args.loc[argument_id]
    if row["case_id"] != case:
        return None, (False, _("{given!r} is an argument about another case.").format(
                          given=argument_id),
                      _("Choose from this lesson's own arguments."))
    return row, None


def _cites(text: str) -> tuple[list[str], list[str]]:
    """(evidence cited that exists, ids cited that do not) in a reply."""
    facts = set(_data("facts").fact_id)
    sources = set(_data("sources").source_id)
    other_ids = (set(_data("arguments").argument_id) | set(_data("stakeholders").stakeholder_id)
                 | set(_data("events").event_id))
    cases = set(_data("cases").case_id)
    good, bad = [], []
    for sid in _SOURCE_ID.findall(text):
        (good if sid in sources else bad).append(sid)
    for token in _ID_TOKEN.findall(text):
        if token in facts:
            good.append(token)
        elif token not in other_ids and token.split("_")[0] in cases:
            bad.append(token)  # looks like a fact id of a case, but there is no such fact
    return good, bad


def argument_card(exercise_id: str, case: str, *, reply_words: tuple[int, int] = (25, 120)
                  ) -> None:
    """Declare an argument card for ``case``. The student's answer is a dict::

        {"position": "against",            # for or against the case's question
         "argument": "trik_against_6",     # the strongest argument for the position
         "objection": "trik_for_1",        # the strongest objection from the other side
         "principle": "consent",           # the principle (or lens) at stake
         "reply": "... cites trik_lawsuits or S25 ..."}

    The check verifies the structure against the data: the ids exist and belong to the
    case, the argument is on the student's side and the objection on the other, the
    principle (or lens) is that of the argument or of the objection, and the reply has
    ``reply_words`` words, is not a copy of either claim and cites at least one fact id of
    ``data/facts.csv`` or source id of the register (and nothing that does not exist).
    The rubric judges how good the reply is.
    """
    low, high = reply_words

    def check(given):
        keys = ", ".join(CARD_KEYS)
        if not isinstance(given, Mapping):
            return (False, _("a {type} is not an argument card.").format(
                        type=type(given).__name__),
                    _("Fill in the dict with the keys {keys}.").format(keys=keys))
        missing = [k for k in CARD_KEYS if k not in given or given[k] in (None, "")]
        if missing:
            return (False, _("the card has no {key!r} yet.").format(key=missing[0]),
                    _("Fill in every key: {keys}.").format(keys=keys))
        side = _SIDE.get(_label(given["position"]) if isinstance(given["position"], str)
                         else "")
        if side is None:
            return (False, _("{given!r} is not a position.").format(given=given["position"]),
                    _("Write 'for' or 'against' the case's question."))
        arg, bad = _case_argument(case, given["argument"], "argument")
        if bad:
            return bad
        if arg["stance"] != side:
            return (False, _("your argument argues the other side from your position."),
                    _("Choose the strongest argument on your own side."))
        obj, bad = _case_argument(case, given["objection"], "objection")
        if bad:
            return bad
        if obj["stance"] == side:
            return (False, _("your objection comes from your own side."),
                    _("An objection comes from the side you disagree with: choose its "
                      "strongest argument."))
        principle = given["principle"]
        if not isinstance(principle, str):
            return (False, _("the principle must be text."), _("Write one principle or lens."))
        principle = _label(principle).replace(" ", "_")
        from artethics.data import LENSES, PRINCIPLES

        if principle not in PRINCIPLES and principle not in LENSES:
            return (False, _("{given!r} is neither a principle nor a lens of this "
                             "course.").format(given=given["principle"]),
                    _("Use a principle name (such as 'credit') or a lens (such as "
                      "'fairness')."))
        at_stake = {arg["principle"], arg["lens"], obj["principle"], obj["lens"]}
        if principle not in at_stake:
            return (False, _("that principle is not what either of your two arguments "
                             "rests on."),
                    _("Name what your argument and the objection are really about: what is "
                      "each of them protecting?"))
        reply = given["reply"]
        if not isinstance(reply, str):
            return False, _("the reply must be text."), _("Write your reply as a string.")
        count, in_chars = text_length(reply, _WORD.findall)
        least, most = chinese_range(low, high) if in_chars else (low, high)
        if count < least or count > most:
            says = (_("the reply has {count} Chinese characters; it needs {low} to {high}.")
                    if in_chars else
                    _("the reply has {count} words; it needs {low} to {high}."))
            return (False, says.format(count=count, low=least, high=most),
                    _("Answer the objection in a few sentences of your own."))
        if _copies(reply, obj["claim"]) or _copies(reply, arg["claim"]):
            return (False, _("the reply repeats a claim word for word."),
                    _("Reply in your own words: say why the objection does not defeat your "
                      "argument."))
        good, wrong_ids = _cites(reply)
        if wrong_ids:
            return (False, _("the reply cites {given!r}, which is not in the kit's "
                             "data.").format(given=wrong_ids[0]),
                    _("Cite a fact id from data/facts.csv or a source id such as 'S25', "
                      "spelled exactly."))
        if not good:
            return (False, _("the reply cites no evidence."),
                    _("Name the fact id (e.g. from data/facts.csv) or source id your reply "
                      "rests on."))
        return (True, _("the card holds together: position, argument, objection and "
                        "principle agree with the data, and the reply cites evidence. Your "
                        "instructor judges the reply itself with the rubric."), "")

    def text():
        cases = _data("cases").set_index("case_id")
        return (_("Argument card on: {question}").format(
                    question=cases.at[case, "central_question"]) + "\n"
                + _("Fill in a dict with: position ('for' or 'against'), argument (the "
                    "strongest argument id for your position), objection (the strongest "
                    "argument id from the other side), principle (the principle or lens at "
                    "stake) and reply ({low} to {high} words in your own words, citing a fact "
                    "id or source id).").format(low=low, high=high))

    def problems():
        out = []
        if case not in set(_data("cases").query("kind in ['main', 'course']").case_id):
            out.append(f"{case!r} is not a main case or the course case")
            return out
        args = _data("arguments")
        if set(args[args.case_id == case].stance) != {"for", "against"}:
            out.append(f"case {case} lacks arguments on both sides")
        if not 0 < low < high:
            out.append("reply_words must be (low, high) with 0 < low < high")
        return out

    def sample() -> dict:
        """A card the data makes valid: the first argument of each side, with evidence."""
        args = _data("arguments")
        rows = args[args.case_id == case]
        mine = rows[rows.stance == "against"].iloc[0]
        other = rows[rows.stance == "for"].iloc[0]
        ev = _data("evidence")
        cited = ev[ev.argument_id.isin([mine.argument_id, other.argument_id])]
        fact = cited.fact_id.iloc[0] if len(cited) else ""
        source = mine.source_ids.split(";")[0]
        reply = (f"The record in {fact or source} and the report {source} show what was at "
                 "stake.")
        filler = iter(["The objection matters, yet it leaves out the people who made the work.",
                       "So my side still carries more weight in this case."]
                      + ["Each side must still answer for what follows."] * (low // 5 + 1))
        while len(_words(reply)) < low:
            reply += " " + next(filler)
        return {"position": "against", "argument": mine.argument_id,
                "objection": other.argument_id, "principle": mine.principle, "reply": reply}

    def wrongs():
        card = sample()
        args = _data("arguments")
        rows = args[args.case_id == case]
        same_side = rows[(rows.stance == "against")].argument_id.iloc[-1]
        other_case = args[args.case_id != case].argument_id.iloc[0]
        unused = sorted(set(_principles_and_lenses()) - {
            *rows.set_index("argument_id").loc[[card["argument"], card["objection"]],
                                               ["principle", "lens"]].to_numpy().ravel()})
        return [
            {**card, "reply": ""}, {k: v for k, v in card.items() if k != "objection"},
            {**card, "position": "maybe"}, {**card, "position": "for"},
            {**card, "argument": "no_such_argument"}, {**card, "argument": other_case},
            {**card, "objection": same_side}, {**card, "principle": unused[0]},
            {**card, "principle": "kindness"}, {**card, "reply": "Too short, S25."},
            {**card, "reply": card["reply"].replace(" and the report ", " and the report S99 ", 1)},
            {**card, "reply": " ".join(w for w in card["reply"].split()
                                       if not _SOURCE_ID.search(w) and "_" not in w)},
            {**card, "reply": rows.set_index("argument_id").at[card["objection"], "claim"]
             + " " + card["reply"]},
            "against",
        ]

    spec_ = Spec(exercise_id, "card", text, problems, wrongs, sample)
    _register(spec_, lambda: _("a dict with the keys {keys}.").format(
        keys=", ".join(CARD_KEYS)), check)


def _principles_and_lenses() -> list[str]:
    from artethics.data import LENSES, PRINCIPLES

    return sorted(PRINCIPLES) + list(LENSES)


# --- steelman -------------------------------------------------------------------------

def steelman(exercise_id: str, case: str, poll: str, *, words: tuple[int, int] = (12, 80)
             ) -> None:
    """Declare a steelman: the student states, in their own words, the strongest argument
    of the side opposite to their own latest answer to the poll ``poll`` (an activity
    such as ``"trik.poll_before"``, read with :func:`artethics.responses.latest`).

    The answer is ``{"argument": "<argument id>", "in_my_words": "...", "my_side": "..."}``
    and the check cell passes the student: ``check("<id>", steelman, student=student)``.
    The recorded poll answer decides the student's side. ``my_side`` (for, against or
    undecided) is optional: it must agree with the recorded answer, and stands in for it
    only when none is recorded (a headless run, or the solution notebook, whose stored ✔
    must not depend on a database). With neither, the check says kindly that it needs the
    poll first. The poll's 'for' must mean 'for' on the case's question; an 'undecided'
    student may steelman either side.
    """
    low, high = words

    def check(given, student):
        if not isinstance(given, Mapping):
            return (False, _("a {type} is not a steelman.").format(type=type(given).__name__),
                    _("Give {steelman}.").format(steelman=_STEELMAN_DICT))
        if not student or not str(student).strip():
            return (False, _("this check needs to know who you are."),
                    _("The check cell passes student=student; set `student` in the "
                      "parameters cell."))
        from artethics import responses

        found = responses.latest(poll, str(student))
        recorded = found.data.get("stance") if found is not None else None
        recorded = recorded if recorded in POSITION else None
        stated = given.get("my_side")
        if stated is not None:
            stated = _label(stated).replace(" ", "_") if isinstance(stated, str) else stated
            if stated not in POSITION:
                return (False, _("{given!r} is not a side.").format(given=given.get("my_side")),
                        _("Write 'for', 'against' or 'undecided' as my_side, or leave it out."))
        if recorded is None and stated is None:
            return (False, _("no poll answer of yours was found yet, so this check cannot "
                             "tell which side is the other side for you. That is fine: "
                             "answer the poll first."),
                    _("Go back to the poll above, choose where you stand and press Record "
                      "(under papermill, set its parameters), then run this check again."))
        side = POSITION[recorded if recorded is not None else stated]
        if recorded is not None and stated is not None and (
                (side > 0) != (POSITION[stated] > 0) or (side < 0) != (POSITION[stated] < 0)):
            return (False, _("my_side does not match the answer you recorded in the poll."),
                    _("Leave my_side out, or record your current view in the poll again."))
        for key in ("argument", "in_my_words"):
            if key not in given or given[key] in (None, ""):
                return (False, _("the steelman has no {key!r} yet.").format(key=key),
                        _("Fill in both 'argument' and 'in_my_words'."))
        arg, bad = _case_argument(case, given["argument"], "argument")
        if bad:
            return bad
        if side != 0 and (arg["stance"] == "for") == (side > 0):
            return (False, _("that argument is on your own side of the question."),
                    _("A steelman states the best case of the side you disagree with."))
        text = given["in_my_words"]
        if not isinstance(text, str):
            return False, _("'in_my_words' must be text."), _("Write it as a string.")
        count, in_chars = text_length(text, _WORD.findall)
        least, most = chinese_range(low, high) if in_chars else (low, high)
        if count < least or count > most:
            says = (_("your statement has {count} Chinese characters; it needs {low} to "
                      "{high}.") if in_chars else
                    _("your statement has {count} words; it needs {low} to {high}."))
            return (False, says.format(count=count, low=least, high=most),
                    _("State the argument fully, as its best defender would, in a few "
                      "sentences."))
        if _copies(text, arg["claim"]):
            return (False, _("your statement repeats the claim word for word."),
                    _("Say it in your own words, as you would to someone on your side."))
        return (True, _("that states an argument from the other side of your own position, "
                        "in your own words. Is it the strongest? Your instructor judges "
                        "that."), "")

    def text():
        cases = _data("cases").set_index("case_id")
        return (_("Steelman: from your answer to the poll ({poll}), take the side you "
                  "disagree with on: {question}").format(
                      poll=poll, question=cases.at[case, "central_question"]) + "\n"
                + _("Pick its strongest argument (by id) and state it in your own words "
                    "({low} to {high} words).").format(low=low, high=high))

    def problems():
        if case not in set(_data("cases").query("kind in ['main', 'course']").case_id):
            return [f"{case!r} is not a main case or the course case"]
        if not re.fullmatch(r"[a-z0-9_]+\.poll_(before|after)", poll):
            return [f"poll {poll!r} is not a poll activity such as '{case}.poll_before'"]
        return []

    _register(Spec(exercise_id, "steelman", text, problems, needs_student=True),
              lambda: _("a dict {steelman}.").format(steelman=_STEELMAN_DICT), check)


_STEELMAN_DICT = "{'argument': '<argument id>', 'in_my_words': '...'}"
