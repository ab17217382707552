"""Lesson 00: the course at a glance, the opening poll, where answers go.

The orientation notebook calls these so that it stays a story, not code.
"""

from __future__ import annotations

import os

from artethics.i18n import N_, _, is_chinese, pgettext
from artethics.kit import MAIN_CASES
from artethics.text import escape_markdown

# The one event that stands for each main case on the course timeline.
KEY_EVENTS = {
    "rembrandt": "rembrandt_unveiled",
    "belamy": "belamy_sale",
    "lofter": "lofter_first_reply",
    "trik": "trik_first_accusation",
    "christies": "christies_sale_closes",
}
# English, marked for translation: shown with _(OPENING_QUESTION) in the lesson's language.
OPENING_QUESTION = N_("Should it be allowed to train an AI image generator on artists' "
                      "published work without asking them first?")
LESSON = "00_orientation"
# Words every case uses, from data/glossary.csv, in the order the cards need them.
KEY_TERMS = ("artificial intelligence (AI)", "generative AI", "training data", "prompt",
             "GAN (generative adversarial network)", "human authorship", "open letter")
# One argument from the cases for each of the five lenses (ids in data/arguments.csv,
# whose lens column must agree), and the argument and objection that show the moves.
LENS_EXAMPLES = {
    "consequences": "trik_for_2",
    "rights": "trik_against_6",
    "fairness": "belamy_against_6",
    "character": "rembrandt_for_2",
    "community": "christies_for_12",
}
MOVES_EXAMPLE = ("lofter_against_6", "lofter_for_2")


def opening_question() -> str:
    """The course's opening question in the lesson's language."""
    return _(OPENING_QUESTION)


def cases_table():
    """The five main cases: year, title (in the reader's language and the other one) and
    central question."""
    from artethics import data

    cases = data.load("cases")
    main = cases[cases["kind"] == "main"].set_index("case_id").loc[list(MAIN_CASES)]
    table = main[["year", "title", "title_zh", "central_question"]]
    if is_chinese():  # there title_zh holds the English original
        table = table.rename(columns={"title_zh": "title_en"})
    return table


def key_events():
    """One dated event per main case, labelled with the case's title and year."""
    from artethics import data

    events = data.load("events").set_index("event_id")
    missing = sorted(set(KEY_EVENTS.values()) - set(events.index))
    if missing:
        raise KeyError(f"data/events.csv lacks the key event(s) {missing}")
    rows = events.loc[list(KEY_EVENTS.values())].reset_index()
    titles = cases_table()["title"]
    rows["label"] = [f"{titles[c]} ({d.year})" for c, d in zip(rows["case_id"], rows["date"],
                                                               strict=True)]
    return rows


def _day(date) -> str:
    """A date as the reader writes it: 5 Apr 2016, or 2016年4月5日."""
    if is_chinese():
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date:%d %b %Y}"


# Lesson 00 runs in the checked kernel too, where artethics.exercises is a stub: the
# words below are its own (the same contexts as the exercises', so one translation each).
def _stance(stance: str) -> str:
    """'for' or 'against' (a side on a case's question) in the current language."""
    words = {"for": pgettext("side", "for"), "against": pgettext("side", "against")}
    return words.get(str(stance), str(stance))


def _confidence(level: str) -> str:
    """A confidence level of facts.csv in the current language."""
    words = {"high": pgettext("confidence", "high"),
             "medium": pgettext("confidence", "medium"),
             "low": pgettext("confidence", "low")}
    return words.get(str(level), str(level))


def course_timeline() -> None:
    """The five cases on one time axis, one row each; the full references are printed."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from artethics import plotting
    from artethics.sources import cite, sources_of

    plotting.setup()
    rows = key_events()
    fig, ax = plt.subplots(figsize=(8, 3.4))
    for index, row in rows.iterrows():
        look = plotting.style(index)
        y = len(rows) - 1 - index
        ax.scatter([row["date"]], [y], s=70, color=look["color"], marker=look["marker"],
                   edgecolor="black", zorder=3)
        ax.annotate(f"{row['label']}\n{_day(row['date'])}", (row["date"], y),
                    xytext=(10, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks([])
    ax.set_xlim(pd.Timestamp("2015-01-01"), pd.Timestamp("2029-06-30"))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.grid(axis="x", linestyle=":")
    ax.set_title(_("The five cases of this course: one dated moment from each"))
    ids = sources_of(rows)
    fig.text(0.01, 0.01, _("Sources: {ids} (references below)").format(ids="; ".join(ids)),
             fontsize=8)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.show()
    for source_id in ids:
        print(cite(source_id))


def show_course_poll(when: str, stance: str | None = None, confidence: int | None = None, *,
                     reason: str | None = None, lesson: str = LESSON,
                     student: str = "anonymous", class_folder: str = "") -> None:
    """The course's own question, asked in lesson 00 ("before") and lesson 06 ("after").

    Recorded as ``course.poll_before`` / ``course.poll_after``; "after" shows the shift
    from the student's latest "before" answer and asks what moved (or held) the student:
    ``reason`` answers that without the widget (papermill), and only with a ``stance``.
    A reason given to the "before" poll is refused (it asks none).
    """
    from artethics.widgets import show_poll

    show_poll("course", when, stance=stance, confidence=confidence, reason=reason,
              lesson=lesson, student=student, class_folder=class_folder,
              question=_(OPENING_QUESTION))


def show_opening_poll(stance: str | None = None, confidence: int | None = None, *,
                      student: str = "anonymous", class_folder: str = "") -> None:
    """Where the student stands on the course's question before any case."""
    show_course_poll("before", stance, confidence, student=student, class_folder=class_folder)


