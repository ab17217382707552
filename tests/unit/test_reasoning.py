"""The checked reasoning-exercise kinds (artethics.exercises.reasoning).

Each kind is declared here on the real data under test-only ids, and proven to fail on
no answer, on every wrong option, on an answer inconsistent with the data, and to pass
on the right one; no hint contains the answer. A last group runs the same proofs over
every reasoning exercise the lessons declare, so a new declaration is tested the moment
it exists.
"""

from __future__ import annotations

import pytest

from artethics import data, responses
from artethics.exercises import _REGISTRY, evaluate, registry
from artethics.exercises import reasoning as r
from artethics.exercises.reasoning import Option

T = "zz_test"


@pytest.fixture(scope="module", autouse=True)
def declared_here():
    registry()  # the lessons' own exercises first
    before = set(_REGISTRY)
    r.choice(f"{T}.choice", question="Which is a price?", answer="b", why="it is one.",
             options={"a": Option("A poem.", hint="A poem has no price of its own."),
                      "b": Option("What a buyer paid."),
                      "c": Option("A colour.", hint="Colours are not paid.")})
    r.figure_reading(
        f"{T}.figure", "belamy_price", answer=["a", "c"], why="a price records one sale.",
        options={"a": Option("What one buyer paid, fees included, on one day."),
                 "b": Option("How good the portrait is as art.",
                             hint="A price measures what a buyer would pay, not quality."),
                 "c": Option("That the price was far above the estimate."),
                 "d": Option("That AI art in general sells for six figures.",
                             hint="One sale is one case: it cannot speak for a market.")})
    r.lens_of(f"{T}.lens", "trik_against_6")
    r.principle_of(f"{T}.principle", "belamy_against_6")
    r.stakeholder_of(f"{T}.holder", "belamy", prompt="Who risks overpaying for hype?",
                     answer="belamy_buyer", why="the buyer pays the price.",
                     argument="belamy_against_9",
                     hints={"belamy_barrat": "He sold nothing at this auction."})
    r.evidence_for(f"{T}.evidence", "christies_against_10", "supports",
                   distractors=["belamy_bidders"])
    r.evidence_for(f"{T}.both", "christies_for_2", "both", distractors=["christies_format"])
    r.spot_the_flaw(f"{T}.flaw", claim="The portrait sold for exactly 432,000 dollars.",
                    said_by="S04", answer="missing_qualifier", why="the fees are left out.",
                    fact="belamy_price")
    r.argument_card(f"{T}.card", "trik")
    r.steelman(f"{T}.steelman", "trik", "trik.poll_before")
    yield
    for key in set(_REGISTRY) - before:
        del _REGISTRY[key]
        r._SPECS.pop(key, None)


def verdict(exercise_id, answer, **kw):
    return evaluate(exercise_id, answer, **kw)


def leaks(hint: str, secrets) -> list[str]:
    """The secrets a hint gives away. The menu of every valid choice, given for an answer
    that is not one of them, names all options alike and gives nothing away."""
    if hint.startswith("Choose one of: "):
        return []
    return [s for s in secrets if s and s.lower() in hint.lower()]


# --- every kind: no answer, each wrong option, inconsistent data, right answer -------

KINDS = ["choice", "figure", "lens", "principle", "holder", "evidence", "both", "flaw", "card"]


@pytest.mark.parametrize("kind", KINDS)
def test_no_answer_fails_with_the_no_answer_line(kind):
    for empty in (None, "", [], {}):
        v = verdict(f"{T}.{kind}", empty)
        assert not v.ok and v.message == "no answer yet." and v.hint


@pytest.mark.parametrize("kind", KINDS)
def test_the_right_answer_passes(kind):
    spec = r.spec(f"{T}.{kind}")
    v = verdict(f"{T}.{kind}", spec.right_answer())
    assert v.ok, v.line()
    assert v.line().startswith(f"✔ {T}.{kind}: ")


@pytest.mark.parametrize("kind", KINDS)
def test_every_wrong_answer_fails_with_a_hint_that_does_not_give_the_answer(kind):
    spec = r.spec(f"{T}.{kind}")
    right = spec.right_answer()
    secrets = _secrets(spec, right)
    wrongs = spec.wrong_answers()
    assert len(wrongs) >= 3
    for wrong in wrongs:
        v = verdict(f"{T}.{kind}", wrong)
        assert not v.ok, (wrong, v.line())
        assert v.hint, (wrong, v.line())
        assert not leaks(v.hint, secrets), (wrong, v.hint)
        assert not leaks(v.message, secrets), (wrong, v.message)


def _secrets(spec, right):
    if spec.kind in ("choice", "figure"):
        return []  # checked by validate(): hints never quote the right option's text
    if spec.kind == "card":
        return []  # any valid card is right: there is no single answer to leak
    if isinstance(right, dict):
        return [f for v in right.values() for f in v]
    if isinstance(right, list):
        return right
    return [right, right.replace("_", " ")]


@pytest.mark.parametrize("kind", KINDS)
def test_declarations_are_sound_against_the_data(kind):
    assert r.validate(f"{T}.{kind}") == []


def test_choice_each_distractor_gets_its_own_hint():
    assert verdict(f"{T}.choice", "a").hint == "A poem has no price of its own."
    assert verdict(f"{T}.choice", "C").hint == "Colours are not paid."
    assert verdict(f"{T}.choice", "d").message.startswith("'d' is not one of the options")
    assert not verdict(f"{T}.choice", ["a", "b"]).ok  # one right option: one letter
    assert verdict(f"{T}.choice", ["b"]).ok


def test_figure_reading_needs_every_true_statement_and_prints_the_figure(capsys):
    assert not verdict(f"{T}.figure", ["a"]).ok  # only part of it
    assert "at least one more" in verdict(f"{T}.figure", "a").message
    assert verdict(f"{T}.figure", "c, a").ok
    r.show(f"{T}.figure")
    out = capsys.readouterr().out
    assert "432,500 USD" in out and "S15, S16, S18" in out and "(d)" in out
    assert "corrected: a source document gives another value" in out


def test_a_choice_whose_hint_quotes_the_right_option_is_refused():
    opts = {"a": Option("Right text here."), "b": Option("x", hint="Unlike Right text here."),
            "c": Option("y", hint="no")}
    r.choice(f"{T}.leaky", question="?", options=opts, answer="a", why=".")
    try:
        assert any("gives the answer away" in p for p in r.validate(f"{T}.leaky"))
    finally:
        del _REGISTRY[f"{T}.leaky"], r._SPECS[f"{T}.leaky"]


def test_lens_answer_comes_from_the_data_and_any_spelling_of_a_lens_is_read():
    lens = data.load("arguments").set_index("argument_id").at["trik_against_6", "lens"]
    assert verdict(f"{T}.lens", f"  {lens.upper()} ").ok
    assert "is not a lens of this course" in verdict(f"{T}.lens", "virtue").message
    assert not verdict(f"{T}.lens", 5).ok


def test_no_lens_hint_names_a_lens_and_no_principle_hint_names_a_principle():
    for tests in (r.LENS_TESTS, r.PRINCIPLE_TESTS):
        names = [k.replace("_", " ") for k in tests]
        for hint in tests.values():
            assert not leaks(hint, names), hint


def test_lens_exercise_follows_the_data_when_the_data_changes(monkeypatch):
    args = data.load("arguments")
    real = args.set_index("argument_id").at["trik_against_6", "lens"]
    other = next(k for k in r.LENS_TESTS if k != real)
    args.loc[args.argument_id == "trik_against_6", "lens"] = other
    original = r._data
    monkeypatch.setattr(r, "_data", lambda name: args if name == "arguments" else original(name))
    assert verdict(f"{T}.lens", other).ok
    assert not verdict(f"{T}.lens", real).ok


