"""Readable lessons: at most 1,500 words of narrative in what a student opens.

Counted on the student copies (instructor cells are already dropped there): the words of
Markdown cells, leaving out code blocks, tables, HTML comments and link targets. Code,
tables printed by code and the session plans do not count.
"""

from __future__ import annotations

import json
import re

import pytest

from artethics import paths

MAX_WORDS = 1500
WORD = re.compile(r"[^\W_][\w'’\-]*")  # a Latin word, a number, or a run of CJK characters


def narrative_words(markdown: str) -> int:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link counts by its words, not its address
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    return len(WORD.findall(text))


def lesson_words(path) -> int:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum(narrative_words("".join(c["source"])) for c in nb["cells"]
               if c["cell_type"] == "markdown")


LESSONS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))


def test_the_counter_skips_code_tables_comments_and_addresses():
    text = ("Two words.\n\n```python\nx = 1 + 2\n```\n| a | b |\n|---|---|\n<!-- note -->\n"
            "[read this](https://example.org/a/very/long/path)")
    assert narrative_words(text) == 4  # Two, words, read, this


def test_the_limit_can_fail():
    assert narrative_words("word " * (MAX_WORDS + 1)) > MAX_WORDS


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_a_lesson_has_at_most_1500_words_of_narrative(path):
    words = lesson_words(path)
    assert words <= MAX_WORDS, (f"{path.name}: {words} words of narrative (limit {MAX_WORDS}); "
                                "move instructor notes to the session plan, cut repetition")
