"""data/ in three languages: the catalogues data/i18n/<lang>.po are complete and keep
every figure, id and date of the English; load() gives Chinese prose with the same ids,
enumerations and numbers; a stale, fuzzy or missing translation falls back to English;
a damaged catalogue says what is wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import polib
import pytest

from artethics import data, i18n, sources
from artethics.errors import ArtethicsError
from artethics.tools import translate

CHINESE = ("zh-Hant", "zh-Hans")
CJK = re.compile(r"[\u3400-\u9fff]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SCALED = re.compile(r"(\d+(?:\.\d+)?) (million|billion)")
# ids, source ids, correction ids, file names and hashtags a translation must keep as is
TOKEN = re.compile(r"\b(?:[a-z0-9]+_[a-z0-9_]+|S\d{2,}|c\d{2}|[\w.]+\.csv)\b|#\w+")
# Texts that are names and stay in Latin letters in every language.
LATIN_NAMES = {
    "corrections:c14_steady_diffusion:verified_value",  # Stable Diffusion
    "corrections:c21_variety:verified_value",  # Variety (the magazine)
    "sources:S38:note",  # Mate 20 Pro; Lucas Cantor.
    "stakeholders:belamy_obvious:name",  # Obvious (its three members)
}
# People named in sources.author_outlet and events.actor: their names stay in Latin
# letters in every language (only a title around them is translated).
PEOPLE = ("Robbie Barrat", "Kris Kashtanova", "Joanna Smith", "Lucas Cantor", "Dan Eder",
          "Carlini", "Berry Wang", "Jessie Yeung", "Will Yakowicz", "Jane Lambert",
          "Myleene Klass", "Christoph Schuhmann", "Romain Beaumont", "Richard Vencu",
          "Jamie Hayes", "Milad Nasr", "Snow Fish")
# Traditional characters that Simplified writes otherwise, and the reverse.
TRADITIONAL_ONLY = re.compile(r"[數據與藝術畫權條網們這為關]")
SIMPLIFIED_ONLY = re.compile(r"[数据与艺术画权条网们这为关]")


@pytest.fixture(autouse=True)
def english_after():
    """Every test starts and ends in English, whatever the environment says."""
    i18n.set_language("en")
    yield
    i18n.set_language(None)


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, str]]:
    return data.translatable_entries()


@pytest.fixture(scope="module")
def catalogues() -> dict[str, dict[tuple[str, str], str]]:
    return {lang: i18n.read_po(data.catalogue_path(lang)) for lang in CHINESE}


def _numbers(text: str) -> list[str]:
    return [n.replace(",", "") for n in NUMBER.findall(text)]


def _fmt(value: float) -> str:
    return f"{value:f}".rstrip("0").rstrip(".")


def _is_name(ctx: str) -> bool:
    """Whether a catalogue context is a text of one of the name columns (data.NAMES)."""
    table, _row, column = ctx.split(":")
    return (table, column) in data.NAMES


def _missing_numbers(english: str, chinese: str) -> list[str]:
    """Figures of ``english`` that ``chinese`` does not give: each number as written
    (thousands separators aside), or a count in millions or billions written in 萬 / 億
    (万 / 亿), as Chinese counts them ('12 million' as 1200萬)."""
    found = set(_numbers(chinese))
    compact = chinese.replace(",", "").replace(" ", "")
    scaled = {}
    for match in SCALED.finditer(english):
        value = float(match.group(1)) * (1e6 if match.group(2) == "million" else 1e9)
        scaled[match.group(1)] = [_fmt(value / 1e4) + unit for unit in "萬万"] + [
            _fmt(value / 1e8) + unit for unit in "億亿"]
    return [n for n in _numbers(english) if n not in found
            and not any(form in compact for form in scaled.get(n, []))]


# --- the catalogues -------------------------------------------------------------------

def test_the_prose_columns_are_declared_and_exist():
    for name, columns in data.TRANSLATED.items():
        declared = {c.name for c in data.schema(name).cols}
        assert set(columns) <= declared, name
        kinds = {c.name: c.kind for c in data.schema(name).cols}
        assert all(kinds[c] == "text" for c in columns), name
    # never ids, enumerations, numbers, source ids or quotations of a source
    assert "claim_in_source" not in data.TRANSLATED["corrections"]
    assert "artist" not in data.TRANSLATED["sales"]  # artists' names: not translated
    # the name columns are translated columns (each entry may stay as in English)
    assert data.NAMES == {("sources", "author_outlet"), ("events", "actor")}
    assert all(column in data.TRANSLATED[table] for table, column in data.NAMES)
    assert "value" not in data.TRANSLATED["facts"]


def test_entries_have_one_context_per_row_and_column(entries):
    contexts = [ctx for ctx, _ in entries]
    assert len(contexts) == len(set(contexts))
    assert len(entries) > 800
    table, row, column = contexts[0].split(":")
    assert table in data.TRANSLATED and column in data.TRANSLATED[table] and row
    # arguments.question repeats the case's question: translated once, with the case
    assert not any(c.startswith("arguments:") and c.endswith(":question") for c in contexts)
    assert ("cases:lofter:central_question",
            data.load("cases").set_index("case_id").at["lofter", "central_question"]
            ) in entries


@pytest.mark.parametrize("lang", CHINESE)
def test_every_entry_has_a_reviewed_translation(lang):
    messages = translate.data_messages()
    found = translate.completeness(data.catalogue_path(lang), messages)
    assert not found.missing, found.missing[:3]
    assert not found.fuzzy, found.fuzzy[:3]


@pytest.mark.parametrize("lang", CHINESE)
def test_the_catalogue_file_is_what_artethics_translate_writes(lang):
    """`artethics translate --catalogues data` would change nothing: the template and
    the catalogue are up to date with the English."""
    messages = translate.data_messages()
    template = data.catalogue_path(lang).with_name("data.pot")
    assert template.read_text(encoding="utf-8") == translate.template_text(messages, "data/")
    path = data.catalogue_path(lang)
    assert path.read_text(encoding="utf-8") == translate.updated_catalogue(
        path, messages, lang, "The texts of data/")


@pytest.mark.parametrize("lang", CHINESE)
def test_the_loaders_own_messages_are_translated(lang):
    messages = translate.extract_python(Path(data.__file__))
    assert len(messages) > 40
    found = translate.completeness(i18n.LOCALE_DIR / lang / "data.po", messages)
    assert not (found.missing or found.fuzzy or found.bad_fields), found


@pytest.mark.parametrize("lang", CHINESE)
def test_translations_keep_every_number_id_and_date(lang, entries, catalogues):
    problems = []
    for ctx, english in entries:
        chinese = catalogues[lang][(ctx, english)]
        lost = _missing_numbers(english, chinese)
        lost += [t for t in TOKEN.findall(english) if t not in chinese]
        if lost:
            problems.append((ctx, lost))
    assert not problems, problems[:5]


def test_the_number_check_can_fail():
    assert _missing_numbers("sold 28 of 34 lots", "售出 28 件") == ["34"]
    assert _missing_numbers("more than 12 million photos", "超過 1200萬張相片") == []
    assert _missing_numbers("more than 12 million photos", "超過 120萬張相片") == ["12"]
    assert _missing_numbers("US$432,500", "432500 美元") == []


@pytest.mark.parametrize("lang", CHINESE)
def test_translations_are_chinese_in_the_right_script(lang, entries, catalogues):
    latin, wrong_script = [], []
    for ctx, english in entries:
        chinese = catalogues[lang][(ctx, english)]
        # a name kept in Latin letters (The Verge) is the English itself, checked below
        if not CJK.search(chinese) and ctx not in LATIN_NAMES and not _is_name(ctx):
            latin.append(ctx)
        other = SIMPLIFIED_ONLY if lang == "zh-Hant" else TRADITIONAL_ONLY
        # names quoted in the other script (是雪鱼啊 in an English text) aside
        if other.search(chinese) and not other.search(english):
            wrong_script.append((ctx, chinese[:40]))
    assert not latin, latin[:5]
    assert not wrong_script, wrong_script[:5]


def test_hong_kong_and_mainland_usage(catalogues):
    hant, hans = catalogues["zh-Hant"], catalogues["zh-Hans"]
    key = ("glossary:training data:term", "training data")
    assert (hant[key], hans[key]) == ("訓練數據", "训练数据")
    key = ("rules:hk_copyright_s11_3:instrument", "Copyright Ordinance (Cap. 528)")
    assert hant[key] == "《版權條例》（第528章）" and hans[key] == "香港《版权条例》（第528章）"
    ai = ("glossary:artificial intelligence (AI):term", "artificial intelligence (AI)")
    assert hant[ai] == "人工智能"  # not Taiwan's 人工智慧
    joined_hant, joined_hans = " ".join(hant.values()), " ".join(hans.values())
    assert "人工智慧" not in joined_hant and "人工智慧" not in joined_hans
    for hk_only in ("持份者", "網上", "質素", "杯葛", "用家", "「"):
        assert hk_only not in joined_hans, hk_only
    assert "「" in joined_hant and "“" not in joined_hant


# --- names: who wrote a source, who acted in an event -----------------------------------

NAMED = {  # English -> (zh-Hant, zh-Hans): institutions, courts, groups, Chinese companies
    ("events:li_v_liu_judgment:actor", "Beijing Internet Court"): (
        "北京互聯網法院", "北京互联网法院"),
    ("sources:S49:author_outlet", "Beijing Internet Court"): ("北京互聯網法院", "北京互联网法院"),
    ("events:trik_launch:actor", "Xiaohongshu"): ("小紅書", "小红书"),
    ("events:kling_announced:actor", "Kuaishou"): ("快手", "快手"),
    ("events:christies_announced:actor", "Christie's"): ("佳士得", "佳士得"),
    ("events:christies_letter_3000:actor", "Artists"): ("藝術家", "艺术家"),
    ("sources:S48:author_outlet", "Standing Committee of the National People's Congress"): (
        "全國人民代表大會常務委員會", "全国人民代表大会常务委员会"),
    ("sources:S51:author_outlet", "U.S. Copyright Office"): ("美國版權局", "美国版权局"),
    ("sources:S62:author_outlet", "China Daily Asia"): ("中國日報亞洲版", "中国日报亚洲版"),
    ("sources:S63:author_outlet", "HK01"): ("香港01", "香港01"),
    # Western outlets and brands keep their Latin form
    ("sources:S07:author_outlet", "The Verge"): ("The Verge", "The Verge"),
    ("events:trik_cnn_start:actor", "CNN"): ("CNN", "CNN"),
    ("events:getty_uk_trial:actor", "Getty Images; Stability AI"): (
        "Getty Images; Stability AI", "Getty Images; Stability AI"),
}


@pytest.mark.parametrize("lang", CHINESE)
def test_names_take_their_chinese_form_where_they_have_one(lang, catalogues):
    column = CHINESE.index(lang)
    got = {key: catalogues[lang][key] for key in NAMED}
    assert got == {key: forms[column] for key, forms in NAMED.items()}
    # the words around a name are translated, the name kept
    s29 = catalogues[lang][("sources:S29:author_outlet",
                            "Cyberspace Administration of China and six other bodies (via CNR)")]
    s40 = catalogues[lang][("sources:S40:author_outlet", "High Court of England and Wales, "
                            "Chancery Division (Mrs Justice Joanna Smith)")]
    if lang == "zh-Hant":
        assert s29.startswith("國家互聯網信息辦公室") and s29.endswith("（經央廣網）")
        assert s40 == "英格蘭及威爾斯高等法院大法官庭（Joanna Smith 法官）"
    else:
        assert s29.startswith("国家互联网信息办公室") and s29.endswith("（经央广网）")
        assert s40 == "英格兰及威尔士高等法院大法官庭（Joanna Smith 法官）"


@pytest.mark.parametrize("lang", CHINESE)
def test_names_reach_the_reader(lang):
    """What a Chinese lesson prints: the tables and a citation use the Chinese names."""
    with i18n.using(lang):
        events = data.load("events").set_index("event_id")
        reading = data.load("sources").set_index("source_id")
        citation = sources.cite("S49", "S07")
    court = "北京互聯網法院" if lang == "zh-Hant" else "北京互联网法院"
    assert reading.at["S49", "author_outlet"] == court
    assert f"[S49] {court}" in citation and "[S07] The Verge" in citation
    assert "Beijing Internet Court" not in citation
    # events.actor is shown in Chinese once it is no longer held back (data._ENTRY_ONLY)
    shown = ("events", "actor") not in data._ENTRY_ONLY
    assert events.at["li_v_liu_judgment", "actor"] == (
        court if shown else "Beijing Internet Court")
    assert events.at["getty_uk_announced", "actor"] == "Getty Images"


@pytest.mark.parametrize("lang", CHINESE)
def test_a_name_kept_in_latin_letters_is_the_english_itself(lang, entries, catalogues):
    """No half-way forms: a name text either has Chinese in it or is exactly the English
    (not a respelling, not only its punctuation changed)."""
    kept = [(ctx, english) for ctx, english in entries if _is_name(ctx)
            and not CJK.search(catalogues[lang][(ctx, english)])]
    assert kept, "some names (The Verge, Kris Kashtanova) stay as in English"
    assert [ctx for ctx, english in kept if catalogues[lang][(ctx, english)] != english] == []


@pytest.mark.parametrize("lang", CHINESE)
def test_no_translation_loses_a_persons_name(lang, entries, catalogues):
    lost, seen = [], set()
    for ctx, english in entries:
        if not _is_name(ctx):
            continue
        chinese = catalogues[lang][(ctx, english)]
        for person in PEOPLE:
            if person in english:
                seen.add(person)
                if person not in chinese:
                    lost.append((ctx, person))
    assert seen == set(PEOPLE)  # every listed person is named somewhere: the test bites
    assert not lost, lost
    # a title is translated, the name kept: 「Joanna Smith 法官」, never 喬安娜·史密斯法官
    judge = catalogues[lang][("events:getty_uk_judgment:actor",
                              "High Court (Mrs Justice Joanna Smith)")]
    assert "Joanna Smith 法官" in judge and "Mrs Justice" not in judge


def test_snow_fish_is_written_as_the_lessons_write_her():
    key = ("events:trik_evidence:actor", "Snow Fish (是雪鱼啊)")
    hant = i18n.read_po(data.catalogue_path("zh-Hant"))[key]
    hans = i18n.read_po(data.catalogue_path("zh-Hans"))[key]
    assert (hant, hans) == ("「是雪魚啊」（Snow Fish）", "“是雪鱼啊”（Snow Fish）")


@pytest.mark.parametrize("lang", CHINESE)
def test_the_case_timelines_group_events_alike_in_every_language(lang):
    """artethics.cases.lofter and .trik put each event on a timeline row by its actor
    (ACTOR_GROUPS, PLATFORM_ACTORS, GROUPS: English keys); the actor's Chinese name must
    not move an event to another row nor drop a platform's step (data._ENTRY_ONLY)."""
    from artethics.cases import lofter, trik

    def shape() -> tuple:
        timeline = lofter.timeline_frame(("lofter",))
        return (timeline.group.factorize()[0].tolist(),
                len(lofter.steps_after_first_reply()), len(lofter.response_days()),
                trik.timeline_frame().group.factorize()[0].tolist())

    english = shape()
    with i18n.using(lang):
        assert shape() == english


