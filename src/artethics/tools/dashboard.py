"""The class dashboard's logic: tables from the class dataset, and a demo class.

``course/dashboard.ipynb`` calls these and shows the results. Every function is
pure (a DataFrame in, a DataFrame out) except :func:`load_class`, which reads
the SQLite file written by ``artethics collect``. Nothing here displays anything.

    frame = answers_frame(load_class("class.sqlite"))
    positions(frame); principle_weights(frame); stakeholder_weights(frame)
    added_arguments(frame); completion(frame)
    course_poll(frame); course_poll_counts(frame); policies(frame)
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pandas as pd

from artethics.kit import CASE_LESSONS, MAIN_CASES
from artethics.responses import Response, pseudonym, sorted_responses, store

POSITIONS = {"strongly_against": -2, "against": -1, "undecided": 0, "for": 1, "strongly_for": 2}
DEMO_SALT = "artethics-demo"  # the demo class only: its names are invented anyway
# the five cases and their lessons
DEMO_LESSONS = {case: CASE_LESSONS[case] for case in MAIN_CASES}
DEMO_PRINCIPLES = ("authorship", "compensation", "consent", "credit", "transparency")
DEMO_STAKEHOLDERS = ("ai_developers", "artists", "buyers", "platforms", "public_audiences")
# the course question: asked in lesson 00 (before) and lesson 06 (after), see orientation.py
COURSE_POLLS = {"before": ("00_orientation", "course.poll_before"),
                "after": ("06_synthesis", "course.poll_after")}
POLICY_ACTIVITY = "synthesis.policy"  # recorded by artethics.cases.synthesis.record_policy
NO_ANSWER = "(no answer)"
POLICY_PARTS = ("consent", "credit", "compensation", "transparency", "redress")
ANSWER_COLUMNS = ["lesson", "activity", "kind", "student", "data", "recorded_at", "case"]


def load_class(db: str | Path) -> list[Response]:
    """The answers in a class dataset written by ``artethics collect``."""
    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(f"no class dataset at {db}; run `artethics collect PATH... "
                                "--db FILE` first, or leave class_db empty for the demo class.")
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
        case = r.data.get("case") or r.activity.split(".")[0]
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
            for c, d in zip(_of_kind(frame, "balance")["case"],
                            _of_kind(frame, "balance")["data"], strict=True)
            for p, v in (d.get("by_principle") or {}).items()]
    if not rows:
        return pd.DataFrame()
    table = pd.DataFrame(rows).pivot_table(index="principle", columns="case", values="net")
    return table.round(2).sort_index().sort_index(axis=1)


def stakeholder_weights(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean total rating per stakeholder and case, from the ethical matrices."""
    rows = [{"case": c, "stakeholder": s, "total": v}
            for c, d in zip(_of_kind(frame, "matrix")["case"],
                            _of_kind(frame, "matrix")["data"], strict=True)
            for s, v in (d.get("totals") or {}).items()]
    if not rows:
        return pd.DataFrame()
    table = pd.DataFrame(rows).pivot_table(index="stakeholder", columns="case", values="total")
    return table.round(2).sort_index().sort_index(axis=1)


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
    for when, (_, activity) in COURSE_POLLS.items():
        answers = frame[frame["activity"] == activity]
        for student, data in zip(answers["student"], answers["data"], strict=True):
            rows.setdefault(student, {"student": student})[when] = data.get("stance")
    table = pd.DataFrame(list(rows.values()), columns=columns)
    before, after = (table[w].map(POSITIONS.get) for w in ("before", "after"))
    table["shift"] = (after - before).astype("Int64")
    table[["before", "after"]] = table[["before", "after"]].fillna(NO_ANSWER)
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


# --- a demo class ------------------------------------------------------------------------------


def _demo_student(rng: random.Random, name: str, case: str, lesson: str) -> list[Response]:
    stances = list(POSITIONS)
    before = rng.randrange(5)
    after = min(4, max(0, before + rng.choice([-1, 0, 0, 1, 1])))
    polls = [Response(lesson, f"{case}.poll_{w}", "poll", name,
                      {"case": case, "when": w, "stance": stances[i],
                       "confidence": rng.randint(1, 5)})
             for w, i in (("before", before), ("after", after))]
    principles = {p: rng.randint(-5, 5) for p in DEMO_PRINCIPLES}
    own = ([{"id": f"own_{rng.randrange(10**6)}", "text": "(demo) an argument a student added",
             "stance": rng.choice(["for", "against"]), "principle": rng.choice(DEMO_PRINCIPLES),
             "weight": rng.randint(1, 5)}] if rng.random() < 0.2 else [])
    balance = Response(lesson, f"{case}.balance", "balance", name,
                       {"case": case, "by_principle": principles, "own": own})
    totals = {s: rng.randint(-4, 8) for s in DEMO_STAKEHOLDERS}
    matrix = Response(lesson, f"{case}.matrix", "matrix", name, {"case": case, "totals": totals})
    exercise = Response(lesson, f"{case}.exercise", "exercise", name, {"ok": rng.random() < 0.7})
    done = polls + [balance, matrix, exercise]
    return done[: rng.randint(3, len(done))]


DEMO_POLICY = {
    "consent": "(demo) Only works whose authors opt in may be used for training.",
    "credit": "(demo) Every generated image carries a visible AI label.",
    "compensation": "(demo) A share of the tool's revenue is paid to contributing artists.",
    "transparency": "(demo) The platform publishes a summary of its training data.",
    "redress": "(demo) Artists can complain through a channel answered by a person.",
}


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
    parts = dict(list(DEMO_POLICY.items())[: rng.choice([3, 5, 5, 5])])
    policy = {p: parts.get(p, "") for p in POLICY_PARTS}
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
        return answers, f"Class dataset {Path(class_db).name}: {len(answers)} answers."
    answers = demo_class(demo_students, seed)
    return answers, (f"DEMO CLASS (invented answers, {demo_students} students, seed {seed}); "
                     "set class_db to a file made by `artethics collect` for a real class.")


def salt_for(pseudonymise: bool, salt: str, class_db: str) -> str | None:
    """The pseudonym salt: None when not pseudonymising; the demo's own for the demo class."""
    from artethics.tools.collect import resolve_salt

    if pseudonymise and not class_db:
        return DEMO_SALT
    return resolve_salt(pseudonymise, salt, how="set salt in the parameters cell, or set "
                        "pseudonymise=False on a private screen")


def plot_positions(table: pd.DataFrame):
    """Bars of the mean position before and after each case (-2 strongly against … +2 for)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.2))
    x = range(len(table))
    ax.bar([i - 0.2 for i in x], table["before"], width=0.4, label="before", color="#999999")
    ax.bar([i + 0.2 for i in x], table["after"], width=0.4, label="after", color="#0072B2")
    ax.set_xticks(list(x), table["case"])
    ax.set_ylim(-2, 2)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("mean position (-2 against … +2 for)")
    ax.set_title("Positions before and after each case")
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig
