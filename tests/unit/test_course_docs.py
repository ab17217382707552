"""The course documents agree with the kit and with themselves (issue 14).

1. The syllabus names only lessons, notebook activities and class activities that exist,
   and every activity a notebook has is named in the syllabus.
2. Every rubric the guide or a session plan names is a section of rubrics.md.
3. One word range per reflection: the check (exercises.reflection.WORD_RANGES), the rubric,
   the session plan and the lesson's own prompt say the same.
4. Every session plan carries two model reflections on opposite sides; both pass the check.
5. Lesson text may not state as fact what the data marks unknown, unverified or disputed
   (HEDGED below). Lessons that still do are listed in KNOWN_ASSERTIONS: strict xfails that
   the lesson engineers empty as they fix the text (an XPASS fails, so delete the entry).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from artethics.data import load
from artethics.exercises import evaluate
from artethics.exercises.reflection import WORD_RANGES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "course" / "guide"
SESSIONS = ROOT / "course" / "sessions"
SOLUTIONS = ROOT / "course" / "solutions"
LESSONS = sorted(p.stem for p in SOLUTIONS.glob("0*.ipynb"))
CASE_OF = {"01": "rembrandt", "02": "belamy", "03": "lofter", "04": "trik", "05": "christies",
           "06": "synthesis"}
MODULE_OF = {"00": "orientation.py", "01": "cases/rembrandt.py", "02": "cases/belamy.py",
             "03": "cases/lofter.py", "04": "cases/trik.py", "05": "cases/christies.py",
             "06": "cases/synthesis.py"}

# Activities a notebook can hold, with the code that shows it is there.
NOTEBOOK_ACTIVITIES = {
    "position poll": r"show_poll\(|show_opening_poll\(|show_course_poll\(",
    "exercises": r"""check\("(?!synthesis\.policy)""",
    "mechanism demo": r"from artethics\.demos import",
    "argument balance": r"show_balance\(",
    "ethical matrix": r"show_matrix\(",
    "jurisdiction lens": r"show_lens\(",
    "policy draft": r"""check\("synthesis\.policy""",
    "reflection": r"reflection\.submit\(",
}
# Activities run in class, with where the kit backs them.
CLASS_ACTIVITIES = {
    "discussion": lambda lid: "## Discussion prompts" in _plan(lid),
    "role play": lambda lid: f"## Lesson {lid}" in _text(GUIDE / "role-cards.md"),
    "class dashboard": lambda lid: ("course/dashboard.ipynb" in _plan(lid)
                                    and (ROOT / "course" / "dashboard.ipynb").exists()),
}
RUBRICS = {"reflection": "Reflection rubric", "discussion": "Discussion rubric",
           "policy": "Platform policy rubric", "paper": "Position paper rubric",
           "card": "Argument card rubric"}
NOT_A_RUBRIC_NAME = {"the", "a", "this", "each", "same", "its", "one", "that", "which", "own",
                     "any", "every", "relevant", "matching", "their", "your", "our", "and",
                     "two", "three", "four", "five", "these", "all", "both", "other"}
_RANGE = re.compile(r"(?<![\d,])(\d{2,3})\s*[–-]\s*(\d{2,3})\s+words")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _plan(lid: str) -> str:
    return _text(next(SESSIONS.glob(f"{lid}_*.md")))


def _cells(lesson: str, kind: str | None = None) -> list[str]:
    nb = json.loads(_text(SOLUTIONS / f"{lesson}.ipynb"))
    return ["".join(c["source"]) for c in nb["cells"] if kind in (None, c["cell_type"])]


def _syllabus_rows() -> list[dict[str, str]]:
    text = _text(GUIDE / "syllabus.md")
    block = text.split("## Sessions", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in block.splitlines() if ln.startswith("|")]
    header = [h.strip() for h in lines[0].strip("|").split("|")]
    rows = []
    for line in lines[2:]:
        rows.append(dict(zip(header, (c.strip() for c in line.strip("|").split("|")),
                             strict=True)))
    return rows


def _names(cell: str) -> list[str]:
    return [n.strip() for n in cell.split(",") if n.strip()]


# --- 1. the syllabus -------------------------------------------------------------------

