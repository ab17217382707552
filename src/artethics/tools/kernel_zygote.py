"""Kernels forked from a template process that has already imported the heavy modules.

Every lesson's kernel spends about 2 s of CPU importing the same things before its
first cell does any work of its own: ipykernel and IPython, numpy, pandas,
matplotlib, ipywidgets and the kit's lesson modules. ``artethics run`` pays that once
per worker instead: each worker starts one *zygote*, a small process that imports
those modules once and then, on request, forks. The forked child becomes a fresh
kernel (``python -m ipykernel_launcher -f CONNECTION_FILE``, run as ``__main__``
exactly as the kernel spec's command would run it) with the notebook's folder,
environment and process group, and runs only that one notebook.

Why it is safe, and what is checked (anything unusual falls back to a normal launch):

- **No threads at fork.** The zygote is its own process (``subprocess``, never
  forked from the worker, which runs asyncio, zmq and their threads). It creates no
  zmq context and no event loop. Before it answers "ready" it counts its threads:
  none but the main one, apart from OpenBLAS's pool, which OpenBLAS itself stops
  before a fork and restarts after it (``pthread_atfork``). Any other thread, and the
  zygote refuses to fork: every kernel is then launched the normal way.
- **Same environment.** The zygote is started with exactly the environment the
  kernels get (the kernel manager's own, ``JPY_PARENT_PID`` included), because some
  variables are read once, at import (``MPLBACKEND`` by matplotlib,
  ``OPENBLAS_NUM_THREADS`` by numpy, ``PYTHONHASHSEED`` at start). A request with any
  other environment, another interpreter or another kernel command is launched the
  normal way. ``PYTHONHASHSEED`` must be set to a number: a forked child would
  otherwise share its hash seed with its siblings.
- **Imported as in a kernel.** ipykernel sets ``MPLBACKEND`` to the inline backend
  before any cell runs; the zygote does the same before importing matplotlib (and
  the child's environment is then exactly the requested one again, where ipykernel
  sets it the same way). pandas decides at import whether it is in a terminal (a
  ``get_ipython`` that has a ``kernel`` means "no": 20 columns, not "fit the
  terminal"); the zygote imports it with such a ``get_ipython`` in ``builtins``,
  as a cell would, and removes it afterwards. ipywidgets registers its comm targets
  on import only inside IPython: the runner's warm-up request, which runs in the
  child's shell, calls ``ipywidgets.register_comm_target()`` again. No matplotlib
  backend is loaded before the fork (it loads, as usual, when the notebook draws).
- **A fresh process for each notebook.** The child calls ``setsid()`` (its own process
  group, as ``start_new_session`` gives a normal kernel), gets a closed pipe as stdin,
  the notebook's folder as working directory, ``sys.argv`` and ``sys.path`` as
  ``python -m ipykernel_launcher`` would set them, a ``__main__`` of its own, none of
  the zygote's own modules in ``sys.modules``, and reseeds numpy's legacy global
  generator from the OS (Python's ``random`` reseeds itself after a fork). It never
  returns to the zygote's loop: it exits when its kernel exits.
- **Lifetime.** The worker holds the zygote's socket; when the worker goes, the
  zygote kills the process groups of the kernels it forked and exits. The kernel
  manager's process handle is a small stand-in for ``Popen`` (:class:`ForkedKernel`):
  signals go straight to the kernel's process group, the exit status comes from the
  zygote, which is the child's parent and reaps it.

Nothing here runs on import. The worker side is :func:`use_zygote` (give a kernel
manager a provisioner that forks) and :func:`close`; the zygote side is :func:`main`,
run as ``python -c "from artethics.tools import kernel_zygote; kernel_zygote.main()" FD``.
Set ``ARTETHICS_FORK_KERNELS=0`` to launch every kernel the normal way.
"""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

# What the zygote imports, in this order: what ipykernel itself imports to start a
# kernel, then what a lesson imports (papermill_worker.WARM_MODULES is added to it).
KERNEL_MODULES = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell",
    "IPython.core.interactiveshell", "IPython.core.completer",
)
SWITCH = "ARTETHICS_FORK_KERNELS"  # "0": launch every kernel the normal way
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
READY_TIMEOUT = 120.0  # seconds the zygote may take to import its modules


class ZygoteUnavailable(RuntimeError):
    """The zygote cannot fork this kernel; launch it the normal way."""


