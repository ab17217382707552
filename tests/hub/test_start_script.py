"""course/guide/hub/start-singleuser.sh on its own, without a hub: what it does before a
user's server starts (copy new lessons, never over the student's file; `artethics update`
only when the kit's lessons changed; a failure reported and the server started anyway).
The hub test (test_hub.py) runs the same script through a real JupyterHub."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "course" / "guide" / "hub" / "start-singleuser.sh"
BIN = Path(sys.executable).parent
LESSON = "00_orientation.ipynb"

if shutil.which("sh") is None or shutil.which("find") is None:
    pytest.skip("needs sh and find", allow_module_level=True)


def home_with_kit(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    kit = home / "artethics-kit"
    (kit / "notebooks").mkdir(parents=True)
    (kit / "course" / "solutions").mkdir(parents=True)
    shutil.copy2(ROOT / "notebooks" / LESSON, kit / "notebooks")
    shutil.copy2(ROOT / "course" / "solutions" / LESSON, kit / "course" / "solutions")
    return home


def start(home: Path, **settings: str) -> subprocess.CompletedProcess:
    """The script as the spawner runs it; the 'server' it starts writes a file, then exits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTETHICS_")}
    env.update({"HOME": str(home), "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
                **settings})
    server = 'echo "started with $1 and $ARTETHICS_ROOT" > "$HOME/server.txt"'
    return subprocess.run(["sh", str(SCRIPT), "sh", "-c", server, "server", "--port=1"],
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def started(home: Path) -> str:
    return (home / "server.txt").read_text(encoding="utf-8").strip()


def change_lesson(home: Path) -> None:
    """A new version of the lesson in the kit (a reworded question), as a pull brings it."""
    from artethics.tools import nbform

    path = home / "artethics-kit" / "course" / "solutions" / LESSON
    nb = nbform.read(path)
    cell = next(c for c in nb.cells if c.get("id") == "exercise-md")
    cell.source += "\n\n(Reworded.)"
    nbform.write(nb, path)


def answer(home: Path) -> str:
    """The student answers an exercise in their own copy (as JupyterLab saves it)."""
    path = home / "lessons" / LESSON
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c.get("id") == "answer")
    cell["source"] = "busiest_year = 2023"
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_first_start_copies_the_lessons_and_starts_the_server(tmp_path):
    home = home_with_kit(tmp_path)
    run = start(home)
    assert run.returncode == 0, run.stderr
    copied = home / "lessons" / LESSON
    assert copied.read_bytes() == (ROOT / "notebooks" / LESSON).read_bytes()
    # the server got its arguments, and the kit as ARTETHICS_ROOT
    assert started(home) == f"started with --port=1 and {home / 'artethics-kit'}"
    assert not (home / "lessons" / "update-report.txt").exists()  # nothing to update


def test_a_students_file_is_never_overwritten_and_a_changed_lesson_is_updated(tmp_path):
    home = home_with_kit(tmp_path)
    start(home)
    mine = answer(home)
    run = start(home)  # nothing changed in the kit: the file is left as it is
    assert run.returncode == 0, run.stderr
    assert (home / "lessons" / LESSON).read_text(encoding="utf-8") == mine
    assert not (home / "lessons" / "update-report.txt").exists()

    notes = home / "lessons" / "my-notes.ipynb"  # a notebook of the student's own
    notes.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
                     encoding="utf-8")
    change_lesson(home)
    run = start(home)
    assert run.returncode == 0, run.stderr
    assert "could not be updated" not in run.stderr, run.stderr
    assert notes.read_text(encoding="utf-8").startswith('{"cells": []')
    report = (home / "lessons" / "update-report.txt").read_text(encoding="utf-8")
    assert "updated" in report and "orientation.busiest_year" in report, report
    new = json.loads((home / "lessons" / LESSON).read_text(encoding="utf-8"))
    cells = {c["id"]: "".join(c["source"]) for c in new["cells"]}
    assert cells["answer"] == "busiest_year = 2023"
    assert "(Reworded.)" in cells["exercise-md"]
    backup = home / "lessons" / "00_orientation.before-update-1.ipynb"
    assert backup.read_text(encoding="utf-8") == mine
    assert started(home).startswith("started")