def test_syllabus_lists_every_lesson_once_with_its_files():
    rows = _syllabus_rows()
    ids = [row["Notebook"].strip("`") for row in rows]
    assert ids == LESSONS
    for lesson in ids:
        assert (ROOT / "notebooks" / f"{lesson}.ipynb").exists(), lesson
        assert list(SESSIONS.glob(f"{lesson[:2]}_*.md")), f"no session plan for {lesson}"


def activity_problems(lesson: str, named: list[str]) -> list[str]:
    """What is wrong with the syllabus naming ``named`` as the activities of ``lesson``."""
    code = "\n".join(_cells(lesson, "code"))
    problems = [f"unknown activity {n!r}; use one of {list(NOTEBOOK_ACTIVITIES)}"
                for n in named if n not in NOTEBOOK_ACTIVITIES]
    problems += [f"promises a {n} that {lesson} does not have" for n in named
                 if n in NOTEBOOK_ACTIVITIES and not re.search(NOTEBOOK_ACTIVITIES[n], code)]
    problems += [f"{lesson} has a {n} the syllabus does not name"
                 for n, pattern in NOTEBOOK_ACTIVITIES.items()
                 if re.search(pattern, code) and n not in named]
    return problems


@pytest.mark.parametrize("row", _syllabus_rows(), ids=lambda r: r["Notebook"].strip("`"))
def test_syllabus_names_exactly_the_notebook_activities(row):
    lesson = row["Notebook"].strip("`")
    assert activity_problems(lesson, _names(row["In the notebook"])) == []


def test_the_activity_check_fails_on_what_the_old_syllabus_promised():
    # the syllabus used to promise a matrix in 01 and 03 (before they had one) and a
    # reflection in 00; lesson 00 still has no matrix
    assert "promises a ethical matrix that 00_orientation does not have" in activity_problems(
        "00_orientation", ["position poll", "exercises", "ethical matrix"])
    assert any("reflection" in p for p in activity_problems("00_orientation", ["reflection"]))
    assert any("unknown activity 'paper outline'" in p
               for p in activity_problems("06_synthesis", ["paper outline"]))


@pytest.mark.parametrize("row", _syllabus_rows(), ids=lambda r: r["Notebook"].strip("`"))
def test_syllabus_names_only_class_activities_the_kit_supports(row):
    lid = row["Notebook"][1:3]
    for name in _names(row["In class"]):
        assert name in CLASS_ACTIVITIES, f"{lid}: unknown class activity {name!r}"
        assert CLASS_ACTIVITIES[name](lid), f"{lid}: {name!r} has no material in the kit"


def test_assessment_sessions_have_the_activity_they_grade():
    text = _text(GUIDE / "syllabus.md")
    for label, activity in (("Reflections", "reflection"), ("Exercises", "exercises")):
        first, last = re.search(label + r" \(sessions (\d\d)–(\d\d)\)", text).groups()
        for lesson in LESSONS:
            if first <= lesson[:2] <= last:
                code = "\n".join(_cells(lesson, "code"))
                assert re.search(NOTEBOOK_ACTIVITIES[activity], code), (label, lesson)


def test_session_plans_promising_a_role_play_have_role_cards():
    cards = _text(GUIDE / "role-cards.md")
    for plan in sorted(SESSIONS.glob("0*.md")):
        if re.search(r"role[- ]play|structured (controversy|debate)", _text(plan), re.I):
            assert f"## Lesson {plan.name[:2]}" in cards, plan.name


def test_role_cards_follow_the_structured_controversy_protocol():
    cards = _text(GUIDE / "role-cards.md")
    for step in ("argue your side", "switch sides", "consensus"):
        assert step in cards.lower(), step
    for block in cards.split("\n## Lesson ")[1:]:
        assert block.count("**Side A") == 1 and block.count("**Side B") == 1, block[:40]


# --- 2. rubrics ------------------------------------------------------------------------

def _rubric_references(text: str) -> list[str]:
    words = re.findall(r"([A-Za-z]+)\W{0,3}\s+rubrics?\b", text)
    return [w.lower() for w in words if w.lower() not in NOT_A_RUBRIC_NAME]


