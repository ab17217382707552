"""The translation machinery: cutting texts into catalogue entries and building them back,
catalogue updates that flag changed English, and the language switch itself."""

import ast
import copy
import textwrap

import nbformat
import polib
import pytest

from artethics import i18n, paths
from artethics.tools import nbform, translate

LESSONS = sorted(paths.solutions_dir().glob("[0-9][0-9]_*.ipynb"))


# --- i18n ------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "expected"), [
    ("en", "en"), ("en_GB.UTF-8", "en"), (None, "en"), ("", "en"),
    ("zh-Hant", "zh-Hant"), ("zh_HK", "zh-Hant"), ("zh-TW", "zh-Hant"), ("ZH-HANT", "zh-Hant"),
    ("zh-Hans", "zh-Hans"), ("zh_CN.UTF-8", "zh-Hans"), ("zh", "zh-Hans"),
])
def test_languages_are_recognised_however_spelled(given, expected):
    assert i18n.normalise(given) == expected


def test_an_unknown_language_says_which_exist():
    with pytest.raises(i18n.LanguageError, match="en, zh-Hant, zh-Hans"):
        i18n.set_language("fr")
    assert i18n.get_language() == "en"


def test_using_restores_the_language_before_it(monkeypatch):
    monkeypatch.delenv("ARTETHICS_LANG", raising=False)
    with i18n.using("zh-Hant"):
        assert i18n.get_language() == "zh-Hant"
        with i18n.using("zh-Hans"):
            assert i18n.get_language() == "zh-Hans"
        assert i18n.get_language() == "zh-Hant"
    assert i18n.get_language() == "en"


def test_the_environment_chooses_the_language_until_set(monkeypatch):
    monkeypatch.setenv("ARTETHICS_LANG", "zh_HK")
    assert i18n.get_language() == "zh-Hant"
    monkeypatch.setenv("ARTETHICS_LANG", "klingon")
    assert i18n.get_language() == "en"  # a bad variable never breaks a lesson


def _catalogue(tmp_path, entries, lang="zh-Hant"):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        po.append(entry)
    folder = tmp_path / lang
    folder.mkdir(parents=True, exist_ok=True)
    po.save(str(folder / "test.po"))
    return folder


def test_lookups_skip_fuzzy_and_empty_entries_and_fall_back_to_english(tmp_path, monkeypatch):
    folder = _catalogue(tmp_path, [
        polib.POEntry(msgid="Record", msgstr="記錄"),
        polib.POEntry(msgid="Changed", msgstr="舊譯", flags=["fuzzy"]),
        polib.POEntry(msgid="Empty", msgstr=""),
        polib.POEntry(msgctxt="verb", msgid="Check", msgstr="檢查"),
    ])
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with i18n.using("zh-Hant"):
            assert i18n._("Record") == "記錄"
            assert i18n._("Changed") == "Changed"
            assert i18n._("Empty") == "Empty"
            assert i18n._("Check") == "Check"
            assert i18n.pgettext("verb", "Check") == "檢查"
        assert i18n._("Record") == "Record"
    finally:
        i18n.catalogue.cache_clear()
    assert folder.exists()


