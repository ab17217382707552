"""artethics run end to end: ONE run over the four tiny fixture notebooks (pass, error,
hang, dead kernel), shared by every test here, since each execution costs seconds."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import nbformat
import pytest

from artethics import paths
from artethics.tools import cli, runner

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"
PREFIX = "tests/fixtures/notebooks/"


def checksums() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(FIXTURES.glob("runner-*.ipynb"))}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Run the tracked fixture notebooks in place (read only), output to a temp folder."""
    out = tmp_path_factory.mktemp("build")
    before = checksums()
    import contextlib
    import io

    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = cli.main(["run", str(FIXTURES), "--output-dir", str(out), "--timeout", "2",
                         "--jobs", "2", "--no-progress", "-p", "student", "ci", "-p", "level", "7"])
    return {"code": code, "out": out, "stdout": stdout.getvalue(), "before": before}


def test_exit_code_is_1_when_a_notebook_fails(run):
    assert run["code"] == 1


def test_summary_lists_every_status(run):
    table = [line.split() for line in run["stdout"].splitlines()
             if line.startswith(PREFIX) and line.split()[0].endswith(".ipynb")]
    rows = {row[0]: row[2:] for row in table}  # notebook, language, status, seconds
    assert {row[1] for row in table} == {"en"}
    assert rows[PREFIX + "runner-pass-params.ipynb"][0] == "ok"
    assert rows[PREFIX + "runner-fail-valueerror.ipynb"][0] == "failed"
    assert rows[PREFIX + "runner-hang-loop.ipynb"][0] == "timeout"
    assert rows[PREFIX + "runner-dead-kernel.ipynb"][:2] == ["dead", "kernel"]
    assert "4 notebook(s): 1 ok, 3 not ok" in run["stdout"]


def test_failure_report_gives_source_cell_exception_and_traceback(run):
    report = run["stdout"]
    assert (PREFIX + "runner-fail-valueerror.ipynb: failed at cell 3 "
            "(cell index in the source notebook, from 0)") in report
    assert "  ValueError: level 7 is too low" in report  # the -p value reached the notebook
    assert "----> 4 explain()" in report  # the traceback's first lines
    assert "\x1b[" not in report


def test_hung_cell_is_reported_as_timeout_at_its_cell(run):
    assert PREFIX + "runner-hang-loop.ipynb: timeout at cell 1" in run["stdout"]
    assert re.search(r"CellTimeoutError: .*after 2 seconds", run["stdout"])


def test_dead_kernel_is_reported_at_its_cell(run):
    assert PREFIX + "runner-dead-kernel.ipynb: dead kernel at cell 1" in run["stdout"]
    assert "DeadKernelError" in run["stdout"]