# --- loading --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", CHINESE)
@pytest.mark.parametrize("name", data.tables())
def test_load_in_chinese_keeps_everything_but_the_prose(lang, name):
    english = data.load(name)
    with i18n.using(lang):
        chinese = data.load(name)
    assert list(chinese.columns) == list(english.columns)
    assert list(chinese.dtypes) == list(english.dtypes)
    assert chinese.shape == english.shape
    translated = set(data.TRANSLATED.get(name, ())) - {
        c for (t, c) in data._ENTRY_ONLY if t == name}
    chinese_terms = {c for (t, c) in data.CHINESE_FROM if t == name}
    other_language = {c for (t, c) in data.OTHER_LANGUAGE if t == name}
    copied = {c for (t, c) in data.COPIED if t == name}
    for column in english.columns:
        if column in translated | chinese_terms | copied | other_language:
            continue
        pd.testing.assert_series_equal(chinese[column], english[column], obj=f"{name}.{column}")
    names = {c for (t, c) in data.NAMES if t == name} & translated
    for column in names:  # a Chinese name where one exists; the rest exactly as in English
        kept = chinese[column] == english[column]
        assert 0.3 < 1 - kept.mean(), (name, column)
        assert not english[column][kept].map(lambda text: bool(CJK.search(text))).any()
    for column in (translated | copied) - names:
        given = english[column] != ""
        changed = chinese[column][given] != english[column][given]
        assert changed.mean() > 0.9, (name, column)
        assert (chinese[column][~given] == "").all()
    for column in chinese_terms:
        assert chinese[column].map(lambda text: bool(CJK.search(text))).all()
    for column in other_language:  # the English original beside the translated title
        source = data.OTHER_LANGUAGE[(name, column)]
        assert list(chinese[column]) == list(english[source]), (name, column)


