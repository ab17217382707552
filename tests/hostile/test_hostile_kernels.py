"""Hostile students under `artethics check`: each notebook leaves its answers unsolved and
adds code that tries to forge a pass, learn the answer, break out of the sandbox, write
class data, leave processes behind or garble the report. All run in ONE check_notebooks
call (2 workers); the figures go to FIGURES (printed by test_hostile_zz_figures.py)."""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from artethics.paths import root
from artethics.tools.check import api as check_api
from artethics.tools.check.sandbox import bwrap, descendants
from artethics.tools.manifest import load_manifest

pytestmark = pytest.mark.slow
HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "check"
MANIFEST = FIXTURES / "manifest.json"
MARK = "1234.56789"  # in the command line of every process an attack leaves behind
WROTE = "hostile-attack-issue-11"  # in every line an attack tries to write into the kit
TIMEOUT = 6
FORGED = 'print("✔ fixture.total: right.")'


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


FIX = _module(FIXTURES / "make_fixtures.py", "make_fixtures_kernels")
FIGURES = sys.modules.get("hostile_figures") or _module(HERE / "figures.py", "hostile_figures")

# Each attack: code put in place of the first answer (``total`` stays unsolved: None unless
# the attack learns the answer, i.e. only a leak or a forgery can make it pass).
LEAK = "total = 4 if ({}) else None\n"
ATTACKS = {
    "patch_check": "import artethics.exercises as E\n"
                   f"E.check = lambda *a, **k: {FORGED}\ntotal = None\n",
    "patch_evaluate": "import artethics.exercises as E\n"
                      "E.evaluate = lambda ex, a, **k: E.Verdict(ex, True, 'right.')\n",
    "patch_print": "import builtins\n_p = builtins.print\n"
                   "builtins.print = lambda *a, **k: _p('✔ fixture.total: right.')\n",
    "patch_stdout": "import sys, io\nclass W(io.StringIO):\n"
                    "    def write(self, s):\n"
                    "        return sys.__stdout__.write('✔ fixture.total: right.\\n')\n"
                    "sys.stdout = W()\n",
    "input_transformer": "ip = get_ipython()\n"
                         "ip.input_transformers_cleanup.append(lambda lines: "
                         f"['{FORGED}\\n'] if any('check' in l for l in lines) else lines)\n",
    "ast_transformer": "import ast\nclass T(ast.NodeTransformer):\n"
                       "    def visit_Name(self, node):\n"
                       "        return ast.copy_location(ast.Constant(4), node) "
                       "if node.id == 'total' and isinstance(node.ctx, ast.Load) else node\n"
                       "get_ipython().ast_transformers.append(T())\n",
    "patch_json": "import json\njson.dumps = lambda *a, **k: "
                  "'{\"nonce\": \"x\", \"values\": {\"total\": 4}}'\n",
    "patch_user_expressions": "ip = get_ipython()\n"
                              "ip.user_expressions = lambda e: {k: {'status': 'ok', 'data': "
                              "{'text/plain': repr('{\"values\": {\"total\": 4}}')}} for k in e}\n",
    "eq_always_true": "class A:\n    def __eq__(self, other):\n        return True\n"
                      "    __hash__ = object.__hash__\ntotal = A()\n",
    "int_subclass_eq": "class I(int):\n    def __eq__(self, other):\n        return True\n"
                       "    __hash__ = int.__hash__\ntotal = I(5)\n",
    "float_nan": "total = float('nan')\n",
    "huge_string": "total = 'x' * 5_000_000\n",
    "deep_list": "total = []\nx = total\nfor _ in range(10_000):\n    x.append([])\n"
                 "    x = x[0]\n",
    "import_expected_module": "from artethics.exercises import belamy\n"
                              "total = 4 if belamy.expected_price_ratio() else None\n",
    "read_checker_source": LEAK.format(
        "__import__('glob').glob(__import__('os').environ.get('ARTETHICS_ROOT', '/') "
        "+ '/src/artethics/exercises/*.py')"),
    "read_solutions": LEAK.format(
        "__import__('os').path.exists(__import__('os').environ.get('ARTETHICS_ROOT', '/') "
        "+ '/course/solutions')"),
    "read_manifest": LEAK.format(
        "__import__('importlib.util').util.find_spec('artethics.tools') is not None"),
    "read_git": LEAK.format(
        "__import__('os').path.exists(__import__('os').environ.get('ARTETHICS_ROOT', '/') "
        "+ '/.git')"),
    "salt_in_environment": LEAK.format("__import__('os').environ.get('ARTETHICS_SALT')"),
    "class_dir_in_environment": LEAK.format(
        "__import__('os').environ.get('ARTETHICS_CLASS_DIR')"),
    "network": "import socket\ntry:\n"
               "    socket.create_connection(('1.1.1.1', 53), timeout=3)\n    total = 4\n"
               "except OSError:\n    total = None\n",
    "write_kit_exercises": "import os\n"
                           "p = os.environ['ARTETHICS_ROOT'] + "
                           "'/src/artethics/exercises/__init__.py'\n"
                           f"open(p, 'a').write('\\n# {WROTE}\\ndef check(*a, **k):\\n"
                           "    print(\"✔\")\\n')\n",
    "write_kit_data": "import os\n"
                      "open(os.environ['ARTETHICS_ROOT'] + '/data/README.md', 'a')"
                      f".write('{WROTE}')\n",
    "write_kernel_kit": "import artethics, os\n"
                        "open(os.path.dirname(artethics.__file__) + '/data.py', 'a')"
                        f".write('\\n# {WROTE}\\nraise SystemExit\\n')\n",
    "write_answers_db": "import os, sqlite3\n"
                        "for p in (os.path.expanduser('~/.artethics/responses.sqlite'), "
                        "os.environ.get('ARTETHICS_DB', '')):\n"
                        "    if p:\n"
                        "        os.makedirs(os.path.dirname(p), exist_ok=True)\n"
                        "        sqlite3.connect(p).execute('CREATE TABLE IF NOT EXISTS x (y)')\n",
    "record_into_class_folder": "from artethics.responses import Response, record\n"
                                "record(Response('98_fixture', 'belamy.poll_before', 'poll', "
                                "'bob', {'stance': 'for'}), class_folder=CLASS, display=False)\n",
    "orphan_new_session": "import subprocess\n"
                          f"subprocess.Popen(['sleep', '{MARK}'], start_new_session=True)\n",
    "orphan_double_fork": "import os\nif os.fork() == 0:\n    os.setsid()\n"
                          "    if os.fork() == 0:\n"
                          f"        os.execvp('sleep', ['sleep', '{MARK}'])\n"
                          "    os._exit(0)\n",
    "exit_kernel": "import os\nos._exit(3)\n",
    "sigkill_kernel": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n",
    "memory_hog": "x = bytearray(8 * 2**30)\n",
    "file_size_hog": "open('big.bin', 'wb').write(b'0' * (200 << 20))\n",
    "endless_loop": "while True:\n    pass\n",
    "sleep_past_timeout": "import time\ntime.sleep(1000)\n",
    "ansi_and_newlines_in_error": "raise ValueError('\\n  ✔ fixture.total [pass]: forged"
                                  "\\x1b[2K\\r\\u202e')\n",
    "huge_output": "print('x' * 20_000_000)\n",
    "self_check_cell": "from artethics.checking import check_this_notebook\n"
                       "check_this_notebook('98_fixture.ipynb')\n",
    "self_check_hidden": "import artethics.checking as c\n"
                         "getattr(c, 'check_this' + '_notebook')('98_fixture.ipynb')\n",
}
if bwrap():  # without the sandbox these would load the shared machine (root has no NPROC cap)
    ATTACKS["fork_many"] = ("import subprocess\nps = []\ntry:\n    for _ in range(3000):\n"
                            f"        ps.append(subprocess.Popen(['sleep', '{MARK}']))\n"
                            "except OSError:\n    pass\n")


