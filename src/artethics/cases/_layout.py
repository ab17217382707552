"""Room on a figure for what the kit draws around the plot (source captions, slanted labels)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def room_for_caption(fig: Figure, source_ids: Sequence[str]) -> None:
    """Re-lay the figure so a long source caption (drawn at the bottom) does not overlap."""
    from artethics import plotting

    width, height = fig.get_size_inches()
    chars_per_line = max(40, int(width * 17))
    lines = -(-plotting.display_width(plotting.caption(source_ids)) // chars_per_line)
    fig.tight_layout(rect=(0, min(0.45, (0.2 + 0.16 * lines) / height), 1, 1))


def room_for_labels(ax: Axes, x_margin: float) -> None:
    """Head-room above the rows and extra room on the right for the slanted event labels."""
    low, high = ax.get_ylim()
    ax.set_ylim(low, high + 0.9)
    ax.margins(x=x_margin)
    left, right = ax.get_xlim()
    ax.set_xlim(left, right + 0.08 * (right - left))
