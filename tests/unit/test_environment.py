"""environment.yml (conda, Binder) lists exactly what pyproject.toml declares."""

import re
import tomllib

import yaml

from artethics import paths

ROOT = paths.root()
SPEC = re.compile(r"^([A-Za-z0-9_.-]+)\s*(.*)$")


def _parse(items):
    out = {}
    for item in items:
        name, spec = SPEC.match(item.replace(" ", "")).groups()
        out[name.lower().replace("_", "-")] = ",".join(sorted(spec.split(","))) if spec else ""
    return out


def _pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return _parse(project["dependencies"] + project["optional-dependencies"]["test"])


def _environment():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    names = [d for d in conda if not d.startswith(("python=", "pip"))]
    return _parse(names + [p for p in pip if not p.startswith("-e")]), conda, pip


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    declared = _pyproject()
    listed, _, _ = _environment()
    assert listed == declared


def test_environment_yml_pins_python_and_installs_the_kit():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    _, conda, pip = _environment()
    assert "conda-forge" in env["channels"]
    assert "python=3.11" in conda
    assert "-e ." in pip


def test_ipywidgets_8_is_pinned_with_jupyterlab_widgets_3():
    declared = _pyproject()
    assert declared["ipywidgets"] == "<9,>=8.1"
    assert declared["jupyterlab-widgets"] == "<4,>=3.0"


def test_a_second_make_with_nothing_changed_reinstalls_nothing():
    # `make course` and `make test` depend on this stamp; make -q exits 0 when it is up to
    # date, i.e. when the next run would not touch .venv.
    import shutil
    import subprocess

    import pytest

    if not (ROOT / ".venv" / ".artethics-installed").exists() or not shutil.which("make"):
        pytest.skip("not set up through make (no .venv stamp)")
    for stamp in (".venv/.artethics-installed", ".venv/.artethics-test-installed"):
        if not (ROOT / stamp).exists():
            continue
        run = subprocess.run(["make", "-q", stamp], cwd=ROOT,
                             capture_output=True, text=True, check=False)
        assert run.returncode == 0, f"make would redo {stamp} although nothing changed"
