"""The worker side of ``artethics run``: executes one notebook with papermill.

Runs inside the runner's worker processes (``concurrent.futures`` with the
forkserver or spawn context). Each worker imports papermill once, then runs many
notebooks; it keeps one *spare* kernel booting while the current notebook runs,
so the next notebook does not wait for a kernel to start.

Nothing here runs on import: :func:`init_worker` is the process initializer.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from artethics.tools.common import block_slow_optional_imports

# Statuses, in the words the summary table prints.
OK, FAILED, TIMEOUT, DEAD = "ok", "failed", "timeout", "dead kernel"
TRACEBACK_LINES = 12
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass(frozen=True)
class Task:
    """One notebook to execute (everything picklable)."""

    source: str  # absolute path of the notebook to read (never written)
    name: str  # path relative to the kit root, posix style: the key in every report
    executed: str  # where the executed copy goes
    html: str  # where the HTML handout goes
    parameters: dict = field(default_factory=dict)
    timeout: int = 120
    start_timeout: int = 60


@dataclass(frozen=True)
class Result:
    """What happened to one notebook."""

    name: str
    status: str
    seconds: float
    cell: int | None = None  # index in the *source* notebook (not counting papermill's cell)
    ename: str = ""
    evalue: str = ""
    traceback: tuple[str, ...] = ()


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def source_cell_index(tags_per_cell: list[list[str]], executed_index: int) -> int:
    """Map a cell index in the executed notebook back to the source notebook.

    papermill inserts one cell tagged ``injected-parameters``; cells after it
    shift by one.
    """
    injected = sum(1 for tags in tags_per_cell[:executed_index] if "injected-parameters" in tags)
    return executed_index - injected


def first_traceback_lines(traceback: list[str], limit: int = TRACEBACK_LINES) -> tuple[str, ...]:
    lines = [ln for chunk in traceback for ln in strip_ansi(chunk).splitlines()]
    return tuple(lines[:limit])


# --------------------------------------------------------------------------- worker state
_SPARE: dict = {}  # {"km": KernelManager, "cwd": str, "kernel": name} while a spare is booting
_CURRENT: dict = {}  # the notebook in progress: {"nb_man": ..., "client": ...}
_SOCKETS: dict = {}  # {"dir": private folder for the kernels' IPC sockets, "n": counter}


def init_worker(first_cwd: str | None, kernel_name: str = "python3") -> None:
    """Process initializer: fast imports, papermill once, first spare kernel."""
    # Kernels inherit this: hash-seeded ordering stays the same from run to run.
    os.environ.setdefault("PYTHONHASHSEED", "0")
    block_slow_optional_imports()
    import papermill  # noqa: F401  (imported once per worker, reused for every notebook)

    _register_engine()
    if first_cwd:
        _start_spare(first_cwd, kernel_name)
    from multiprocessing import util

    util.Finalize(None, _cleanup_worker, exitpriority=10)


def _register_engine() -> None:
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class TrackingEngine(NBClientEngine):
        """papermill's nbclient engine, keeping a handle on the notebook and client
        so a timeout or dead kernel still yields the partial notebook and the cell."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            client = PapermillNotebookClient(
                nb_man,
                km=kwargs.get("km"),
                timeout=kwargs.get("execution_timeout"),
                startup_timeout=kwargs.get("start_timeout"),
                kernel_name=kernel_name,
                log_output=False,
            )
            _CURRENT.update(nb_man=nb_man, client=client)
            return client.execute()

    papermill_engines.register("artethics", TrackingEngine)


def _start_spare(cwd: str, kernel_name: str) -> None:
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    # IPC transport: Unix sockets in a private temporary folder, never in the notebook's
    # folder; it also spares every kernel's "running over TCP without encryption" warning.
    if os.name == "posix":
        km = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", ip=_socket_prefix())
    else:
        km = AsyncKernelManager(kernel_name=kernel_name)
    run_sync(km.start_kernel)(cwd=cwd)
    _SPARE.update(km=km, cwd=cwd, kernel=kernel_name)


def _socket_prefix() -> str:
    if "dir" not in _SOCKETS:
        import tempfile

        _SOCKETS["dir"] = tempfile.mkdtemp(prefix="artethics-kernels-")
    _SOCKETS["n"] = _SOCKETS.get("n", 0) + 1
    return str(Path(_SOCKETS["dir"]) / f"k{_SOCKETS['n']}")


def _take_kernel(cwd: str, kernel_name: str):
    """The spare kernel if it fits this notebook, else a fresh one; then boot the next spare."""
    if _SPARE and (_SPARE["cwd"], _SPARE["kernel"]) != (cwd, kernel_name):
        _drop_spare()
    if not _SPARE:
        _start_spare(cwd, kernel_name)
    km = _SPARE.pop("km")
    _SPARE.clear()
    _start_spare(cwd, kernel_name)
    return km


