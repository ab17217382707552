"""The worker side of ``artethics run``: executes one notebook with papermill.

Runs inside the runner's worker processes (``concurrent.futures`` with the
forkserver or spawn context). Each worker imports papermill once, then runs many
notebooks; it keeps one *spare* kernel booting while the current notebook runs,
so the next notebook does not wait for a kernel to start, nor for pandas,
matplotlib and the kit to be imported: the spare imports them (:data:`WARM_MODULES`,
imports only, silently: no name, no history, no execution count) as soon as it is
up. Every notebook still gets a fresh kernel process of its own, which runs exactly
that one notebook and is shut down after it. On Linux that process is forked from
the worker's zygote (:mod:`artethics.tools.kernel_zygote`), which has imported
ipykernel and the same heavy modules once, so the spare is up and warm in a fraction
of the CPU time; where the zygote cannot fork it, the kernel is launched as usual.

The HTML handout (:func:`write_html`) is written by the runner's main process,
off the workers' critical path.

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
# What a spare kernel imports before a notebook is assigned to it: the heavy modules
# (in the order a lesson imports them) and the kit's lesson modules. Importing them
# has no side effect on what a notebook shows (the kit's modules promise no side
# effects on import); a notebook that imports them again finds them loaded.
WARM_MODULES = (
    "numpy", "pandas", "matplotlib", "matplotlib.pyplot", "ipywidgets",
    "artethics.data", "artethics.sources", "artethics.tables", "artethics.plotting",
    "artethics.reflection", "artethics.exercises", "artethics.widgets",
)
# One expression run with silent=True, store_history=False: it binds no name in the
# notebook's namespace, stores no history or output and leaves the execution count
# at 0. An import that fails stops the warm-up quietly; the notebook then imports
# (and reports) for itself. It ends by registering ipywidgets' comm targets, which
# ipywidgets does on import only inside IPython: a kernel forked from the zygote
# (kernel_zygote) imported it before its shell existed. Registering twice is harmless.
WARM_CODE = ("(lambda load, names: [load(name) for name in names]"
             " and load('ipywidgets').register_comm_target())"
             f"(__import__('importlib').import_module, {WARM_MODULES!r})")

_SPARE: dict = {}  # {"km", "kc" (warm-up client), "cwd", "kernel"} while a spare is booting
_CURRENT: dict = {}  # the notebook in progress: {"nb_man": ..., "client": ...}
_SOCKETS: dict = {}  # {"dir": private folder for the kernels' IPC sockets, "n": counter}


def init_worker(first_cwd: str | None, kernel_name: str = "python3",
                environment: dict[str, str | None] | None = None,
                inherit: dict[str, str] | None = None) -> None:
    """Process initializer: the kernels' environment, fast imports, papermill once,
    first spare kernel. ``inherit``, when given, is the caller's whole environment at
    the time of the run (a forkserver started earlier would otherwise hand on the
    environment it had then); ``environment`` then sets (str) or removes (None)
    variables that every kernel of this worker inherits (e.g. where answers are
    recorded)."""
    if inherit is not None:
        os.environ.clear()
        os.environ.update(inherit)
    # Kernels inherit this: hash-seeded ordering stays the same from run to run.
    os.environ.setdefault("PYTHONHASHSEED", "0")
    for name, value in sorted((environment or {}).items()):
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
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

    from artethics.tools import kernel_zygote

    # IPC transport: Unix sockets in a private temporary folder, never in the notebook's
    # folder; it also spares every kernel's "running over TCP without encryption" warning.
    if os.name == "posix":
        km = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", ip=_socket_prefix())
    else:
        km = AsyncKernelManager(kernel_name=kernel_name)
    kernel_zygote.use_zygote(km)  # forked from this worker's zygote when it can be
    run_sync(km.start_kernel)(cwd=cwd)
    _SPARE.update(km=km, kc=_warm_up(km), cwd=cwd, kernel=kernel_name)


def _warm_up(km):
    """Ask the booting kernel to import :data:`WARM_MODULES`; returns the client.

    Only sends: the request waits in the kernel's queue until it is up and runs
    while the worker's current notebook runs. The client stays open (a closed
    socket could drop the request) until the kernel is taken or dropped.
    """
    from jupyter_client.blocking import BlockingKernelClient

    kc = BlockingKernelClient()
    kc.load_connection_info(km.get_connection_info())
    kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
    kc.execute(WARM_CODE, silent=True, store_history=False, allow_stdin=False)
    return kc


def _socket_prefix() -> str:
    if "dir" not in _SOCKETS:
        import tempfile

        _SOCKETS["dir"] = tempfile.mkdtemp(prefix="artethics-kernels-")
    _SOCKETS["n"] = _SOCKETS.get("n", 0) + 1
    return str(Path(_SOCKETS["dir"]) / f"k{_SOCKETS['n']}")


def _take_kernel(cwd: str, kernel_name: str, timeout: float):
    """The spare kernel (else a fresh one, if the spare runs another kernel), warmed
    up and in this notebook's folder; then boot the next spare. Returns (manager,
    warm-up client)."""
    if _SPARE and _SPARE["kernel"] != kernel_name:
        _drop_spare()
    if not _SPARE:
        _start_spare(cwd, kernel_name)
    km, kc = _SPARE.pop("km"), _SPARE.pop("kc")
    _SPARE.clear()
    try:
        _settle(km, kc, cwd, timeout)
    except BaseException:
        _shutdown(km, kc)
        raise
    _start_spare(cwd, kernel_name)
    return km, kc


def _settle(km, kc, cwd: str, timeout: float) -> None:
    """Wait until the spare kernel has finished its warm-up (the notebook's first cell
    must not wait behind it, nor count its time), and move it into the notebook's
    folder, as if it had been started there (spares start in the first notebook's)."""
    from queue import Empty

    from jupyter_core.utils import run_sync

    msg_id = kc.execute(f"__import__('os').chdir({cwd!r})", silent=True,
                        store_history=False, allow_stdin=False)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reply = kc.get_shell_msg(timeout=1)
        except Empty:
            if not run_sync(km.is_alive)():
                raise RuntimeError("Kernel died before the notebook started") from None
            continue
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            if reply["content"].get("status") != "ok":
                raise RuntimeError(f"the kernel could not change to the folder {cwd}")
            return
    raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


def _shutdown(km, *clients) -> None:
    """Close the clients' channels (an nbclient client's or a kernel client) and stop
    the kernel at once."""
    from jupyter_core.utils import run_sync

    try:
        for client in clients:
            kc = getattr(client, "kc", client)
            if kc is not None and hasattr(kc, "stop_channels"):
                kc.stop_channels()
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # noqa: BLE001  (a kernel that is already gone needs no shutdown)
        pass


def _drop_spare() -> None:
    if _SPARE.get("km") is not None:
        _shutdown(_SPARE["km"], _SPARE.get("kc"))
    _SPARE.clear()


def _cleanup_worker() -> None:
    """At worker exit: the spare kernel, the zygote and the socket folder go."""
    _drop_spare()
    from artethics.tools import kernel_zygote

    kernel_zygote.close()
    if _SOCKETS.get("dir"):
        import shutil

        shutil.rmtree(_SOCKETS.pop("dir"), ignore_errors=True)


# --------------------------------------------------------------------------- one notebook
def run_notebook(task: Task) -> Result:
    """Execute one notebook in a kernel of its own; write the executed copy."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    cwd = str(Path(task.source).parent)
    Path(task.executed).parent.mkdir(parents=True, exist_ok=True)
    kernel_name = _kernel_name(task.source)
    started = time.perf_counter()
    _CURRENT.clear()
    km = warm_kc = None
    outcome: dict = {"status": OK}
    try:
        # the warm-up's imports are what the first cell would do: its time limit too
        km, warm_kc = _take_kernel(cwd, kernel_name, task.start_timeout + task.timeout)
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
            _shutdown(km, _CURRENT.get("client"), warm_kc)
    seconds = time.perf_counter() - started
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
    elif isinstance(err, DeadKernelError) or any(
            words in str(err) for words in ("Kernel didn't respond", "Kernel died")):
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
# offline without reaching any CDN: require.js and the widget manager (the handout
# shows each widget's static HTML instead), MathJax (TeX in Markdown then shows as
# written), mermaid (unused). Chinese text gets a font stack that has its glyphs on
# Linux, macOS and Windows alike.
CJK_FONTS = ('"Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans SC", "Noto Sans TC", '
             '"Source Han Sans SC", "PingFang SC", "PingFang TC", "Hiragino Sans GB", '
             '"Microsoft YaHei", "Microsoft JhengHei", "WenQuanYi Micro Hei"')
HANDOUT_CSS = f"""
/* artethics: Chinese (Simplified and Traditional) text in a font that has the glyphs */
:root {{
  --jp-ui-font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, {CJK_FONTS},
    sans-serif;
  --jp-content-font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, {CJK_FONTS},
    sans-serif;
  --jp-code-font-family: Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC",
    {CJK_FONTS}, monospace;
}}
body {{ font-family: var(--jp-content-font-family); }}
"""
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">""" + HANDOUT_CSS + """</style>
{%- endblock html_head_css -%}
"""
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SOLUTION_MARKER = re.compile(r"^[ \t]*###[ \t]*(BEGIN|END)[ \t]+SOLUTION[ \t]*(\r?\n|$)", re.M)


def html_exporter():
    """One exporter per process (its templates and filters compile once)."""
    if "exporter" not in _EXPORTER:
        from jinja2 import DictLoader
        from nbconvert import HTMLExporter

        _EXPORTER["exporter"] = HTMLExporter(
            template_file="artethics_offline.html.j2",
            extra_loaders=[DictLoader({"artethics_offline.html.j2": OFFLINE_TEMPLATE})],
        )
    return _EXPORTER["exporter"]


_EXPORTER: dict = {}


def handout_notebook(nb):
    """A copy of an executed notebook as a handout shows it: no live widget views
    (each widget output's static HTML shows instead; an output that is only a widget
    view, with nothing static to show, goes), no widget state, no ``### BEGIN/END
    SOLUTION`` marker lines."""
    import copy

    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = SOLUTION_MARKER.sub("", cell.source)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if "data" not in o or o.data]
    return nb