DOCS = sorted([*GUIDE.glob("*.md"), *SESSIONS.glob("*.md")])


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_rubric_named_exists(doc):
    headings = re.findall(r"^## (.+)$", _text(GUIDE / "rubrics.md"), re.M)
    for word in _rubric_references(_text(doc)):
        assert word in RUBRICS, f"{doc.name} names a '{word} rubric'; rubrics are {list(RUBRICS)}"
        assert any(h.startswith(RUBRICS[word]) for h in headings), RUBRICS[word]


def test_the_rubric_reference_finder_can_fail():
    assert _rubric_references("see the debate rubric and the Reflection rubric") == [
        "debate", "reflection"]


# --- 3. one word range per reflection --------------------------------------------------

def _ranges(text: str) -> set[tuple[int, int]]:
    return {(int(a), int(b)) for a, b in _RANGE.findall(text)}


def test_rubric_states_the_checks_ranges():
    rubric = _text(GUIDE / "rubrics.md").split("## Discussion rubric")[0]
    assert _ranges(rubric) == set(WORD_RANGES.values())


@pytest.mark.parametrize("lid", sorted(CASE_OF))
def test_session_plan_states_its_reflections_range(lid):
    assert _ranges(_plan(lid)) == {WORD_RANGES[CASE_OF[lid]]}


# Prompts still stating another range: the lesson engineers fix them and delete the entry.
KNOWN_RANGE_MISMATCHES: set[str] = set()


@pytest.mark.parametrize("lesson", [
    pytest.param(lesson, marks=pytest.mark.xfail(strict=True, reason="prompt range to fix"))
    if lesson in KNOWN_RANGE_MISMATCHES else lesson for lesson in LESSONS[1:]])
def test_lesson_prompt_states_the_checks_range(lesson):
    prompt = "\n".join(_cells(lesson, "markdown"))
    assert _ranges(prompt) == {WORD_RANGES[CASE_OF[lesson[:2]]]}


# --- 4. two model reflections per session plan -----------------------------------------

def _model_reflections(lid: str) -> dict[str, str]:
    section = _plan(lid).split("## Two model reflections", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"### (For|Against)\b.*?\n```text\n(.*?)\n```", section, re.S)
    return {side.lower(): body for side, body in found}


@pytest.mark.parametrize("lid", sorted(CASE_OF))
def test_session_plan_has_two_model_reflections_that_pass_the_check(lid):
    models = _model_reflections(lid)
    assert sorted(models) == ["against", "for"]
    low, high = WORD_RANGES[CASE_OF[lid]]
    for side, text in models.items():
        verdict = evaluate(f"{CASE_OF[lid]}.reflection", text)
        assert verdict.ok, (side, verdict.line())
        assert low <= len(text.split()) <= high
    counts = sorted(len(t.split()) for t in models.values())
    assert counts[0] >= 0.7 * counts[1], f"{lid}: one model answer is far shorter: {counts}"


# --- 5. hedged claims ------------------------------------------------------------------

@dataclass(frozen=True)
class Hedge:
    """A claim the data hedges, the phrases that would assert it, and the words that hedge."""

    id: str
    table: str
    key: str
    column: str
    marked: tuple[str, ...]  # what the data must say in that cell for the hedge to apply
    asserts: tuple[str, ...]  # regexes; a sentence matching one asserts the claim ...
    hedged_by: str  # ... unless it also matches this
    bad: str  # a sentence the test must catch
    good: str  # its hedged rewrite, which must pass


