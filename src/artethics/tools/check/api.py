"""The public entry point: check notebooks and get one report each."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from artethics.tools.check.report import Report
from artethics.tools.check.restore import Prepared, prepare
from artethics.tools.check.verdicts import build_report
from artethics.tools.check.workers import run_all
from artethics.tools.common import default_jobs
from artethics.tools.manifest import CheckError, load_manifest


def expand(paths: Iterable[str | Path]) -> list[str]:
    """Files as given; folders become the notebooks under them (sorted; checkpoints skipped)."""
    out: list[str] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts)
            out += [str(q) for q in found]
        else:
            out.append(str(p))
    return out


def check_notebooks(paths: Iterable[str | Path], *, manifest: dict | None = None,
                    timeout: float = 60, jobs: int | None = None, lesson: str = "") -> list[Report]:
    """One :class:`Report` per notebook (folders expanded), in the order of ``expand(paths)``."""
    manifest = load_manifest() if manifest is None else manifest
    reports: list[Report | None] = []
    prepared: list[tuple[int, Prepared]] = []
    for path in expand(paths):
        try:
            prepared.append((len(reports), prepare(path, manifest, lesson)))
            reports.append(None)
        except CheckError as exc:
            reports.append(Report(path, problem=str(exc)))
    runs = run_all([p for _, p in prepared], timeout, jobs or default_jobs())
    for (i, prep), records in zip(prepared, runs, strict=True):
        reports[i] = build_report(prep, records, timeout)
    return [r for r in reports if r is not None]


