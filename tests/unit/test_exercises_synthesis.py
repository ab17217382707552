"""Lesson 06_synthesis: each check passes the right answer, fails typical mistakes and no
answer, and no hint gives the expected value away; the case helpers read data/, fail
clearly on bad input and give deterministic output."""

import matplotlib

matplotlib.use("Agg")

import json  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from artethics import data  # noqa: E402
from artethics.cases import synthesis  # noqa: E402
from artethics.exercises import evaluate, registry  # noqa: E402
from artethics.exercises import synthesis as ex  # noqa: E402
from artethics.responses import Response, Store, write_class_folder  # noqa: E402

EXERCISES = ["synthesis.per_portrait_share", "synthesis.per_pair_share",
             "synthesis.compensation_unclear", "synthesis.policy"]
GOOD_POLICY = {part: f"The platform will handle {part} openly and fairly." for part in
               synthesis.POLICY_PARTS}


def _facts():
    return data.load("facts").set_index("fact_id")["value_num"]


def _shown(value: float) -> set[str]:
    """Ways an expected number could leak into a hint."""
    forms = {f"{value:.0f}", f"{value:,.0f}", f"{value:.1f}", f"{value:.2f}", f"{value:.2e}",
             f"{value:.2g}", f"{value:.6f}"}
    return forms - {"0", "1", "0.0", "0.00", "0.000000"}


def test_expected_values_follow_the_data():
    facts = _facts()
    assert ex.expected_per_portrait_share() == facts["belamy_price"] / facts[
        "belamy_training_portraits"]
    assert ex.expected_per_pair_share() == facts["belamy_price"] / facts["carlini_laion5b_pairs"]
    table = data.load("comparison")
    pay = table[table["dimension"] == "compensation"].set_index("case_id")["status"]
    assert ex.expected_compensation_unclear() == sorted(
        pay[pay.isin(["unknown", "disputed"])].index)


@pytest.mark.parametrize("exercise_id", EXERCISES)
@pytest.mark.parametrize("missing", [None, "", [], {}])
def test_no_answer_fails(exercise_id, missing):
    assert exercise_id in registry()
    verdict = evaluate(exercise_id, missing)
    assert not verdict.ok and "no answer yet" in verdict.message


@pytest.mark.parametrize("answer", [
    ex.expected_per_portrait_share(), round(ex.expected_per_portrait_share(), 2)])
def test_per_portrait_passes_unrounded_and_to_the_cent(answer):
    assert evaluate("synthesis.per_portrait_share", answer).ok


@pytest.mark.parametrize(("answer", "clue"), [
    (432000 / 15000, "premium"),                  # the press's rounded price
    (10000 / 15000, "estimate"),                  # the high estimate
    (432500 / 11, "family"),                      # the Belamy family series
    (15000 / 432500, "wrong way round"),
    (432500 / 346, "another case"),
    (round(ex.expected_per_portrait_share(), 1) + 0.5, "belamy_price"),
    ("US$28.83", "not a number"),
    (True, "not a number"),
])
def test_per_portrait_fails_typical_mistakes(answer, clue):
    verdict = evaluate("synthesis.per_portrait_share", answer)
    assert not verdict.ok
    assert clue in verdict.hint + verdict.message


@pytest.mark.parametrize("answer", [ex.expected_per_pair_share(),
                                    100 * ex.expected_per_pair_share()])
def test_per_pair_passes_in_dollars_or_cents(answer):
    assert evaluate("synthesis.per_pair_share", answer).ok


@pytest.mark.parametrize(("answer", "clue"), [
    (432500 / 5.85, "billions"),
    (5.85e9 / 432500, "wrong way round"),
    (432500 / 15000, "LAION-5B pairs"),
    (728784 / 5.85e9, "Belamy price"),
    (0.0, "much smaller"),
])
def test_per_pair_fails_typical_mistakes(answer, clue):
    verdict = evaluate("synthesis.per_pair_share", answer)
    assert not verdict.ok and clue in verdict.hint


