"""Start and stop ``artethics present`` for the browser test and
benchmarks/present_latency.py: a throwaway Jupyter environment (harness.lab_env), a
free port on 127.0.0.1, the token read from what the command prints; stopped by its own
PID, then any kernel it started that is still alive, by PID too."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import harness

TITLE = "Live class view"
POSITIONS = "Positions before and after each case"


@dataclass
class Present:
    proc: subprocess.Popen
    port: int
    token: str
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def url(self) -> str:
        return f"{self.base}?token={self.token}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_output(self, text: str, timeout: float = 10) -> str:
        """What the command printed, once it holds ``text`` (TimeoutError otherwise)."""
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the terminal did not say {text!r} within {timeout} s:\n"
                                   f"{self.output()[-2000:]}")
            time.sleep(0.2)
        return self.output()

    def stop(self) -> list[int]:
        """TERM the server (Voilà shuts its kernels down), then kill by PID whatever it
        started that outlived it; returns those PIDs (none when the server cleans up)."""
        children = _children(self.proc.pid)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        survivors = [pid for pid in children if _alive(pid)]
        for pid in survivors:
            _kill(pid)
        return survivors


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _kill(pid: int) -> None:
    import os
    import signal

    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def start_present(tmp: Path, folder: Path, *args: str, timeout: float = 180,
                  env_extra: dict | None = None) -> Present:
    """``artethics present --class-folder folder --port <free> *args``, up and answering."""
    port, log = harness.free_port(), tmp / "present.log"
    env = harness.lab_env(tmp)
    env.pop("ARTETHICS_SALT", None)  # pseudonyms for the session only, unless given
    env.update(env_extra or {})
    cmd = [sys.executable, "-m", "artethics.tools.cli", "present", "--class-folder",
           str(folder), "--port", str(port), *args]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Present(proc, port, "", log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"artethics present exited at start:\n{server.output()[-3000:]}")
        found = re.search(r"\?token=([A-Za-z0-9_-]+)", server.output())
        if found and _answers(f"{server.base}login"):
            server.token = found.group(1)
            return server
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"artethics present did not answer within {timeout:.0f} s:\n"
                       f"{server.output()[-3000:]}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def status(url: str) -> int:
    """The HTTP status of a GET, without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def open_view(page, server: Present, timeout: float = 120_000) -> None:
    """Open the view with the token and wait until the positions are drawn."""
    page.goto(server.url, timeout=timeout)
    page.wait_for_selector(".artethics-present", timeout=timeout)
    page.wait_for_function(f"() => document.body.innerText.includes({POSITIONS!r})",
                           timeout=timeout)


def wait_for_text(page, text: str, timeout_ms: float) -> None:
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text,
                           timeout=timeout_ms)