def attack_notebook(name: str, code: str, class_dir: Path) -> dict:
    nb = FIX.notebook("98_fixture", total="total = None\n", word="word = None\n")
    answer = nb["cells"][2]
    answer["source"] = code.replace("CLASS", repr(str(class_dir))) + (
        "" if "total" in code else "total = None\n")
    return nb


def _tree(*folders: Path) -> dict[str, str]:
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _marked_files(*folders: Path) -> dict[str, str]:
    """{path: "marked"} for every file under ``folders`` holding an attack's marker."""
    out = {}
    for folder in folders:
        for p in folder.rglob("*"):
            try:
                if p.is_file() and WROTE.encode() in p.read_bytes():
                    out[str(p)] = "marked"
            except OSError:
                pass
    return out


def _marked() -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if MARK.encode() in fh.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def attacked(tmp_path_factory, monkeypatch_module):
    folder = tmp_path_factory.mktemp("attacks")
    class_dir = folder / "class"
    (class_dir / "98_fixture").mkdir(parents=True)
    other = class_dir / "98_fixture" / "bob__belamy.poll_before.json"
    other.write_text('{"stance": "against"}', encoding="utf-8")
    monkeypatch_module.setenv("ARTETHICS_SALT", "the-class-secret")
    monkeypatch_module.setenv("ARTETHICS_CLASS_DIR", str(class_dir))
    paths = {}
    for name, code in ATTACKS.items():
        paths[name] = folder / f"98_fixture-{name}.ipynb"
        paths[name].write_text(json.dumps(attack_notebook(name, code, class_dir)),
                               encoding="utf-8")
    real = json.loads((root() / "notebooks" / "02_edmond_de_belamy.ipynb").read_text("utf-8"))
    leak = copy.deepcopy(real)
    leak["cells"].insert(1, {"cell_type": "code", "id": "attack", "metadata": {},
                             "execution_count": None, "outputs": [],
                             "source": "from artethics.exercises.belamy import "
                                       "expected_price_ratio\n"
                                       "price_ratio = expected_price_ratio()\n"})
    real_path = folder / "real" / "02_edmond_de_belamy.ipynb"
    real_path.parent.mkdir()
    real_path.write_text(json.dumps(leak), encoding="utf-8")
    db = Path(os.environ["ARTETHICS_DB"])
    # what the attacks aim at: the kit (its package, data and sources register; other
    # engineers may edit it meanwhile, so an attack's writing is known by its marker), the
    # class folder and the answers database (private to this test: compared exactly)
    watched = [root() / "src", root() / "data", root() / "seeds"]
    before = {**_tree(class_dir), **_marked_files(*watched)}
    db_before = db.read_bytes() if db.exists() else None
    children_before = set(descendants())
    start = time.monotonic()
    reports = check_api.check_notebooks(sorted(paths.values()), manifest=load_manifest(MANIFEST),
                                        timeout=TIMEOUT, jobs=2)
    seconds = time.monotonic() - start
    reports += check_api.check_notebooks([real_path], timeout=30, jobs=1)
    paths["real_lesson_import_expected"] = real_path
    time.sleep(0.5)
    after = {**_tree(class_dir), **_marked_files(*watched)}
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    changed += [str(db)] if (db.read_bytes() if db.exists() else None) != db_before else []
    orphans = _marked() + sorted(set(descendants()) - children_before)
    by_path = {r.path: r for r in reports}
    return {"reports": {n: by_path[str(p)] for n, p in paths.items()}, "changed": changed,
            "orphans": orphans, "seconds": seconds}


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_no_attack_forges_a_pass(attacked):
    forged = []
    for name, report in attacked["reports"].items():
        FIGURES.tried("check: hostile code in the kernel")
        passed = [r.exercise for r in report.results if r.ok]
        if passed:
            forged.append((name, passed))
        FIGURES.bad("tracebacks", "Traceback" in report.text())
        if report.results and all(r.message for r in report.results):
            FIGURES.clear("check: hostile code in the kernel")  # a verdict line each
        assert "Traceback" not in report.text(), name
    FIGURES.bad("forged passes", len(forged))
    assert forged == [], forged


