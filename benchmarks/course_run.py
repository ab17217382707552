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
"""

from __future__ import annotations

import argparse
import os
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


def time_artethics(root: Path, out: Path, params: dict, jobs: int | None) -> float:
    cmd = [sys.executable, "-m", "artethics", "run", "--output-dir", str(out)]
    cmd += ["--jobs", str(jobs)] if jobs else []
    for name, value in sorted(params.items()):
        cmd += ["-p", name, str(value)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=root, env=_env(root, out), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    print(proc.stdout)
    if proc.returncode not in (0, 1):
        sys.exit(f"artethics run failed to start:\n{proc.stderr}")
    return seconds


def time_papermill(root: Path, out: Path, tasks) -> float:
    import yaml

    papermill = Path(sys.executable).with_name("papermill")
    started = time.perf_counter()
    for task in tasks:
        target = out / task.name
        target.parent.mkdir(parents=True, exist_ok=True)
        cmd = [str(papermill), task.source, str(target), "--cwd", str(Path(task.source).parent),
               "--no-progress-bar", "--execution-timeout", str(task.timeout)]
        if task.parameters:
            cmd += ["-y", yaml.safe_dump(task.parameters)]
        subprocess.run(cmd, cwd=root, env=_env(root, out), capture_output=True, text=True)
    return time.perf_counter() - started


def _env(root: Path, out: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ARTETHICS_CLASS_DIR"}
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
    args = parser.parse_args(argv)
    ratios = [measure(args) for _ in range(max(1, args.repeat))]
    if len(ratios) > 1:
        print("ratios: " + ", ".join(f"{r:.2f}" for r in ratios))
    return 0


def measure(args) -> float:
    """One comparison: artethics run, then papermill on each notebook; the ratio."""
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="artethics-bench-") as tmp:
        tmp = Path(tmp)
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
        ours = time_artethics(root, tmp / "ours", params, args.jobs)
        theirs = time_papermill(root, tmp / "papermill", tasks)
    ratio = ours / theirs
    print(f"artethics run          : {ours:6.1f} s")
    print(f"papermill CLI, serially: {theirs:6.1f} s")
    print(f"ratio                  : {ratio:6.2f}  (target <= {TARGET:.2f}: "
          f"{'met' if ratio <= TARGET else 'NOT met'})")
    print(f"before: {before}; after: {load_average()}")
    return ratio


if __name__ == "__main__":
    sys.exit(main())
