"""The kit's look: CJK font, colour-blind-safe palette, figure helpers.

Nothing happens on import. :func:`setup` (called by every helper, idempotent)
registers the OFL-licensed Noto Sans CJK font from the ``noto_cjk_sans_otc``
package, so 小红书, 网易 LOFTER and 大理寺日志 render without missing glyphs.

Colour is never the only channel: each series also gets a hatch and a marker.
Every helper draws a source caption line under the axes (``cite(...)``),
prints nothing and returns the Figure (end the cell with ``;`` so no repr shows).

    from artethics import plotting
    plotting.bar(["LOFTER", "小红书"], [3, 5], title="…", source_ids=["S20"]);
    plotting.timeline(events_df, title="…", source_ids=["S06"]);
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Sequence

from artethics.i18n import _, get_language

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision types.
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
                            "#56B4E9", "#F0E442", "#000000")
HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
FONT_FAMILIES = ["Noto Sans CJK SC", "DejaVu Sans"]
# Traditional Chinese in Hong Kong's glyph forms (the same OTC file holds every region).
FONT_FAMILIES_BY_LANGUAGE = {"zh-Hant": ["Noto Sans CJK HK", "Noto Sans CJK SC", "DejaVu Sans"]}
# No timestamps or software versions in saved files, so they are byte-stable.
SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                 "pdf": {"CreationDate": None, "ModDate": None, "Producer": None,
                         "Creator": None}}

def setup() -> None:
    """Register the CJK font and the kit's rcParams (the glyph forms of the current
    language: Hong Kong's for zh-Hant). Safe to call many times."""
    import matplotlib as mpl
    import noto_cjk_sans_otc
    from matplotlib import font_manager

    path = str(noto_cjk_sans_otc.FONT_PATH)
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    mpl.rcParams["font.sans-serif"] = FONT_FAMILIES_BY_LANGUAGE.get(get_language(),
                                                                   FONT_FAMILIES)
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["axes.unicode_minus"] = False
    mpl.rcParams["svg.hashsalt"] = "artethics"
    # The CJK font has one weight; a bold title falls back to it. Say so once here,
    # rather than as a "findfont: Failed to find font weight bold" line in every output.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


def style(index: int) -> dict:
    """Colour, hatch and marker of series number ``index`` (cycles)."""
    return {"color": PALETTE[index % len(PALETTE)], "hatch": HATCHES[index % len(HATCHES)],
            "marker": MARKERS[index % len(MARKERS)]}


def caption(source_ids: Sequence[str] = (), note: str = "") -> str:
    """The source line printed under a figure."""
    ids = [str(i) for i in source_ids]
    line = ""
    if ids:
        from artethics.sources import cite

        line = cite(*ids)
    return " ".join(part for part in (note, line) if part)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a plot: a Chinese character (or full-width sign) counts 2."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (see :func:`display_width`). Text
    without wide characters is wrapped as :func:`textwrap.wrap` does; Chinese may break
    between any two characters, Latin words are kept whole."""
    if display_width(text) == len(text):
        return textwrap.wrap(text, width)
    import re

    lines, line = [], ""
    for token in re.findall(r"[^\S\n]+|[A-Za-z0-9$%.,:;/()'\"\[\]_-]+|\S", text):
        closing = token in "，。、；：！？」』）”’"  # never at the start of a line
        if display_width(line + token) > width and line.strip() and not closing:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _finish(fig, title: str, source_ids: Sequence[str], note: str):
    """Title, then the caption drawn under the axes inside the figure (nothing printed)."""
    if title:
        fig.axes[0].set_title(title)
    text = caption(source_ids, note)
    bottom = 0.0
    if text:
        width_chars = max(40, int(fig.get_figwidth() * 16))  # about 16 characters an inch at 8 pt
        lines = wrap(text, width_chars)
        fig.text(0.01, 0.01, "\n".join(lines), fontsize=8, ha="left", va="bottom")
        line_height = 8 * 1.35 / 72 / fig.get_figheight()  # one 8 pt line, as a figure fraction
        bottom = min(0.45, 0.02 + line_height * len(lines) + 0.06)
    fig.tight_layout(rect=(0, bottom, 1, 1))
    return fig


def bar(labels: Sequence[str], values: Sequence[float], *, title: str = "",
        ylabel: str = "", source_ids: Sequence[str] = (), note: str = "",
        figsize: tuple[float, float] = (6, 3.2)):
    """A bar chart; each bar has its own colour *and* hatch, and its value written on it."""
    import matplotlib.pyplot as plt

    if len(labels) != len(values):
        raise ValueError(_("bar(): {labels} labels but {values} values; give one value per "
                           "label.").format(labels=len(labels), values=len(values)))
    setup()
    fig, ax = plt.subplots(figsize=figsize)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        look = style(i)
        ax.bar(i, value, color=look["color"], hatch=look["hatch"], edgecolor="black",
               label=str(label))
        ax.annotate(f"{value:g}", (i, value), ha="center", va="bottom")
    ax.set_xticks(range(len(labels)), [str(x) for x in labels])
    ax.set_ylabel(ylabel)
    return _finish(fig, title, source_ids, note)


def timeline(events, *, date: str = "date", label: str = "event", group: str | None = None,
             title: str = "", source_ids: Sequence[str] = (), note: str = "",
             figsize: tuple[float, float] = (7, 3.5)):
    """Events on a time axis, one row per group, each group its own colour *and* marker.

    ``events`` is a DataFrame with a date column (ISO text or datetime) and a label column.
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    missing = [c for c in (date, label, group) if c and c not in events.columns]
    if missing:
        raise ValueError(_("timeline(): events lacks the column(s) {missing}; it has "
                           "{columns}.").format(missing=", ".join(missing),
                                                columns=", ".join(map(str, events.columns))))
    setup()
    frame = events.assign(_when=pd.to_datetime(events[date])).sort_values(["_when", label])
    groups = sorted(frame[group].astype(str).unique()) if group else [""]
    fig, ax = plt.subplots(figsize=figsize)
    for row_index, name in enumerate(groups):
        part = frame[frame[group].astype(str) == name] if group else frame
        look = style(row_index)
        ax.scatter(part["_when"], [row_index] * len(part), color=look["color"],
                   marker=look["marker"], edgecolor="black", zorder=3, label=name or None)
        for when, text in zip(part["_when"], part[label].astype(str), strict=True):
            ax.annotate(text, (when, row_index), xytext=(0, 8), textcoords="offset points",
                        rotation=20, fontsize=8)
    ax.set_yticks(range(len(groups)), groups)
    ax.grid(axis="x", linestyle=":")
    return _finish(fig, title, source_ids, note)


def save(fig, path, **kwargs) -> None:
    """Save without timestamps or version strings (byte-stable for PNG, SVG, PDF)."""
    suffix = str(path).rsplit(".", 1)[-1].lower()
    metadata = SAVE_METADATA.get(suffix, {})
    fig.savefig(path, metadata=metadata, **kwargs)
