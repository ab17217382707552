"""Running nbval on restored notebooks in worker processes fed from one queue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from artethics.checking import INSIDE_CHECK
from artethics.tools.check.restore import Prepared
from artethics.tools.common import block_slow_optional_imports

# --- running nbval ---------------------------------------------------------------------------
#
# ``jobs`` worker processes (``python -m artethics.tools.check.workers --worker``) take
# the notebooks from one shared queue, larger notebooks first, a few at a time while the
# queue is long and one at a time near its end, so no worker sits idle while another still has a
# backlog. Each worker imports pytest, nbval and jupyter_client once and runs nbval
# in-process (``pytest.main``) on each small batch (one pytest session per batch: its
# set-up and garbage collection cost about 0.1 s); every notebook still gets its own
# fresh kernel. Plain subprocesses rather than multiprocessing: a teacher's
# script without an ``if __name__ == "__main__"`` guard, or a Jupyter kernel, works too.
# Nothing is written to the student's folder: each run works in a temporary one.

_KERNEL_ENV = {"MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1",
               INSIDE_CHECK: "1"}


MAX_BATCH = 8


def _pytest_args(files: list[str], folder: str, timeout: float) -> list[str]:
    return ["-q", "-p", "no:cacheprovider", "-c", str(Path(folder, "pytest.ini")),
            "--rootdir", folder, "--assert=plain", "--nbval-lax", "--nbval-current-env",
            f"--nbval-cell-timeout={timeout:g}", "--nbval-kernel-startup-timeout=120", *files]


def _record(item, rep, call) -> dict | None:
    """What one nbval cell test did, as plain data (None for items that are not cells)."""
    cell = getattr(item, "cell", None)
    if cell is None:
        return None
    meta = cell.get("metadata", {}).get("artethics", {})
    outs = getattr(item, "test_outputs", None) or []
    stdout = "".join(o.get("text", "") for o in outs
                     if o.get("output_type") == "stream" and o.get("name") == "stdout")
    error = next(({"ename": o.get("ename", ""), "evalue": o.get("evalue", "")}
                  for o in outs if o.get("output_type") == "error"), None)
    message = str(call.excinfo.value) if call.excinfo is not None else ""
    return {"file": os.path.basename(str(item.fspath)), "cell": item.cell_num,
            "role": meta.get("role"), "exercise": meta.get("exercise"),
            "outcome": rep.outcome, "stdout": stdout, "error": error,
            "timeout": "Timeout" in message, "phase": rep.when,
            "message": message.splitlines()[0] if message else ""}


def _recorder(records: list[dict]):
    """A pytest plugin object that appends one record per executed (or unstartable) cell."""
    import pytest

    class Recorder:
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(self, item, call):
            outcome = yield
            rep = outcome.get_result()
            if rep.when == "call" or (rep.when == "setup" and not rep.passed):
                rec = _record(item, rep, call)
                if rec is not None:
                    records.append(rec)

    return Recorder()


def _check_batch(notebooks: list[dict], timeout: float) -> list[list[dict]]:
    """Run nbval in this process on restored notebooks; the cell records of each."""
    import pytest

    if not notebooks:  # pytest given no file would collect its current folder instead
        return []
    records: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="artethics-check-") as tmp:
        names = [f"nb{i:04d}.ipynb" for i in range(len(notebooks))]
        for name, nb in zip(names, notebooks, strict=True):
            Path(tmp, name).write_text(json.dumps(nb), encoding="utf-8")
        Path(tmp, "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        pytest.main(_pytest_args([str(Path(tmp, n)) for n in names], tmp, timeout),
                    plugins=[_recorder(records)])
    return [[r for r in records if r["file"] == name] for name in names]


def worker_main() -> int:
    """A worker: one JSON task per stdin line in, one JSON list of records per line out."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # pytest, nbval and the kernels print nothing into the replies
    os.dup2(devnull, 2)
    block_slow_optional_imports()
    import nbval.plugin  # noqa: F401  (once per worker, reused for every notebook)

    with tempfile.TemporaryDirectory(prefix="artethics-ipython-") as ipython_dir:
        _private_ipython_profile(Path(ipython_dir))
        for line in sys.stdin:
            task = json.loads(line)
            replies.write(json.dumps(_check_batch(task["notebooks"], task["timeout"])) + "\n")
            replies.flush()
    return 0


def _private_ipython_profile(folder: Path) -> None:
    """Kernels of this worker use a blank IPython profile without history: the user's
    startup files cannot change a check, students' code does not land in the user's
    history database, and kernels do not queue for that database's lock."""
    profile = folder / "profile_default"
    profile.mkdir(parents=True)
    (profile / "ipython_kernel_config.py").write_text(
        "c.HistoryManager.enabled = False\n", encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(folder)


class _Worker:
    """One worker process, driven from a thread of the checking process."""

    def __init__(self) -> None:
        env = dict(os.environ, **_KERNEL_ENV)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "artethics.tools.check.workers", "--worker"], env=env, text=True,
            encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)

    def check(self, notebooks: list[dict], timeout: float,
              budget: float) -> list[list[dict]] | None:
        """The records of each, or None when the worker died or was stopped after ``budget`` s."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        timer = threading.Timer(budget, self.proc.kill)
        timer.start()
        try:
            self.proc.stdin.write(json.dumps({"notebooks": notebooks, "timeout": timeout}) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except OSError:
            line = ""
        finally:
            timer.cancel()
        try:
            return json.loads(line) if line else None
        except ValueError:  # cut off mid-line: the worker was stopped while replying
            return None

    def close(self) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def _budget(prep: Prepared, timeout: float) -> float:
    """A generous upper bound on one notebook's seconds: only a hung worker exceeds it."""
    return 120 + len(prep.notebook["cells"]) * (timeout + 10)


def take_batch(todo: list[int], lock: threading.Lock, jobs: int) -> list[int]:
    """The next batch from the shared queue: up to MAX_BATCH while it is long, then fewer,
    so that near the end every worker has work and none has a backlog."""
    with lock:
        k = max(1, min(MAX_BATCH, len(todo) // (3 * jobs)))
        batch, todo[:k] = todo[:k], []
    return batch


def run_all(prepared: list[Prepared], timeout: float, jobs: int) -> list[list[dict]]:
    """The records of each notebook, in the order given (empty when it could not run)."""
    results: list[list[dict]] = [[] for _ in prepared]
    todo = sorted(range(len(prepared)), key=lambda i: -len(prepared[i].notebook["cells"]))
    lock = threading.Lock()
    workers = max(1, min(jobs, len(prepared)))

    def work() -> None:
        worker = None
        try:
            while batch := take_batch(todo, lock, workers):
                worker = worker or _Worker()
                records = worker.check([prepared[i].notebook for i in batch], timeout,
                                       sum(_budget(prepared[i], timeout) for i in batch))
                if records is None:  # died or hung: a fresh worker for the next batch
                    worker.close()
                    worker = None
                for i, recs in zip(batch, records or [[]] * len(batch), strict=True):
                    results[i] = recs
        finally:
            if worker is not None:
                worker.close()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results




if __name__ == "__main__" and sys.argv[1:] == ["--worker"]:
    sys.exit(worker_main())