def where_answers_go(class_folder: str = "") -> str:
    """Plain words on the three places a recorded answer goes (no absolute paths)."""
    folder = class_folder or os.environ.get("ARTETHICS_CLASS_DIR", "")
    lines = [
        _("1. Inside this notebook, as an output under the widget: save the notebook to keep "
          "it."),
        _("2. In a small database on this computer: ~/.artethics/responses.sqlite, unless "
          "ARTETHICS_DB names another file."),
        _("3. In your class folder: set by your instructor, so your answers are shared with "
          "the class.") if folder else
        _("3. In your class folder: none is set, so nothing leaves this computer."),
    ]
    return "\n".join(lines)


def case_cards():
    """One short paragraph per main case, from data/cases.csv, as Markdown."""
    from IPython.display import Markdown

    from artethics import data

    cases = data.load("cases").set_index("case_id")
    parts = []
    for number, case in enumerate(MAIN_CASES, start=1):
        row = cases.loc[case]
        title, title_zh, summary, question = (escape_markdown(row[k]) for k in (
            "title", "title_zh", "summary", "central_question"))
        parts.append(_("**{number}. {title}** ({title_zh}, {year}). {summary} *The "
                       "question:* {question}").format(
            number=number, title=title, title_zh=title_zh, year=row["year"], summary=summary,
            question=question))
    return Markdown("\n\n".join(parts))


def key_terms(terms=KEY_TERMS):
    """Plain-English definitions (with the Chinese term) from data/glossary.csv."""
    from artethics.tables import glossary

    return glossary(terms)


def corrections_sample(rows: int = 3):
    """The first ``rows`` rows of the corrections table: claim, checked value, verdict."""
    from artethics import data

    if not isinstance(rows, int) or isinstance(rows, bool) or rows < 1:
        raise ValueError(f"rows must be a whole number of at least 1, got {rows!r}.")
    corrections = data.load("corrections")
    return corrections[["source_id", "claim_in_source", "verified_value", "verdict"]].head(rows)


def _arguments():
    from artethics import data

    return data.load("arguments").set_index("argument_id")


def lens_cards(examples: dict[str, str] | None = None):
    """The five lenses as Markdown: the question each asks and one argument from the
    cases that rests on it. An example whose lens in data/arguments.csv differs is an
    error, so the lesson can never teach a lens with the wrong example."""
    from IPython.display import Markdown

    from artethics import data

    examples = dict(LENS_EXAMPLES if examples is None else examples)
    if list(examples) != list(data.LENSES):
        raise ValueError(f"give one example per lens, in the order {list(data.LENSES)}")
    args = _arguments()
    titles = data.load("cases").set_index("case_id")["title"]
    parts = []
    for lens, argument_id in examples.items():
        if argument_id not in args.index:
            raise KeyError(f"argument {argument_id!r} is not in data/arguments.csv")
        row = args.loc[argument_id]
        if row["lens"] != lens:
            raise ValueError(f"{argument_id} rests on the {row['lens']} lens in "
                             f"data/arguments.csv, not on {lens}")
        parts.append(_("**{lens}** asks about {meaning}. *Example* ({title}, `{argument}`, "
                       "{stance}): “{claim}”").format(
            lens=lens, meaning=_(data.LENSES[lens]), title=titles[row["case_id"]],
            argument=argument_id, stance=_stance(row["stance"]), claim=row["claim"]))
    return Markdown(escape_markdown("\n\n".join(parts)))


def argument_moves(argument_id: str = MOVES_EXAMPLE[0], objection_id: str = MOVES_EXAMPLE[1]):
    """The first four moves of a good argument, built from the data: the claim, the
    evidence (facts that data/evidence.csv links to it, with their sources), the
    principle and lens, and the strongest objection from the other side of the same case.
    The fifth move, the reply, is the reader's."""
    from IPython.display import Markdown

    from artethics import data

    args = _arguments()
    for one in (argument_id, objection_id):
        if one not in args.index:
            raise KeyError(f"argument {one!r} is not in data/arguments.csv")
    arg, obj = args.loc[argument_id], args.loc[objection_id]
    if arg["case_id"] != obj["case_id"] or arg["stance"] == obj["stance"]:
        raise ValueError(f"{objection_id} must come from the other side of the same case "
                         f"as {argument_id}")
    evidence = data.load("evidence")
    facts = data.load("facts").set_index("fact_id")
    links = evidence[(evidence.argument_id == argument_id) & (evidence.relation != "context")]
    relations = {"supports": pgettext("evidence", "supports"),
                 "undermines": pgettext("evidence", "undermines")}
    lines = [_("1. **Claim** (`{argument}`, {stance}): “{claim}”").format(
        argument=argument_id, stance=_stance(arg["stance"]), claim=arg["claim"])]
    if links.empty:
        lines.append(_("2. **Evidence**: none linked in data/evidence.csv yet."))
    for link in links.itertuples():
        fact = facts.loc[link.fact_id]
        relation = relations.get(link.relation, link.relation)
        lines.append(_("2. **Evidence** ({relation}, `{fact}`, {sources}, {confidence} "
                       "confidence): {note}").format(
            relation=relation, fact=link.fact_id, sources=link.source_ids.replace(";", ", "),
            confidence=_confidence(fact["confidence"]), note=link.note))
    lines.append(_("3. **Principle**: {principle}, seen through the {lens} lens "
                   "({meaning}).").format(principle=arg["principle"].replace("_", " "),
                                          lens=arg["lens"], meaning=_(data.LENSES[arg["lens"]])))
    lines.append(_("4. **Strongest objection** (`{objection}`, {stance}): “{claim}”").format(
        objection=objection_id, stance=_stance(obj["stance"]), claim=obj["claim"]))
    lines.append(_("5. **Reply**: yours to write (one is worked below)."))
    return Markdown(escape_markdown("\n".join(lines)))
