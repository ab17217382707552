"""The solution notebooks work with the real `nbgrader generate_assignment --no-db`:
the release copies keep no solution and have their check cells locked."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from artethics import paths

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parents[1] / "fixtures" / "check"
REGION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)


def _fixture_solution() -> dict:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.solution_notebook()


def _src(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def stray_regions(nb: dict) -> list[int]:
    """Cells holding a solution region without nbgrader's ``solution: true`` (nbgrader
    refuses the whole assignment for one of these)."""
    return [i for i, c in enumerate(nb["cells"]) if "BEGIN SOLUTION" in _src(c)
            and not c["metadata"].get("nbgrader", {}).get("solution")]


def _solutions() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(paths.solutions_dir().glob("[0-9][0-9]_*.ipynb"))}


def _skip_if_not_nbgrader_ready(name: str) -> None:
    """Every lesson must be nbgrader-ready (the normal form adds the metadata)."""
    if name != "98_fixture":
        stray = stray_regions(_solutions()[name])
        assert not stray, (f"{name}: cells {stray} hold a solution region but no nbgrader "
                           "metadata with solution: true; run `make student` to add it")


NAMES = [*_solutions(), "98_fixture"]


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """{name: (solution, release)} for every nbgrader-ready solution notebook and the
    fixture lesson, from one real `nbgrader generate_assignment --no-db` run."""
    course = tmp_path_factory.mktemp("nbgrader")
    source = course / "source" / "lessons"
    source.mkdir(parents=True)
    for name in _solutions():
        shutil.copy(paths.solutions_dir() / f"{name}.ipynb", source / f"{name}.ipynb")
    (source / "98_fixture.ipynb").write_text(json.dumps(_fixture_solution()), encoding="utf-8")
    nbgrader = [sys.executable, "-m", "nbgrader", "generate_assignment", "lessons", "--no-db",
                "--CourseDirectory.root=."]
    run = subprocess.run(nbgrader, cwd=course, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    out = {}
    for nb in sorted(source.glob("*.ipynb")):
        release = course / "release" / "lessons" / nb.name
        out[nb.stem] = (json.loads(nb.read_text()), json.loads(release.read_text()))
    return out


def test_the_stray_region_finder_finds_one():
    nb = _fixture_solution()
    assert stray_regions(nb) == []
    del nb["cells"][2]["metadata"]["nbgrader"]
    assert stray_regions(nb) == [2]


@pytest.mark.parametrize("name", NAMES)
def test_release_holds_no_solution_text(released, name):
    _skip_if_not_nbgrader_ready(name)
    solution, release = released[name]
    text = "\n".join(_src(c) for c in release["cells"])
    assert "BEGIN SOLUTION" not in text
    for cell in solution["cells"]:
        for region in REGION.findall(_src(cell)):
            for line in filter(None, (ln.strip() for ln in region.splitlines())):
                if sum(ch.isalnum() for ch in line) < 4:
                    continue  # a lone "}" or ")" also stands in the lesson's own code
                assert line not in text, f"solution line survives: {line!r}"


@pytest.mark.parametrize("name", NAMES)
def test_release_locks_check_cells_and_clears_outputs(released, name):
    _skip_if_not_nbgrader_ready(name)
    release = released[name][1]
    checks = [c for c in release["cells"]
              if c["metadata"].get("artethics", {}).get("role") == "check"]
    assert checks, "no check cells found"
    for cell in checks:
        assert cell["metadata"]["nbgrader"]["locked"] is True
        assert cell["metadata"].get("editable") is False
        assert cell["metadata"].get("deletable") is False
    assert all(not c.get("outputs") for c in release["cells"] if c["cell_type"] == "code")