@pytest.mark.parametrize("lang", CHINESE)
def test_load_in_chinese_reads_as_chinese(lang):
    with i18n.using(lang):
        cases = data.load("cases").set_index("case_id")
        arguments = data.load("arguments")
        glossary = data.load("glossary").set_index("term")
    assert CJK.search(cases.at["lofter", "summary"])
    # the title in the reader's script, the English original beside it
    assert CJK.search(cases.at["trik", "title"])
    assert cases.at["rembrandt", "title_zh"] == "The Next Rembrandt"
    # each argument still asks its case's question, in the same words
    for row in arguments.itertuples():
        assert row.question == cases.at[row.case_id, "central_question"]
    assert all(CJK.search(text) for text in arguments.claim)
    if lang == "zh-Hant":
        assert glossary.at["training data", "term_zh"] == "訓練數據"
        assert "網易" in cases.at["lofter", "title"]
    else:
        assert glossary.at["training data", "term_zh"] == "训练数据"
        assert "网易" in cases.at["lofter", "title"]


def test_english_is_the_csv_and_keeps_the_simplified_terms():
    with i18n.using("en"):
        glossary = data.load("glossary").set_index("term")
        cases = data.load("cases").set_index("case_id")
    assert glossary.at["training data", "term_zh"] == "训练数据"
    assert glossary.at["training data", "definition"].startswith("The examples")
    assert cases.at["rembrandt", "title"] == "The Next Rembrandt"
    assert cases.at["rembrandt", "title_zh"] == "下一个伦勃朗"


