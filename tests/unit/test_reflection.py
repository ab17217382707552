"""Reflections must argue at some length and cite evidence from their lesson."""

import pytest

from artethics import reflection
from artethics.exercises import evaluate
from artethics.exercises.reflection import MIN_WORDS, cited

FILLER = ("I think the sale raises hard questions about who deserves credit, because the "
          "people who wrote the code and the people who sold the work are not the same "
          "and the buyers paid for a story as much as for a picture on canvas today. ") * 3


def test_long_reflection_citing_a_price_passes():
    text = FILLER + "It sold for US$432,500, far above the estimate."
    verdict = evaluate("belamy.reflection", text)
    assert verdict.ok, verdict.line()


def test_source_id_counts_as_evidence():
    sources = sorted(reflection_sources("christies"))
    text = FILLER + f"As {sources[0]} reports, the letter grew."
    verdict = evaluate("christies.reflection", text)
    assert verdict.ok


def reflection_sources(case):
    from artethics.exercises.reflection import evidence

    return evidence(case)[1]


@pytest.mark.parametrize("case", ["rembrandt", "belamy", "lofter", "trik", "christies"])
def test_long_reflection_without_evidence_fails_with_a_hint(case):
    verdict = evaluate(f"{case}.reflection", FILLER * 2)
    assert not verdict.ok
    assert "no evidence" in verdict.message and "figure" in verdict.hint


def test_evidence_from_another_case_does_not_count():
    # 432,500 is the Belamy price, not a Christie's 2025 figure
    assert cited("It sold for 432,500 dollars.", "christies") == []


def test_short_reflection_fails_whatever_it_cites():
    verdict = evaluate("belamy.reflection", "It sold for $432,500.")
    assert not verdict.ok and str(MIN_WORDS) in verdict.hint


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_no_reflection_fails(answer):
    assert not evaluate("lofter.reflection", answer).ok


def test_scaled_numbers_are_understood():
    # Carlini et al.'s 175 million generations: a side case the Trik AI lesson draws on
    assert cited("out of 175 million generations", "trik") == ["175,000,000"]


def test_submit_prints_the_verdict_and_records(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    text = FILLER + "The hammer came down at 432,500 with premium."
    reflection.submit("belamy", text, lesson="02_edmond_de_belamy", student="ana",
                      display=False)
    assert capsys.readouterr().out.startswith("✔ belamy.reflection:")
    from artethics.responses import Store

    saved = Store(tmp_path / "db.sqlite").all()
    assert [r.activity for r in saved] == ["belamy.reflection"]
    assert saved[0].data["text"].endswith("with premium.")


def test_submit_without_text_records_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    reflection.submit("belamy", None, lesson="02_edmond_de_belamy", display=False)
    assert capsys.readouterr().out.startswith("✘ belamy.reflection: no answer yet")
    assert not (tmp_path / "db.sqlite").exists()
