"""The class dashboard's logic: tables from the class dataset, and a demo class.

``course/dashboard.ipynb`` calls these and shows the results. Every function is
pure (a DataFrame in, a DataFrame out) except :func:`load_class`, which reads
the SQLite file written by ``artethics collect``. Nothing here displays anything.

    frame = answers_frame(load_class("class.sqlite"))
    positions(frame); principle_weights(frame); stakeholder_weights(frame)
    added_arguments(frame); completion(frame)
    course_poll(frame); course_poll_counts(frame); policies(frame)
    lens_weights(frame); plot_lens_weights(frame); matrix_columns(frame)
    reason_counts(frame); balance_reasons(frame); poll_reasons(frame); lens_answers(frame)
    skipped(frame)   # what the tables left out of a malformed answer, and why

A field an older answer does not have (``reasons``, ``by_lens``, ...) is simply absent
from the tables; a field of the wrong shape (a corrupt or hand-edited file) is left out
and named by :func:`skipped`, never a traceback.
"""

from __future__ import annotations

import functools
import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from artethics import i18n
from artethics.data import JURISDICTIONS, LENSES
from artethics.i18n import N_, _, pgettext
from artethics.kit import CASE_LESSONS, CASES, MAIN_CASES
from artethics.responses import Response, pseudonym, sorted_responses, store

POSITIONS = {"strongly_against": -2, "against": -1, "undecided": 0, "for": 1, "strongly_for": 2}
DEMO_SALT = "artethics-demo"  # the demo class only: its names are invented anyway
# the five cases and their lessons
DEMO_LESSONS = {case: CASE_LESSONS[case] for case in MAIN_CASES}
# the course question: asked in lesson 00 (before) and lesson 06 (after), see orientation.py
COURSE_POLLS = {"before": ("00_orientation", "course.poll_before"),
                "after": ("06_synthesis", "course.poll_after")}
POLICY_ACTIVITY = "synthesis.policy"  # recorded by artethics.cases.synthesis.record_policy
NO_ANSWER = N_("(no answer)")  # shown with _()
POLICY_PARTS = ("consent", "credit", "compensation", "transparency", "redress")
ANSWER_COLUMNS = ["lesson", "activity", "kind", "student", "data", "recorded_at", "case"]
LENS_ORDER = tuple(LENSES)  # consequences, rights, fairness, character, community
CLAIM_WIDTH = 90  # characters of an argument's claim shown beside a reason


def load_class(db: str | Path) -> list[Response]:
    """The answers in a class dataset written by ``artethics collect``."""
    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(_("no class dataset at {db}; run `artethics collect PATH... "
                                  "--db FILE` first, or leave class_db empty for the demo "
                                  "class.").format(db=db))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute(f"SELECT {store.COLUMNS} FROM responses").fetchall()
    answers = []
    for row in rows:  # the store's own decoding and checks; a malformed row is left out
        try:
            answers.append(store.from_row(row))
        except (TypeError, ValueError, RecursionError):
            continue
    return sorted_responses(answers)


def answers_frame(responses: list[Response], salt: str | None = None) -> pd.DataFrame:
    """One row per answer, latest per student and activity; students pseudonymised with salt."""
    rows = []
    for r in sorted_responses(responses):
        student = pseudonym(r.student, salt) if salt else r.student
        case = r.data.get("case")
        if not isinstance(case, str) or not case:  # the activity says which case
            case = r.activity.split(".")[0]
        rows.append([r.lesson, r.activity, r.kind, student, r.data, r.recorded_at, case])
    frame = pd.DataFrame(rows, columns=ANSWER_COLUMNS)
    return frame.drop_duplicates(["activity", "student"], keep="last").reset_index(drop=True)


