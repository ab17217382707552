"""Check this notebook from inside it: ``check_this_notebook()``.

The checking itself is instructor tooling (``artethics check``, in
:mod:`artethics.tools.check`); this lesson-side helper runs that command on the saved
notebook in a separate process and prints its verdict, so nothing a lesson imports
depends on the tooling, and the check never runs inside the student's own kernel.

The check never runs a cell that calls this function (it would start a check inside
the check), and a call inside a checked kernel only says it is skipped. The command runs
in its own process group, which is killed when it ends or takes too long: nothing it
started is left running.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from artethics.i18n import _, get_language

# Set in the environment of every notebook being checked, so that a self-check cell
# inside a checked notebook does not start a check of its own.
INSIDE_CHECK = "ARTETHICS_INSIDE_CHECK"
# The command's last line for an instructor ("3 of 40 notebooks pass every exercise.").
_TALLY = re.compile(r"^\d+ of \d+ notebooks? pass")
# Variables the check does not need and a notebook must not pass on (the class's salt
# and folder, the answers database).
_PRIVATE = ("ARTETHICS_SALT", "ARTETHICS_CLASS_DIR", "ARTETHICS_DB", "ARTETHICS_PSEUDONYMISE")


def this_notebook_path() -> Path | None:
    """The running notebook's file (JPY_SESSION_NAME, set by jupyter-server), or None."""
    name = os.environ.get("JPY_SESSION_NAME", "")
    if not name:
        return None
    path = Path(name)
    # Some servers give the path from their root folder; the kernel runs in the notebook's.
    return path if path.exists() or path.is_absolute() else Path(path.name)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass


def check_this_notebook(path: str | Path | None = None, timeout: float = 60,
                        manifest: str | Path | None = None) -> None:
    """Check the saved copy of this notebook and print the verdict. Save first (Ctrl+S).

    ``manifest`` is a check manifest other than the kit's (for tests and authors)."""
    if os.environ.get(INSIDE_CHECK):
        print(_("(The self-check is skipped while the notebook itself is being checked.)"))
        return
    if not isinstance(timeout, int | float) or not 0 < timeout <= 86400:  # also NaN, inf
        print(_("timeout must be a number of seconds above 0 and at most 86400, not "
                "{timeout!r}.").format(timeout=timeout))
        return
    target = Path(path) if path is not None else this_notebook_path()
    if target is None:
        print(_("Cannot tell which notebook this is (are you outside JupyterLab?). Pass its "
                "file name: check_this_notebook('03_lofter.ipynb')."))
        return
    print(_("Checking the last SAVED version of this notebook: save it first (Ctrl+S / ⌘S)."),
          flush=True)
    env = {k: v for k, v in os.environ.items() if k not in _PRIVATE}
    env[INSIDE_CHECK] = "1"
    # The lesson's language (set_language in its setup cell), for what the check says
    # before it has read the notebook's own language from its metadata.
    env["ARTETHICS_LANG"] = get_language()
    extra = ["--manifest", str(manifest)] if manifest is not None else []
    limit = 120 + 10 * timeout  # the check's own limits stop it well before this
    proc = subprocess.Popen([sys.executable, "-m", "artethics", "check", "--jobs", "1",
                             "--timeout", f"{timeout:g}", *extra, str(target)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace", env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        print(_("The check did not finish within {limit:g} s and was stopped. Run every cell "
                "from the top (Restart Kernel and Run All Cells), save, and try again.").format(
                    limit=limit))
        return
    finally:
        _kill_group(proc)  # anything the check left in its group
    print(_for_the_student(out, err, proc.returncode, target))


def _for_the_student(out: str, err: str, code: int | None, target: Path) -> str:
    """The command's report, worded for one student: the notebook's own name instead of a
    path, and no instructor's tally of notebooks at the end."""
    said = [line for line in out.splitlines() if line.strip()]
    # The tally is the command's last line, in whatever language: not a report's heading
    # (which starts with the path), one of its indented lines, or an unreadable file's ✘.
    if said and not said[-1].startswith((" ", str(target), "✘")):
        said = said[:-1]
    lines = [line.replace(str(target), target.name) for line in said
             if not _TALLY.match(line)]
    if code not in (0, 1) or not lines:
        lines += [line for line in err.splitlines() if line.strip()][-5:]
    if code == 0 and lines:
        lines.append(_("Every exercise passes. Well done!"))
    elif code == 1 and lines:
        lines.append(_("Fix the exercises marked ✘ or …, save (Ctrl+S), and check again."))
    return "\n".join(lines) if lines else _("The check printed nothing; try again.")