def test_compensation_unclear_accepts_any_order_and_a_series():
    expected = ex.expected_compensation_unclear()
    assert evaluate("synthesis.compensation_unclear", list(reversed(expected))).ok
    assert evaluate("synthesis.compensation_unclear", pd.Series(expected)).ok
    assert evaluate("synthesis.compensation_unclear", [c.upper() for c in expected]).ok


@pytest.mark.parametrize(("answer", "clue"), [
    (lambda e: e[:-1], "missing"),
    (lambda e: e + ["lofter"], "'partly'"),
    (lambda e: e + ["rembrandt"], "'partly'"),
    (lambda e: ["schubert"], "case_id"),
    (lambda e: ", ".join(e), "not a list"),
    (lambda e: 3, "not a list"),
])
def test_compensation_unclear_fails_typical_mistakes(answer, clue):
    verdict = evaluate("synthesis.compensation_unclear",
                       answer(ex.expected_compensation_unclear()))
    assert not verdict.ok and clue in verdict.hint + verdict.message


def test_policy_checks_presence_of_every_part():
    assert evaluate("synthesis.policy", GOOD_POLICY).ok
    short = {**GOOD_POLICY, "redress": "yes"}
    verdict = evaluate("synthesis.policy", short)
    assert not verdict.ok and "redress" in verdict.message and "1 of 5" in verdict.message
    partial = {"consent": GOOD_POLICY["consent"]}
    assert synthesis.missing_policy_parts(partial) == ["credit", "compensation",
                                                       "transparency", "redress"]
    assert not evaluate("synthesis.policy", "ask artists first please").ok
    assert not evaluate("synthesis.policy", {**GOOD_POLICY, "credit": 5}).ok


@pytest.mark.parametrize("exercise_id", EXERCISES[:2])
def test_no_hint_or_message_gives_a_number_away(exercise_id):
    expected = {"synthesis.per_portrait_share": ex.expected_per_portrait_share(),
                "synthesis.per_pair_share": ex.expected_per_pair_share()}[exercise_id]
    wrong = [expected * k for k in (0.5, 2, 10, 0.1)] + [-1, 0.0]
    for answer in wrong:
        verdict = evaluate(exercise_id, answer)
        assert not verdict.ok
        for form in _shown(expected) | _shown(100 * expected):
            assert form not in verdict.hint + verdict.message, (answer, form)


def test_no_hint_names_the_unclear_cases():
    expected = ex.expected_compensation_unclear()
    for answer in ([], ["lofter"], ["rembrandt", "lofter"], expected[:1], "x"):
        verdict = evaluate("synthesis.compensation_unclear", answer)
        for case in expected:
            assert f"'{case}'" not in verdict.hint


# --- helpers --------------------------------------------------------------------------


def test_comparison_grid_is_cases_by_dimensions_in_course_order():
    grid = synthesis.comparison_grid()
    assert list(grid.columns) == list(synthesis.DIMENSIONS)
    assert len(grid) == len(synthesis.MAIN_CASES)
    assert grid.loc["LOFTER (2023)", "response"] == "yes"
    counts = synthesis.status_counts()
    assert counts.to_numpy().sum() == 5 * len(synthesis.DIMENSIONS)
    assert (counts.sum(axis=1) == 5).all()
    assert synthesis.DIMENSIONS == data.DIMENSIONS and "access_and_benefit" in grid.columns
    assert not grid.isna().any().any()  # the new column is read, not turned into NaN
    with pytest.raises(ValueError, match="not a main case"):
        synthesis.comparison("schubert")


def test_remuneration_rows_come_from_the_data():
    facts = _facts()
    pay = synthesis.remuneration()
    assert pay["proceeds_usd"].iloc[0] == facts["belamy_price"]
    assert list(pay["works"]) == [facts["belamy_training_portraits"],
                                  facts["christies_anadol_images"],
                                  facts["rembrandt_paintings_analysed"],
                                  facts["carlini_laion5b_pairs"]]
    assert "no sale" in pay["kind"].iloc[2]     # nothing was sold in the Rembrandt case
    assert pay["per_work_usd"].iloc[0] == pytest.approx(ex.expected_per_portrait_share())
    assert "15,000" in pay["scenario"].iloc[0] and "5.85 billion" in pay["scenario"].iloc[3]


@pytest.mark.parametrize(("args", "clue"), [
    ((432500, 0), "at least one work"), ((-1, 10), "negative"),
    (("432,500", 10), "not a number"), ((432500, float("nan")), "not a number"),
])
def test_per_work_share_refuses_bad_input(args, clue):
    with pytest.raises(ValueError, match=clue):
        synthesis.per_work_share(*args)


def test_formatting_helpers():
    assert synthesis.count_words(15000) == "15,000"
    assert synthesis.count_words(1_200_000) == "1.2 million"
    assert synthesis.count_words(5_850_000_000) == "5.85 billion"
    assert synthesis.format_usd(28.8333) == "US$28.83"
    assert synthesis.format_usd(7.39e-5) == "US$0.000074"


def test_plots_draw_and_print_their_sources(capsys):
    synthesis.plot_comparison()
    synthesis.plot_remuneration(synthesis.remuneration())
    printed = capsys.readouterr().out
    assert printed.count("Sources: [S") == 2 and "[S66]" in printed
    plt.close("all")


def _poll(student, when, stance, at):
    return Response("00_orientation" if when == "before" else "06_synthesis",
                    f"course.poll_{when}", "poll", student,
                    {"case": "course", "when": when, "stance": stance, "confidence": 3},
                    recorded_at=at)


def test_class_positions_count_each_students_latest_answer():
    answers = [_poll("ana", "before", "against", "2026-01-01T00:00:00+00:00"),
               _poll("ana", "after", "for", "2026-02-01T00:00:00+00:00"),
               _poll("ana", "after", "undecided", "2026-02-02T00:00:00+00:00"),
               _poll("bo", "before", "against", "2026-01-01T00:00:00+00:00")]
    table = synthesis.class_positions(answers)
    assert list(table.index) == list(synthesis.STANCES)
    assert table.loc["against", "before"] == 2
    assert table.loc["undecided", "after"] == 1 and table["after"].sum() == 1


def test_class_summary_reads_a_class_folder(tmp_path):
    assert "No class folder" in synthesis.class_summary("")
    assert "no answers" in synthesis.class_summary(str(tmp_path))
    write_class_folder(tmp_path, _poll("ana", "before", "for", "2026-01-01T00:00:00+00:00"))
    write_class_folder(tmp_path, _poll("ana", "after", "against", "2026-02-01T00:00:00+00:00"))
    (tmp_path / "06_synthesis" / "broken.json").write_text("{", encoding="utf-8")
    text = synthesis.class_summary(str(tmp_path))
    assert text == synthesis.class_summary(str(tmp_path))       # deterministic
    assert "1 final answers, 1 from lesson 00" in text and "1 unreadable" in text
    assert str(tmp_path) not in text