def test_stakeholder_of_another_case_is_inconsistent_with_the_data():
    v = verdict(f"{T}.holder", "trik_snow_fish")
    assert not v.ok and "not a stakeholder of this case" in v.message
    # a stakeholder without an authored hint is sent back to what the data says they want
    v = verdict(f"{T}.holder", "belamy_christies")
    assert "data/stakeholders.csv" in v.hint


def test_evidence_answer_is_what_evidence_csv_links():
    ev = data.load("evidence")
    rows = ev[(ev.argument_id == "christies_against_10") & (ev.relation == "supports")]
    assert verdict(f"{T}.evidence", list(rows.fact_id)).ok
    assert verdict(f"{T}.evidence", ["christies_lots_sold"]).hint.startswith(
        "At least one of your picks cuts the other way")
    r.evidence_for(f"{T}.ctx", "trik_against_7")
    try:
        v = verdict(f"{T}.ctx", ["carlini_strict", "trik_he_quote"])
        assert not v.ok and "background" in v.hint  # the unverified quote is context only
        assert "cuts the other way" in verdict(f"{T}.ctx", ["carlini_generations"]).hint
        assert verdict(f"{T}.ctx", ["carlini_strict"]).ok
    finally:
        del _REGISTRY[f"{T}.ctx"], r._SPECS[f"{T}.ctx"]
    assert "not one of the facts listed" in verdict(f"{T}.evidence", ["getty_us_photos"]).message
    v = verdict(f"{T}.evidence", ["belamy_bidders"])
    assert "something the claim does not say" in v.hint


def test_evidence_both_ways_rejects_a_fact_on_both_sides():
    spec = r.spec(f"{T}.both")
    right = spec.right_answer()
    fact = right["supports"][0]
    v = verdict(f"{T}.both", {"supports": right["supports"],
                              "undermines": right["undermines"] + [fact]})
    assert not v.ok and "both support and undermine" in v.message


def test_evidence_declaration_with_nothing_to_find_is_refused():
    r.evidence_for(f"{T}.empty", "rembrandt_for_2", "undermines")
    try:
        assert any("links no fact" in p for p in r.validate(f"{T}.empty"))
    finally:
        del _REGISTRY[f"{T}.empty"], r._SPECS[f"{T}.empty"]


def test_flaw_names_are_read_in_any_spelling_and_grounding_is_required():
    assert verdict(f"{T}.flaw", "Missing qualifier").ok
    assert not verdict(f"{T}.flaw", "hasty generalization").ok
    assert "not one of the flaws" in verdict(f"{T}.flaw", "ad hominem").message
    r.spot_the_flaw(f"{T}.ungrounded", claim="x", said_by="S04", answer="law_for_ethics",
                    why=".")
    r.spot_the_flaw(f"{T}.nohedge", claim="x", said_by="S04", answer="missing_qualifier",
                    why=".", fact="rembrandt_layers")
    try:
        assert any("needs the rule" in p for p in r.validate(f"{T}.ungrounded"))
        assert any("no qualifier" in p for p in r.validate(f"{T}.nohedge"))
    finally:
        for key in (f"{T}.ungrounded", f"{T}.nohedge"):
            del _REGISTRY[key], r._SPECS[key]


def test_argument_card_checks_each_part_against_the_data():
    card = r.spec(f"{T}.card").right_answer()
    assert verdict(f"{T}.card", card).ok
    assert "other side from your position" in verdict(
        f"{T}.card", {**card, "position": "for"}).message
    assert "from your own side" in verdict(
        f"{T}.card", {**card, "objection": "trik_against_9"}).message
    assert "another case" in verdict(f"{T}.card", {**card, "argument": "lofter_against_6"}).message
    v = verdict(f"{T}.card", {**card, "reply": card["reply"].replace("S25", "S99")})
    assert not v.ok and "S99" in v.message
    v = verdict(f"{T}.card", {**card, "reply": card["reply"] + " See trik_made_up_fact."})
    assert not v.ok and "trik_made_up_fact" in v.message
    lens = data.load("arguments").set_index("argument_id").at[card["argument"], "lens"]
    assert verdict(f"{T}.card", {**card, "principle": lens}).ok  # a lens at stake counts too


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "answers.sqlite"))
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)
    return tmp_path