def test_a_corrupt_catalogue_says_what_to_do(tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_text("this is not a PO file\n", encoding="utf-8")
    with pytest.raises(i18n.ArtethicsError, match="PO"):
        i18n.read_po(bad)
    bad.write_bytes(b"\xff\xfe not UTF-8")
    with pytest.raises(i18n.ArtethicsError, match="bad.po"):
        i18n.read_po(bad)


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_blocks_give_the_text_back_and_leave_code_fences_alone():
    text = ("# Title\n\nA paragraph\nover two lines.\n\n```python\nx = 1\n\ny = 2\n```\n\n"
            "- apples\n- pears")
    blocks = translate.markdown_blocks(text)
    assert "".join(b for b, _ in blocks) == text
    assert [b for b, prose in blocks if prose] == ["# Title", "A paragraph\nover two lines.",
                                                   "- apples\n- pears"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lessons_markdown_survives_cutting(path):
    for cell in nbform.read(path).cells:
        if cell.cell_type == "markdown":
            text = nbform.source(cell)
            assert "".join(b for b, _ in translate.markdown_blocks(text)) == text


# --- code --------------------------------------------------------------------------------


CODE = textwrap.dedent('''\
    student: str = "anonymous"  # your name or a pseudonym
    pledge = fact_value("lofter_compensation_offer")
    print(f"LOFTER promised RMB {pledge:,} for each image proven to infringe.")
    fig = plot(data, title="The tool, day by day")
    reply = ("A long answer that goes on "
             "over two lines of code.")
    query = facts.query("case_id == 'lofter'")
    ### BEGIN SOLUTION
    text = """
    I think so, for two reasons.
    """
    ### END SOLUTION''')


def test_only_prose_in_code_is_offered_for_translation():
    found = [m.msgid for m in translate.extract_code(CODE, "c")]
    assert found == ["your name or a pseudonym",
                     "LOFTER promised RMB {pledge:,} for each image proven to infringe.",
                     "The tool, day by day",
                     "A long answer that goes on over two lines of code.",
                     "I think so, for two reasons."]


def test_translated_code_keeps_its_code_fields_and_quotes():
    lookup = {(m.context, m.msgid): "譯：" + m.msgid.split()[0] + (
        " {pledge:,}" if "{pledge" in m.msgid else "")
        for m in translate.extract_code(CODE, "c")}
    missing: list = []
    out = translate.translate_code(CODE, "c", lookup, missing)
    assert not missing
    ast.parse(out)  # still Python
    assert 'student: str = "anonymous"  # 譯：your' in out
    assert 'print(f"譯：LOFTER {pledge:,}")' in out
    assert 'fact_value("lofter_compensation_offer")' in out
    assert "facts.query(\"case_id == 'lofter'\")" in out
    assert '### BEGIN SOLUTION' in out and '### END SOLUTION' in out
    assert 'text = """\n譯：I\n"""' in out  # the newlines around a long text are kept


def test_untranslated_code_is_left_exactly_as_written():
    out = translate.translate_code(CODE, "c", {}, missing := [])
    assert out == CODE and len(missing) == 5


def test_quotes_and_backslashes_in_a_translation_stay_valid_python():
    code = 'label = "Say it plainly"\n'
    lookup = {("c:code:0", "Say it plainly"): '他說："好\\不好"'}
    out = translate.translate_code(code, "c", lookup, [])
    assert ast.literal_eval(out.split("=", 1)[1].strip()) == '他說："好\\不好"'


# --- notebooks ---------------------------------------------------------------------------


def _fake(messages, mark="譯"):
    return {(m.context, m.msgid): f"{mark}{i}" + "".join(
        translate.PLACEHOLDER.findall(m.msgid)) for i, m in enumerate(messages)}


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_a_translated_lesson_keeps_every_cell_id_and_line_of_code(path):
    nb = nbform.read(path)
    messages = translate.extract_notebook(nb)
    out = translate.translate_notebook(nb, "zh-Hant", _fake(messages), missing := [])
    assert not missing
    assert out.metadata["artethics"]["lang"] == "zh-Hant"
    assert [(c.id, c.cell_type, c.metadata) for c in out.cells] == [
        (c.id, c.cell_type, c.metadata) for c in nb.cells]
    for before, after in zip(nb.cells, out.cells, strict=True):
        if before.cell_type == "code":
            assert _shape(nbform.source(before)) == _shape(nbform.source(after)), before.id
    setup = [nbform.source(c) for c in out.cells if "set_language(" in nbform.source(c)]
    assert setup and 'set_language("zh-Hant")' in setup[0]
    # the English notebook is untouched
    assert 'set_language("en")' in "".join(nbform.source(c) for c in nb.cells)


def _shape(code: str) -> str:
    """The code with every string and comment blanked: what translation may not change."""
    tree = ast.parse("\n".join(line for line in code.splitlines()
                               if not line.lstrip().startswith("%")))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
        if isinstance(node, ast.JoinedStr):
            node.values = [v for v in node.values if not isinstance(v, ast.Constant)]
    return ast.dump(tree).replace("'en'", "'lang'").replace("'zh-Hant'", "'lang'")


def test_outputs_are_kept_only_where_a_cells_source_is_unchanged():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print('a b c')", id="one"),
                nbformat.v4.new_code_cell("x = 1", id="two")]
    stored = copy.deepcopy(nb)
    for cell in stored.cells:
        cell.outputs = [nbformat.v4.new_output("stream", text="old\n")]
        cell.execution_count = 1
    stored.cells[0].source = "print('changed since')"
    built = translate.keep_outputs(copy.deepcopy(nb), stored)
    assert built.cells[0].outputs == [] and built.cells[0].execution_count is None
    assert built.cells[1].outputs[0]["text"] == "old\n"


# --- catalogues --------------------------------------------------------------------------


def test_a_changed_english_text_keeps_its_translation_marked_fuzzy(tmp_path):
    path = tmp_path / "zh-Hant.po"
    first = [translate.Message("cell:0", "Old text."), translate.Message("cell:1", "Gone.")]
    path.write_text(translate.updated_catalogue(path, first, "zh-Hant", "t"), encoding="utf-8")
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = "舊文。" if entry.msgid == "Old text." else "已刪。"
    po.save()
    second = [translate.Message("cell:0", "New text."), translate.Message("cell:2", "Added.")]
    path.write_text(translate.updated_catalogue(path, second, "zh-Hant", "t"), encoding="utf-8")
    po = polib.pofile(str(path))
    changed = po.find("New text.", msgctxt="cell:0")
    assert changed.msgstr == "舊文。" and "fuzzy" in changed.flags
    assert changed.previous_msgid == "Old text."
    assert po.find("Added.", msgctxt="cell:2").msgstr == ""
    assert [e.msgid for e in po.obsolete_entries()] == ["Gone."]
    found = translate.completeness(path, second)
    assert found.fuzzy == [("cell:0", "New text.")]
    assert found.missing == [("cell:2", "Added.")]
    # and a fuzzy entry is English to the reader until reviewed
    assert ("cell:0", "New text.") not in i18n.read_po(path)


def test_a_translation_that_loses_a_field_is_reported(tmp_path):
    path = tmp_path / "zh-Hans.po"
    messages = [translate.Message("", "{n} answers from {who}")]
    path.write_text(translate.updated_catalogue(path, messages, "zh-Hans", "t"), encoding="utf-8")
    po = polib.pofile(str(path))
    po[0].msgstr = "{n} 个回答"
    po.save()
    assert translate.completeness(path, messages).bad_fields == [("", "{n} answers from {who}")]


def test_marked_messages_are_extracted_from_the_package(tmp_path, monkeypatch):
    module = tmp_path / "widgets" / "demo.py"
    module.parent.mkdir()
    module.write_text(textwrap.dedent('''\
        from artethics.i18n import N_, _, ngettext, pgettext
        LABELS = {"go": N_("Go on")}
        def show(n, name):
            print(_("Hello {name}").format(name=name))
            print(pgettext("button", "Record"))
            print(ngettext("{n} answer", "{n} answers", n).format(n=n))
            print(_(name))  # not a literal: nothing to extract
        '''), encoding="utf-8")
    monkeypatch.setattr(translate, "PACKAGE", tmp_path)
    found = translate.extract_package()
    assert list(found) == ["widgets"]
    assert [(m.context, m.msgid, m.plural) for m in found["widgets"]] == [
        ("", "Go on", ""), ("", "Hello {name}", ""), ("button", "Record", ""),
        ("", "{n} answer", "{n} answers")]


def test_package_areas_keep_separate_catalogues():
    package = translate.PACKAGE
    assert translate.package_area(package / "widgets" / "poll.py") == "widgets"
    assert translate.package_area(package / "plotting.py") == "plotting"
    assert translate.package_area(package / "tools" / "check" / "verdicts.py") == "check"
    assert translate.package_area(package / "tools" / "dashboard.py") == "dashboard"


def test_the_command_needs_no_names_and_is_in_the_command_table():
    from artethics.tools.cli import COMMANDS

    assert COMMANDS["translate"].module == "artethics.tools.translate"


def test_long_chinese_code_strings_are_cut_between_words_not_inside_them():
    text = ("巴拉特的程式碼固然重要，但 Obvious 挑選了約一萬五千幅肖像來訓練模型"
            "（belamy_training_portraits），製作了 11 幅的系列，"
            "並挑選、印刷和裝裱了其中一幅（S16）。")
    for pieces in (2, 3, 4, 5):
        parts = translate._chunks(text, pieces)
        assert "".join(parts) == text
        assert not any(p[0] in translate.CJK_BREAKS for p in parts[1:]), parts
        assert any("belamy_training_portraits" in p for p in parts), parts