def test_environment_language_is_used(monkeypatch):
    i18n.set_language(None)
    monkeypatch.setenv("ARTETHICS_LANG", "zh-HK")
    assert data.load("cases").set_index("case_id").at["rembrandt", "title"] == "下一個倫勃朗"


def test_loads_are_cached_per_language(monkeypatch):
    with i18n.using("zh-Hans"):
        data.load("facts")
        calls = []
        real = i18n.read_po
        monkeypatch.setattr(i18n, "read_po", lambda path: calls.append(path) or real(path))
        first = data.load("facts")
        first.loc[0, "claim"] = "changed by a caller"
        again = data.load("facts")
    assert calls == []
    assert again.loc[0, "claim"] != "changed by a caller"


# --- a catalogue that is stale, fuzzy, missing or damaged -------------------------------

def _catalogue(kit: Path, lang: str, translations: dict[str, str]) -> Path:
    """Write ``data/i18n/<lang>.po`` for the fixture kit as artethics translate does,
    with ``translations`` (context -> Chinese) filled in."""
    messages = [translate.Message(ctx, text) for ctx, text in data.translatable_entries(kit)]
    path = data.catalogue_path(lang, kit)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(translate.updated_catalogue(path, messages, lang, "test"), encoding="utf-8")
    po = polib.pofile(str(path), wrapwidth=0)
    for entry in po:
        entry.msgstr = translations.get(entry.msgctxt, "")
    po.save(str(path))
    return path


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_fixture_kit_translates_and_falls_back_when_missing(kit):
    _catalogue(kit, "zh-Hant", {"events:first_reply:event": "平台作出回應。"})
    with i18n.using("zh-Hant"):
        events = data.load("events", root=kit).set_index("event_id")
        cases = data.load("cases", root=kit)
    assert events.at["first_reply", "event"] == "平台作出回應。"
    assert events.at["withdrawn", "event"] == "The tool is withdrawn."  # no translation
    assert events.at["withdrawn", "note"] == "month only"
    assert cases.at[0, "title_zh"] == "Fixture case"  # in Chinese: the English original


