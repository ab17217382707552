"""Where the kit's folders are, whichever directory a notebook runs from."""

from __future__ import annotations

import os
from pathlib import Path


def root() -> Path:
    """The kit's top folder (the one holding data/, seeds/, notebooks/, course/).

    ``ARTETHICS_ROOT`` overrides it, e.g. when the package is installed
    elsewhere than its source checkout.
    """
    override = os.environ.get("ARTETHICS_ROOT")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2]


def notebooks_dir() -> Path:
    return root() / "notebooks"


def solutions_dir() -> Path:
    return root() / "course" / "solutions"


def build_dir() -> Path:
    return root() / "build"
