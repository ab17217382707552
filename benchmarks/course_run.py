"""Benchmark ``artethics run`` against the papermill command line, in one run.

    .venv/bin/python benchmarks/course_run.py              # the course's own notebooks
    .venv/bin/python benchmarks/course_run.py --stand-in   # 7 generated stand-in notebooks

Times (1) ``artethics run`` on every target, then (2) the ``papermill`` command
line on each of the same notebooks one after another, with the same parameters,
and prints both times, the ratio (1)/(2), whether it meets the target (<= 0.25)
and the load average before and after (the machine is shared: a ratio means little
without it). Everything is written to a temporary folder, answers the notebooks
record included (both sides get ARTETHICS_DB in it and no class folder); the kit's
notebooks, build/ and ~/.artethics are not touched. ``--repeat N`` runs it N times.

Each side's CPU seconds are printed too: user + system time of the whole process
tree (workers, zygotes and kernels included), which the load on a shared machine
changes far less than the wall time.

``--ab`` compares ``artethics run`` with itself instead: kernels launched normally
(``ARTETHICS_FORK_KERNELS=0``) against kernels forked from the zygote, one right
after the other (order alternating from repeat to repeat), and checks that both
give the same outputs in every executed notebook.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 0.25
STAND_IN_COUNT = 7
DEFAULT_PARAMS = {"student": "benchmark", "seed": 0}


def stand_in_notebooks(root: Path, count: int = STAND_IN_COUNT) -> list[Path]:
    """Write ``count`` small lessons: parameters, pandas, one matplotlib plot, one widget."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    folder = root / "course" / "solutions"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        cells = [
            new_markdown_cell(f"# Stand-in lesson {n}"),
            new_code_cell('student: str = "anonymous"\nseed: int = 0',
                          metadata={"tags": ["parameters"]}),
            new_code_cell("import numpy as np\nimport pandas as pd\n"
                          "import matplotlib.pyplot as plt\n"
                          "rng = np.random.default_rng(seed)\n"
                          "df = pd.DataFrame({'year': range(2016, 2026), "
                          "'value': rng.integers(0, 100, 10)})\ndf.describe()"),
            new_code_cell("fig, ax = plt.subplots(figsize=(4, 3))\n"
                          "ax.plot(df['year'], df['value'])\nplt.show()"),
            new_code_cell("import ipywidgets as widgets\n"
                          "widgets.IntSlider(value=3, min=0, max=5, description='weight')"),
        ]
        nb = new_notebook(cells=cells, metadata={"kernelspec": {
            "name": "python3", "display_name": "Python 3", "language": "python"}})
        path = folder / f"{n:02d}_stand_in.ipynb"
        nbformat.write(nb, path)
        written.append(path)
    return written


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished process this one has waited for,
    and of the processes those waited for, and so on. Orphans count too: on Linux this
    process is made a "subreaper" (``become_subreaper``), so a descendant whose parent
    exits first (multiprocessing's forkserver) is handed to it and reaped here."""
    reap_orphans()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def become_subreaper() -> bool:
    """Linux: orphaned descendants are re-parented to this process, not to init."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER


def reap_orphans(within: float = 30.0) -> None:
    """Wait for every remaining descendant handed to this process (at most ``within``
    seconds; one that is still running then is reported)."""
    deadline = time.monotonic() + within
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                print("warning: a process of the run was still running; its CPU time "
                      "is not counted", file=sys.stderr)
                return
            time.sleep(0.05)


def time_artethics(root: Path, out: Path, params: dict, jobs: int | None,
                   extra_env: dict | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one ``artethics run``."""
    cmd = [sys.executable, "-m", "artethics", "run", "--output-dir", str(out)]
    cmd += ["--jobs", str(jobs)] if jobs else []
    for name, value in sorted(params.items()):
        cmd += ["-p", name, str(value)]
    cpu, started = children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, env={**_env(root, out), **(extra_env or {})},
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    print(proc.stdout)
    if proc.returncode not in (0, 1):
        sys.exit(f"artethics run failed to start:\n{proc.stderr}")
    return seconds, children_cpu() - cpu


def time_papermill(root: Path, out: Path, tasks) -> tuple[float, float]:
    """Wall and CPU seconds of the papermill command line on each task in turn."""
    import yaml

    papermill = Path(sys.executable).with_name("papermill")
    cpu, started = children_cpu(), time.perf_counter()
    for task in tasks:
        target = out / task.name
        target.parent.mkdir(parents=True, exist_ok=True)
        cmd = [str(papermill), task.source, str(target), "--cwd", str(Path(task.source).parent),
               "--no-progress-bar", "--execution-timeout", str(task.timeout)]
        if task.parameters:
            cmd += ["-y", yaml.safe_dump(task.parameters)]
        subprocess.run(cmd, cwd=root, env=_env(root, out), capture_output=True, text=True)
    return time.perf_counter() - started, children_cpu() - cpu


def _env(root: Path, out: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("ARTETHICS_CLASS_DIR", "ARTETHICS_FORK_KERNELS")}
    return {**env, "ARTETHICS_ROOT": str(root), "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg",
            "ARTETHICS_DB": str(out / "responses.sqlite")}


def load_average() -> str:
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stand-in", action="store_true",
                        help=f"benchmark {STAND_IN_COUNT} generated stand-in notebooks")
    parser.add_argument("--jobs", type=int, default=None, help="passed to artethics run")
    parser.add_argument("--repeat", type=int, default=1, help="run the comparison N times")
    parser.add_argument("--ab", action="store_true",
                        help="compare artethics run with kernels launched normally against "
                             "kernels forked from the zygote (no papermill side)")
    args = parser.parse_args(argv)
    become_subreaper()
    if args.ab:
        rows = [measure_ab(args, n) for n in range(max(1, args.repeat))]
        print("normal / forked, wall: " + ", ".join(f"{a:.1f}/{b:.1f} s" for a, b, _, _ in rows))
        print("normal / forked, CPU:  " + ", ".join(f"{c:.1f}/{d:.1f} s" for _, _, c, d in rows))
        return 0
    ratios = [measure(args) for _ in range(max(1, args.repeat))]
    if len(ratios) > 1:
        print("ratios: " + ", ".join(f"{r:.2f}" for r in ratios))
    return 0