HEDGED = (
    Hedge("barrat_pay", "facts", "belamy_barrat_pay", "status", ("unverified",),
          (r"Barrat[^.]*\b(received|receive|got|was paid|earned)\b[^.]{0,30}\b(none|nothing|"
           r"no money|no share|no part|no cut)\b",
           r"Barrat[^.]*\b(none|nothing|no share|no part) of the (money|price|proceeds)",
           r"Barrat[^.]*\b(was not|wasn't|never) paid\b", r"\bunpaid\b[^.]*Barrat"),
          r"do not (say|record)|not recorded|whether",
          "Obvious credited Barrat, but he received none of the money.",
          "The sources do not record whether Barrat received any of the money."),
    Hedge("trik_small_set", "facts", "trik_training_set_size", "status", ("unverified",),
          (r"\b(trained|learn\w*|fine-tuned|drew|draws|built)\b[^.]{0,25}\b(on|from)\b "
           r"(only )?(a handful|a few|a small (set|number|group)|few) (of )?"
           r"(illustrators|artists|painters)",
           r"\bhandful of (illustrators|artists)\b"),
          r"\bclaim|unverified|not known|quotation|\bif\b|whether|one report",
          "A tool aimed at one painting style, learning from a handful of illustrators, is risky.",
          "If, as one unverified quotation claims, it learned from a handful of illustrators..."),
    Hedge("first_lawsuits", "facts", "trik_lawsuits", "note", ("Reported as",),
          (r"China's first (batch of )?(lawsuits|suits|cases)",),
          r"report|described|called|billed|said to be",
          "What followed was a boycott and China's first lawsuits over AI training data.",
          "What followed was a boycott and lawsuits reported as China's first over training data."),
    Hedge("cn_rules_after_lofter", "rules", "cn_deep_synthesis_art14", "date_in_force",
          ("2023-01-10",),
          (r"China's (rules|regulations)[^.]{0,60}\b(came|come|arrived|took effect) after",),
          r"Interim Measures[^.]{0,40}(came|took effect) after|Deep Synthesis",
          "China's rules written specifically for generative AI services came after this case.",
          "China's Deep Synthesis Provisions were already in force; the Measures came later."),
    Hedge("eu_small_model", "applications", "christies_eu_training", "certainty", ("arguable",),
          (r"\bnot (to )?an? artist's (small|own)( own| small)? model",
           r"artists?'s? own small models? (are|is) not covered"),
          r"arguable|whether[^.;]{0,40}(small|own)[^.;]{0,10}model|unclear",
          "Providers must publish a summary, but not an artist's small own model.",
          "Whether an artist's own small model is covered is arguable."),
    Hedge("uk_patterns", "rules", "uk_getty_secondary", "requires",
          ("does not decide whether training infringes",),
          (r"patterns, not copies[^.]*(UK|judgment|court)",
           r"(UK|judgment|court)[^.]*found[^.]*(learn|models?)[^.]*patterns"),
          r"weights do not store|one model",
          "Models learn patterns, not copies, as the UK judgment found.",
          "A UK court found that one model's weights do not store the works."),
    Hedge("tool_apps_less_anger", "sources", "S04", "reliability", ("low",),
          (r"(Douyin|Meitu|tool apps?)[^.]*drew (far )?less anger",),
          r"essay|S04|claim",
          "AI effects in tool apps such as Douyin or Meitu drew far less anger.",
          "The essay (S04) claims that AI effects in tool apps such as Meitu drew far less anger."),
    Hedge("remove_posts", "corrections", "c26_trik_remove_posts", "verdict", ("unverified",),
          (r"agreed to (remove|take down|delete)",),
          r"spun|S02|unconfirmed|not confirm",
          "The account apologised and agreed to remove the posts.",
          "Only the spun copy (S02) says it agreed to remove the posts."),
    Hedge("barrat_19_when_published", "facts", "belamy_barrat_age", "claim", ("October 2018",),
          (r"19 when (the|his) code was (first )?(published|released|shared)",
           r"(published|released|shared) (his|the) code (at|aged) 19"),
          r"October 2018",
          "Barrat was 19 when the code was published.",
          "Barrat was 19 in October 2018, when the dispute was reported."),
    Hedge("he_quote", "facts", "trik_he_quote", "status", ("unverified",),
          (r"Tianxiang He (said|says|argued|argues|explained|told|noted)",),
          r"unverified|could not be|not found|cannot be",
          "Tianxiang He said the tool's smaller database made the similarities obvious.",
          "Comments attributed to Tianxiang He could not be confirmed."),
    Hedge("letter_organiser", "facts", "christies_letter_organiser", "status", ("unverified",),
          (r"(Newton-Rex|Ortiz|McKernan)[^.]*\b(organi[sz]ed|organi[sz]er of|started|launched)"
           r"\b[^.]*\bletter",),
          r"not confirmed|unverified|no source|whether|not the organiser",
          "Ed Newton-Rex organised the open letter.",
          "No source says whether Ed Newton-Rex organised the letter."),
    Hedge("rijksmuseum", "facts", "rembrandt_venue", "status", ("disputed",),
          (r"(unveiled|shown|presented|revealed) (at|in) the Rijksmuseum",),
          r"one outlet|Inc\.|not confirmed|only one|disputed",
          "The portrait was unveiled at the Rijksmuseum.",
          "One outlet says it was shown at the Rijksmuseum; this is not confirmed."),
    Hedge("carlini_thousand_sd", "facts", "carlini_near", "status", ("disputed",),
          (r"(?i)(over|more than) a thousand[^.]{0,80}Stable Diffusion",
           r"(?i)Stable Diffusion[^.]{0,60}(over|more than) a thousand"),
          r"all (the )?models|every model|covers",
          "Over a thousand training images were extracted from Stable Diffusion.",
          "The 'over a thousand' covers all the models tested, not Stable Diffusion alone."),
)