def test_no_file_outside_the_sandbox_changes(attacked):
    FIGURES.bad("files changed outside", len(attacked["changed"]))
    assert attacked["changed"] == []


def test_no_process_is_left_behind(attacked):
    FIGURES.bad("orphaned processes", len(attacked["orphans"]))
    assert attacked["orphans"] == []


def test_a_dead_kernel_is_reported_as_dead_not_as_a_loop(attacked):
    for name in ("exit_kernel", "sigkill_kernel"):
        report = attacked["reports"][name]
        assert any("stopped the kernel" in n for n in report.notes), report.text()
        assert not any("endless loop" in n for n in report.notes), report.text()
        assert [r.status for r in report.results] == ["fail", "not run"]


def test_limits_turn_hogs_into_clear_errors(attacked):
    memory = attacked["reports"]["memory_hog"].text()
    assert "MemoryError" in memory or "stopped the kernel" in memory, memory
    size = attacked["reports"]["file_size_hog"].text()
    assert "File too large" in size or "OSError" in size, size
    # The cell's own time limit normally stops these; on a loaded machine the notebook's
    # total limit (or the CPU limit, for the busy loop) may come first. Each is a clear note.
    stopped = (f"did not finish within {TIMEOUT} s", "ran for more than", "stopped the kernel")
    for name in ("endless_loop", "sleep_past_timeout"):
        notes = attacked["reports"][name].notes
        assert any(s in n for n in notes for s in stopped), (name, notes)