def _targets(args, tmp: Path):
    """The tasks and parameters of one measurement (a stand-in kit is written first)."""
    if args.stand_in:
        stand_in_notebooks(tmp / "kit")
        os.environ["ARTETHICS_ROOT"] = str(tmp / "kit")
    from artethics import paths
    from artethics.tools import runner

    root = paths.root()
    declared = [runner.declared_parameters(nb) for nb in runner.find_targets([], root)]
    params = {k: v for k, v in DEFAULT_PARAMS.items() if any(k in d for d in declared)}
    tasks = runner.plan([], params)
    print(f"{len(tasks)} notebooks under {'a stand-in kit' if args.stand_in else root}; "
          f"parameters {params}; {os.cpu_count()} cores")
    return root, params, tasks


def measure_ab(args, n: int) -> tuple[float, float, float, float]:
    """artethics run with kernels launched normally and forked, back to back; the
    wall and CPU seconds of each (normal, forked), outputs compared."""
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="artethics-bench-") as tmp:
        tmp = Path(tmp)
        root, params, tasks = _targets(args, tmp)
        order = ["0", "1"] if n % 2 == 0 else ["1", "0"]
        times, loads = {}, {}
        for switch in order:
            times[switch] = time_artethics(root, tmp / switch, params, args.jobs,
                                           {"ARTETHICS_FORK_KERNELS": switch})
            loads[switch] = load_average()
        different = [t.name for t in tasks
                     if comparable(tmp / "0" / "executed" / t.name)
                     != comparable(tmp / "1" / "executed" / t.name)]
    (normal, normal_cpu), (forked, forked_cpu) = times["0"], times["1"]
    print(f"kernels launched normally: {normal:6.1f} s wall, {normal_cpu:6.1f} s CPU")
    print(f"kernels forked           : {forked:6.1f} s wall, {forked_cpu:6.1f} s CPU")
    print(f"order {'normal, forked' if order[0] == '0' else 'forked, normal'}; "
          f"before: {before}; after the first: {loads[order[0]]}; "
          f"after the second: {loads[order[1]]}")
    print(f"outputs: {len(tasks) - len(different)} of {len(tasks)} notebooks the same"
          + (f"; DIFFERENT: {', '.join(different)}" if different else ""))
    return normal, forked, normal_cpu, forked_cpu


_MODEL_ID = re.compile(r'"model_id": "[0-9a-f]{32}"')


def comparable(path: Path):
    """An executed notebook's cells as a reader sees them (source, execution count,
    outputs), without papermill's timings, widget models' random ids and the split of
    one stream of text into chunks; None when the notebook is missing."""
    import nbformat

    if not path.is_file():
        return None
    cells = []
    for cell in nbformat.read(path, as_version=4).cells:
        outputs: list = []
        for output in cell.get("outputs", []):
            output = {k: v for k, v in output.items() if k != "metadata"}
            if (output.get("output_type") == "stream" and outputs
                    and outputs[-1].get("output_type") == "stream"
                    and outputs[-1]["name"] == output["name"]):
                outputs[-1] = {**outputs[-1], "text": outputs[-1]["text"] + output["text"]}
                continue
            outputs.append(json.loads(_MODEL_ID.sub('"model_id": "-"', json.dumps(output))))
        cells.append((cell.cell_type, cell.source, cell.get("execution_count"), outputs))
    return cells


def measure(args) -> float:
    """One comparison: artethics run, then papermill on each notebook; the ratio."""
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="artethics-bench-") as tmp:
        tmp = Path(tmp)
        root, params, tasks = _targets(args, tmp)
        ours, ours_cpu = time_artethics(root, tmp / "ours", params, args.jobs)
        middle = load_average()
        theirs, theirs_cpu = time_papermill(root, tmp / "papermill", tasks)
    ratio = ours / theirs
    print(f"artethics run          : {ours:6.1f} s  ({ours_cpu:6.1f} s CPU)")
    print(f"papermill CLI, serially: {theirs:6.1f} s  ({theirs_cpu:6.1f} s CPU)")
    print(f"ratio                  : {ratio:6.2f}  (target <= {TARGET:.2f}: "
          f"{'met' if ratio <= TARGET else 'NOT met'}); CPU ratio {ours_cpu / theirs_cpu:.2f}")
    print(f"before: {before}; between: {middle}; after: {load_average()}")
    return ratio


if __name__ == "__main__":
    sys.exit(main())
