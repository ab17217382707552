"""artethics run: everything decided before a kernel starts (no notebook executes here)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from artethics.tools import cli, runner
from artethics.tools.papermill_worker import first_traceback_lines, source_cell_index, strip_ansi

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"
PASS_NB = "runner-pass-params.ipynb"
FAIL_NB = "runner-fail-valueerror.ipynb"


@pytest.fixture
def kit(tmp_path, monkeypatch):
    """A tiny kit root holding two fixture notebooks in course/solutions/."""
    folder = tmp_path / "course" / "solutions"
    folder.mkdir(parents=True)
    for name in (PASS_NB, FAIL_NB):
        shutil.copy(FIXTURES / name, folder / name)
    monkeypatch.setenv("ARTETHICS_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def declared():
    return {
        "a.ipynb": {"student": {"inferred_type_name": "str", "default": '"anonymous"'},
                    "seed": {"inferred_type_name": "int", "default": "0"},
                    "weights": {"inferred_type_name": "dict", "default": "None"}},
        "b.ipynb": {"seed": {"inferred_type_name": "int", "default": "0"}},
    }


# --------------------------------------------------------------------------- parameter types
@pytest.mark.parametrize("value, type_name, default", [
    ("ci", "str", '"anonymous"'), (3, "int", "0"), (3, "float", "0.5"), (0.5, "float", "0.5"),
    (True, "bool", "False"), ({"a": 1}, "dict", "None"), (None, "dict", "None"),
    (None, "Optional[int]", "3"), (4, "None", "3"), ("x", "None", "None"), ([1], "list", "[]"),
])
def test_values_that_fit_their_declared_type(value, type_name, default):
    assert runner.type_problem(value, type_name, default) is None


@pytest.mark.parametrize("value, type_name, default, expected", [
    (3, "str", '"anonymous"', "expected str, got int 3"),
    ("abc", "int", "0", "expected int, got str 'abc'"),
    (True, "int", "0", "expected int, got bool True"),
    ("x", "dict", "None", "expected dict, got str 'x'"),
    (None, "int", "0", "expected int, got None"),
    (1.5, "int", "0", "expected int, got float 1.5"),
    ("3", "None", "3", "expected int, got str '3'"),  # unannotated: the default's type
])
def test_values_of_the_wrong_type_say_what_was_expected(value, type_name, default, expected):
    assert runner.type_problem(value, type_name, default) == expected


# --------------------------------------------------------------------------- validation
def test_each_notebook_gets_only_the_parameters_it_declares():
    got = runner.validate_parameters({"seed": 4, "student": "ci"}, declared())
    assert got == {"a.ipynb": {"seed": 4, "student": "ci"}, "b.ipynb": {"seed": 4}}


def test_unknown_parameter_is_named_with_the_notebooks_checked():
    with pytest.raises(runner.UsageError) as err:
        runner.validate_parameters({"studnet": "ci"}, declared())
    message = str(err.value)
    assert "unknown parameter 'studnet'" in message
    assert "a.ipynb, b.ipynb" in message
    assert "declared: seed, student, weights" in message


def test_wrong_type_names_parameter_notebooks_and_expected_type():
    with pytest.raises(runner.UsageError) as err:
        runner.validate_parameters({"seed": "abc"}, declared())
    assert "parameter 'seed' in a.ipynb, b.ipynb: expected int, got str 'abc'" in str(err.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(runner.UsageError) as err:
        runner.validate_parameters({"seed": True, "nope": 1, "weights": "x"}, declared())
    message = str(err.value)
    assert message.startswith("nothing was executed")
    assert "'nope'" in message and "'seed'" in message and "'weights'" in message


# --------------------------------------------------------------------------- -p and --params
def test_cli_values_are_read_as_yaml():
    pairs = [("seed", "3"), ("student", "Chan Tai Man"), ("flag", "true"),
             ("weights", "{a: 1}"), ("empty", ""), ("nothing", "null")]
    assert runner.parse_cli_parameters(pairs) == {
        "seed": 3, "student": "Chan Tai Man", "flag": True, "weights": {"a": 1},
        "empty": "", "nothing": None}


def test_cli_bad_name_and_bad_yaml_are_explained():
    with pytest.raises(runner.UsageError, match="'2x' is not a valid parameter name"):
        runner.parse_cli_parameters([("2x", "1")])
    with pytest.raises(runner.UsageError, match=r"-p weights '\{a: 1': not a valid YAML value"):
        runner.parse_cli_parameters([("weights", "{a: 1")])


def test_params_file_is_read(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text("student: ci\nseed: 2\n", encoding="utf-8")
    assert runner.load_params_file(file) == {"student": "ci", "seed": 2}


def test_malformed_params_file_names_the_file_and_the_line(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text("student: ci\nseed: [1, 2\nweights: 3\n", encoding="utf-8")
    with pytest.raises(runner.UsageError) as err:
        runner.load_params_file(file)
    message = str(err.value)
    assert str(file) in message and "not valid YAML" in message
    assert "line 3" in message


@pytest.mark.parametrize("text, expected", [
    ("- a\n- b\n", "expected a mapping of `name: value` lines, found a list"),
    ("1: x\n", "1 is not a valid parameter name"),
])
def test_params_file_of_the_wrong_shape(tmp_path, text, expected):
    file = tmp_path / "p.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(runner.UsageError, match=expected):
        runner.load_params_file(file)


def test_missing_params_file(tmp_path):
    with pytest.raises(runner.UsageError, match="no such file"):
        runner.load_params_file(tmp_path / "absent.yaml")


# --------------------------------------------------------------------------- targets and plan
def test_default_targets_and_build_paths(kit):
    tasks = runner.plan([], {"student": "ci", "level": 2})
    assert [t.name for t in tasks] == [f"course/solutions/{FAIL_NB}", f"course/solutions/{PASS_NB}"]
    fail, ok = tasks
    assert fail.parameters == {"level": 2} and ok.parameters == {"student": "ci"}
    assert ok.executed == str(kit / "build" / "executed" / "course" / "solutions" / PASS_NB)
    assert ok.html == str(kit / "build" / "html" / "course" / "solutions" / (PASS_NB + ".html"))


def test_output_dir_replaces_build(kit, tmp_path):
    (task, _) = runner.plan([], {}, output_dir=tmp_path / "out")
    assert task.executed == str(tmp_path / "out" / "executed" / "course" / "solutions" / FAIL_NB)


def test_paths_can_be_files_or_folders(kit):
    assert [t.name for t in runner.plan(["course"], {})] == [
        f"course/solutions/{FAIL_NB}", f"course/solutions/{PASS_NB}"]
    assert [t.name for t in runner.plan([f"course/solutions/{PASS_NB}"], {})] == [
        f"course/solutions/{PASS_NB}"]


@pytest.mark.parametrize("given, expected", [
    ("absent.ipynb", "absent.ipynb: no such file or folder"),
    ("course/solutions/notes.txt", "not a notebook"),
])
def test_bad_target_paths(kit, given, expected):
    (kit / "course" / "solutions" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(runner.UsageError, match=expected):
        runner.plan([given], {})


def test_no_notebooks_at_all(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_ROOT", str(tmp_path))
    with pytest.raises(runner.UsageError, match="no notebooks in notebooks or course/solutions"):
        runner.plan([], {})


def test_usage_errors_exit_2_before_anything_runs(kit, capsys):
    assert cli.main(["run", "-p", "colour", "red"]) == 2
    err = capsys.readouterr().err
    assert "unknown parameter 'colour'" in err
    assert not (kit / "build").exists()


def test_wrong_type_from_the_command_line_exits_2(kit, capsys):
    assert cli.main(["run", "-p", "level", "high"]) == 2
    err = capsys.readouterr().err
    assert f"parameter 'level' in course/solutions/{FAIL_NB}: expected int, got str 'high'" in err
    assert not (kit / "build").exists()


def test_command_line_beats_params_file(kit, tmp_path, capsys):
    file = tmp_path / "p.yaml"
    file.write_text("level: high\n", encoding="utf-8")
    assert cli.main(["run", "--params", str(file), "-p", "level", "x"]) == 2
    assert "got str 'x'" in capsys.readouterr().err


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", "--jobs", "0"])
    assert stop.value.code == 2
    assert "expected a number of at least 1" in capsys.readouterr().err


# --------------------------------------------------------------------------- reports
def results():
    return [
        runner.Result("notebooks/01_b.ipynb", runner.FAILED, 2.25, cell=3, ename="ValueError",
                      evalue="too low", traceback=("line one", "line two")),
        runner.Result("course/solutions/00_a.ipynb", runner.OK, 1.04),
        runner.Result("notebooks/00_a.ipynb", runner.TIMEOUT, 120.0, cell=1,
                      ename="CellTimeoutError", evalue="A cell timed out"),
    ]


def test_summary_table_is_sorted_and_aligned():
    assert runner.format_summary(results()).splitlines() == [
        "notebook                     status       seconds",
        "---------------------------  -----------  -------",
        "course/solutions/00_a.ipynb  ok               1.0",
        "notebooks/00_a.ipynb         timeout        120.0",
        "notebooks/01_b.ipynb         failed           2.2",
        "3 notebook(s): 1 ok, 2 not ok",
    ]


def test_failure_report_names_notebook_cell_exception_and_traceback():
    assert runner.format_failure(results()[0]).splitlines() == [
        "notebooks/01_b.ipynb: failed at cell 3 (cell index in the source notebook, from 0)",
        "  ValueError: too low",
        "    line one",
        "    line two",
    ]


def test_injected_parameters_cell_is_not_counted():
    tags = [[], ["parameters"], ["injected-parameters"], [], []]
    assert source_cell_index(tags, 4) == 3
    assert source_cell_index(tags, 1) == 1
    assert source_cell_index([[], []], 1) == 1


def test_traceback_is_cut_and_uncoloured():
    chunks = ["\x1b[0;31mValueError\x1b[0m Traceback\nline 2", *[f"l{i}" for i in range(30)]]
    lines = first_traceback_lines(chunks, limit=5)
    assert lines == ("ValueError Traceback", "line 2", "l0", "l1", "l2")
    assert strip_ansi("\x1b[1;32mok\x1b[0m") == "ok"


def test_external_references_are_found():
    html = ('<script src="https://cdn.example/a.js"></script><script src="local.js"></script>'
            '<link rel="stylesheet" href="//cdn.example/b.css"><a href="https://x.org">x</a>'
            '<script type="module">await import("https://cdn.example/c.mjs")</script>')
    assert runner.external_references(html) == [
        "//cdn.example/b.css", "https://cdn.example/a.js", "https://cdn.example/c.mjs"]
