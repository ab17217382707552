"""The kit's three languages: English, Traditional Chinese (Hong Kong usage) and
Simplified Chinese.

English is the source of every text. Translations live in gettext PO catalogues, one
folder per language, which translators edit with any PO tool (Poedit, Lokalize,
Weblate):

- ``src/artethics/locale/<lang>/*.po``: what the package says (widgets, verdicts,
  hints, plot titles, error messages, the dashboard); every ``.po`` file of a
  language's folder is read, so each area of the package keeps its own file;
- ``data/i18n/<lang>.po``: the claims, events, arguments and glossary of ``data/``;
- ``course/i18n/<lang>/<lesson>.po``: the lessons and the student handouts, built
  into ``notebooks/<lang>/`` and ``course/solutions/<lang>/`` by ``artethics translate``.

In a notebook, ``i18n.set_language("zh-Hant")`` (the lesson's setup cell does it)
switches every message the kit prints. Code marks a message for translation with
:func:`_` (``_("Record")``), :func:`pgettext` when one English word needs two
translations, and :func:`ngettext` for counts. A message with ``{fields}`` is
translated first and formatted after: ``_("{n} answers").format(n=3)``.

An entry that is missing, or marked *fuzzy* because its English changed, falls back
to English; the tests make sure none is missing or fuzzy when the kit ships.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import ArtethicsError

LANGUAGES = ("en", "zh-Hant", "zh-Hans")
DEFAULT = "en"
NAMES = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}
# For <html lang>, CSS and matplotlib: the BCP 47 tag a browser understands.
HTML_LANG = {"en": "en", "zh-Hant": "zh-Hant-HK", "zh-Hans": "zh-Hans-CN"}
# The fonts a page in Chinese asks for first: glyph forms its readers expect (Hong Kong
# for zh-Hant, mainland for zh-Hans), on Linux, macOS and Windows.
CJK_FONTS = {
    "zh-Hant": ('"Noto Sans CJK HK", "Noto Sans CJK TC", "Noto Sans HK", "Noto Sans TC", '
                '"Source Han Sans HC", "PingFang HK", "PingFang TC", "Microsoft JhengHei"'),
    "zh-Hans": ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
                '"Hiragino Sans GB", "Microsoft YaHei"'),
}
# JupyterLab's own interface (jupyterlab-language-pack-zh-TW / -zh-CN).
LAB_LOCALE = {"en": "en", "zh-Hant": "zh_TW", "zh-Hans": "zh_CN"}

ALIASES = {
    "en": "en", "en-gb": "en", "en-us": "en", "english": "en", "c": "en", "posix": "en",
    "zh-hant": "zh-Hant", "zh-hk": "zh-Hant", "zh-tw": "zh-Hant", "zh-mo": "zh-Hant",
    "zh-hant-hk": "zh-Hant", "zh-hant-tw": "zh-Hant", "hant": "zh-Hant",
    "zh-hans": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-hans-cn": "zh-Hans",
    "zh": "zh-Hans", "hans": "zh-Hans",
}

LOCALE_DIR = Path(__file__).parent / "locale"

# The catalogue key: (msgctxt or "", msgid) -> msgstr.
Key = tuple[str, str]


class LanguageError(ArtethicsError, ValueError):
    """A language the kit does not have."""


def normalise(lang: str | None) -> str:
    """``lang`` as one of :data:`LANGUAGES`. Accepts the usual spellings (``zh_TW``,
    ``zh-HK``, ``zh-hans``, ``en_GB.UTF-8``); raises :class:`LanguageError` otherwise."""
    if lang is None or not str(lang).strip():
        return DEFAULT
    text = str(lang).strip().split(".")[0].split("@")[0].replace("_", "-").lower()
    if text in ALIASES:
        return ALIASES[text]
    raise LanguageError(
        f"unknown language {lang!r}: the kit is in {', '.join(LANGUAGES)} "
        "(for example set_language('zh-Hant') or ARTETHICS_LANG=zh-Hans)")


def _from_environment() -> str:
    try:
        return normalise(os.environ.get("ARTETHICS_LANG"))
    except LanguageError:
        return DEFAULT


_current: str | None = None


def get_language() -> str:
    """The language messages are printed in: the last :func:`set_language`, else the
    ``ARTETHICS_LANG`` environment variable, else English."""
    return _current if _current is not None else _from_environment()


def set_language(lang: str | None) -> None:
    """Print the kit's messages in ``lang`` from now on, in this process. ``None`` goes
    back to ``ARTETHICS_LANG`` (or English). Returns nothing, so that a lesson's setup
    cell that ends with it shows no output."""
    global _current
    _current = None if lang is None else normalise(lang)


@contextlib.contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Within the block, messages are in ``lang``; the previous language comes back after."""
    global _current
    before = _current
    try:
        set_language(lang)
        yield get_language()
    finally:
        _current = before


def is_chinese(lang: str | None = None) -> bool:
    return (lang or get_language()).startswith("zh")


def read_po(path: Path) -> dict[Key, str]:
    """The translated, non-fuzzy entries of one PO file."""
    import polib

    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise ArtethicsError(f"cannot read the translation catalogue {path}: {exc}. "
                             "Restore it from the kit (git checkout) or fix the PO "
                             "syntax with a PO editor.") from exc
    found: dict[Key, str] = {}
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
            if forms and all(forms):
                found[(entry.msgctxt or "", entry.msgid)] = forms[0]
                found[(entry.msgctxt or "", entry.msgid_plural)] = forms[-1]
        elif entry.msgstr:
            found[(entry.msgctxt or "", entry.msgid)] = entry.msgstr
    return found


@functools.cache
def catalogue(lang: str, folder: str | None = None) -> dict[Key, str]:
    """Every translation of the package's messages into ``lang`` (all ``.po`` files of
    ``locale/<lang>/``, or of ``folder`` when given). English has none."""
    lang = normalise(lang)
    if lang == DEFAULT:
        return {}
    where = Path(folder) if folder else LOCALE_DIR / lang
    found: dict[Key, str] = {}
    for path in sorted(where.glob("*.po")):
        found.update(read_po(path))
    return found


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, for the sense ``context`` names."""
    lang = get_language()
    if lang == DEFAULT:
        return message
    return catalogue(lang).get((context, message), message)


def gettext(message: str) -> str:
    """``message`` in the current language (English when it has no translation)."""
    lang = get_language()
    if lang == DEFAULT:
        return message
    return catalogue(lang).get(("", message), message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for ``n`` (Chinese has one form: the plural's
    translation is used for every ``n`` other than 1, the singular's for 1)."""
    lang = get_language()
    chosen = singular if n == 1 else plural
    if lang == DEFAULT:
        return chosen
    return catalogue(lang).get(("", chosen), chosen)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark only")
    """Mark ``message`` for extraction without translating it now (module-level tables
    whose values are translated where they are shown, with :func:`_`)."""
    return message


_ = gettext
