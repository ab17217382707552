"""Helpers shared by the demos: seed checks, figures and the kit's look.

Nothing here runs on import. ``_style()`` is called by the plotting functions
only, at draw time.
"""

from __future__ import annotations

import numpy as np

# Okabe–Ito colour-blind-safe palette. Used only when ``artethics.plotting``
# is not available; every plot also tells its series apart by line style,
# marker or hatching, so no meaning rests on colour alone.
OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)


def check_seed(seed) -> int:
    """Return ``seed`` as an int, or say clearly what is wrong with it."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise TypeError(
            f"seed must be a whole number such as 0 or 42, got {seed!r} "
            f"({type(seed).__name__}). Pass e.g. seed=0."
        )
    if seed < 0:
        raise ValueError(f"seed must be 0 or more, got {seed}. Pass e.g. seed=0.")
    return int(seed)


def check_positive_int(name: str, value, minimum: int = 1) -> int:
    """Return ``value`` as an int >= ``minimum`` or raise a message naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be a whole number, got {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}.")
    return int(value)


def palette() -> tuple[str, ...]:
    """The kit's colours: ``artethics.plotting``'s palette when it exists."""
    try:
        from artethics import plotting
    except ImportError:
        return OKABE_ITO
    colours = getattr(plotting, "PALETTE", None) or getattr(plotting, "OKABE_ITO", None)
    return tuple(colours) if colours else OKABE_ITO


def _style() -> None:
    """Apply the kit's look (CJK font, palette) if ``artethics.plotting`` exists.

    Until it does, matplotlib's defaults are used unchanged.
    """
    try:
        from artethics import plotting
    except ImportError:
        return
    setup = getattr(plotting, "setup", None)
    if callable(setup):
        setup()


def new_figure(fig=None, figsize=(10, 6)):
    """Return ``fig`` cleared for drawing, or a new pyplot figure of ``figsize``."""
    _style()
    if fig is None:
        import matplotlib.pyplot as plt

        return plt.figure(figsize=figsize)
    fig.clear()
    return fig