# =========================================================================== worker side
class Zygote:
    """The worker's handle on its zygote: one socket, one request at a time."""

    def __init__(self, env: dict[str, str], modules: Sequence[str]):
        import subprocess

        ours, theirs = socket.socketpair()
        self.env = dict(env)
        self.lock = threading.Lock()
        self.buffer = b""
        self.sock = ours
        self.proc = subprocess.Popen(
            [sys.executable, "-c",
             "from artethics.tools import kernel_zygote; kernel_zygote.main()",
             str(theirs.fileno()), *modules],
            env=self.env, cwd="/", stdin=subprocess.DEVNULL, pass_fds=(theirs.fileno(),))
        theirs.close()
        self.ready = self._read(timeout=READY_TIMEOUT)
        if not self.ready.get("ok"):
            self.close()
            raise ZygoteUnavailable(self.ready.get("error", "the zygote did not start"))

    # one JSON line each way
    def _send(self, message: dict) -> None:
        self.sock.sendall(json.dumps(message).encode("utf-8") + b"\n")

    def _read(self, timeout: float | None = 30.0) -> dict:
        self.sock.settimeout(timeout)
        try:
            while b"\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ZygoteUnavailable("the zygote has exited")
                self.buffer += chunk
        except OSError as err:  # a timeout too
            raise ZygoteUnavailable(f"no answer from the zygote ({err})") from None
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def ask(self, message: dict, timeout: float | None = 30.0) -> dict:
        with self.lock:
            if self.proc.poll() is not None:
                raise ZygoteUnavailable("the zygote has exited")
            try:
                self._send(message)
            except OSError as err:
                raise ZygoteUnavailable(f"the zygote is gone ({err})") from None
            return self._read(timeout)

    def spawn(self, cmd: Sequence[str], env: dict[str, str], cwd: str) -> int:
        """Fork a kernel running ``cmd``; its pid. Raises ZygoteUnavailable when the
        request differs from what the zygote was made for."""
        reason = mismatch(cmd, env, self.env)
        if reason:
            raise ZygoteUnavailable(reason)
        answer = self.ask({"op": "spawn", "args": list(cmd[3:]), "cwd": cwd, "env": env})
        if "pid" not in answer:
            raise ZygoteUnavailable(answer.get("error", "the zygote could not fork"))
        return int(answer["pid"])

    def status(self, pid: int) -> int | None:
        """The kernel's exit code (negative: killed by that signal), None while it runs."""
        try:
            answer = self.ask({"op": "poll", "pid": pid})
        except ZygoteUnavailable:  # the zygote is gone, and its children with it
            return None if _exists(pid) else -signal.SIGKILL
        return answer.get("status")

    def close(self) -> None:
        try:
            self.sock.close()  # the zygote sees EOF: it kills its kernels and exits
        finally:
            try:
                self.proc.wait(timeout=10)
            except Exception:  # noqa: BLE001  (a zygote that hangs is killed)
                self.proc.kill()
                self.proc.wait()


def mismatch(cmd: Sequence[str], env: dict[str, str], zygote_env: dict[str, str]) -> str:
    """Why a kernel launch cannot be forked from a zygote made with ``zygote_env``
    ("" when it can)."""
    if len(cmd) < 3 or list(cmd[1:3]) != ["-m", "ipykernel_launcher"]:
        return f"not an ipykernel command: {list(cmd)[:3]}"
    if not _same_file(cmd[0], sys.executable):
        return f"another interpreter: {cmd[0]}"
    if env.get("PYTHONHASHSEED", "random") == "random":
        return "PYTHONHASHSEED is not set to a number (forked kernels would share one)"
    if env != zygote_env:
        names = sorted(k for k in set(env) | set(zygote_env) if env.get(k) != zygote_env.get(k))
        return "another environment: " + ", ".join(names[:5])
    return ""


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ForkedKernel:
    """What the kernel manager needs of a ``Popen`` for a kernel the zygote forked."""

    stdin = stdout = stderr = None

    def __init__(self, zygote: Zygote, pid: int):
        self.zygote, self.pid = zygote, pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self.zygote.status(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                import subprocess

                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0)
            time.sleep(0.02)
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:  # never signal a pid that may have been reused
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


_ZYGOTE: dict[str, Any] = {}  # {"zygote": Zygote} or {"off": reason}