def test_record_policy_stores_a_policy_answer(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    synthesis.record_policy(None, lesson="06_synthesis", student="ana")
    assert "Nothing recorded" in capsys.readouterr().out
    skeleton = dict.fromkeys(synthesis.POLICY_PARTS, "\n\n")  # the student copy's empty dict
    synthesis.record_policy(skeleton, lesson="06_synthesis", student="ana")
    assert "Nothing recorded" in capsys.readouterr().out
    assert Store(tmp_path / "db.sqlite").latest("synthesis.policy", "ana") is None
    synthesis.record_policy({**GOOD_POLICY, "redress": ""}, lesson="06_synthesis",
                            student="ana", class_folder=str(tmp_path / "class"))
    saved = Store(tmp_path / "db.sqlite").latest("synthesis.policy", "ana")
    assert saved.kind == "policy" and saved.data["complete"] is False
    assert set(saved.data["policy"]) == set(synthesis.POLICY_PARTS)
    files = list((tmp_path / "class" / "06_synthesis").glob("*.json"))
    assert len(files) == 1 and json.loads(files[0].read_text())["kind"] == "policy"


def test_reading_list_has_a_note_for_each_source_and_refuses_unknown_ids():
    reading = synthesis.reading_list()
    assert (reading["how_to_read"] != "").all() and "S66" in reading.index
    with pytest.raises(ValueError, match="no source"):
        synthesis.reading_list(["S999"])


def test_side_case_figures_cover_schubert_and_the_festival():
    figures = synthesis.side_case_figures()
    assert set(figures["case_id"]) == {"schubert", "kling_festival"}
    assert figures["source_ids"].str.len().gt(0).all()


def test_glossary_gives_each_term_with_chinese_and_refuses_unknown_terms():
    table = synthesis.glossary()
    assert list(table.index) == list(synthesis.GLOSSARY_TERMS)
    assert table["term_zh"].str.len().gt(0).all() and table["definition"].str.len().gt(0).all()
    with pytest.raises(KeyError, match="glossary.csv has no term"):
        synthesis.glossary(["no such term"])


# --- the course question's own arguments, its law table and the reasoning exercises -------


def test_the_course_question_has_a_balanced_sourced_argument_set():
    args = synthesis.course_arguments()
    assert list(args["stance"].unique()) == ["for", "against"]
    counts = args["stance"].value_counts()
    assert counts["for"] == counts["against"] >= 5
    for stance in ("for", "against"):
        side = args[args["stance"] == stance]
        assert side["lens"].nunique() >= 3 and side["principle"].nunique() >= 4, stance
    assert (args["source_ids"].str.len() > 0).all()
    cases = data.load("cases").set_index("case_id")
    from artethics import orientation
    assert cases.at["synthesis", "central_question"] == orientation.OPENING_QUESTION
    assert cases.at["synthesis", "kind"] == "course"
    # the strongest case for training on public images is there: access, learning,
    # the copying tradition and the public domain
    text = " ".join(synthesis.course_arguments("for")["claim"])
    for idea in ("illustrator", "not copying", "臨摹", "out of copyright"):
        assert idea in text, idea
    with pytest.raises(ValueError, match="'for', 'against'"):
        synthesis.course_arguments("maybe")


def test_the_course_balance_weighs_the_course_arguments_with_reasons():
    from artethics.widgets import BalanceModel

    question = data.load("cases").set_index("case_id").at["synthesis", "central_question"]
    model = BalanceModel.from_tables("synthesis", question, data.load("arguments"),
                                     data.load("stakeholders"))
    model.set_weights({"synthesis_for_3": 5, "synthesis_against_7": 2})
    model.set_reasons({"synthesis_for_3": "Copying the masters is how I learned to paint."})
    assert "synthesis_for_3" in model.to_data()["reasons"]


def test_rules_by_place_covers_every_jurisdiction_with_review_dates():
    table = synthesis.rules_by_place()
    assert list(dict.fromkeys(table.index)) == ["CN", "HK", "US", "EU", "UK"]
    hk = table.loc["HK"]
    assert "proposed, not in force" in set(hk["status"]) and "in force" in set(hk["status"])
    assert (table["last_reviewed"].str.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}")).all()
    assert any("Deep Synthesis" in i for i in table.loc["CN", "instrument"])
    assert any("Labelling" in i for i in table.loc["CN", "instrument"])
    with pytest.raises(KeyError, match="no rule"):
        synthesis.rules_by_place(["xx_rule"])


def test_the_grid_figure_labels_the_access_column_briefly():
    synthesis.plot_comparison()
    labels = [t.get_text() for t in plt.gcf().axes[0].get_xticklabels()]
    plt.close("all")
    assert labels[-1] == "access &\nbenefit" and len(labels) == len(synthesis.DIMENSIONS)


@pytest.mark.parametrize(("wrong", "clue"), [("b", "no checked count"), ("c", "not an artist"),
                                             ("d", "what-if")])
def test_laion_reading_explains_each_misreading_without_the_answer(wrong, clue):
    verdict = evaluate("synthesis.laion_shows", wrong)
    assert not verdict.ok and clue in verdict.hint
    assert "(a)" not in verdict.hint and "links to web images" not in verdict.hint


@pytest.fixture
def answers_db(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "answers.sqlite"))
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)


