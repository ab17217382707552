"""Running check plans in worker processes fed from one queue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from artethics.tools.check.restore import Prepared
from artethics.tools.common import block_slow_optional_imports

# ``jobs`` worker processes (``python -m artethics.tools.check.workers --worker``) take
# the notebooks from one shared queue, larger notebooks first, a few at a time while the
# queue is long and one at a time near its end, so no worker sits idle while another still
# has a backlog. Each worker imports jupyter_client once and writes the kernel edition of
# the package once; every notebook gets its own fresh kernel in its own sandbox
# (:mod:`.sandbox`) and private folders, removed afterwards. The worker is a child
# subreaper: whatever a kernel started, even in a new session, is killed when the
# notebook is done. Plain subprocesses rather than multiprocessing: a teacher's script
# without an ``if __name__ == "__main__"`` guard, or a Jupyter kernel, works too.

MAX_BATCH = 8


def _fontlist() -> Path | None:
    """matplotlib's font cache of this user, copied into each sandbox (else each kernel
    would spend seconds rebuilding it)."""
    try:
        import matplotlib

        found = sorted(Path(matplotlib.get_cachedir()).glob("fontlist-v*.json"))
    except Exception:  # noqa: BLE001 - only a speed-up
        return None
    return found[-1] if found else None


def _check_batch(plans: list[list[dict]], timeout: float, total: float, folder: Path,
                 kit: Path, fontlist: Path | None, langs: list[str] | None = None) -> list[dict]:
    """Run each plan in its own sandboxed kernel (``ARTETHICS_LANG`` set to the notebook's
    language from ``langs``); what happened in each."""
    import shutil

    from artethics.tools.check.kernel import run_plan
    from artethics.tools.check.sandbox import Sandbox, fingerprint, kernel_kit

    out = []
    expected = fingerprint(kit)
    for i, plan in enumerate(plans):
        if fingerprint(kit) != expected:  # changed by a kernel (possible without bubblewrap)
            shutil.rmtree(kit, ignore_errors=True)
            kernel_kit(kit)
        box = Sandbox(Path(tempfile.mkdtemp(prefix=f"nb{i:04d}-", dir=folder)) / "box", kit,
                      int(total) + 30, (langs or [])[i] if i < len(langs or []) else "")
        try:
            box.make(fontlist)
            out.append(run_plan(plan, box, timeout, total))
        except OSError as exc:
            out.append({"started": False, "problem": f"the sandbox could not be made ({exc})"})
        finally:
            shutil.rmtree(box.folder.parent, ignore_errors=True)
    return out


def worker_main() -> int:
    """A worker: one JSON task per stdin line in, one JSON list of results per line out."""
    from artethics.tools.check.sandbox import kernel_kit, set_subreaper

    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # jupyter_client and the kernels print nothing into the replies
    os.dup2(devnull, 2)
    block_slow_optional_imports()
    set_subreaper()
    import jupyter_client.manager  # noqa: F401  (once per worker, reused for every notebook)

    fontlist = _fontlist()
    with tempfile.TemporaryDirectory(prefix="artethics-check-") as tmp:
        os.chmod(tmp, 0o755)  # the kernels run as nobody under bubblewrap
        kit = kernel_kit(Path(tmp, "kit"))
        for line in sys.stdin:
            task = json.loads(line)
            done = _check_batch(task["plans"], task["timeout"], task["total"], Path(tmp), kit,
                                fontlist, task.get("langs"))
            replies.write(json.dumps(done) + "\n")
            replies.flush()
    return 0


class _Worker:
    """One worker process, driven from a thread of the checking process."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "artethics.tools.check.workers", "--worker"], env=env, text=True,
            encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)

    def check(self, plans: list[list[dict]], timeout: float, total: float,
              budget: float, langs: list[str] | None = None) -> list[dict] | None:
        """What happened in each, or None when the worker died or was stopped after ``budget`` s."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        timer = threading.Timer(budget, self.proc.kill)
        timer.start()
        try:
            self.proc.stdin.write(json.dumps({"plans": plans, "timeout": timeout,
                                              "total": total, "langs": langs or []}) + "\n")
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


def _budget(total: float) -> float:
    """A generous upper bound on one notebook's seconds: only a hung worker exceeds it."""
    return 150 + total


def take_batch(todo: list[int], lock: threading.Lock, jobs: int) -> list[int]:
    """The next batch from the shared queue: up to MAX_BATCH while it is long, then fewer,
    so that near the end every worker has work and none has a backlog."""
    with lock:
        k = max(1, min(MAX_BATCH, len(todo) // (3 * jobs)))
        batch, todo[:k] = todo[:k], []
    return batch


def run_all(prepared: list[Prepared], timeout: float, jobs: int,
            total: float | None = None) -> list[dict]:
    """What happened in each notebook, in the order given (empty when it could not run)."""
    from artethics.tools.check.verdicts import total_seconds

    total = total_seconds(timeout) if total is None else total
    results: list[dict] = [{} for _ in prepared]
    todo = sorted(range(len(prepared)), key=lambda i: -len(prepared[i].plan))
    lock = threading.Lock()
    workers = max(1, min(jobs, len(prepared)))

    def work() -> None:
        worker = None
        try:
            while batch := take_batch(todo, lock, workers):
                worker = worker or _Worker()
                langs = [getattr(prepared[i], "lang", "") for i in batch]
                done = worker.check([prepared[i].plan for i in batch], timeout, total,
                                    _budget(total) * len(batch),
                                    **({"langs": langs} if any(langs) else {}))
                if done is None or len(done) != len(batch):  # died or hung: a fresh worker
                    worker.close()
                    worker = None
                    done = [{}] * len(batch)
                for i, result in zip(batch, done, strict=True):
                    results[i] = result
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
