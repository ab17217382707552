"""Check this notebook from inside it: ``check_this_notebook()``.

The checking itself is instructor tooling (``artethics check``, in
:mod:`artethics.tools.check`); this lesson-side helper runs that command on the saved
notebook in a separate process and prints its verdict, so nothing a lesson imports
depends on the tooling, and the check never runs inside the student's own kernel.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Set in the environment of every notebook being checked, so that a self-check cell
# inside a checked notebook does not start a check of its own.
INSIDE_CHECK = "ARTETHICS_INSIDE_CHECK"


def this_notebook_path() -> Path | None:
    """The running notebook's file (JPY_SESSION_NAME, set by jupyter-server), or None."""
    name = os.environ.get("JPY_SESSION_NAME", "")
    if not name:
        return None
    path = Path(name)
    # Some servers give the path from their root folder; the kernel runs in the notebook's.
    return path if path.exists() or path.is_absolute() else Path(path.name)


def check_this_notebook(path: str | Path | None = None, timeout: float = 60,
                        manifest: str | Path | None = None) -> None:
    """Check the saved copy of this notebook and print the verdict. Save first (Ctrl+S).

    ``manifest`` is a check manifest other than the kit's (for tests and authors)."""
    if os.environ.get(INSIDE_CHECK):
        print("(The self-check is skipped while the notebook itself is being checked.)")
        return
    target = Path(path) if path is not None else this_notebook_path()
    if target is None:
        print("Cannot tell which notebook this is (are you outside JupyterLab?). Pass its "
              "file name: check_this_notebook('03_lofter.ipynb').")
        return
    print("Checking the last SAVED version of this notebook: save it first (Ctrl+S / ⌘S).",
          flush=True)
    env = dict(os.environ, **{INSIDE_CHECK: "1"})
    extra = ["--manifest", str(manifest)] if manifest is not None else []
    done = subprocess.run([sys.executable, "-m", "artethics", "check", "--jobs", "1",
                           "--timeout", f"{timeout:g}", *extra, str(target)],
                          capture_output=True, text=True, encoding="utf-8", env=env)
    print((done.stdout + done.stderr).strip())
