"""The sandbox a submitted notebook's kernel runs in.

With bubblewrap (``bwrap``, Debian package ``bubblewrap``) the kernel sees only a
read-only system (``/usr``, a few files of ``/etc``), the Python install and the venv
read-only, the kit's ``data/`` and ``seeds/`` read-only, a *kernel edition* of the
package (no checkers, no expected values, no instructor tools) and a private writable
HOME, working folder and ``/tmp``; it has no network, no view of other processes (its
own PID namespace, torn down with it) and no capabilities; it runs as user ``nobody``
under limits on memory, processes (threads count too), file size, open files and CPU
time. Without bubblewrap the same limits are set by hand (a private HOME and working
folder, a scrubbed environment, the kernel edition first on the import path, every
process the kernel started is killed at the end), but the rest of the file system is
readable and, where the checking user may write, writable: :data:`FALLBACK_NOTE` says so.

The environment holds only what a lesson needs: no salt, no class folder, no answers
database (recording writes into the private HOME, which is thrown away).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import artethics
from artethics.checking import INSIDE_CHECK
from artethics.paths import root

MEMORY = 3 << 30  # bytes of address space
PROCESSES = 256  # processes and threads of the sandbox user
FILE_SIZE = 64 << 20  # bytes per file written
OPEN_FILES = 512
NOBODY = 65534

FALLBACK_NOTE = ("bubblewrap (bwrap) is not installed, so the notebooks ran with limits set by "
                 "hand (memory, file size, time; private HOME and working folder; no salt or "
                 "class folder in the environment) but could read, and where you may write, "
                 "change other files. Install it (apt-get install bubblewrap) for a real "
                 "sandbox.")

# Run inside the sandbox just before the kernel: set the limits, drop to nobody when root,
# then exec the kernel. ``python -S``: no site-packages needed for this.
_LAUNCH = r"""
import os, resource, sys
cpu, mem, nproc, fsize, nfiles, drop = (int(a) for a in sys.argv[1:7])
def lim(kind, value):
    soft, hard = resource.getrlimit(kind)
    value = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(kind, (value, value))
lim(resource.RLIMIT_CPU, cpu)
lim(resource.RLIMIT_AS, mem)
lim(resource.RLIMIT_FSIZE, fsize)
lim(resource.RLIMIT_NOFILE, nfiles)
lim(resource.RLIMIT_CORE, 0)
if nproc:
    lim(resource.RLIMIT_NPROC, nproc)
if drop:
    conn = sys.argv[sys.argv.index("-f") + 1]
    os.chown(conn, drop, drop)  # written by the checking process; the kernel must read it
    os.setgroups([])
    os.setgid(drop)
    os.setuid(drop)
os.umask(0o077)
try:
    import ctypes
    ctypes.CDLL(None).prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG: SIGKILL when the worker dies
except Exception:
    pass