def zygote_for(env: dict[str, str]) -> Zygote:
    """This worker's zygote, started on first use with the first kernel's environment."""
    if "off" in _ZYGOTE:
        raise ZygoteUnavailable(_ZYGOTE["off"])
    zygote = _ZYGOTE.get("zygote")
    if zygote is not None:
        if zygote.proc.poll() is None:
            return zygote
        _ZYGOTE["off"] = "the zygote has exited"  # not restarted: normal launches from now
        raise ZygoteUnavailable(_ZYGOTE["off"])
    from artethics.tools.papermill_worker import WARM_MODULES

    try:
        _ZYGOTE["zygote"] = Zygote(env, KERNEL_MODULES + WARM_MODULES)
    except ZygoteUnavailable as err:
        _ZYGOTE["off"] = str(err)  # once refused, not retried for every kernel
        raise
    return _ZYGOTE["zygote"]


def enabled() -> bool:
    return (os.environ.get(SWITCH, "1") != "0" and hasattr(os, "fork")
            and sys.platform.startswith("linux"))


def use_zygote(km) -> None:
    """Give a kernel manager (before its ``start_kernel``) a provisioner that forks its
    kernel from this worker's zygote, or launches it normally when it cannot."""
    if not enabled():
        return
    import uuid

    km.kernel_id = km.kernel_id or str(uuid.uuid4())
    km.provisioner = _provisioner_class()(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec,
                                          parent=km)


def close() -> None:
    """At worker exit: the zygote goes (and with it any kernel it forked)."""
    zygote = _ZYGOTE.pop("zygote", None)
    if zygote is not None:
        zygote.close()


def _provisioner_class():
    if "class" in _ZYGOTE:
        return _ZYGOTE["class"]
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ForkingProvisioner(LocalProvisioner):
        """jupyter_client's local provisioner, launching through the zygote."""

        forked = False

        async def launch_kernel(self, cmd: list[str], **kwargs: Any):
            env = dict(kwargs["env"] if kwargs.get("env") is not None else os.environ)
            if not kwargs.get("independent"):
                env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets
            cwd = str(kwargs.get("cwd") or os.getcwd())
            try:
                if any(kwargs.get(name) is not None for name in ("stdin", "stdout", "stderr")):
                    raise ZygoteUnavailable("the kernel's standard streams are redirected")
                zygote = zygote_for(env)
                pid = zygote.spawn(cmd, env, cwd)
            except ZygoteUnavailable as err:
                self.log.debug("launching kernel normally: %s", err)
                return await super().launch_kernel(cmd, **kwargs)
            # the part of Popen the provisioner uses
            self.process = ForkedKernel(zygote, pid)  # type: ignore[assignment]
            self.pid = self.pgid = pid  # the child is the leader of its own process group
            self.cwd = cwd
            self.forked = True
            return self.connection_info

    _ZYGOTE["class"] = ForkingProvisioner
    return ForkingProvisioner


# =========================================================================== zygote side
class _KernelShellStandIn:
    """What pandas asks of ``get_ipython()`` at import: are we in a kernel? Yes."""

    kernel = True


class _CellOutputStandIn(io.TextIOBase):
    """``sys.stdout`` / ``sys.stderr`` while the zygote imports, as a module imported
    by a cell sees them (ipykernel's OutStream): UTF-8, not a terminal (pandas reads
    the encoding at import). Writes go to the real stream."""

    def __init__(self, stream, encoding: str):
        super().__init__()
        self._stream, self._encoding = stream, encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def write(self, text: str) -> int:
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return False