def test_a_lesson_that_cannot_be_updated_is_reported_and_the_server_still_starts(tmp_path):
    home = home_with_kit(tmp_path)
    start(home)
    broken = home / "lessons" / LESSON
    broken.write_text('{"cells": [', encoding="utf-8")  # cut off during a save
    (home / "server.txt").unlink()
    change_lesson(home)
    run = start(home)
    assert run.returncode == 0
    assert "could not be updated" in run.stderr and "update-report.txt" in run.stderr
    report = (home / "lessons" / "update-report.txt").read_text(encoding="utf-8")
    assert LESSON in report, report  # says which file, and why
    assert broken.read_text(encoding="utf-8") == '{"cells": ['  # left as it was
    assert started(home).startswith("started")
    # not marked as done: the next start tries again
    stamp = home / "lessons" / ".artethics-updated"
    solution = home / "artethics-kit" / "course" / "solutions" / LESSON
    assert solution.stat().st_mtime_ns > stamp.stat().st_mtime_ns


def test_without_a_kit_the_server_starts_and_says_why_there_are_no_lessons(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    run = start(home)
    assert run.returncode == 0
    assert "no kit in" in run.stderr and "nbgitpuller" in run.stderr
    assert not (home / "lessons").exists()
    assert started(home).startswith("started")


def test_the_lessons_in_chinese_and_a_language_the_kit_does_not_have(tmp_path):
    home = home_with_kit(tmp_path)
    (home / "artethics-kit" / "notebooks" / "zh-Hant").mkdir()
    shutil.copy2(ROOT / "notebooks" / "zh-Hant" / LESSON,
                 home / "artethics-kit" / "notebooks" / "zh-Hant")
    run = start(home, ARTETHICS_LESSONS_LANG="zh-TW")
    assert run.returncode == 0
    assert "no lessons in 'zh-TW'" in run.stderr and "zh-Hant, zh-Hans" in run.stderr
    assert not (home / "lessons").exists()
    run = start(home, ARTETHICS_LESSONS_LANG="zh-Hant")
    assert run.returncode == 0, run.stderr
    assert (home / "lessons" / LESSON).read_bytes() == (
        ROOT / "notebooks" / "zh-Hant" / LESSON).read_bytes()


def fake_gitpuller(tmp_path: Path, works: bool) -> Path:
    """A stand-in for nbgitpuller's `gitpuller REPO BRANCH DIR` that "pulls" lesson 00."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "gitpuller"
    script.write_text(f'''#!/bin/sh
echo "$@" > "$HOME/gitpuller-args"
{'' if works else 'exit 1'}
mkdir -p "$3/notebooks" "$3/course/solutions"
cp "{ROOT / 'notebooks' / LESSON}" "$3/notebooks/"
''', encoding="utf-8")
    script.chmod(0o755)
    return bin_dir


def test_the_very_first_start_pulls_the_kit_then_copies_the_lessons(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    bin_dir = fake_gitpuller(tmp_path, works=True)
    run = start(home, ARTETHICS_KIT_REPO="https://example.org/kit.git",
                PATH=f"{bin_dir}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert run.returncode == 0, run.stderr
    args = (home / "gitpuller-args").read_text(encoding="utf-8").split()
    assert args == ["https://example.org/kit.git", "main", str(home / "artethics-kit")]
    assert (home / "lessons" / LESSON).exists()


def test_a_pull_that_fails_is_reported_and_the_server_still_starts(tmp_path):
    home = home_with_kit(tmp_path)
    bin_dir = fake_gitpuller(tmp_path, works=False)
    run = start(home, ARTETHICS_KIT_REPO="https://example.org/kit.git",
                ARTETHICS_KIT_BRANCH="spring",
                PATH=f"{bin_dir}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert run.returncode == 0
    assert "could not be pulled" in run.stderr
    assert (home / "gitpuller-args").read_text(encoding="utf-8").split()[1] == "spring"
    assert (home / "lessons" / LESSON).exists()  # from the kit already there
    assert started(home).startswith("started")