def _poll(stance, student="ana"):
    responses.Store().add(responses.Response(
        "04_trik_ai", "trik.poll_before", "poll", student,
        {"case": "trik", "when": "before", "stance": stance, "confidence": 3}))


def test_steelman_without_a_recorded_poll_says_so_kindly(db):
    v = verdict(f"{T}.steelman", {"argument": "trik_for_1", "in_my_words": "x " * 20},
                student="ana")
    assert not v.ok and "no poll answer of yours was found yet" in v.message
    assert "press Record" in v.hint
    assert not verdict(f"{T}.steelman", None, student="ana").ok


def test_steelman_takes_the_other_side_of_the_students_own_poll(db):
    _poll("strongly_against")
    words = ("Building tools means learning from what people share in public, and testing "
             "early is how a team finds and fixes its problems before launch.")
    good = {"argument": "trik_for_2", "in_my_words": words}
    assert verdict(f"{T}.steelman", good, student="ana").ok
    v = verdict(f"{T}.steelman", {**good, "argument": "trik_against_6"}, student="ana")
    assert not v.ok and "your own side" in v.message
    v = verdict(f"{T}.steelman", {**good, "argument": "belamy_for_1"}, student="ana")
    assert not v.ok and "another case" in v.message
    v = verdict(f"{T}.steelman", {**good, "argument": "trik_for_99"}, student="ana")
    assert not v.ok and "not in data/arguments.csv" in v.message
    claim = data.load("arguments").set_index("argument_id").at["trik_for_2", "claim"]
    assert "word for word" in verdict(f"{T}.steelman", {**good, "in_my_words": claim},
                                      student="ana").message
    assert not verdict(f"{T}.steelman", {**good, "in_my_words": "Too short."},
                       student="ana").ok
    assert not verdict(f"{T}.steelman", good).ok  # no student passed


def test_steelman_reads_the_latest_poll_answer(db):
    _poll("for")
    words = ("The artist was never asked, and a tool that learned from her paintings can "
             "now make pictures that compete with her own for the same buyers.")
    good = {"argument": "trik_against_6", "in_my_words": words}
    assert verdict(f"{T}.steelman", good, student="ana").ok
    _poll("against")
    assert not verdict(f"{T}.steelman", good, student="ana").ok
    _poll("undecided")  # undecided: either side is the other side
    assert verdict(f"{T}.steelman", good, student="ana").ok
    assert not verdict(f"{T}.steelman", good, student="ben").ok  # ben has no answer


def test_steelman_my_side_stands_in_only_when_no_poll_is_recorded(db):
    words = ("Building tools means learning from what people share in public, and testing "
             "early is how a team finds and fixes its problems before launch.")
    good = {"argument": "trik_for_2", "in_my_words": words, "my_side": "against"}
    assert verdict(f"{T}.steelman", good, student="ana").ok  # nothing recorded yet
    assert not verdict(f"{T}.steelman", {**good, "my_side": "for"}, student="ana").ok
    assert "is not a side" in verdict(f"{T}.steelman", {**good, "my_side": "maybe"},
                                      student="ana").message
    _poll("for")  # the recorded answer decides; a my_side that disagrees is refused
    v = verdict(f"{T}.steelman", good, student="ana")
    assert not v.ok and "does not match the answer you recorded" in v.message
    assert verdict(f"{T}.steelman", {**good, "my_side": "strongly_for",
                                     "argument": "trik_against_6", "in_my_words":
                                     "The artist was never asked before her paintings "
                                     "trained a tool that may now compete with her."},
                   student="ana").ok
    # the ✔ line is the same whichever way the side was known
    _poll("against", student="ben")
    assert verdict(f"{T}.steelman", good, student="ben").line() == verdict(
        f"{T}.steelman", good, student="cy").line()


