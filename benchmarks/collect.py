"""Benchmark: `artethics collect` on 1,000 submissions. Target: at most 5 s.

Writes a seeded demo class to a temporary folder as 1,000 submissions (a mix of
notebooks carrying their answers and class-folder answer files), then times
collect() + write_db() in one run.

    .venv/bin/python benchmarks/collect.py [--n 1000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from artethics.responses import MIME, write_class_folder
from artethics.tools import collect, dashboard


def notebook(responses) -> dict:
    outputs = [{"output_type": "display_data", "metadata": {},
                "data": {MIME: r.to_dict(with_time=False), "text/plain": "Recorded."}}
               for r in responses]
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
            "cells": [{"cell_type": "code", "id": "answers", "metadata": {}, "source": "",
                       "execution_count": 1, "outputs": outputs}]}


def make_submissions(folder: Path, n: int, seed: int = 0) -> None:
    """n submissions: even ones are notebooks (one per student and lesson), odd ones
    class-folder files (one per answer)."""
    responses = dashboard.demo_class(students=n // 5 + 1, seed=seed)
    by_sheet: dict[tuple, list] = {}
    for r in responses:
        by_sheet.setdefault((r.student, r.lesson), []).append(r)
    for i, ((student, lesson), answers) in enumerate(sorted(by_sheet.items())[:n]):
        if i % 2 == 0:
            path = folder / "notebooks" / f"{student}_{lesson}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(notebook(answers)), encoding="utf-8")
        else:
            write_class_folder(folder / "class", answers[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make_submissions(Path(tmp), args.n)
        files = len(collect.files_under([tmp])[0])
        start = time.perf_counter()
        result = collect.collect([tmp])
        collect.write_db(result, Path(tmp) / "class.sqlite", salt="benchmark")
        elapsed = time.perf_counter() - start
    print(f"{files} submissions, {len(result.responses)} answers, {len(result.problems)} "
          f"problems: collected in {elapsed:.2f} s (target <= 5 s)")


if __name__ == "__main__":
    main()
