"""Benchmark: `artethics check` over a folder, in parallel vs one notebook after another.

Writes N copies of the complete fixture notebook (tests/fixtures/check) to a temporary
folder, checks them with --jobs 1 and with --jobs J in the same run, prints both times,
the CPU seconds they used (all processes, kernels included), the load average before
each and the speed-up. Target: at least 1.9x on 2 cores, which needs the cores to be
free: with other people's work on the machine the parallel run gets less than 2 cores.

    .venv/bin/python benchmarks/check_folder.py [--n 100] [--jobs 2]
    .venv/bin/python benchmarks/check_folder.py --single course/solutions/02_edmond_de_belamy.ipynb

``--single NOTEBOOK`` instead compares one notebook's ``artethics check`` with its own
``artethics run`` (both as commands, alternated, median of ``--reps``). Target: check at
most 1.5x run.

Measured on the shared 2-core machine, 100 notebooks, load average (1 min) before each run:

| version | one after another | 2 workers | speed-up | load |
|---|---|---|---|---|
| before: 2 round-robin batches, one pytest process each | 76.8 s | 47.0 s | x1.63 | 2.45 / 1.97 |
| same | 76.6 s | 41.8 s | x1.83 | 1.62 / 0.97 |
| same | 78.4 s | 42.3 s | x1.85 | 1.47 / 1.03 |
| now: shared queue, in-process nbval, private profile | 71.9 s | 38.0 s | x1.89 | 0.81 / 0.79 |
| same | 76.6 s | 39.0 s | x1.96 | 1.46 / 1.14 |
| same | 76.5 s | 39.5 s | x1.94 | 1.17 / 0.93 |

After issue 11 (verdicts computed outside the kernel, one bubblewrap sandbox per
notebook), measured while the machine was shared by eight engineers:

| version | one after another | 2 workers | speed-up | load |
|---|---|---|---|---|
| sandboxed kernels, values handed over | 251.7 s | 115.4 s | x2.18 | 10.94 / 7.04 |

(the load fell between the two runs, which flatters the ratio; at that load a kernel takes
about 2-3 s to start, against well under 1 s on an idle machine.) ``--single`` on
``course/solutions/02_edmond_de_belamy.ipynb``: run 26.0 s, check 17.8 s, check/run x0.69
(load 9.8-10.7).

Per notebook the work is mostly the kernel's (start, run, stop: about 0.4 CPU s); the
worker waits for it about half of the time, so the serial run uses about 0.55 of a core
and two workers can overlap almost all of it. What is left of the gap to x2 is other
people's load: when it rises (3 to 5), both paths slow and the ratio falls to x1.2-1.4.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from artethics.tools.check import api as check_api
from artethics.tools.common import default_jobs
from artethics.tools.manifest import load_manifest

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "check"


def _fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_class(folder: Path, n: int) -> None:
    src = _fixtures().write_all(folder)["98_fixture-pass-complete"]
    text = src.read_text(encoding="utf-8")
    for path in list(folder.iterdir()):
        path.unlink()
    for i in range(n):
        (folder / f"student{i:03d}_98_fixture.ipynb").write_text(text, encoding="utf-8")


def _cpu() -> float:
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(folder: Path, jobs: int, manifest: dict) -> float:
    load = os.getloadavg()[0]
    cpu, start = _cpu(), time.perf_counter()
    reports = check_api.check_notebooks([folder], manifest=manifest, jobs=jobs, timeout=60)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    print(f"jobs={jobs}: {elapsed:.1f} s, {cpu:.1f} CPU s, load average before {load:.2f}")
    failed = [r.text() for r in reports if not r.ok]
    if failed:  # every copy is the complete notebook: a failure is worth seeing
        print(f"jobs={jobs}: {len(failed)} of {len(reports)} did not pass; first:\n{failed[0]}")
    return elapsed


def _command(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "artethics", *args], capture_output=True, check=False)
    return time.perf_counter() - start


def single(notebook: str, reps: int) -> None:
    """One notebook: `artethics check` against its own `artethics run`, alternated."""
    runs, checks, loads = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(reps):
            loads.append(os.getloadavg()[0])
            runs.append(_command(["run", "-j", "1", "--no-progress", "--output-dir", tmp,
                                  notebook]))
            checks.append(_command(["check", "--jobs", "1", notebook]))
    run, check = statistics.median(runs), statistics.median(checks)
    print(f"{notebook}: run {run:.1f} s, check {check:.1f} s (medians of {reps}), check/run "
          f"x{check / run:.2f} ({'meets' if check <= 1.5 * run else 'misses'} the x1.5 "
          f"target); load averages {', '.join(f'{x:.2f}' for x in loads)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--single", metavar="NOTEBOOK", default=None)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    if args.single:
        single(args.single, args.reps)
        return
    manifest = load_manifest(FIXTURES / "manifest.json")
    with tempfile.TemporaryDirectory() as tmp:
        make_class(Path(tmp), args.n)
        serial = timed(Path(tmp), 1, manifest)
        parallel = timed(Path(tmp), args.jobs, manifest)
    ratio = serial / parallel
    print(f"{args.n} notebooks: one after another {serial:.1f} s, "
          f"{args.jobs} workers {parallel:.1f} s, speed-up x{ratio:.2f} "
          f"({'meets' if ratio >= 1.9 else 'misses'} the x1.9 target); "
          f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