def _shutdown(km, client=None) -> None:
    from jupyter_core.utils import run_sync

    try:
        if client is not None and getattr(client, "kc", None) is not None:
            client.kc.stop_channels()
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # noqa: BLE001  (a kernel that is already gone needs no shutdown)
        pass


def _drop_spare() -> None:
    if _SPARE.get("km") is not None:
        _shutdown(_SPARE["km"])
    _SPARE.clear()


def _cleanup_worker() -> None:
    """At worker exit: the spare kernel and the socket folder go."""
    _drop_spare()
    if _SOCKETS.get("dir"):
        import shutil

        shutil.rmtree(_SOCKETS.pop("dir"), ignore_errors=True)


# --------------------------------------------------------------------------- one notebook
def run_notebook(task: Task) -> Result:
    """Execute one notebook; write the executed copy and the HTML handout."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    cwd = str(Path(task.source).parent)
    Path(task.executed).parent.mkdir(parents=True, exist_ok=True)
    kernel_name = _kernel_name(task.source)
    started = time.perf_counter()
    _CURRENT.clear()
    km = None
    outcome: dict = {"status": OK}
    try:
        km = _take_kernel(cwd, kernel_name)
        papermill.execute_notebook(
            task.source, task.executed, parameters=task.parameters, engine_name="artethics",
            kernel_name=kernel_name, cwd=cwd, km=km, progress_bar=False, log_output=False,
            execution_timeout=task.timeout, start_timeout=task.start_timeout,
            request_save_on_cell_execute=False,
        )
    except PapermillExecutionError as err:
        outcome = _error_outcome(FAILED, err.ename, err.evalue, err.traceback, err.cell_index)
    except Exception as err:  # noqa: BLE001  (every way a run can end is reported, never raised)
        outcome = _crash_outcome(err, task)
    finally:
        if km is not None:
            _shutdown(km, _CURRENT.get("client"))
    seconds = time.perf_counter() - started
    if Path(task.executed).exists():
        try:
            write_html(nbformat.read(task.executed, as_version=4), task.html)
        except Exception as err:  # noqa: BLE001  (reported like a failed cell)
            outcome = {"status": FAILED, "ename": type(err).__name__,
                       "evalue": f"writing the HTML handout failed: {err}"}
    return Result(name=task.name, seconds=round(seconds, 2), **outcome)


def _kernel_name(path: str) -> str:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return nb.metadata.get("kernelspec", {}).get("name") or "python3"


def _error_outcome(status, ename, evalue, traceback, executed_index) -> dict:
    nb_man = _CURRENT.get("nb_man")
    tags = [c.get("metadata", {}).get("tags", []) for c in nb_man.nb.cells] if nb_man else []
    cell = source_cell_index(tags, executed_index) if executed_index is not None else None
    return {
        "status": status, "cell": cell, "ename": ename, "evalue": strip_ansi(str(evalue)),
        "traceback": first_traceback_lines(list(traceback or [])),
    }


def _crash_outcome(err: Exception, task: Task) -> dict:
    """A timeout, a dead kernel, a kernel that never started: save what ran, find the cell."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    if isinstance(err, CellTimeoutError):
        status = TIMEOUT
    elif isinstance(err, DeadKernelError) or "Kernel didn't respond" in str(err):
        status = DEAD
    else:
        status = FAILED
    nb_man = _CURRENT.get("nb_man")
    index = None
    if nb_man is not None:
        index = _last_started_cell(nb_man.nb)
        _save_partial(nb_man.nb, task.executed)
    message = str(err).strip().splitlines()
    return _error_outcome(status, type(err).__name__, message[0] if message else "",
                          message[1:], index)


def _last_started_cell(nb) -> int | None:
    started = [i for i, c in enumerate(nb.cells)
               if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    return started[-1] if started else None


def _save_partial(nb, path: str) -> None:
    import nbformat

    nbformat.write(nb, path)


# --------------------------------------------------------------------------- HTML handouts
# The default "lab" template with every remote <script> removed, so a handout opens
# offline without reaching any CDN: require.js and the widget manager (not needed for
# static outputs), MathJax (TeX in Markdown then shows as written), mermaid (unused).
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def html_exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_file="artethics_offline.html.j2",
        extra_loaders=[DictLoader({"artethics_offline.html.j2": OFFLINE_TEMPLATE})],
    )


def write_html(nb, path: str) -> None:
    body, _ = html_exporter().from_notebook_node(nb)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(body, encoding="utf-8")
