"""Test-session environment: answers go to a throwaway database, never to the
user's own; no class folder unless a test sets one. Kernels started by nbval or
papermill inherit this environment."""

import os
import tempfile
from pathlib import Path

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="artethics-tests-"))
os.environ["ARTETHICS_DB"] = str(_TMP / "responses.sqlite")
os.environ["ARTETHICS_CLASS_DIR"] = ""
# MPLBACKEND stays unset: kernels then use the inline backend and store figures as
# outputs (with Agg, plt.show() in a kernel shows nothing). This process picks Agg
# by itself when there is no display.
os.environ.pop("MPLBACKEND", None)

# Fixture notebooks are inputs to tests (one loops forever on purpose), not lessons:
# nbval must not collect them.
collect_ignore_glob = ["fixtures/*"]
os.environ.setdefault("PYTHONHASHSEED", "0")


@pytest.fixture(autouse=True)
def _language_as_the_environment_says():
    """A test that sets the kit's language (or runs code that does) leaves it unset, so the
    next test in the same worker starts from ARTETHICS_LANG or English."""
    from artethics import i18n

    yield
    i18n.set_language(None)
