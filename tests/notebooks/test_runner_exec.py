"""artethics run end to end: ONE run over the four tiny fixture notebooks (pass, error,
hang, dead kernel), shared by every test here, since each execution costs seconds."""

from __future__ import annotations

import hashlib
import re
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
    rows = {line.split()[0]: line.split()[1:] for line in run["stdout"].splitlines()
            if line.startswith(PREFIX)}
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