def main(argv: Sequence[str] | None = None) -> None:
    """The zygote: import, report, then fork a kernel for each request until EOF."""
    args = list(sys.argv[1:] if argv is None else argv)
    sock = socket.socket(fileno=int(args[0]))
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does: nothing imported from the cwd
    report = _preload(args[1:])
    _send_line(sock, report)
    if not report["ok"]:
        return
    children: dict[int, int | None] = {}  # pid -> exit code (None while running)
    buffer = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except InterruptedError:
            continue
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            request = json.loads(line)
            _reap(children)
            if request.get("op") == "spawn":
                answer = _spawn(sock, request, children)
            elif request.get("op") == "poll":
                answer = {"status": children.get(int(request["pid"]), -signal.SIGKILL)}
            else:
                answer = {"error": f"unknown request {request.get('op')!r}"}
            _send_line(sock, answer)
    for pid, code in sorted(children.items()):  # the worker is gone: so are its kernels
        if code is None:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
    for pid in sorted(children):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _send_line(sock: socket.socket, message: dict) -> None:
    sock.sendall(json.dumps(message).encode("utf-8") + b"\n")


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _preload(modules: Sequence[str]) -> dict:
    """Import ``modules`` as a kernel's first cell would find them; report whether
    forking is safe afterwards."""
    import builtins
    import importlib

    added_backend = not os.environ.get("MPLBACKEND")
    if added_backend:
        os.environ["MPLBACKEND"] = INLINE_BACKEND  # as ipykernel sets it before any cell
    builtins.get_ipython = lambda: _KernelShellStandIn  # type: ignore[attr-defined]
    real_streams = sys.stdout, sys.stderr
    failed, blas_threads = [], 0
    try:
        for name in modules:
            if name not in KERNEL_MODULES and sys.stdout is real_streams[0]:
                encoding = getattr(sys.modules.get("ipykernel.iostream"), "OutStream", None)
                encoding = getattr(encoding, "encoding", None) or "UTF-8"
                sys.stdout, sys.stderr = (_CellOutputStandIn(stream, encoding)
                                          for stream in real_streams)
            before = _threads()
            try:
                importlib.import_module(name)
            except Exception as err:  # noqa: BLE001  (the kernel imports it, and reports)
                failed.append(f"{name}: {type(err).__name__}")
            if name == "numpy":
                blas_threads = _threads() - before  # OpenBLAS's pool: stopped at fork
    finally:
        sys.stdout, sys.stderr = real_streams
        del builtins.get_ipython  # type: ignore[attr-defined]
        if added_backend:
            del os.environ["MPLBACKEND"]
    threads = _threads() - blas_threads
    problems = []
    if threads != 1 or threading.active_count() != 1:
        problems.append(f"{threads} threads after the imports (forking needs exactly one)")
    if "matplotlib_inline.backend_inline" in sys.modules:
        problems.append("a matplotlib backend was loaded before the fork")
    sys.stdout.flush()
    sys.stderr.flush()
    return {"ok": not problems, "error": "; ".join(problems), "failed": failed,
            "pid": os.getpid()}


def _reap(children: dict[int, int | None]) -> None:
    for pid, code in list(children.items()):
        if code is None:
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                children[pid] = -signal.SIGKILL
                continue
            if done:
                children[pid] = os.waitstatus_to_exitcode(status)


def _spawn(sock: socket.socket, request: dict, children: dict[int, int | None]) -> dict:
    """Fork; the child becomes the kernel and never comes back here."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        sock.close()
        _become_kernel(request, write_end)  # does not return
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        failure = pipe.read().decode("utf-8", "replace")  # EOF: the child is set up
    if failure:
        os.waitpid(pid, 0)
        return {"error": f"the forked kernel could not start: {failure}"}
    children[pid] = None
    return {"pid": pid}


def _become_kernel(request: dict, setup_pipe: int) -> None:
    """In the forked child: set up the process as a kernel launch would, then run
    ``ipykernel_launcher`` as ``__main__``; exit with the kernel."""
    try:
        os.setsid()
        stdin, writer = os.pipe()  # a pipe already closed at the other end, as a
        os.close(writer)  # kernel launched by jupyter_client gets
        os.dup2(stdin, 0)
        os.close(stdin)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path.insert(0, os.getcwd())  # what `python -m` puts first (the launcher drops it)
        sys.argv = ["ipykernel_launcher", *request["args"]]
        numpy_random: Any = sys.modules.get("numpy.random")
        if numpy_random is not None:
            numpy_random.seed()  # fresh entropy for the legacy generator, as in a new process
    except BaseException as err:  # noqa: BLE001  (told to the zygote, then out)
        os.write(setup_pipe, f"{type(err).__name__}: {err}".encode())
        os._exit(1)
    os.close(setup_pipe)
    import builtins
    import runpy
    import types

    # a __main__ of its own, as `python -m` starts with (not the zygote's)
    main_module = types.ModuleType("__main__")
    main_module.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = main_module
    # nor the zygote's own modules: a kernel launched normally never imports the tools
    package = sys.modules.get("artethics")
    for name in ("artethics.tools.kernel_zygote", "artethics.tools"):
        sys.modules.pop(name, None)
    if package is not None and "artethics.tools" not in sys.modules:
        package.__dict__.pop("tools", None)

    code: Any = 0
    try:
        runpy._run_module_as_main("ipykernel_launcher")  # type: ignore[attr-defined]
    except SystemExit as exit_:
        code = exit_.code
    except BaseException:  # noqa: BLE001  (printed like an uncaught error, then exit 1)
        import traceback

        traceback.print_exc()
        code = 1
    sys.exit(code)
