"""Text the kit writes into Markdown or HTML outputs, escaped so it reads as written.

JupyterLab, nbconvert's HTML handouts and most notebook viewers run MathJax over every
Markdown and HTML output: a sentence with two dollar signs ("US$432,500 against US$7,000")
turns into italic maths between them. A backslash (``\\$``) or the entity ``&#36;`` alone
does not help, because the page's MathJax reads the rendered text. What works in all of
them: the dollar sign as the entity ``&#36;`` inside its own ``<span>``, so that no two
dollar signs share one run of text. Measured in JupyterLab 4 in Chromium (tests/browser).

Use :func:`escape_markdown` for data text put into a Markdown output (it leaves Markdown's
own marks such as ``**`` alone, so a template may use them around the values) and
:func:`escape_html` for text put into HTML.

:func:`text_length` measures what a student wrote, in words or, for Chinese, in characters.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

__all__ = ["DOLLAR", "HAN", "URL", "escape_html", "escape_markdown", "linkify", "text_length"]

# Chinese characters (CJK Unified Ideographs, extension A, compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")


def text_length(text: str, words: Callable[[str], Sequence[str]] = str.split
                ) -> tuple[int, bool]:
    """(length, in_characters). A text written mostly in Chinese is measured in
    characters, each Latin word in it counting as one; any other text in ``words``."""
    han = len(_HAN_CHAR.findall(text))
    other = len(words(_HAN_CHAR.sub(" ", text)))
    if han and han >= other:
        return han + other, True
    return other, False

#: A dollar sign that no MathJax reads as the start or end of maths.
DOLLAR = "<span>&#36;</span>"
#: A web address in running text (stops before closing punctuation).
URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def escape_html(text: object) -> str:
    """``text`` as HTML: ``&``, ``<``, ``>`` and quotes escaped, every ``$`` a :data:`DOLLAR`."""
    return html.escape(str(text), quote=True).replace("$", DOLLAR)


def escape_markdown(text: object) -> str:
    """``text`` for a Markdown output: HTML characters escaped and every ``$`` a
    :data:`DOLLAR`, so amounts never turn into maths. Markdown's marks (``*``, ``_``,
    backticks) are kept: escape the data values, or a whole template that has no HTML."""
    return escape_html(text).replace("&quot;", '"').replace("&#x27;", "'")


def linkify(text: object) -> str:
    """``text`` as HTML with every web address a link that opens in a new tab; the rest
    escaped with :func:`escape_html`."""
    text = str(text)
    parts, last = [], 0
    for found in URL.finditer(text):
        parts.append(escape_html(text[last:found.start()]))
        address = found.group(0)
        parts.append(f'<a href="{html.escape(address, quote=True)}" target="_blank" '
                     f'rel="noopener noreferrer">{escape_html(address)}</a>')
        last = found.end()
    parts.append(escape_html(text[last:]))
    return "".join(parts)
