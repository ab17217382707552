"""Test-session environment: answers go to a throwaway database, never to the
user's own; no class folder unless a test sets one. Kernels started by nbval or
papermill inherit this environment."""

import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="artethics-tests-"))
os.environ["ARTETHICS_DB"] = str(_TMP / "responses.sqlite")
os.environ["ARTETHICS_CLASS_DIR"] = ""
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("PYTHONHASHSEED", "0")