def test_a_kit_without_catalogues_loads_in_english(kit):
    with i18n.using("zh-Hans"):
        events = data.load("events", root=kit)
    assert events.event.tolist() == ["The platform replies.", "The tool is withdrawn."]


def test_changed_english_falls_back_until_reviewed(kit):
    path = _catalogue(kit, "zh-Hans", {"events:first_reply:event": "平台作出回应。"})
    csv_path = kit / "data" / "events.csv"
    _rewrite(csv_path, "The platform replies.", "The platform replies at night.")
    with i18n.using("zh-Hans"):
        stale = data.load("events", root=kit).set_index("event_id")
    assert stale.at["first_reply", "event"] == "The platform replies at night."
    # artethics translate marks the old translation fuzzy: still English
    messages = [translate.Message(c, t) for c, t in data.translatable_entries(kit)]
    path.write_text(translate.updated_catalogue(path, messages, "zh-Hans", "test"),
                    encoding="utf-8")
    entry = polib.pofile(str(path)).find("The platform replies at night.",
                                         msgctxt="events:first_reply:event")
    assert "fuzzy" in entry.flags and entry.msgstr == "平台作出回应。"
    with i18n.using("zh-Hans"):
        fuzzy = data.load("events", root=kit).set_index("event_id")
    assert fuzzy.at["first_reply", "event"] == "The platform replies at night."
    # a translator reviews it: Chinese again
    po = polib.pofile(str(path), wrapwidth=0)
    entry = po.find("The platform replies at night.", msgctxt="events:first_reply:event")
    entry.flags.remove("fuzzy")
    entry.msgstr = "平台在晚上作出回应。"
    po.save(str(path))
    with i18n.using("zh-Hans"):
        reviewed = data.load("events", root=kit).set_index("event_id")
    assert reviewed.at["first_reply", "event"] == "平台在晚上作出回应。"


