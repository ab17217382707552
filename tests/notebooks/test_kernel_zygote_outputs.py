"""Kernels forked from the zygote behave as kernels launched normally.

Two checks, each able to fail on a real difference:

- the state a notebook can see (pandas options, matplotlib settings and backend,
  ``sys.path``, loaded modules, comm targets, signal handlers, the environment,
  ``__main__``, standard input, the process group) is the same in a forked kernel as
  in one launched normally (``ARTETHICS_FORK_KERNELS=0``);
- a real lesson executed by ``artethics run`` (forked kernels) gives the same outputs,
  figures included, as the plain ``papermill`` command line on the same notebook.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from artethics import paths
from artethics.tools import runner
from artethics.tools.kernel_zygote import SWITCH

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks; /proc")]

META = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
PROBE = r'''
import json, os, signal, sys
import matplotlib as mpl
import pandas as pd
ip = get_ipython()
state = {
    "pandas": {k: repr(pd.get_option(k)) for k in sorted(pd._config.config._registered_options)},
    "rc": {k: repr(v) for k, v in sorted(mpl.rcParams.items()) if k != "backend"},
    "backend_setting": repr(mpl.rcParams._get_backend_or_none()),
    "path": sys.path,
    "argv": [os.path.basename(sys.argv[0])] + sys.argv[1:2],
    "env": sorted(os.environ),
    "env_values": {k: v for k, v in os.environ.items()
                   if k not in {"ARTETHICS_DB", "JPY_PARENT_PID", "SWITCH"}},
    "modules": sorted(sys.modules),
    "comm_targets": sorted(ip.kernel.comm_manager.targets),
    "main": type(sys.modules["__main__"]).__name__,
    "own_group": os.getpgid(0) == os.getpid() == os.getsid(0),
    "stdin": os.readlink("/proc/self/fd/0").split(":")[0],
    "signals": {s: repr(signal.getsignal(getattr(signal, s)))
                for s in ("SIGINT", "SIGTERM", "SIGCHLD", "SIGPIPE", "SIGHUP")},
    "formatters": sorted(k for k, f in ip.display_formatter.formatters.items() if f.enabled),
    "hash": hash("artethics"),
    "cwd": os.path.basename(os.getcwd()),
    "names": sorted(k for k in ip.user_ns if not k.startswith("_")),
    "backend": mpl.get_backend(),
}
print(json.dumps(state, sort_keys=True))
print(json.dumps({"forked": "kernel_zygote" in open(f"/proc/{os.getppid()}/cmdline").read()}))
'''.replace("SWITCH", SWITCH)


def probe_state(kit: Path, out: Path, switch: str, monkeypatch) -> tuple[dict, bool]:
    monkeypatch.setenv(SWITCH, switch)
    results = runner.run([], jobs=1, output_dir=out, progress=False)
    assert [r.status for r in results] == [runner.OK], results
    nb = nbformat.read(out / "executed" / "course" / "solutions" / "probe.ipynb", as_version=4)
    lines = "".join(o.get("text", "") for o in nb.cells[0].outputs).splitlines()
    return json.loads(lines[0]), json.loads(lines[1])["forked"]


def test_a_forked_kernel_sees_the_state_of_a_normally_launched_one(tmp_path, monkeypatch):
    kit = tmp_path / "kit"
    (kit / "course" / "solutions").mkdir(parents=True)
    nbformat.write(new_notebook(cells=[new_code_cell(PROBE)], metadata=META),
                   kit / "course" / "solutions" / "probe.ipynb")
    monkeypatch.setenv("ARTETHICS_ROOT", str(kit))
    normal, normal_forked = probe_state(kit, tmp_path / "normal", "0", monkeypatch)
    forked, forked_forked = probe_state(kit, tmp_path / "forked", "1", monkeypatch)
    assert (normal_forked, forked_forked) == (False, True)  # the switch did switch
    assert "pandas" in forked["modules"] and "artethics.tables" in forked["modules"]
    for key in sorted(normal):
        assert forked[key] == normal[key], key
    assert forked == normal


# ------------------------------------------------------------------ a real lesson
LESSON = "course/solutions/03_lofter.ipynb"
_MODEL_ID = re.compile(r'"model_id": "[0-9a-f]{32}"')


def comparable(path: Path) -> list[dict]:
    """A notebook's cells as a reader sees them: source, execution count, outputs.
    Set aside: papermill's timing metadata, the random ids of widget models, and how
    one stream of text happened to be split into chunks."""
    nb = nbformat.read(path, as_version=4)
    cells = []
    for cell in nb.cells:
        outputs: list[dict] = []
        for output in cell.get("outputs", []):
            output = {k: v for k, v in output.items() if k != "metadata"}
            if (output.get("output_type") == "stream" and outputs
                    and outputs[-1].get("output_type") == "stream"
                    and outputs[-1]["name"] == output["name"]):
                outputs[-1] = {**outputs[-1], "text": outputs[-1]["text"] + output["text"]}
                continue
            outputs.append(json.loads(_MODEL_ID.sub('"model_id": "-"', json.dumps(output))))
        cells.append({"type": cell.cell_type, "source": cell.source,
                      "count": cell.get("execution_count"), "outputs": outputs})
    return cells


def test_a_lesson_run_by_artethics_run_matches_a_plain_papermill_run(tmp_path, monkeypatch):
    source = paths.root() / LESSON
    if not source.is_file():
        pytest.skip(f"{LESSON} is not in this kit")
    params = {"student": "ci"} if "student" in runner.declared_parameters(source) else {}
    env = {k: v for k, v in os.environ.items() if k not in ("ARTETHICS_CLASS_DIR", SWITCH)}
    env.update(PYTHONHASHSEED="0", ARTETHICS_DB=str(tmp_path / "papermill.sqlite"))
    papermill = Path(sys.executable).with_name("papermill")
    plain = tmp_path / "plain.ipynb"
    cmd = [str(papermill), str(source), str(plain), "--cwd", str(source.parent),
           "--no-progress-bar", "-k", "python3"]
    for name, value in params.items():
        cmd += ["-p", name, value]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]

    monkeypatch.setenv(SWITCH, "1")
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)
    [result] = runner.run([str(source)], parameters=params, jobs=1,
                          output_dir=tmp_path / "ours", progress=False)
    assert result.status == runner.OK, result
    ours = tmp_path / "ours" / "executed" / LESSON
    plain_cells, our_cells = comparable(plain), comparable(ours)
    assert len(our_cells) == len(plain_cells)
    for index, (mine, theirs) in enumerate(zip(our_cells, plain_cells, strict=True)):
        assert mine == theirs, f"cell {index} differs"
    assert any(o.get("data", {}).get("image/png") for c in our_cells for o in c["outputs"]), \
        "the lesson drew no figure: the comparison would not cover figures"