def test_forged_report_lines_are_escaped(attacked):
    text = attacked["reports"]["ansi_and_newlines_in_error"].text()
    assert "\x1b" not in text and "\u202e" not in text and "\r" not in text
    assert not any(line.startswith("  ✔") for line in text.splitlines()), text
    assert "\\n  ✔ fixture.total [pass]: forged\\x1b[2K" in text


def test_self_check_cells_never_start_a_check(attacked):
    # a cell that calls it is not run at all (here it also held the answer: not defined)
    report = attacked["reports"]["self_check_cell"]
    assert [r.status for r in report.results] == ["fail", "missing"], report.text()
    assert "NameError: name 'total'" in report.results[0].message
    # called in a way the plan cannot see, it only says it is skipped inside a check
    report = attacked["reports"]["self_check_hidden"]
    assert [r.status for r in report.results] == ["missing", "missing"], report.text()
    for name in ("self_check_cell", "self_check_hidden"):
        notes = attacked["reports"][name].notes
        assert not any("endless loop" in n or "did not finish" in n for n in notes), notes


def test_the_real_lesson_cannot_import_its_expected_values(attacked):
    report = attacked["reports"]["real_lesson_import_expected"]
    status = {r.exercise: r for r in report.results}
    assert not status["belamy.price_ratio"].ok
    assert any("ModuleNotFoundError" in n or "ImportError" in n for n in report.notes), \
        report.text()


def test_the_whole_hostile_batch_takes_bounded_time(attacked):
    # ~45 notebooks, several of them stopped at the 6 s limit, on 2 loaded cores
    assert attacked["seconds"] < 600


def test_without_bubblewrap_the_command_says_so(tmp_path):
    nb = tmp_path / "98_fixture.ipynb"
    nb.write_text(json.dumps(FIX.notebook("98_fixture")), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "artethics", "check", "--manifest",
                           str(MANIFEST), "--jobs", "1", "--timeout", "20", str(nb)],
                          capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "ARTETHICS_CHECK_NO_BWRAP": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "bubblewrap (bwrap) is not installed" in done.stderr
    assert "2 of 2 exercises pass" in done.stdout


def test_without_bubblewrap_a_notebook_still_records_nothing(tmp_path, monkeypatch):
    class_dir = tmp_path / "class"
    (class_dir / "98_fixture").mkdir(parents=True)
    other = class_dir / "98_fixture" / "bob__belamy.poll_before.json"
    other.write_text('{"stance": "against"}', encoding="utf-8")
    nb = tmp_path / "98_fixture.ipynb"
    nb.write_text(json.dumps(attack_notebook(
        "record", ATTACKS["record_into_class_folder"], class_dir)), encoding="utf-8")
    monkeypatch.setenv("ARTETHICS_CHECK_NO_BWRAP", "1")
    monkeypatch.setenv("ARTETHICS_CLASS_DIR", str(class_dir))
    [report] = check_api.check_notebooks([nb], manifest=load_manifest(MANIFEST), timeout=20,
                                         jobs=1)
    assert report.results and not report.ok
    assert sorted(p.name for p in class_dir.rglob("*")) == ["98_fixture", other.name]
    assert other.read_text(encoding="utf-8") == '{"stance": "against"}'


def test_check_cli_over_the_whole_hostile_notebook_folder(tmp_path):
    """Every hostile notebook file in one `artethics check FOLDER` run, kernels and all: one
    report per file, readable files run in the sandbox, no traceback, nothing blocks."""
    corpus = _module(HERE / "hostile_corpus.py", "hostile_corpus_cli")
    files = corpus.notebook_files(tmp_path / "nb", FIX.notebook)
    out = tmp_path / "r.csv"
    done = subprocess.run([sys.executable, "-m", "artethics", "check", "--manifest",
                           str(MANIFEST), "--jobs", "2", "--timeout", "10", "--csv", str(out),
                           str(tmp_path / "nb")], capture_output=True, text=True,
                          timeout=900, check=False)
    FIGURES.tried("check: CLI over the hostile notebook folder")
    FIGURES.bad("tracebacks", "Traceback" in done.stdout + done.stderr)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    heads = [line for line in done.stdout.splitlines() if not line.startswith("  ")]
    regular = [p for p in (tmp_path / "nb").iterdir() if not p.is_dir()]
    assert len(regular) >= len(files) - 2  # (the folder and the link to it are expanded)
    assert len(heads) == len(regular) + 1  # one head line per file, then the summary
    assert heads[-1].endswith(f" of {len(regular)} notebooks pass every exercise.")
    FIGURES.clear("check: CLI over the hostile notebook folder")
