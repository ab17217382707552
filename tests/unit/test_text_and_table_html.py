"""Escaping for Markdown/HTML outputs (artethics.text) and the readable table HTML
(tables.table_html, what FullTable shows in JupyterLab and in the handouts)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd

from artethics import orientation, tables
from artethics.text import DOLLAR, escape_html, escape_markdown, linkify


class Cells(HTMLParser):
    """Every th/td of a table: (tag, style, text, links)."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict] = []
        self.current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("th", "td"):
            self.current = {"tag": tag, "style": attrs.get("style", ""), "text": "",
                            "links": []}
            self.cells.append(self.current)
        elif tag == "a" and self.current is not None:
            self.current["links"].append(attrs)

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data


def cells_of(html: str) -> list[dict]:
    parser = Cells()
    parser.feed(html)
    return parser.cells


def style(cell: dict) -> dict:
    return dict(part.split(":", 1) for part in cell["style"].split(";") if part)


def test_no_two_dollar_signs_share_a_run_of_text():
    shown = escape_markdown("sold for US$432,500 against US$7,000-10,000")
    assert "$" not in shown
    assert shown.count(DOLLAR) == 2
    assert shown == f"sold for US{DOLLAR}432,500 against US{DOLLAR}7,000-10,000"


def test_markdown_keeps_its_own_marks_but_not_html():
    assert escape_markdown("**bold** it's \"quoted\"") == "**bold** it's \"quoted\""
    assert escape_markdown("<script>x</script> & co") == "&lt;script&gt;x&lt;/script&gt; &amp; co"
    assert escape_html('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"


def test_linkify_makes_addresses_links_and_escapes_the_rest():
    html = linkify("see https://example.org/a?b=1&c=2. <b>not bold</b> $5")
    assert '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" ' \
           'rel="noopener noreferrer">' in html
    assert html.count("<a ") == 1 and "</a>. &lt;b&gt;not bold&lt;/b&gt; " in html
    assert html.endswith(f"{DOLLAR}5")
    assert linkify("javascript:alert(1)") == "javascript:alert(1)"


def test_case_cards_show_dollar_amounts_as_text():
    text = orientation.case_cards().data
    assert "US$" not in text and f"US{DOLLAR}432,500" in text
    assert f"US{DOLLAR}728,784" in text and "$" not in text.replace(DOLLAR, "")


def test_table_text_reads_from_the_left_and_long_text_gets_a_readable_width():
    frame = pd.DataFrame({"note": ["a sentence " * 10, "x " * 60], "title": ["short", "y" * 41],
                          "count": [3, 12000]}, index=pd.Index(["a", "b"], name="id"))
    cells = cells_of(tables.readable(frame)._repr_html_())
    head, rows = cells[:4], cells[4:]
    assert [c["text"] for c in head] == ["id", "note", "title", "count"]
    assert all(c["tag"] == "th" for c in head)
    note, title, count = rows[1], rows[2], rows[3]
    assert style(note)["text-align"] == "left" and style(note)["white-space"] == "normal"
    assert style(note)["min-width"] == "18em" and style(note)["max-width"] == "36em"
    assert style(title)["min-width"] == "8em" and style(title)["max-width"] == "20em"
    assert style(count)["text-align"] == "right" and count["text"] == "3"
    assert rows[7]["text"] == "12000"
    short = cells_of(tables.table_html(pd.DataFrame({"a": ["x", "y"]})))[-1]
    assert "min-width" not in style(short) and style(short)["text-align"] == "left"


def test_dates_stay_on_one_line():
    frame = pd.DataFrame({"when": pd.to_datetime(["2023-03-06", "2024-11-30"]),
                          "date": ["6 Mar 2023", "Nov 2024"], "iso": ["2023-03", "2024-11-30"]})
    cells = cells_of(tables.table_html(frame))
    body = [c for c in cells if c["tag"] == "td"]
    assert [c["text"] for c in body[:3]] == ["2023-03-06", "6 Mar 2023", "2023-03"]
    assert all(style(c)["white-space"] == "nowrap" for c in body)


def test_reading_list_links_are_clickable_and_everything_else_is_escaped():
    frame = tables.reading_list(["S15", "S16"], {"S15": "Read <i>it</i> for US$432,500"})
    html = tables.readable(frame)._repr_html_()
    cells = cells_of(html)
    url_cells = [c for c in cells if c["links"]]
    assert len(url_cells) == 2
    assert [c["links"][0]["href"] for c in url_cells] == list(frame["url"])
    assert all(c["links"][0]["target"] == "_blank" for c in url_cells)
    assert "<i>" not in html and "&lt;i&gt;it&lt;/i&gt;" in html
    assert re.search(r"US\$", html) is None and f"US{DOLLAR}432,500" in html
    dates = [c for c in cells if c["text"] in ("26 Oct 2018", "25 Oct 2018")]
    assert len(dates) == 2 and all(style(c)["white-space"] == "nowrap" for c in dates)


def test_missing_values_are_empty_cells_not_nan():
    frame = pd.DataFrame({"a": [1.5, float("nan")], "b": ["x", None]})
    texts = [c["text"] for c in cells_of(tables.table_html(frame)) if c["tag"] == "td"]
    assert texts == ["1.5", "x", "", ""]


def test_a_chinese_handout_says_its_language_and_asks_for_its_readers_fonts():
    from artethics.tools.papermill_worker import in_language

    page = '<!DOCTYPE html>\n<html lang="en">\n<head><style>x</style></head><body>文</body></html>'
    hant, hans, english = (in_language(page, lang) for lang in ("zh-Hant", "zh-Hans", "en"))
    assert '<html lang="zh-Hant-HK">' in hant and '<html lang="zh-Hans-CN">' in hans
    assert hant.index("Noto Sans CJK HK") < hant.index("Noto Sans CJK SC")
    assert "Microsoft JhengHei" in hant and "Microsoft YaHei" in hans
    assert "Noto Sans CJK HK" not in hans
    assert hant.index("artethics: zh-Hant") < hant.index("</head>")  # a style in the head
    assert english == page  # English handouts are as before
    assert '<html lang="en">' in in_language(page, "klingon")  # an odd value changes nothing
