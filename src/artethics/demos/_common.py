"""Helpers shared by the demos: seed checks, figures and the kit's look.

Nothing here runs on import. ``_style()`` is called by the plotting functions
only, at draw time.
"""

from __future__ import annotations

import numpy as np

from artethics.i18n import _


def check_seed(seed) -> int:
    """Return ``seed`` as an int, or say clearly what is wrong with it."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise TypeError(
            _("seed must be a whole number such as 0 or 42, got {seed} ({type}). Pass e.g. "
              "seed=0.").format(seed=repr(seed), type=type(seed).__name__)
        )
    if seed < 0:
        raise ValueError(_("seed must be 0 or more, got {seed}. Pass e.g. seed=0.").format(
            seed=seed))
    return int(seed)


def check_positive_int(name: str, value, minimum: int = 1) -> int:
    """Return ``value`` as an int >= ``minimum`` or raise a message naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(_("{name} must be a whole number, got {value}.").format(
            name=name, value=repr(value)))
    if value < minimum:
        raise ValueError(_("{name} must be at least {minimum}, got {value}.").format(
            name=name, minimum=minimum, value=value))
    return int(value)


def palette() -> tuple[str, ...]:
    """The kit's colour-blind-safe colours (Okabe–Ito, from ``artethics.plotting``).

    Index 0 blue, 1 orange, 2 green, 3 vermillion. Every demo plot also tells
    series apart by line style, marker or hatching, never by colour alone.
    """
    from artethics import plotting

    return tuple(plotting.PALETTE)


def _style() -> None:
    """Apply the kit's look (CJK font, rcParams) at draw time, never on import."""
    from artethics import plotting

    plotting.setup()


def new_figure(fig=None, figsize=(10, 6)):
    """Return ``fig`` cleared for drawing, or a new pyplot figure of ``figsize``."""
    _style()
    if fig is None:
        import matplotlib.pyplot as plt

        return plt.figure(figsize=figsize)
    fig.clear()
    return fig


def sklearn_file(relative: str):
    """Path of a data file inside the installed scikit-learn, or None.

    Found without importing scikit-learn (slow to import), so the demos can
    read the sample photos and digits it ships in a fraction of a second.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None
