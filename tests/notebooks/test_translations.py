"""The course as shipped in three languages: every catalogue complete, every translated
notebook built from the current English and catalogues, the same cells and exercise ids
in every language, and no English paragraph left in a Chinese lesson."""

import re

import pytest

from artethics import i18n, paths
from artethics.tools import nbform, student, translate

LANGS = translate.TRANSLATED
UNITS = translate.units()
LESSONS = sorted(p.stem for p in paths.solutions_dir().glob("[0-9][0-9]_*.ipynb"))


def _problems(path, messages):
    found = translate.completeness(path, messages)
    return ([f"missing: {m[:70]!r}" for _, m in found.missing[:5]]
            + [f"fuzzy (English changed, review it): {m[:70]!r}" for _, m in found.fuzzy[:5]]
            + [f"other {{fields}} than the English: {m[:70]!r}" for _, m in found.bad_fields[:5]])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("unit", sorted(UNITS))
def test_every_course_text_is_translated(unit, lang):
    _, messages = UNITS[unit]
    assert not _problems(translate.catalogue_path(unit, lang), messages)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("area", sorted(translate.extract_package()))
def test_every_message_of_the_package_is_translated(area, lang):
    messages = translate.extract_package()[area]
    assert not _problems(i18n.LOCALE_DIR / lang / f"{area}.po", messages)


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_data_is_translated(lang):
    messages = translate.data_messages()
    assert messages, "artethics.data declares no translatable texts"
    assert not _problems(translate.data_catalogue(lang), messages)


def test_templates_and_built_files_are_up_to_date():
    """What `artethics translate --check` checks: run `artethics translate` to fix."""
    planned = translate.planned_catalogues()
    planned.update(translate.planned_builds())
    stale = [str(p.relative_to(paths.root())) for p, text in planned.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, "run `artethics translate`: " + ", ".join(stale[:10])


def test_student_copies_of_every_language_are_up_to_date():
    planned = student.planned_outputs(student.solution_paths())
    assert {p for p in planned if p.parent.name in LANGS} >= {
        paths.notebooks_dir() / lang / f"{lesson}.ipynb" for lang in LANGS for lesson in LESSONS}
    stale = [str(p.relative_to(paths.root())) for p, text in planned.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, "run `artethics student`: " + ", ".join(stale[:10])


def _pairs():
    for lesson in LESSONS:
        for lang in LANGS:
            yield pytest.param(lesson, lang, id=f"{lesson}-{lang}")


@pytest.mark.parametrize(("lesson", "lang"), list(_pairs()))
@pytest.mark.parametrize("folder", ["course/solutions", "notebooks"])
def test_each_language_has_the_same_cells_and_exercise_ids(folder, lesson, lang):
    english = nbform.read(paths.root() / folder / f"{lesson}.ipynb")
    other = nbform.read(paths.root() / folder / lang / f"{lesson}.ipynb")
    assert [(c.id, c.cell_type, c.metadata) for c in other.cells] == [
        (c.id, c.cell_type, c.metadata) for c in english.cells]
    meta, english_meta = dict(other.metadata["artethics"]), dict(english.metadata["artethics"])
    assert meta.pop("lang") == lang
    if folder == "notebooks":  # the checksums of each cell as shipped: same cells, other text
        assert meta.pop("cells").keys() == english_meta.pop("cells").keys()
    assert meta == english_meta


# A run of this many English words in a row, outside code, links and ids, is an
# untranslated sentence (a title or a name is shorter).
ENGLISH_RUN = 7
_CODE = re.compile(r"`[^`]*`|```.*?```|\]\([^)]*\)|https?://\S+|<[^>]+>", re.S)
_WORDS = re.compile(r"(?:\b[A-Za-z][A-Za-z'’.,;:-]*\s+){" + str(ENGLISH_RUN - 1)
                    + r",}[A-Za-z]+")


def english_runs(text: str) -> list[str]:
    """Runs of English words in a Chinese text, leaving out code, links and ids."""
    plain = _CODE.sub(" ", text)
    plain = re.sub(r"\*([^*]+)\*", r"\1", plain)  # emphasis marks
    return [m.group(0) for m in _WORDS.finditer(plain)]


def test_the_english_detector_finds_a_sentence_and_passes_names_and_code():
    assert english_runs("這是一句 This sentence was left in English by mistake here。")
    assert not english_runs("《下一個倫勃朗》(The Next Rembrandt) 由 ING 與 J. Walter "
                            "Thompson 製作。")
    assert not english_runs("用 `facts.loc[rows, \"fact_id\"] if the status is not confirmed`。")


@pytest.mark.parametrize(("lesson", "lang"), list(_pairs()))
def test_no_english_paragraph_is_left_in_a_chinese_lesson(lesson, lang):
    nb = nbform.read(paths.solutions_dir() / lang / f"{lesson}.ipynb")
    left = [(cell.id, run) for cell in nb.cells if cell.cell_type == "markdown"
            for run in english_runs(nbform.source(cell))]
    assert not left, left[:5]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(translate.guide_docs()))
def test_links_in_a_translated_guide_lead_somewhere(name, lang):
    path = translate.translated_path(translate.guide_docs()[name], lang)
    text = path.read_text(encoding="utf-8")
    broken = [target for target in re.findall(r"\]\(([^)#\s]+)", text)
              if "://" not in target and not (path.parent / target).exists()]
    assert not broken, broken