def test_a_damaged_catalogue_says_so_and_english_still_loads(kit):
    path = _catalogue(kit, "zh-Hant", {"events:first_reply:event": "平台作出回應。"})
    shutil.copyfile(path, path.with_suffix(".bak"))
    text = path.read_text(encoding="utf-8")  # a merge left its conflict markers behind
    path.write_text(text.replace('msgstr "平台作出回應。"',
                                 '<<<<<<< HEAD\nmsgstr "平台作出回應。"\n=======\n'
                                 'msgstr "平台回應。"\n>>>>>>> other'), encoding="utf-8")
    with i18n.using("zh-Hant"), pytest.raises(ArtethicsError) as caught:
        data.load("events", root=kit)
    message = str(caught.value)
    assert "zh-Hant.po" in message and "PO" in message
    assert data.load("events", root=kit).event[0] == "The platform replies."
    shutil.copyfile(path.with_suffix(".bak"), path)  # repaired: Chinese again
    with i18n.using("zh-Hant"):
        assert data.load("events", root=kit).event[0] == "平台作出回應。"


def test_data_errors_follow_the_language(kit, install_broken):
    install_broken(kit, "events__bad_enum.csv")
    with i18n.using("zh-Hant"), pytest.raises(data.DataError) as caught:
        data.load("events", root=kit)
    assert "第 3 行" in str(caught.value) and "'certain'" in str(caught.value)
    with pytest.raises(data.DataError) as caught:
        data.load("events", root=kit)
    assert "row 3" in str(caught.value) and "one of: high, low, medium" in str(caught.value)
