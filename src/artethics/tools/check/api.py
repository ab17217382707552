"""The public entry point: check notebooks and get one report each."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from artethics.i18n import _
from artethics.tools.check.notebook import special_file
from artethics.tools.check.report import Report
from artethics.tools.check.restore import Prepared, prepare
from artethics.tools.check.verdicts import build_report, load_checkers, total_seconds
from artethics.tools.check.workers import run_all
from artethics.tools.common import default_jobs
from artethics.tools.manifest import CheckError, load_manifest

MAX_FILES = 10_000


def _walk(folder: Path) -> list[str]:
    """The *.ipynb entries under ``folder`` (any kind: special files get their own line),
    sorted; checkpoints skipped; links to folders not followed (no loops)."""
    found: list[str] = []
    for here, dirs, files in os.walk(folder, followlinks=False, onerror=lambda _: None):
        dirs[:] = sorted(d for d in dirs if d != ".ipynb_checkpoints")
        found += [os.path.join(here, f) for f in files if f.endswith(".ipynb")]
        if len(found) > MAX_FILES:
            break
    return sorted(found)


def expand(paths: Iterable[str | Path]) -> list[str]:
    """Files as given; folders become the notebooks under them (sorted; checkpoints skipped)."""
    out: list[str] = []
    for p in paths:
        p = Path(p)
        try:
            is_dir = stat.S_ISDIR(os.stat(p).st_mode)
        except (OSError, ValueError):
            is_dir = False
        out += _walk(p) if is_dir else [str(p)]
    return out


def check_notebooks(paths: Iterable[str | Path], *, manifest: dict | None = None,
                    timeout: float = 60, jobs: int | None = None, lesson: str = "",
                    total: float | None = None) -> list[Report]:
    """One :class:`Report` per notebook (folders expanded), in the order of ``expand(paths)``.

    ``timeout`` is each cell's limit in seconds, ``total`` the whole notebook's (default
    :func:`~artethics.tools.check.verdicts.total_seconds`)."""
    manifest = load_manifest() if manifest is None else manifest
    total = total_seconds(timeout) if total is None else total
    reports: list[Report | None] = []
    prepared: list[tuple[int, Prepared]] = []
    for path in expand(paths):
        try:
            if special_file(path) and Path(path).exists():
                raise CheckError(_("{path} was skipped: {why}.").format(
                    path=path, why=special_file(path)))
            prep = prepare(path, manifest, lesson)
            load_checkers(manifest, prep.lesson)
            prepared.append((len(reports), prep))
            reports.append(None)
        except CheckError as exc:
            reports.append(Report(path, problem=str(exc), lang=getattr(exc, "lang", "")))
        except Exception as exc:  # noqa: BLE001 - one odd file never stops the batch
            reports.append(Report(path, problem=_(
                "the file could not be read as a notebook ({error}). Open it in JupyterLab, "
                "save it again and resubmit it.").format(error=type(exc).__name__)))
    runs = run_all([p for _, p in prepared], timeout, jobs or default_jobs(), total)
    for (i, prep), result in zip(prepared, runs, strict=True):
        reports[i] = build_report(prep, result, timeout, total)
    return [r for r in reports if r is not None]