def _of_kind(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    return frame[frame["kind"] == kind]


def positions(frame: pd.DataFrame) -> pd.DataFrame:
    """Per case: mean position before and after (-2..+2), the mean shift, and how many.

    The course question (case ``course``) has its own table, :func:`course_poll`."""
    polls = _of_kind(frame, "poll")
    polls = polls[polls["case"] != "course"]
    if polls.empty:
        return pd.DataFrame(columns=["case", "before", "after", "shift", "students"])
    table = pd.DataFrame({
        "case": polls["case"], "student": polls["student"],
        "when": [d.get("when") for d in polls["data"]],
        "position": [POSITIONS.get(d.get("stance"), float("nan")) for d in polls["data"]]})
    wide = table.pivot_table(index=["case", "student"], columns="when", values="position")
    wide = wide.reindex(columns=["before", "after"])
    wide["shift"] = wide["after"] - wide["before"]
    out = wide.groupby("case").agg(before=("before", "mean"), after=("after", "mean"),
                                   shift=("shift", "mean"), students=("shift", "count"))
    return out.round(2).reset_index().sort_values("case").reset_index(drop=True)


def principle_weights(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean net weight (for minus against) per principle and case, from the argument balances."""
    rows = [{"case": c, "principle": p, "net": v}
            for c, _, _, shares in _field(frame, "balance", "by_principle")[0]
            for p, v in shares.items()]
    if not rows:
        return pd.DataFrame()
    table = pd.DataFrame(rows).pivot_table(index="principle", columns="case", values="net")
    return _cases_in_order(table.round(2).sort_index())


def stakeholder_weights(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean total rating per stakeholder and case, from the ethical matrices."""
    rows = [{"case": c, "stakeholder": s, "total": v}
            for c, _, _, totals in _field(frame, "matrix", "totals")[0]
            for s, v in totals.items()]
    if not rows:
        return pd.DataFrame()
    table = pd.DataFrame(rows).pivot_table(index="stakeholder", columns="case", values="total")
    return _cases_in_order(table.round(2).sort_index())


def added_arguments(frame: pd.DataFrame) -> pd.DataFrame:
    """The arguments students added to a balance themselves."""
    rows = [{"case": c, "student": s, "stance": a.get("stance"),
             "principle": a.get("principle"), "weight": a.get("weight"), "text": a.get("text")}
            for c, s, d in zip(*(_of_kind(frame, "balance")[k] for k in ("case", "student",
                                                                         "data")), strict=True)
            for a in d.get("own") or []]
    columns = ["case", "student", "stance", "principle", "weight", "text"]
    return pd.DataFrame(rows, columns=columns).sort_values(columns[:3]).reset_index(drop=True)


def completion(frame: pd.DataFrame, students: int | None = None) -> pd.DataFrame:
    """Per activity: how many students answered, and the share of the class that did.

    For exercises (kind ``exercise``) also how many got it right (``data['ok']``)."""
    if frame.empty:
        return pd.DataFrame(columns=["activity", "kind", "answered", "correct", "share"])
    total = students or frame["student"].nunique()
    ok = frame["data"].map(lambda d: bool(d.get("ok")))
    out = frame.assign(ok=ok).groupby(["activity", "kind"]).agg(
        answered=("student", "nunique"), correct=("ok", "sum")).reset_index()
    out.loc[out["kind"] != "exercise", "correct"] = pd.NA
    out["share"] = (out["answered"] / total).round(2)
    return out.sort_values("activity").reset_index(drop=True)


def course_poll(frame: pd.DataFrame) -> pd.DataFrame:
    """Per student: stance on the course question in lesson 00 and in lesson 06, and the
    shift in steps on the five-point scale (after minus before; empty if one is missing)."""
    columns = ["student", "before", "after", "shift"]
    rows: dict[str, dict] = {}
    for when, (_lesson, activity) in COURSE_POLLS.items():
        answers = frame[frame["activity"] == activity]
        for student, data in zip(answers["student"], answers["data"], strict=True):
            rows.setdefault(student, {"student": student})[when] = data.get("stance")
    table = pd.DataFrame(list(rows.values()), columns=columns)
    before, after = (table[w].map(POSITIONS.get) for w in ("before", "after"))
    table["shift"] = (after - before).astype("Int64")
    table[["before", "after"]] = table[["before", "after"]].fillna(_(NO_ANSWER))
    return table.sort_values("student").reset_index(drop=True)


def course_poll_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """How many students chose each stance before (lesson 00) and after (lesson 06)."""
    table = course_poll(frame)
    counts = pd.DataFrame({w: table[w].value_counts().reindex(list(POSITIONS), fill_value=0)
                           for w in ("before", "after")}).astype(int)
    counts.index.name = "stance"
    return counts


def policies(frame: pd.DataFrame) -> pd.DataFrame:
    """The platform policies drafted in lesson 06: one row per student, one column per part,
    and whether every part was filled in (the draft is recorded even when incomplete)."""
    columns = ["student", "complete", *POLICY_PARTS]
    drafts = frame[(frame["kind"] == "policy") & (frame["activity"] == POLICY_ACTIVITY)]
    rows = [{"student": s, "complete": bool(d.get("complete")),
             **{p: str((d.get("policy") or {}).get(p) or "") for p in POLICY_PARTS}}
            for s, d in zip(drafts["student"], drafts["data"], strict=True)]
    return pd.DataFrame(rows, columns=columns).sort_values("student").reset_index(drop=True)


# --- the new fields: reasons, lenses, lens answers, matrix columns ---------------------------
#
# Each field is read through one check (FIELD_CHECKS). An answer without the field (recorded
# before the widgets asked for it) is left out quietly; a field of the wrong shape is left
# out with a note that skipped() lists.


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value \
            or value in (float("inf"), float("-inf")):
        raise ValueError(_("{value} is not a number").format(value=repr(value)))
    return value


def _mapping(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(_("is a {type}, not a mapping of {what}").format(
            type=type(value).__name__, what=_(what)))
    if not all(isinstance(k, str) for k in value):
        raise ValueError(_("has a key that is not text (expected {what})").format(what=_(what)))
    return value


def _numbers(value: Any) -> dict[str, float]:
    """{name: number}."""
    return {k: _number(v) for k, v in _mapping(value, N_("names to numbers")).items()}


def _texts(value: Any) -> dict[str, str]:
    """{key: text}."""
    out = _mapping(value, N_("ids to text"))
    for key, text in out.items():
        if not isinstance(text, str):
            raise ValueError(_("[{key}] is a {type}, not text").format(
                key=repr(key), type=type(text).__name__))
    return out


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(_("is a {type}, not text").format(type=type(value).__name__))
    return value


def _ids(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(_("is not a list of argument ids"))
    return value


def _lens_numbers(value: Any) -> dict[str, float]:
    shares = _numbers(value)
    unknown = sorted(set(shares) - set(LENS_ORDER))
    if unknown:
        raise ValueError(_("names {name}, which is not one of the lenses {lenses}").format(
            name=repr(unknown[0]), lenses=", ".join(LENS_ORDER)))
    return shares


def _lens_texts(value: Any) -> dict[str, str]:
    answers = _texts(value)
    unknown = sorted(set(answers) - set(JURISDICTIONS))
    if unknown:
        raise ValueError(_("names {name}, which is not one of the jurisdictions "
                           "{places}").format(name=repr(unknown[0]),
                                              places=", ".join(JURISDICTIONS)))
    return answers


def _ratings(value: Any) -> dict[str, dict[str, float]]:
    """{stakeholder: {column: rating}}."""
    return {s: _numbers(cells) for s, cells in _mapping(value, N_("stakeholders")).items()}


def _column_kind(value: Any) -> str:
    if value not in ("principles", "lenses"):
        raise ValueError(_("is {value}, not 'principles' or 'lenses'").format(
            value=repr(value)))
    return value


def _before(value: Any) -> str:
    """The stance of the 'before' answer an after-poll carries."""
    stance = _mapping(value, N_("stance and confidence")).get("stance")
    if stance not in POSITIONS:
        raise ValueError(_("has the stance {stance}, not one of {stances}").format(
            stance=repr(stance), stances=", ".join(POSITIONS)))
    return stance


FIELD_CHECKS: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("balance", "by_principle"): _numbers, ("balance", "by_lens"): _lens_numbers,
    ("balance", "weights"): _numbers, ("balance", "reasons"): _texts,
    ("balance", "reasons_missing"): _ids,
    ("matrix", "totals"): _numbers, ("matrix", "ratings"): _ratings,
    ("matrix", "columns"): _column_kind,
    ("poll", "reason"): _text, ("poll", "before"): _before, ("poll", "reason_prompt"): _text,
    ("lens", "answers"): _lens_texts,
}
SKIPPED_COLUMNS = ["activity", "student", "field", "problem"]
FIX = N_("the student can record the activity again, or send the original file")


def _field(frame: pd.DataFrame, kind: str, name: str) -> tuple[list[tuple], list[dict]]:
    """([(case, student, data, checked value)], [notes]) for one field of one kind."""
    check = FIELD_CHECKS[(kind, name)]
    rows, notes = [], []
    part = frame[frame["kind"] == kind]
    for activity, case, student, data in zip(part["activity"], part["case"], part["student"],
                                             part["data"], strict=True):
        value = data.get(name) if isinstance(data, dict) else None
        if value is None:  # an older answer, recorded before the widget asked for it
            continue
        try:
            rows.append((case, student, data, check(value)))
        except (ValueError, TypeError, AttributeError) as error:
            notes.append({"activity": activity, "student": student, "field": name,
                          "problem": _("{field} {error}; left out of the tables "
                                       "({fix})").format(field=name, error=error, fix=_(FIX))})
    return rows, notes


def _quiet(kind: str, name: str, data: dict) -> Any:
    """One checked field of one answer, or None (the note comes from skipped())."""
    value = data.get(name)
    try:
        return None if value is None else FIELD_CHECKS[(kind, name)](value)
    except (ValueError, TypeError, AttributeError):
        return None


def skipped(frame: pd.DataFrame) -> pd.DataFrame:
    """Every field the tables left out because it had the wrong shape, and why (a corrupt
    or hand-edited answer file). The rest of that answer is still used."""
    notes = [n for kind, name in FIELD_CHECKS for n in _field(frame, kind, name)[1]]
    table = pd.DataFrame(notes, columns=SKIPPED_COLUMNS)
    return table.sort_values(SKIPPED_COLUMNS).reset_index(drop=True)


def _case_key(case: str) -> tuple[int, str]:
    """Cases in course order (rembrandt … christies, synthesis), anything else after."""
    return (CASES.index(case) if case in CASES else len(CASES), str(case))


def _cases_in_order(table: pd.DataFrame) -> pd.DataFrame:
    table = table[sorted(table.columns, key=_case_key)]
    table.columns.name = "case"
    return table


def _lens_means(frame: pd.DataFrame) -> tuple[dict[str, pd.Series], dict[str, int]]:
    """Per case: the mean net weight per lens, and how many balances it comes from.

    A balance records only the lenses a student gave weight to; a lens some student of
    the case weighted counts as 0 for the others (the case has arguments under it)."""
    rows = _field(frame, "balance", "by_lens")[0]
    means: dict[str, pd.Series] = {}
    counts: dict[str, int] = {}
    for case in sorted({r[0] for r in rows}, key=_case_key):
        shares = [r[3] for r in rows if r[0] == case]
        wide = pd.DataFrame(shares, columns=[lens for lens in LENS_ORDER
                                             if any(lens in s for s in shares)])
        means[case] = wide.fillna(0).mean().round(2)
        counts[case] = len(shares)
    return means, counts


def lens_weights(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean net weight (for minus against) per lens and case, from the argument balances
    (lenses in the order lesson 00 teaches them; empty where a case has no argument
    under a lens). :func:`plot_lens_weights` shows it with the number of balances."""
    means, _counts = _lens_means(frame)
    if not means:
        return pd.DataFrame(index=pd.Index([], name="lens"))
    table = pd.DataFrame(means).reindex(list(LENS_ORDER))
    table.index.name, table.columns.name = "lens", "case"
    return table


LENS_NOTE = N_("Mean net weight per lens: the weights a student gave the case's arguments under "
             "that lens, 'for' minus 'against', averaged over n balances. Bars sorted; a lens "
             "with no argument in a case is not shown.")


def plot_lens_weights(frame: pd.DataFrame, note: str = ""):
    """One panel per case: the mean net weight per lens, sorted (strongest 'for' on top),
    each lens its own colour and hatch, values written on the bars; a shared scale."""
    import math

    import matplotlib.pyplot as plt

    from artethics import plotting

    plotting.setup()
    means, counts = _lens_means(frame)
    if not means:
        fig, ax = plt.subplots(figsize=(8, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, _("No balance with lens weights recorded yet."), ha="center",
                va="center", fontsize=14)
        return fig
    columns = min(3, len(means))
    rows = math.ceil(len(means) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(5.2 * columns, 3.0 * rows + 1.3),
                             squeeze=False)
    limit = max(1.0, max(float(v.abs().max()) for v in means.values())) * 1.3
    for ax, (case, values) in zip(axes.flat, means.items(), strict=False):
        ordered = values.sort_values(kind="stable")  # barh draws bottom up: largest on top
        for y, (lens, value) in enumerate(ordered.items()):
            look = plotting.style(LENS_ORDER.index(str(lens)))
            ax.barh(y, value, color=look["color"], hatch=look["hatch"], edgecolor="black")
            ax.annotate(f"{value:+.1f}", (value, y), xytext=(5 if value >= 0 else -5, 0),
                        textcoords="offset points", va="center", fontsize=12,
                        ha="left" if value >= 0 else "right")
        ax.set_yticks(range(len(ordered)), [lens_label(str(lens)) for lens in ordered.index],
                      fontsize=13)
        ax.set_xlim(-limit, limit)
        ax.axvline(0, color="black", linewidth=1)
        ax.grid(axis="x", linestyle=":")
        ax.tick_params(axis="x", labelsize=11)
        ax.set_title(f"{case} (n = {counts[case]})", fontsize=14)
    for ax in list(axes.flat)[len(means):]:
        ax.axis("off")
    fig.suptitle(_("Lens weights per case: + leans for the case question, − against"),
                 fontsize=16)
    text = plotting.caption(note=note or _(LENS_NOTE))
    fig.text(0.01, 0.01, text, fontsize=11, ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


# The lens ids as the dashboard's plots show them (English: the ids).
LENS_LABELS = {"consequences": N_("consequences"), "rights": N_("rights"),
               "fairness": N_("fairness"), "character": N_("character"),
               "community": N_("community")}


def lens_label(lens: str) -> str:
    """A lens id on a plot, in the current language."""
    return _(LENS_LABELS[lens]) if lens in LENS_LABELS else lens


def argument_label(stance: str, argument_id: str) -> str:
    """'For 3', 'Against 10', 'Yours 1' (as students see an argument), in the current
    language; the id itself when the stance is unknown."""
    number = re.search(r"(\d+)$", argument_id)
    n = number.group(1) if number else ""
    if stance == "for":
        return _("For {n}").format(n=n).strip()
    if stance == "against":
        return _("Against {n}").format(n=n).strip()
    if stance == "yours":
        return _("Yours {n}").format(n=n).strip()
    return f"{stance.capitalize() or argument_id} {n}".strip()


def _arguments() -> dict[str, tuple[str, str, str]]:
    """The kit's arguments: id -> (stance, lens, claim); {} when the table cannot be read."""
    from artethics.data import load
    from artethics.errors import ArtethicsError

    try:
        table = load("arguments")
    except (ArtethicsError, OSError, ValueError):  # the reasons are still shown, unexplained
        return {}
    return {str(i): (str(s), str(lens) if isinstance(lens, str) else "", str(c))
            for i, s, lens, c in zip(table["argument_id"], table["stance"], table["lens"],
                                     table["claim"], strict=True)}


def _natural(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p)
                 for p in re.split(r"(\d+)", text) if p)


def _shorten(text: str, width: int = CLAIM_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


REASON_COLUMNS = ["case", "argument", "lens", "claim", "weight", "student", "reason"]


def balance_reasons(frame: pd.DataFrame) -> pd.DataFrame:
    """The one-line reasons students gave for weighting an argument 4 or 5: one row per
    reason, by case (course order), then argument (as students see it: 'For 3',
    'Against 10', 'Yours 1'), then student."""
    kit = _arguments()
    keyed = []
    for case, student, data, reasons in _field(frame, "balance", "reasons")[0]:
        weights = _quiet("balance", "weights", data) or {}
        items = data.get("own") if isinstance(data.get("own"), list) else []
        own = {o.get("id"): o for o in items if isinstance(o, dict)}
        for argument_id, reason in reasons.items():
            if not reason.strip():
                continue
            if argument_id in own:
                stance, lens, claim = "yours", "", str(own[argument_id].get("text") or "")
            else:
                stance, lens, claim = kit.get(argument_id, ("", "", ""))
            label = argument_label(stance, argument_id)
            weight = weights.get(argument_id)
            row = {"case": case, "argument": label, "lens": lens,
                   "claim": _shorten(claim), "weight": weight, "student": student,
                   "reason": " ".join(reason.split())}
            mine = argument_id in own  # the student's own arguments after the kit's
            keyed.append(((_case_key(case), mine, _natural(argument_id), student), row))
    table = pd.DataFrame([row for _, row in sorted(keyed, key=lambda k: k[0])],
                         columns=REASON_COLUMNS)
    table["weight"] = table["weight"].astype("Int64")
    return table


REASON_COUNT_COLUMNS = ["case", "balances", "reasons", "missing", "after_polls", "with_reason"]


def reason_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Per case: balances that asked for reasons, reasons given and missing (weights of 4
    or 5 left without one), after-polls asked what moved the student, and how many of
    them say it."""
    counts: dict[str, dict[str, int]] = {}

    def add(case: str, column: str, n: int = 1) -> None:
        row = counts.setdefault(case, dict.fromkeys(REASON_COUNT_COLUMNS[1:], 0))
        row[column] += n

    given = _field(frame, "balance", "reasons")[0]
    missing = _field(frame, "balance", "reasons_missing")[0]
    for case, _student in sorted({(r[0], r[1]) for r in given + missing}):
        add(case, "balances")
    for case, _student, _data, reasons in given:
        add(case, "reasons", sum(bool(r.strip()) for r in reasons.values()))
    for case, _student, _data, ids in missing:
        add(case, "missing", len(ids))
    for case, _student, data, reason in _field(frame, "poll", "reason")[0]:
        if data.get("when") == "after":
            add(case, "after_polls")
            add(case, "with_reason", int(bool(reason.strip())))
    rows = [{"case": c, **counts[c]} for c in sorted(counts, key=_case_key)]
    return pd.DataFrame(rows, columns=REASON_COUNT_COLUMNS)


# Recorded-order keys; shown with _().
MOVES = (N_("moved toward against"), N_("held"), N_("moved toward for"),
         N_("no 'before' answer"))
POLL_REASON_COLUMNS = ["case", "moved", "shift", "from", "to", "asked", "student", "reason"]


def poll_reasons(frame: pd.DataFrame) -> pd.DataFrame:
    """What moved (or held) each student, from the after-polls: by case (course order,
    the course question last), then by shift (toward against, held, toward for, no
    'before' answer), then by steps and student."""
    keyed = []
    for case, student, data, reason in _field(frame, "poll", "reason")[0]:
        if data.get("when") != "after" or not reason.strip():
            continue
        after = data.get("stance") if data.get("stance") in POSITIONS else None
        before = _quiet("poll", "before", data)
        shift = POSITIONS[after] - POSITIONS[before] if after and before else None
        moved = (MOVES[3] if shift is None else MOVES[1] if shift == 0
                 else MOVES[2] if shift > 0 else MOVES[0])
        asked = _quiet("poll", "reason_prompt", data) or ""
        row = {"case": case, "moved": _(moved), "shift": shift,
               "from": before or _(NO_ANSWER), "to": after or _(NO_ANSWER),
               "asked": _(asked) if asked else "",
               "student": student, "reason": " ".join(reason.split())}
        keyed.append(((_case_key(case), MOVES.index(moved), shift or 0, student), row))
    table = pd.DataFrame([row for _, row in sorted(keyed, key=lambda k: k[0])],
                         columns=POLL_REASON_COLUMNS)
    table["shift"] = table["shift"].astype("Int64")
    return table


LENS_ANSWER_COLUMNS = ["case", "jurisdiction", "student", "answer"]


def lens_answers(frame: pd.DataFrame) -> pd.DataFrame:
    """What students wrote each jurisdiction's rules would change for the case: by case,
    jurisdiction (CN, HK, US, EU, UK) and student."""
    keyed = []
    for case, student, _data, answers in _field(frame, "lens", "answers")[0]:
        for code, answer in answers.items():
            if answer.strip():
                keyed.append(((_case_key(case), JURISDICTIONS.index(code), student),
                              {"case": case, "jurisdiction": code, "student": student,
                               "answer": " ".join(answer.split())}))
    return pd.DataFrame([row for _, row in sorted(keyed, key=lambda k: k[0])],
                        columns=LENS_ANSWER_COLUMNS)


def matrix_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean column total of the ethical matrices (the sum of a column's ratings over the
    case's stakeholders) per case, for principle and lens columns. An answer recorded
    before the matrix could show lenses counts as 'principles'."""
    rows = []
    for case, _student, data, ratings in _field(frame, "matrix", "ratings")[0]:
        kind = _quiet("matrix", "columns", data) if "columns" in data else "principles"
        if kind is None:
            continue
        totals: dict[str, float] = {}
        for cells in ratings.values():
            for column, rating in cells.items():
                totals[column] = totals.get(column, 0) + rating
        rows += [{"columns": kind, "column": c, "case": case, "total": t}
                 for c, t in totals.items()]
    if not rows:
        return pd.DataFrame()
    table = pd.DataFrame(rows).pivot_table(index=["columns", "column"], columns="case",
                                           values="total")
    def key(i: int) -> tuple:  # lenses in the order lesson 00 teaches them, principles a-z
        kind, column = table.index[i]
        return (kind, LENS_ORDER.index(column) if column in LENS_ORDER else 0, column)

    table = table.iloc[sorted(range(len(table)), key=key)]
    return _cases_in_order(table.round(2))


def by_case(table: pd.DataFrame, only: str = "",
            once: tuple[str, ...] = ()) -> list[tuple[str, pd.DataFrame]]:
    """[(case, its rows without the case column)] in course order, for showing a long
    table case by case; ``only`` keeps one case ('' keeps all). The ``once`` columns
    show a value only where it changes (a claim above its reasons, not on every row)."""
    if table.empty or "case" not in table.columns:
        return []
    out = []
    for case in sorted(set(table["case"]), key=_case_key):
        if only and case != only:
            continue
        part = table[table["case"] == case].drop(columns="case").reset_index(drop=True)
        if once:
            repeated = (part[list(once)] == part[list(once)].shift()).all(axis=1)
            part.loc[repeated, list(once)] = ""
        out.append((case, part))
    return out


# --- a demo class ------------------------------------------------------------------------------


# Invented reasons for the demo class, by lens and side: short, neutral, on both sides, and
# marked "(demo)" so nobody mistakes them for a student's words.
DEMO_REASONS = {
    ("consequences", "for"): (N_("(demo) More people get to see the work, and I could not find "
                                 "anyone clearly worse off."),
                              N_("(demo) The benefits look real and reach a lot of people.")),
    ("consequences", "against"): (N_("(demo) The people who lose out are the ones with the least "
                                     "power to object."),
                                  N_("(demo) Lost commissions are a concrete harm to working "
                                     "artists.")),
    ("rights", "for"): (N_("(demo) I do not see whose right was actually broken here."),
                        N_("(demo) Public work can be studied; that freedom matters too.")),
    ("rights", "against"): (N_("(demo) Consent matters even when the outcome turns out well."),
                            N_("(demo) Nobody asked the people whose work was used.")),
    ("fairness", "for"): (N_("(demo) The team did real work and deserves credit for it."),
                          N_("(demo) Everyone involved was credited for their part.")),
    ("fairness", "against"): (N_("(demo) The result depends on artists who get neither credit "
                                 "nor pay."),
                              N_("(demo) The money goes to the people who did the least of "
                                 "the work.")),
    ("character", "for"): (N_("(demo) Being open about how it was made is what honest makers do."),
                           N_("(demo) Trying a new tool is part of what artists have always "
                              "done.")),
    ("character", "against"): (N_("(demo) Skipping the years of practice changes what the craft "
                                  "is about."),
                               N_("(demo) Calling it the artist's own work is not honest.")),
    ("community", "for"): (N_("(demo) Artists have always learned by copying the masters; this "
                              "looks like a new form of that."),
                           N_("(demo) It started a conversation the whole community needed.")),
    ("community", "against"): (N_("(demo) Copying to learn is not the same as copying at scale "
                                  "without giving back."),
                               N_("(demo) It breaks the trust between artists and the platform "
                                  "they share their work on.")),
}
DEMO_MOVED = (N_("(demo) The other side's strongest argument was better than I expected."),
              N_("(demo) The sources showed the facts were less clear than I first thought."),
              N_("(demo) A classmate's point about who gets paid made me think again."),
              N_("(demo) Seeing how the tool was actually made changed my view."))
DEMO_HELD = (N_("(demo) Both sides were strong, but the argument I started with still weighs "
                "most for me."),
             N_("(demo) Nothing I read answered my main worry about consent."),
             N_("(demo) I still think the benefits for audiences outweigh the costs."))
DEMO_LENS = (N_("(demo) I think these rules would mainly change who has to say how the image "
                "was made."),
             N_("(demo) The artists would have a clearer way to object, though the outcome is "
                "still uncertain."),
             N_("(demo) Probably little would change, because these rules were written for other "
                "situations."))


def _demo_case(case: str) -> tuple:
    """_demo_case_in() for the current language (the question is read in it)."""
    return _demo_case_in(case, i18n.get_language())


@functools.cache
def _demo_case_in(case: str, lang: str) -> tuple:
    """(question, arguments, (matrix of principles, matrix of lenses)) of a case from the
    kit's tables, read once; the demo copies them for every student."""
    from artethics.data import load
    from artethics.widgets.balance import arguments_from_table
    from artethics.widgets.matrix import MatrixModel

    cases, arguments, stakeholders = (load(n) for n in ("cases", "arguments", "stakeholders"))
    question = str(cases.loc[cases["case_id"] == case, "central_question"].iloc[0])
    matrices = tuple(MatrixModel.from_tables(case, stakeholders, arguments, columns=c)
                     for c in ("principles", "lenses"))
    return question, arguments_from_table(arguments, stakeholders, case), matrices


def _demo_student(rng: random.Random, name: str, case: str, lesson: str) -> list[Response]:
    """One invented student's answers to one case, made by the widgets' own models, so
    they have exactly the shape a real answer has."""
    from artethics.widgets.balance import BalanceModel
    from artethics.widgets.matrix import HIGH, LOW, MatrixModel
    from artethics.widgets.poll import Answer, PollModel

    question, arguments, matrices = _demo_case(case)
    stances = list(POSITIONS)
    before = rng.randrange(5)
    after = min(4, max(0, before + rng.choice([-1, 0, 0, 1, 1])))
    first = Answer(stances[before], rng.randint(1, 5))
    poll_before = PollModel(case, question, "before")
    poll_before.answer = first
    poll_after = PollModel(case, question, "after", before=first)
    poll_after.set_answer(stances[after], rng.randint(1, 5))
    moved = DEMO_HELD if after == before else DEMO_MOVED
    poll_after.set_reason(_(rng.choice(moved)) if rng.random() < 0.8 else "")
    polls = [Response(lesson, m.activity, "poll", name, m.to_data())
             for m in (poll_before, poll_after)]

    model = BalanceModel(case, question, arguments)
    lean = rng.choice(["for", "against"])  # each student leans a little to one side
    for argument in model.arguments:
        model.set_weight(argument.argument_id,
                         rng.choice([0, 1, 2, 3, 3, 4, 5] if argument.stance == lean
                                    else [0, 1, 1, 2, 3, 4]))
    if rng.random() < 0.2:
        model.add_own(_("(demo) an argument a student added"), rng.choice(["for", "against"]),
                      rng.choice(DEMO_OWN_PRINCIPLES), rng.randint(1, 5))
    for argument in model.arguments:
        pool = DEMO_REASONS.get((argument.lens, argument.stance))
        if model.asks_reason(argument.argument_id) and pool and rng.random() < 0.85:
            model.set_reason(argument.argument_id, _(rng.choice(pool)))
    balance = Response(lesson, f"{case}.balance", "balance", name, model.to_data())

    shape = rng.choice(matrices)
    matrix_model = MatrixModel(case, shape.names, shape.principles)
    matrix_model.set_ratings({s: {c: rng.randint(LOW, HIGH) for c in matrix_model.principles}
                              for s in matrix_model.names})
    matrix_model.set_decision(_("(demo) the decision the case asks about"))
    matrix = Response(lesson, f"{case}.matrix", "matrix", name, matrix_model.to_data())

    places = sorted(rng.sample(JURISDICTIONS, rng.choice([1, 1, 2])))
    lens = Response(lesson, f"{case}.lens", "lens", name,
                    {"case": case, "questions": _english_questions(places),
                     "answers": {p: _(rng.choice(DEMO_LENS)) for p in places}})
    exercise = Response(lesson, f"{case}.exercise", "exercise", name, {"ok": rng.random() < 0.7})
    done = polls + [balance, matrix, lens, exercise]
    return done[: rng.randint(3, len(done))]


DEMO_OWN_PRINCIPLES = ("authorship", "compensation", "consent", "credit", "transparency")


DEMO_POLICY = {
    "consent": N_("(demo) Only works whose authors opt in may be used for training."),
       "credit": N_("(demo) Every generated image carries a visible AI label."),
       "compensation": N_("(demo) A share of the tool's revenue is paid to contributing artists."),
       "transparency": N_("(demo) The platform publishes a summary of its training data."),
       "redress": N_("(demo) Artists can complain through a channel answered by a person."),
}


def _english_questions(places: list[str]) -> dict[str, str]:
    """The lens questions as the widget records them (in English)."""
    from artethics.widgets.lens import question_for

    with i18n.using("en"):
        return {p: question_for(p) for p in places}


def _demo_course(rng: random.Random, name: str) -> list[Response]:
    """The course poll before (lesson 00) and after (lesson 06), and a policy draft."""
    stances = list(POSITIONS)
    before = rng.randrange(5)
    after = min(4, max(0, before + rng.choice([-2, -1, 0, 0, 1, 1, 2])))
    out = [Response(lesson, activity, "poll", name,
                    {"case": "course", "when": when, "stance": stances[i],
                     "position": POSITIONS[stances[i]], "confidence": rng.randint(1, 5)})
           for (when, (lesson, activity)), i in zip(COURSE_POLLS.items(), (before, after),
                                                    strict=True)]
    parts = {k: _(v) for k, v in list(DEMO_POLICY.items())[: rng.choice([3, 5, 5, 5])]}
    policy = {p: parts.get(p, "") for p in POLICY_PARTS}
    if rng.random() < 0.8:  # what moved (or held) the student over the course
        from artethics.widgets.poll import Answer, reason_prompt

        first, last = (Answer(stances[i], out[n].data["confidence"])
                       for n, i in enumerate((before, after)))
        with i18n.using("en"):  # recorded in English, as the widgets record it
            prompt = reason_prompt(first, last)
        out[1].data.update({"reason": _(rng.choice(DEMO_HELD if after == before else DEMO_MOVED)),
                            "reason_prompt": prompt,
                            "before": {"stance": first.stance,
                                       "confidence": first.confidence}})
    out.append(Response("06_synthesis", POLICY_ACTIVITY, "policy", name,
                        {"policy": policy, "complete": len(parts) == len(POLICY_PARTS)}))
    return out[: rng.choice([1, 3, 3, 3])]  # some students missed lesson 06


def demo_class(students: int = 24, seed: int = 0) -> list[Response]:
    """An invented class (names ``demo01``…), the same for the same seed; for trying the
    dashboard before a real class exists. Nothing in it is a real student's answer."""
    rng = random.Random(seed)
    out = []
    for i in range(students):
        for case, lesson in DEMO_LESSONS.items():
            out += _demo_student(rng, f"demo{i + 1:02d}", case, lesson)
    for i in range(students):  # drawn after the cases, so those stay as they were
        out += _demo_course(rng, f"demo{i + 1:02d}")
    return sorted_responses(out)


# --- what the notebook calls -------------------------------------------------------------------


def class_or_demo(class_db: str, demo_students: int = 24, seed: int = 0):
    """(answers, a line saying where they come from): the class dataset, or the demo class."""
    if class_db:
        answers = load_class(class_db)
        return answers, _("Class dataset {name}: {n} answers.").format(
            name=Path(class_db).name, n=len(answers))
    answers = demo_class(demo_students, seed)
    return answers, _("DEMO CLASS (invented answers, {students} students, seed {seed}); set "
                      "class_db to a file made by `artethics collect` for a real class.").format(
        students=demo_students, seed=seed)


def salt_for(pseudonymise: bool, salt: str, class_db: str) -> str | None:
    """The pseudonym salt: None when not pseudonymising; the demo's own for the demo class."""
    from artethics.tools.collect import resolve_salt

    if pseudonymise and not class_db:
        return DEMO_SALT
    return resolve_salt(pseudonymise, salt, how=_("set salt in the parameters cell, or set "
                                                  "pseudonymise=False on a private screen"))


def plot_positions(table: pd.DataFrame):
    """Bars of the mean position before and after each case (-2 strongly against … +2 for)."""
    import matplotlib.pyplot as plt

    if i18n.is_chinese():  # the CJK font for the translated labels
        from artethics import plotting

        plotting.setup()
    fig, ax = plt.subplots(figsize=(7, 3.2))
    x = range(len(table))
    ax.bar([i - 0.2 for i in x], table["before"], width=0.4,
           label=pgettext("poll", "before"), color="#999999")
    ax.bar([i + 0.2 for i in x], table["after"], width=0.4, label=pgettext("poll", "after"),
           color="#0072B2")
    ax.set_xticks(list(x), table["case"])
    ax.set_ylim(-2, 2)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel(_("mean position (-2 against … +2 for)"))
    ax.set_title(_("Positions before and after each case"))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
