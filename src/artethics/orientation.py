"""Lesson 00: the course at a glance, the opening poll, where answers go.

The orientation notebook calls these so that it stays a story, not code.
"""

from __future__ import annotations

import os

from artethics.kit import MAIN_CASES

# The one event that stands for each main case on the course timeline.
KEY_EVENTS = {
    "rembrandt": "rembrandt_unveiled",
    "belamy": "belamy_sale",
    "lofter": "lofter_first_reply",
    "trik": "trik_first_accusation",
    "christies": "christies_sale_closes",
}
OPENING_QUESTION = ("Should it be allowed to train an AI image generator on artists' "
                    "published work without asking them first?")
LESSON = "00_orientation"
# Words every case uses, from data/glossary.csv, in the order the cards need them.
KEY_TERMS = ("artificial intelligence (AI)", "generative AI", "training data", "prompt",
             "GAN (generative adversarial network)", "human authorship", "open letter")


def cases_table():
    """The five main cases: year, title (English and Chinese) and central question."""
    from artethics import data

    cases = data.load("cases")
    main = cases[cases["kind"] == "main"].set_index("case_id").loc[list(MAIN_CASES)]
    return main[["year", "title", "title_zh", "central_question"]]


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
        ax.annotate(f"{row['label']}\n{row['date']:%d %b %Y}", (row["date"], y),
                    xytext=(10, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks([])
    ax.set_xlim(pd.Timestamp("2015-01-01"), pd.Timestamp("2029-06-30"))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.grid(axis="x", linestyle=":")
    ax.set_title("The five cases of this course: one dated moment from each")
    ids = sources_of(rows)
    fig.text(0.01, 0.01, "Sources: " + "; ".join(ids) + " (references below)", fontsize=8)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.show()
    for source_id in ids:
        print(cite(source_id))


def show_course_poll(when: str, stance: str | None = None, confidence: int | None = None, *,
                     lesson: str = LESSON, student: str = "anonymous",
                     class_folder: str = "") -> None:
    """The course's own question, asked in lesson 00 ("before") and lesson 06 ("after").

    Recorded as ``course.poll_before`` / ``course.poll_after``; "after" shows the shift
    from the student's latest "before" answer.
    """
    from artethics.widgets import show_poll

    show_poll("course", when, stance=stance, confidence=confidence, lesson=lesson,
              student=student, class_folder=class_folder, question=OPENING_QUESTION)


def show_opening_poll(stance: str | None = None, confidence: int | None = None, *,
                      student: str = "anonymous", class_folder: str = "") -> None:
    """Where the student stands on the course's question before any case."""
    show_course_poll("before", stance, confidence, student=student, class_folder=class_folder)


def where_answers_go(class_folder: str = "") -> str:
    """Plain words on the three places a recorded answer goes (no absolute paths)."""
    folder = class_folder or os.environ.get("ARTETHICS_CLASS_DIR", "")
    lines = [
        "1. Inside this notebook, as an output under the widget: save the notebook to keep it.",
        "2. In a small database on this computer: ~/.artethics/responses.sqlite, unless "
        "ARTETHICS_DB names another file.",
        "3. In your class folder: " + ("set by your instructor, so your answers are shared "
                                       "with the class." if folder else
                                       "none is set, so nothing leaves this computer."),
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
        parts.append(f"**{number}. {row['title']}** ({row['title_zh']}, {row['year']}). "
                     f"{row['summary']} *The question:* {row['central_question']}")
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