def _course_poll(stance, student="ana"):
    Store().add(_poll(student, "before", stance, "2026-01-01T00:00:00+00:00"))


STEEL_FOR = ("Cheap tools let people who never trained, or cannot pay anyone, make the "
             "pictures they imagine; a rule to ask first would make every model costlier.")
STEEL_AGAINST = ("Putting a picture online so people can look at it is different from "
                 "agreeing that a company may use it to build a product that competes "
                 "with you.")


def test_steelman_takes_the_other_side_of_the_course_poll_from_lesson_00(answers_db):
    v = evaluate("synthesis.steelman", {"argument": "synthesis_for_1",
                                        "in_my_words": STEEL_FOR}, student="ana")
    assert not v.ok and "poll" in v.message                # nothing recorded yet
    _course_poll("strongly_against")
    assert evaluate("synthesis.steelman", {"argument": "synthesis_for_1",
                                           "in_my_words": STEEL_FOR}, student="ana").ok
    v = evaluate("synthesis.steelman", {"argument": "synthesis_against_7",
                                        "in_my_words": STEEL_AGAINST}, student="ana")
    assert not v.ok and "your own side" in v.message
    v = evaluate("synthesis.steelman", {"argument": "trik_for_2",
                                        "in_my_words": STEEL_FOR}, student="ana")
    assert not v.ok and "another case" in v.message
    _course_poll("for", student="bo")
    assert evaluate("synthesis.steelman", {"argument": "synthesis_against_7",
                                           "in_my_words": STEEL_AGAINST}, student="bo").ok


def test_the_solution_steelman_passes_without_a_database_through_my_side(answers_db):
    answer = {"argument": "synthesis_for_3", "my_side": "against",
              "in_my_words": "Artists have always learned by copying: students copy old "
                             "masters and Chinese painters copy the classics. A model "
                             "learning from what is public continues that habit."}
    assert evaluate("synthesis.steelman", answer, student="anonymous").ok


@pytest.mark.parametrize("exercise_id", ["synthesis.laion_shows", "synthesis.steelman"])
@pytest.mark.parametrize("missing", [None, "", {}])
def test_the_reasoning_exercises_fail_on_no_answer(exercise_id, missing, answers_db):
    verdict = evaluate(exercise_id, missing, student="ana")
    assert not verdict.ok and "no answer yet" in verdict.message


def test_no_steelman_hint_names_an_argument_of_the_other_side(answers_db):
    _course_poll("against")
    other_side = set(synthesis.course_arguments("for").index)
    for wrong in ({"argument": "synthesis_against_7", "in_my_words": STEEL_AGAINST},
                  {"argument": "synthesis_for_1", "in_my_words": "Too short."},
                  {"argument": "nope", "in_my_words": STEEL_FOR}):
        verdict = evaluate("synthesis.steelman", wrong, student="ana")
        assert not verdict.ok
        assert not any(a in verdict.hint for a in other_side)


def test_a_policy_written_in_chinese_is_not_counted_as_one_word_per_part():
    from artethics.cases.synthesis import POLICY_PARTS, missing_policy_parts

    written = {part: "訓練前須先取得藝術家同意" for part in POLICY_PARTS}
    assert missing_policy_parts(written) == []
    assert missing_policy_parts({**written, "credit": "署名"}) == ["credit"]
    assert missing_policy_parts({**written, "credit": "name them"}) == ["credit"]