def _sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text.replace("**", "").replace("*", ""))
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", flat)


def assertions(hedge: Hedge, text: str) -> list[str]:
    """The sentences of ``text`` that state ``hedge``'s claim without hedging it."""
    return [s for s in _sentences(text)
            if any(re.search(p, s) for p in hedge.asserts)
            and not re.search(hedge.hedged_by, s, re.I)]


def _lesson_text(lesson: str) -> str:
    module = ROOT / "src" / "artethics" / MODULE_OF[lesson[:2]]
    return "\n".join(_cells(lesson)) + "\n" + _text(module)


@pytest.mark.parametrize("hedge", HEDGED, ids=lambda h: h.id)
def test_the_data_still_hedges_the_claim(hedge):
    frame = load(hedge.table)
    key = frame.columns[0]
    cell = str(frame.set_index(key).at[hedge.key, hedge.column])
    assert any(m in cell for m in hedge.marked), (hedge.id, cell)


@pytest.mark.parametrize("hedge", HEDGED, ids=lambda h: h.id)
def test_the_checker_catches_an_assertion_and_passes_its_hedged_form(hedge):
    assert assertions(hedge, hedge.bad) == [hedge.bad]
    assert assertions(hedge, hedge.good) == []


def test_the_checker_would_have_caught_the_barrat_sentence():
    lesson_02 = ("Obvious acknowledged using it, said it had changed only a small part, and "
                 "credited Barrat, but\nhe received none of the money. Supporters of Obvious "
                 "answer that choosing the data is an artistic act.")
    barrat = next(h for h in HEDGED if h.id == "barrat_pay")
    assert len(assertions(barrat, lesson_02)) == 1


# (lesson, hedge id) pairs whose text still asserts the claim on 2026-12-02. The lesson
# engineers fix the text (see /work/brief/LAW_NOTES.md) and delete the entry.
KNOWN_ASSERTIONS = {
}


def _lesson_cases():
    for lesson in LESSONS:
        for hedge in HEDGED:
            marks = ([pytest.mark.xfail(strict=True, reason="lesson text to fix")]
                     if (lesson, hedge.id) in KNOWN_ASSERTIONS else [])
            yield pytest.param(lesson, hedge, marks=marks, id=f"{lesson[:2]}-{hedge.id}")


@pytest.mark.parametrize(("lesson", "hedge"), list(_lesson_cases()))
def test_lesson_does_not_state_a_hedged_claim_as_fact(lesson, hedge):
    found = assertions(hedge, _lesson_text(lesson))
    assert not found, f"{lesson} states as fact what the data hedges ({hedge.id}): {found}"


@pytest.mark.parametrize("plan", sorted(SESSIONS.glob("0*.md")), ids=lambda p: p.name[:2])
def test_session_plans_do_not_state_hedged_claims_as_fact(plan):
    text = _text(plan)
    found = {h.id: assertions(h, text) for h in HEDGED}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("case", sorted(WORD_RANGES))
def test_the_check_enforces_both_ends_of_the_range(case):
    low, high = WORD_RANGES[case]
    evidence = " It cites S25 and 432,500 and 728,784 and 346 and 10,000."
    filler = "word " * 300
    short = " ".join(filler.split()[: low - 20]) + evidence
    long = " ".join(filler.split()[:high]) + evidence
    assert not evaluate(f"{case}.reflection", short).ok
    verdict = evaluate(f"{case}.reflection", long)
    assert not verdict.ok and f"{high}-word limit" in verdict.line()