_URL = re.compile(r"https?://[^\s<>\"']+")
_SKIPPED = re.compile(r"<(script|style|textarea|title|svg)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_ENTITY_TAIL = re.compile(r"&(?:gt|lt|quot|apos|#x?[0-9a-f]+);?$", re.I)


def linkify(html: str) -> str:
    """Make every bare http(s) address in the text of ``html`` a link; addresses
    already in a link, in tags, scripts, styles, comments or SVG stay as they are."""
    out, depth, pos = [], 0, 0
    while pos < len(html):
        found = _SKIPPED.match(html, pos) or _TAG.match(html, pos)
        if found is not None:
            token = found.group(0)
            low = token[:3].lower()
            if low.startswith("<a") and (len(token) == 2 or not token[2].isalnum()):
                depth += 1
            elif low == "</a":
                depth = max(0, depth - 1)
            out.append(token)
            pos += len(token)
            continue
        nxt = html.find("<", pos + 1) if html[pos] == "<" else html.find("<", pos)
        end = len(html) if nxt == -1 else nxt
        text = html[pos:end]
        out.append(text if depth else _URL.sub(_link, text))
        pos = end
    return "".join(out)


def _link(match: re.Match) -> str:
    url, tail = match.group(0), ""
    while True:
        entity = _ENTITY_TAIL.search(url)
        if entity and entity.start() > len("https://"):
            url, tail = url[:entity.start()], url[entity.start():] + tail
        elif url[-1] in ".,;:!?]}'\"" or (url[-1] == ")" and url.count("(") < url.count(")")):
            url, tail = url[:-1], url[-1] + tail
        else:
            break
    return f'<a href="{url}">{url}</a>{tail}'


def in_language(body: str, lang: str) -> str:
    """A handout page that says its language (``<html lang="zh-Hant-HK">``, which also
    lets a browser pick the right glyphs) and, in Chinese, asks first for fonts made
    for its readers (:data:`artethics.i18n.CJK_FONTS`)."""
    from artethics import i18n

    lang = i18n.normalise(lang) if lang in i18n.LANGUAGES else i18n.DEFAULT
    body = re.sub(r'<html lang="[^"]*"', f'<html lang="{i18n.HTML_LANG[lang]}"', body, count=1)
    if lang in i18n.CJK_FONTS:
        stack = f"system-ui, {i18n.CJK_FONTS[lang]}, {CJK_FONTS}, sans-serif"
        style = (f"<style>/* artethics: {lang} */ :root {{ --jp-ui-font-family: {stack}; "
                 f"--jp-content-font-family: {stack}; }} body {{ font-family: {stack}; }}"
                 "</style>\n")
        body = body.replace("</head>", style + "</head>", 1)
    return body


def write_html(nb, path: str) -> None:
    """The handout of an executed notebook: offline, static widgets, clickable links, in
    the notebook's language."""
    body, _ = html_exporter().from_notebook_node(handout_notebook(nb))
    lang = nb.metadata.get("artethics", {}).get("lang", "en")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(linkify(in_language(body, str(lang))), encoding="utf-8")