os.environ.pop("JPY_PARENT_PID", None)  # in its own PID namespace the kernel's parent is 1
os.execv(sys.argv[7], sys.argv[7:])
"""

_ETC = ("fonts", "localtime", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "mime.types",
        "nsswitch.conf", "passwd", "group", "hosts", "matplotlibrc")


@cache
def bwrap() -> str | None:
    """The bwrap program, if it is installed and works here (probed once).
    ``ARTETHICS_CHECK_NO_BWRAP=1`` makes it None (to test the fallback)."""
    if os.environ.get("ARTETHICS_CHECK_NO_BWRAP") == "1":
        return None
    found = shutil.which("bwrap")
    if not found:
        return None
    try:
        done = subprocess.run([found, "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net",
                               "--die-with-parent", "true"], capture_output=True, timeout=20,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found if done.returncode == 0 else None


def _ignore(folder: str, names: list[str]) -> list[str]:
    drop = {"__pycache__"}
    if Path(folder) == Path(artethics.__file__).parent:
        drop |= {"tools", "exercises"}
    return [n for n in names if n in drop]


_KERNEL_EXERCISES = '''"""The kernel edition of artethics.exercises, used while ``artethics check``
runs a notebook: verdicts are computed outside the notebook, from the values of its answer
variables, so nothing here knows an expected value or a checker."""

from dataclasses import dataclass

OK_MARK = "\\u2714"
FAIL_MARK = "\\u2718"
_NOTE = "checked by artethics check, outside this notebook"


@dataclass(frozen=True)
class Verdict:
    exercise: str
    ok: bool
    message: str
    hint: str = ""

    def line(self):
        return f"{self.exercise}: {self.message}"


def exercise(exercise_id, summary, *, needs_student=False):
    return lambda fn: fn


def is_missing(answer):
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple, set, dict)):
        return len(answer) == 0
    return False


def evaluate(exercise_id, answer, *, student=None):
    return Verdict(exercise_id, False, _NOTE)


def check(exercise_id, answer, *, student=None):
    print(f"({exercise_id}: {_NOTE}.)")


def registry():
    return {}
'''

_KERNEL_REASONING = '''"""Kernel edition: questions are not shown while a notebook is checked."""


def show(exercise_id):
    print(f"({exercise_id}: the question is shown in JupyterLab, not while checking.)")


def declared():
    return []
'''


# Appended to the kernel edition's artethics/responses/__init__.py: a class folder named
# by the notebook itself (a parameter) is not written either (the environment names none,
# and the answers database is in the private HOME).
_RECORDING_OFF = '''

# --- kernel edition (artethics check): recording is off while a notebook is checked ---
def _recording_off(*args, **kwargs):
    raise OSError(30, "recording is off while the notebook is being checked")


try:
    from . import recording as _recording

    _recording.write_class_folder = _recording_off
except (ImportError, AttributeError):
    pass
'''


def kernel_kit(folder: Path) -> Path:
    """Write the kernel edition of the package under ``folder``; the folder to import from."""
    source = Path(artethics.__file__).parent
    target = folder / "artethics"
    shutil.copytree(source, target, ignore=_ignore)
    (target / "exercises").mkdir()
    (target / "exercises" / "__init__.py").write_text(_KERNEL_EXERCISES, encoding="utf-8")
    (target / "exercises" / "reasoning.py").write_text(_KERNEL_REASONING, encoding="utf-8")
    responses = target / "responses" / "__init__.py"
    if responses.is_file() and (target / "responses" / "recording.py").is_file():
        with open(responses, "a", encoding="utf-8") as fh:
            fh.write(_RECORDING_OFF)
    return folder


def fingerprint(folder: Path) -> str:
    """The sha256 of every name and file under ``folder`` (the kernel edition is checked
    before each notebook and written again if a kernel changed it)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def set_subreaper() -> None:
    """Orphans of the kernels become this process's children, so that :func:`kill_descendants`
    finds a grandchild started in a new session too (Linux; elsewhere a no-op)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def descendants(pid: int | None = None) -> list[int]:
    """Every live process below ``pid`` (this one by default), read from /proc."""
    pid = os.getpid() if pid is None else pid
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) > 1 and fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_descendants() -> int:
    """Kill every process below this one and reap them; how many there were."""
    killed = 0
    for _ in range(5):
        pids = descendants()
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
        reap()
    return killed


def reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


@dataclass
class Sandbox:
    """One kernel's private folders, command and environment."""

    folder: Path  # holds home/, work/ and run/ (sockets and the connection file)
    kit: Path  # the folder holding the kernel edition of the package
    cpu_seconds: int
    lang: str = ""  # the notebook's language: ARTETHICS_LANG of its kernel when set

    @property
    def home(self) -> Path:
        return self.folder / "home"

    @property
    def work(self) -> Path:
        return self.folder / "work"

    @property
    def run(self) -> Path:
        return self.folder / "run"

    def make(self, fontlist: Path | None = None) -> None:
        for sub in (self.home, self.work, self.run):
            sub.mkdir(parents=True)
        ipython = self.home / ".ipython" / "profile_default"
        ipython.mkdir(parents=True)
        (ipython / "ipython_kernel_config.py").write_text(
            "c.HistoryManager.enabled = False\n", encoding="utf-8")
        mpl = self.home / ".matplotlib"
        mpl.mkdir()
        if fontlist is not None and fontlist.is_file():
            shutil.copy(fontlist, mpl / fontlist.name)
        if self.drop_uid():
            for path in (self.folder, *self.folder.rglob("*")):
                os.chown(path, NOBODY, NOBODY)
            self.folder.chmod(0o755)

    def drop_uid(self) -> int:
        """The user id the kernel runs as after the limits are set (0: stay)."""
        return NOBODY if bwrap() and os.geteuid() == 0 else 0

    def env(self) -> dict[str, str]:
        keep = {k: os.environ[k] for k in ("LANG", "LC_ALL", "TZ") if k in os.environ}
        return {**keep, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                "HOME": str(self.home), "TMPDIR": str(self.work / ".tmp"),
                "USER": "student", "LOGNAME": "student",
                "IPYTHONDIR": str(self.home / ".ipython"),
                "MPLCONFIGDIR": str(self.home / ".matplotlib"), "MPLBACKEND": "Agg",
                "PYTHONPATH": str(self.kit), "PYTHONHASHSEED": "0",
                "PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1",
                "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "ARTETHICS_ROOT": str(root()), "ARTETHICS_DB": str(self.home / "answers.sqlite"),
                INSIDE_CHECK: "1", **({"ARTETHICS_LANG": self.lang} if self.lang else {})}

    def _processes(self) -> int:
        if self.drop_uid():
            return PROCESSES
        if os.geteuid() == 0:
            return 0  # root is not held by RLIMIT_NPROC; the process group is killed instead
        mine = 0
        for entry in os.listdir("/proc"):
            try:
                mine += entry.isdigit() and os.stat(f"/proc/{entry}").st_uid == os.geteuid()
            except OSError:
                pass
        return mine + PROCESSES

    def argv(self) -> list[str]:
        """The kernel command (with ``{connection_file}`` for jupyter_client to fill in)."""
        (self.work / ".tmp").mkdir(exist_ok=True)
        if self.drop_uid():
            os.chown(self.work / ".tmp", NOBODY, NOBODY)
        python = sys.executable
        limits = [python, "-S", "-c", _LAUNCH, str(self.cpu_seconds), str(MEMORY),
                  str(self._processes()), str(FILE_SIZE), str(OPEN_FILES), str(self.drop_uid())]
        kernel = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        tool = bwrap()
        if tool is None:
            return [*limits, *kernel]
        return [tool, *self._bwrap_options(), "--", *limits, *kernel]

    def _bwrap_options(self) -> list[str]:
        opts = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL"]
        if self.drop_uid():
            opts += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add",
                     "CAP_CHOWN"]
        opts += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
        for name in ("bin", "lib", "lib64", "lib32", "sbin"):
            top = Path("/", name)
            if top.is_symlink():
                opts += ["--symlink", os.readlink(top), str(top)]
            elif top.is_dir():
                opts += ["--ro-bind", str(top), str(top)]
        binds: list[tuple[str, Path]] = [("--ro-bind", Path("/usr"))]
        binds += [("--ro-bind", Path("/etc", n)) for n in _ETC if Path("/etc", n).exists()]
        prefixes = {Path(sys.base_prefix).resolve(), Path(sys.prefix)}
        binds += [("--ro-bind", p) for p in sorted(prefixes)]
        real_python = Path(sys.executable).resolve()
        if not any(real_python.is_relative_to(p) for p in prefixes | {Path("/usr")}):
            binds.append(("--ro-bind", real_python))
        kit_root = root()
        binds += [("--ro-bind", kit_root / sub) for sub in ("data", "seeds")
                  if (kit_root / sub).is_dir()]
        binds += [("--ro-bind", self.kit), ("--bind", self.folder)]
        made: set[Path] = {Path("/")}
        for kind, path in binds:
            for parent in reversed(path.parents):
                if parent not in made and not parent.is_relative_to("/usr"):
                    made.add(parent)
                    opts += ["--perms", "0755", "--dir", str(parent)]
            opts += [kind, str(path), str(path)]
        opts += ["--chdir", str(self.work)]
        return opts
