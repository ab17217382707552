"""Fixtures for the data tests: a tiny valid kit root copied per test, so a test can
break one table without touching the real data or the other tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "data"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/data/minimal (data/ and seeds/) in a temporary folder."""
    root = tmp_path / "kit"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


@pytest.fixture
def install_broken():
    """A function that replaces one table of a kit root with ``broken/<table>__<fault>.csv``."""

    def install(root: Path, broken_name: str) -> None:
        table = broken_name.split("__")[0]
        shutil.copyfile(FIXTURES / "broken" / broken_name, root / "data" / f"{table}.csv")

    return install
