"""The hub test's own process accounting (tests/hub/hubclient.py): it must notice, and
kill by PID, a process left behind by what it stopped, and report nothing when the
stopped process cleaned up after itself. Fast; needs only Linux's /proc."""

import subprocess
import sys
import time

import pytest
from hubclient import alive, descendants, stop

# A parent that starts a child in a session of its own (as JupyterHub starts servers and
# servers start kernels), then waits; with "clean", it stops the child on SIGTERM first.
PARENT = """
import signal, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                         start_new_session=True)
if sys.argv[1] == "clean":
    def bye(*_):
        child.terminate(); child.wait(); sys.exit(0)
    signal.signal(signal.SIGTERM, bye)
print("ready", flush=True)
time.sleep(120)
"""

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _parent(mode: str) -> tuple[subprocess.Popen, dict[int, int]]:
    proc = subprocess.Popen([sys.executable, "-c", PARENT, mode], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "ready"
    seen = descendants(proc.pid)
    assert len(seen) == 1, seen
    return proc, seen


def test_a_process_left_behind_is_found_and_killed_by_pid():
    proc, seen = _parent("orphan")
    killed = stop(proc, seen, grace=5, settle=0.5)
    assert killed == sorted(seen)  # the child outlived its parent: reported...
    time.sleep(0.2)
    assert alive(seen) == []  # ...and killed


def test_a_parent_that_cleans_up_leaves_nothing_to_report():
    proc, seen = _parent("clean")
    assert stop(proc, seen, grace=10, settle=5) == []
    assert alive(seen) == [] and proc.returncode == 0


def test_a_reused_pid_is_not_taken_for_one_of_ours():
    import os

    me = os.getpid()
    started = descendants(os.getppid())[me]  # this process, as its parent's child
    assert alive({me: started}) == [me]
    assert alive({me: started + 1}) == []  # the same pid, another start time: not ours