def test_executed_copies_and_html_go_to_the_output_folder(run):
    executed = run["out"] / "executed" / PREFIX
    html = run["out"] / "html" / PREFIX
    names = sorted(p.name for p in FIXTURES.glob("runner-*.ipynb"))
    assert sorted(p.name for p in executed.glob("*.ipynb")) == names
    assert sorted(p.name for p in html.glob("*.html")) == [
        n.removesuffix(".ipynb") + ".html" for n in names]
    nb = nbformat.read(executed / "runner-pass-params.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "student=ci seed=0 weights=None" in printed


def test_html_handouts_load_nothing_remote(run):
    for page in sorted((run["out"] / "html").rglob("*.html")):
        assert runner.external_references(page.read_text(encoding="utf-8")) == [], page.name


def test_tracked_notebooks_are_untouched(run):
    assert checksums() == run["before"]
    assert not (paths.build_dir() / "executed" / "tests").exists()


RECORDING_CELLS = [
    'student: str = "anonymous"',
    "import os\n"
    "from artethics.responses import Response, record\n"
    'record(Response(lesson="00_db", activity="db.poll_before", kind="poll", student=student,\n'
    '                data={"stance": "for", "confidence": 3}))\n'
    'print("class folder:", repr(os.environ.get("ARTETHICS_CLASS_DIR")))',
]


def test_a_run_records_into_build_and_leaves_the_users_database_alone(tmp_path):
    """`artethics run` as `make course` runs it, with a HOME that already holds answers
    and a class folder set in the environment: both stay untouched."""
    import os
    import sqlite3
    import subprocess
    import sys

    from nbformat.v4 import new_code_cell, new_notebook

    from artethics.responses import Store

    kit, home, class_dir = tmp_path / "kit", tmp_path / "home", tmp_path / "class"
    (kit / "course" / "solutions").mkdir(parents=True)
    class_dir.mkdir()
    cells = [new_code_cell(RECORDING_CELLS[0], metadata={"tags": ["parameters"]}),
             new_code_cell(RECORDING_CELLS[1])]
    nbformat.write(new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}),
        kit / "course" / "solutions" / "00_db.ipynb")
    own = home / ".artethics" / "responses.sqlite"
    Store(own).add(runner_response("mine"))
    before = own.read_bytes()
    env = {k: v for k, v in os.environ.items() if k != "ARTETHICS_DB"}
    env.update(HOME=str(home), ARTETHICS_ROOT=str(kit), ARTETHICS_CLASS_DIR=str(class_dir))
    for _ in range(2):  # a second run starts from a fresh database
        proc = subprocess.run([sys.executable, "-m", "artethics", "run", "--no-progress",
                               "-p", "student", "ci-db"], cwd=kit, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 notebook(s): 1 ok, 0 not ok" in proc.stdout
    assert own.read_bytes() == before
    with sqlite3.connect(own) as conn:
        assert conn.execute("SELECT student FROM responses").fetchall() == [("mine",)]
    assert [r.student for r in Store(kit / "build" / "responses.sqlite").all()] == ["ci-db"]
    assert list(class_dir.iterdir()) == []
    executed = nbformat.read(kit / "build" / "executed" / "course" / "solutions" / "00_db.ipynb",
                             as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "class folder: None" in printed
    assert (kit / "build" / "html" / "course" / "solutions" / "00_db.html").is_file()


def runner_response(student: str):
    from artethics.responses import Response

    return Response(lesson="00_db", activity="db.poll_before", kind="poll", student=student,
                    data={"stance": "against", "confidence": 2}, recorded_at="2025-01-01T00:00:00Z")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_each_notebook_gets_a_fresh_warm_kernel_of_its_own(tmp_path, monkeypatch):
    """Spare kernels import the heavy modules beforehand and nothing else: no name, no
    history, no execution count, no state from the notebook before, the right folder.
    Each is a process of its own (its own pid, process group and session), forked from
    the worker's zygote."""
    from nbformat.v4 import new_code_cell, new_notebook

    probe = ("import os, sys\n"
             "names = sorted(k for k in globals() if not k.startswith('_') and k not in\n"
             "               {'In', 'Out', 'get_ipython', 'exit', 'quit', 'open', 'os', 'sys'})\n"
             "print('names', names)\n"
             "print('history', len(In), len(Out))\n"
             "print('cwd', os.path.basename(os.getcwd()))\n"
             "print('pid', os.getpid())\n"
             "print('group', os.getpgid(0) == os.getpid() == os.getsid(0))\n"
             "print('forked', 'kernel_zygote' in open(f'/proc/{os.getppid()}/cmdline').read())\n"
             "print('warm', 'pandas' in sys.modules and 'artethics.tables' in sys.modules)\n"
             "left_behind = 1")
    meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    for folder, name in (("course/solutions", "a.ipynb"), ("notebooks", "b.ipynb")):
        (tmp_path / folder).mkdir(parents=True)
        nbformat.write(new_notebook(cells=[new_code_cell(probe)], metadata=meta),
                       tmp_path / folder / name)
    monkeypatch.setenv("ARTETHICS_ROOT", str(tmp_path))
    results = runner.run([], jobs=1, output_dir=tmp_path / "build", progress=False)
    assert [r.status for r in results] == [runner.OK, runner.OK]
    printed = {}
    for folder, name in (("course/solutions", "a.ipynb"), ("notebooks", "b.ipynb")):
        nb = nbformat.read(tmp_path / "build" / "executed" / folder / name, as_version=4)
        [cell] = nb.cells
        assert cell.execution_count == 1
        printed[name] = dict(line.split(" ", 1) for line in cell.outputs[0]["text"].splitlines())
    a, b = printed["a.ipynb"], printed["b.ipynb"]
    assert a["names"] == b["names"] == "[]"  # nothing bound, not even by the notebook before
    assert a["history"] == b["history"] == "2 0"  # In: [''] and this cell; Out: empty
    assert (a["cwd"], b["cwd"]) == ("solutions", "notebooks")
    assert a["pid"] != b["pid"]
    assert a["warm"] == b["warm"] == "True"
    assert a["group"] == b["group"] == "True"
    assert a["forked"] == b["forked"] == "True"