def test_the_steelman_reads_the_polls_own_scale():
    from artethics.widgets.poll import POSITION

    assert r.POSITION == POSITION


def test_show_prints_every_kind(capsys):
    for kind in [*KINDS, "steelman"]:
        r.show(f"{T}.{kind}")
        assert capsys.readouterr().out.strip()



@pytest.fixture
def undermine_question():
    """An evidence question asking for undermining facts, with a year, a date and counts
    among the listed facts (removed again after the test)."""
    key = f"{T}.undermine"
    r.evidence_for(key, "christies_for_2", "undermines",
                   distractors=["rembrandt_death_year", "trik_first_accusation_date",
                                "rembrandt_fragments", "rembrandt_years_after_death"])
    yield key
    _REGISTRY.pop(key, None)
    r._SPECS.pop(key, None)


def test_evidence_questions_name_what_the_facts_support(capsys, undermine_question):
    for key, question in ((f"{T}.evidence", "Which of these facts support the claim?"),
                          (undermine_question, "Which of these facts undermine the claim?"),
                          (f"{T}.both", "Which of these facts support the claim, and which "
                                        "undermine it?")):
        r.show(key)
        lines = capsys.readouterr().out.splitlines()
        assert lines[1] == question, key
    assert not [line for line in lines if line.rstrip().endswith(("support?", "undermine?"))]


def test_a_year_is_written_as_a_year_and_counts_keep_their_separators(capsys,
                                                                      undermine_question):
    r.show(undermine_question)
    listed = {line.split(":")[0].strip(): line for line in capsys.readouterr().out.splitlines()
              if line.startswith("  ")}
    # the value sits between the claim and the status in brackets
    assert listed["rembrandt_death_year"].endswith("Year Rembrandt died: 1669 (confirmed)")
    assert "1,669" not in listed["rembrandt_death_year"]
    assert ": 2023-07-30 (" in listed["trik_first_accusation_date"]
    assert "2023-07-30 date" not in listed["trik_first_accusation_date"]
    assert ": 168,263 fragments (" in listed["rembrandt_fragments"]
    assert ": 347 years (" in listed["rembrandt_years_after_death"]


def test_value_words_keep_the_qualifier_and_text_years():
    import pandas as pd

    row = pd.Series({"qualifier": "about", "value": "1822", "value_num": 1822.0, "unit": "year"})
    assert r._value_words(row) == "about 1822"
    row = pd.Series({"qualifier": "", "value": "1822 or 1823", "value_num": float("nan"),
                     "unit": "year"})
    assert r._value_words(row) == "1822 or 1823"
    row = pd.Series({"qualifier": "", "value": "12000", "value_num": 12000.0, "unit": "years"})
    assert r._value_words(row) == "12,000 years"  # a length of time is a count


# --- every reasoning exercise the lessons declare ------------------------------------

def lesson_ids():
    return [i for i in r.declared() if not i.startswith(T)]


def test_the_course_declares_reasoning_exercises():
    assert lesson_ids(), "no lesson declares a reasoning exercise"


@pytest.mark.parametrize("exercise_id", lesson_ids())
def test_each_lesson_declaration_is_sound_and_honest(exercise_id):
    spec = r.spec(exercise_id)
    assert r.validate(exercise_id) == []
    v = evaluate(exercise_id, None)
    assert not v.ok and v.message == "no answer yet."
    if spec.needs_student:
        return  # the steelman's proofs need a poll answer: see the tests above
    right = spec.right_answer()
    assert evaluate(exercise_id, right).ok
    for wrong in spec.wrong_answers():
        v = evaluate(exercise_id, wrong)
        assert not v.ok and v.hint, (wrong, v.line())
        assert not leaks(v.hint, _secrets(spec, right)), (wrong, v.hint)
