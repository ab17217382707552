"""The kernel zygote on its own: what it refuses to fork, and that its kernels are
separate processes that go when they are killed or when the worker goes.

These start a zygote that imports nothing heavy (a second or so each); the full
course-level checks (same state and same outputs as a normally launched kernel) are
in tests/notebooks/test_kernel_zygote_outputs.py.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from artethics.tools import kernel_zygote as kz

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the zygote forks: Linux only")

KERNEL_CMD = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]


def kernel_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONEXECUTABLE"}
    env.update(PYTHONHASHSEED="0", **extra)
    return env


def gone(pid: int, within: float = 15.0) -> bool:
    """True once ``pid`` no longer exists (or is a zombie nobody has reaped yet)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


# ------------------------------------------------------------------ what is refused
def test_an_ordinary_kernel_launch_may_be_forked():
    env = kernel_env()
    assert kz.mismatch(KERNEL_CMD, env, dict(env)) == ""


@pytest.mark.parametrize(("change", "reason"), [
    (lambda cmd, env: (["/usr/bin/python3", *cmd[1:]], env), "another interpreter"),
    (lambda cmd, env: ([cmd[0], "-m", "other_kernel", *cmd[3:]], env), "not an ipykernel"),
    (lambda cmd, env: (cmd, {**env, "MPLBACKEND": "Agg"}), "another environment: MPLBACKEND"),
    (lambda cmd, env: (cmd, {k: v for k, v in env.items() if k != "PYTHONHASHSEED"}),
     "PYTHONHASHSEED"),
    (lambda cmd, env: (cmd, {**env, "PYTHONHASHSEED": "random"}), "PYTHONHASHSEED"),
])
def test_a_launch_unlike_the_zygote_is_refused_with_its_reason(change, reason):
    """Variables read at import (MPLBACKEND, the BLAS threads, the hash seed) were
    fixed when the zygote imported: a kernel wanting others is launched normally."""
    env = kernel_env()
    cmd, wanted = change(list(KERNEL_CMD), dict(env))
    assert reason in kz.mismatch(cmd, wanted, env)


def test_a_zygote_with_a_thread_running_refuses_to_fork(tmp_path):
    """Forking a process that runs other threads can deadlock the child: the zygote
    checks after its imports and refuses, and the worker launches normally."""
    (tmp_path / "starts_a_thread.py").write_text(
        "import threading, time\n"
        "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n")
    env = kernel_env(PYTHONPATH=str(tmp_path))
    with pytest.raises(kz.ZygoteUnavailable, match="threads"):
        kz.Zygote(env, ["starts_a_thread"])


def test_the_switch_turns_forking_off(monkeypatch):
    class Manager:
        kernel_id = None
        provisioner = None
        kernel_spec = None

    monkeypatch.setenv(kz.SWITCH, "0")
    km = Manager()
    kz.use_zygote(km)
    assert km.provisioner is None


# ------------------------------------------------------------------ the kernels it forks
@pytest.fixture
def zygote():
    env = kernel_env()
    z = kz.Zygote(env, [])
    yield z, env
    z.close()


def test_each_kernel_is_its_own_process_and_group_and_killing_it_is_seen(zygote, tmp_path):
    z, env = zygote
    pids = [z.spawn(KERNEL_CMD[:4] + [str(tmp_path / f"k{n}.json")], env, str(tmp_path))
            for n in range(2)]
    assert len(set(pids)) == 2 and os.getpid() not in pids and z.proc.pid not in pids
    kernels = [kz.ForkedKernel(z, pid) for pid in pids]
    assert [k.poll() for k in kernels] == [None, None]
    assert [os.getpgid(pid) for pid in pids] == pids  # setsid: each leads its own group
    kernels[0].kill()
    assert kernels[0].wait(timeout=15) == -signal.SIGKILL
    assert kernels[1].poll() is None  # the other one is untouched
    kernels[0].send_signal(signal.SIGTERM)  # no error, and no signal to a reused pid


def test_kernels_go_when_the_worker_lets_go_of_the_zygote(zygote, tmp_path):
    z, env = zygote
    pid = z.spawn(KERNEL_CMD[:4] + [str(tmp_path / "k.json")], env, str(tmp_path))
    assert not gone(pid, within=0.2)
    z.close()
    assert gone(pid)
    assert z.proc.returncode == 0


def test_a_kernel_that_cannot_start_in_its_folder_is_reported(zygote, tmp_path):
    z, env = zygote
    with pytest.raises(kz.ZygoteUnavailable, match="could not start"):
        z.spawn(KERNEL_CMD[:4] + [str(tmp_path / "k.json")], env, str(tmp_path / "missing"))
