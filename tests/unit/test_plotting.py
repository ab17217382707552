"""The kit's plotting look: CJK glyphs, no side effects on import, stable files."""

from __future__ import annotations

import hashlib
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from artethics import plotting  # noqa: E402

CJK = ["小红书", "网易 LOFTER", "大理寺日志"]


@pytest.fixture(autouse=True)
def _clean_rc():
    with matplotlib.rc_context():
        yield
    plt.close("all")


def _draw(fig) -> None:
    fig.canvas.draw()


def test_import_changes_no_rcparams():
    import importlib

    before = dict(matplotlib.rcParams)
    importlib.reload(plotting)
    assert dict(matplotlib.rcParams) == before


def test_setup_is_idempotent_and_sets_the_cjk_font():
    plotting.setup()
    plotting.setup()
    assert matplotlib.rcParams["font.sans-serif"][:2] == ["Noto Sans CJK SC", "DejaVu Sans"]
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    names = [f.name for f in matplotlib.font_manager.fontManager.ttflist]
    assert names.count("Noto Sans CJK SC") == 1


def test_chinese_labels_render_without_missing_glyph_warnings(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plotting.bar(CJK, [1, 2, 3], title="平台 · platforms", source_ids=["S06"])
        _draw(fig)
    assert capsys.readouterr().out == ""  # the caption is in the figure, nothing printed


def test_without_setup_the_default_font_would_warn():
    """Guards the test above: it can fail, because DejaVu alone lacks these glyphs."""
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title(CJK[0])
        with pytest.warns(UserWarning, match="missing from font"):
            _draw(fig)


def test_bar_uses_colour_and_hatch_and_caption():
    fig = plotting.bar(["a", "b"], [1, 2], source_ids=["S06", "S07"])
    patches = fig.axes[0].patches
    assert [p.get_hatch() or "" for p in patches] == ["", "//"]
    assert len({tuple(p.get_facecolor()) for p in patches}) == 2
    assert any("S06" in t.get_text() and "S07" in t.get_text() for t in fig.texts)


def test_bar_refuses_mismatched_lengths():
    with pytest.raises(ValueError, match="2 labels but 1 values"):
        plotting.bar(["a", "b"], [1])


def test_timeline_groups_get_distinct_markers_and_sorted_rows():
    events = pd.DataFrame({"date": ["2023-03-08", "2023-03-06", "2018-10-25"],
                           "event": ["withdrawn", "first reply", "sale"],
                           "case_id": ["lofter", "lofter", "belamy"]})
    fig = plotting.timeline(events, group="case_id", title="时间线", source_ids=["S19"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["belamy", "lofter"]
    markers = {c.get_paths()[0].vertices.tobytes() for c in ax.collections}
    assert len(markers) == 2


def test_timeline_names_missing_columns():
    with pytest.raises(ValueError, match="lacks the column"):
        plotting.timeline(pd.DataFrame({"when": []}))


def test_saved_png_and_svg_are_byte_stable(tmp_path):
    digests = []
    for n in range(2):
        fig = plotting.bar(CJK, [3, 1, 2], source_ids=["S20"])
        for suffix in ("png", "svg"):
            path = tmp_path / f"f{n}.{suffix}"
            plotting.save(fig, path)
            digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
        plt.close(fig)
    assert digests[:2] == digests[2:]
    assert b"Date" not in (tmp_path / "f0.svg").read_bytes().split(b"<svg")[0]


def test_style_cycles_and_never_relies_on_colour_alone():
    looks = [plotting.style(i) for i in range(len(plotting.PALETTE))]
    assert len({look["marker"] for look in looks}) == len(looks)
    assert len({look["hatch"] for look in looks}) == len(looks)
    assert plotting.style(len(plotting.PALETTE)) == plotting.style(0)
