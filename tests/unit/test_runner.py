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
    handouts = kit / "build" / "html" / "course" / "solutions"
    assert ok.html == str(handouts / "runner-pass-params.html")  # not .ipynb.html


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
        "notebook                     language  status       seconds",
        "---------------------------  --------  -----------  -------",
        "course/solutions/00_a.ipynb  en        ok               1.0",
        "notebooks/00_a.ipynb         en        timeout        120.0",
        "notebooks/01_b.ipynb         en        failed           2.2",
        "3 notebook(s): 1 ok, 2 not ok; language(s): en",
    ]


def test_summary_table_says_each_notebooks_language():
    rows = [runner.Result("notebooks/zh-Hant/03_lofter.ipynb", runner.OK, 1.0),
            runner.Result("course/solutions/zh-Hans/03_lofter.ipynb", runner.OK, 1.0),
            runner.Result("notebooks/03_lofter.ipynb", runner.OK, 1.0)]
    lines = runner.format_summary(rows).splitlines()
    assert [line.split()[1] for line in lines[2:5]] == ["zh-Hans", "en", "zh-Hant"]
    assert lines[-1].endswith("language(s): en, zh-Hans, zh-Hant")


def test_default_targets_are_every_language_of_every_notebook(tmp_path):
    for folder in ("notebooks", "notebooks/zh-Hant", "course/solutions/zh-Hans", "course"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "00_a.ipynb").write_text("{}")
    (tmp_path / "notebooks" / "elsewhere").mkdir()
    (tmp_path / "notebooks" / "elsewhere" / "x.ipynb").write_text("{}")
    found = [p.relative_to(tmp_path).as_posix() for p in runner.find_targets([], tmp_path)]
    assert found == ["course/00_a.ipynb", "course/solutions/zh-Hans/00_a.ipynb",
                     "notebooks/00_a.ipynb", "notebooks/zh-Hant/00_a.ipynb"]


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


# --------------------------------------------------------------------------- limits at the edge
ALIAS_BOMB = ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
              + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                        for p, c in zip("abcdefgh", "bcdefghi", strict=True)))


def _quickly(call, seconds=2.0):
    import time

    started = time.perf_counter()
    with pytest.raises(runner.UsageError) as err:
        call()
    assert time.perf_counter() - started < seconds
    return str(err.value)


def test_alias_bomb_in_a_cli_value_is_refused_quickly():
    bomb = "{" + ALIAS_BOMB.replace("\n", ", ").rstrip(", ") + "}"
    message = _quickly(lambda: runner.parse_cli_parameters([("weights", bomb)]))
    assert message.startswith("-p weights ")
    assert "more than 10,000 values once its aliases (*name) are expanded" in message


def test_alias_bomb_in_a_params_file_is_refused_quickly(tmp_path):
    file = tmp_path / "bomb.yaml"
    file.write_text(ALIAS_BOMB, encoding="utf-8")
    message = _quickly(lambda: runner.load_params_file(file))
    assert f"--params {file}: more than 10,000 values" in message


def test_an_alias_that_contains_itself_is_refused(tmp_path):
    message = _quickly(lambda: runner.parse_cli_parameters([("weights", "&a [1, *a]")]))
    assert "refers to the value that contains it" in message


def test_a_few_aliases_are_still_fine(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text("poll_before: &p {stance: for, confidence: 3}\npoll_after: *p\n",
                    encoding="utf-8")
    assert runner.load_params_file(file) == {
        "poll_before": {"stance": "for", "confidence": 3},
        "poll_after": {"stance": "for", "confidence": 3}}


@pytest.mark.parametrize("text, expected", [
    ("[" * 30_000 + "]" * 30_000, "nest"),  # libyaml: "maximum nesting depth"
    ("[" * 60 + "]" * 60, "nested more than 50 levels deep"),
    ("9" * 5000, "not a valid YAML value"),
    ("x" * (64 * 1024 + 1), "more than the 65,536 allowed"),
])
def test_oversize_or_too_deep_cli_values_are_refused(text, expected):
    message = _quickly(lambda: runner.parse_cli_parameters([("weights", text)]))
    assert expected in message
    assert len(message) < 300  # the value itself is not echoed in full


def test_oversize_params_file_is_refused_before_it_is_parsed(tmp_path):
    file = tmp_path / "big.yaml"
    file.write_text("student: ci\n" + "# padding\n" * 120_000, encoding="utf-8")
    message = _quickly(lambda: runner.load_params_file(file))
    assert "larger than 1,048,576 bytes" in message


def test_params_file_that_is_not_text_or_not_a_file(tmp_path):
    binary = tmp_path / "p.yaml"
    binary.write_bytes(b"student: \xff\xfe\n")
    assert "not UTF-8 text" in _quickly(lambda: runner.load_params_file(binary))
    assert "not a regular file" in _quickly(lambda: runner.load_params_file(tmp_path))


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_params_file_that_is_a_fifo_does_not_block(tmp_path):
    import os

    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    assert "not a regular file" in _quickly(lambda: runner.load_params_file(fifo))


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "0", "-3", "1e9", "86401", "2.5", "x"])
@pytest.mark.parametrize("option", ["--timeout", "--start-timeout"])
def test_time_limits_on_the_command_line_must_be_finite_and_positive(kit, capsys, option, value):
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", f"{option}={value}"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}" in err and "from 1 to 86400" in err
    assert not (kit / "build").exists()


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 0, -1, 10**9, True, "60"])
def test_time_limits_from_python_must_be_finite_and_positive(kit, value):
    with pytest.raises(runner.UsageError, match="--timeout expected"):
        runner.run([], timeout=value)
    with pytest.raises(runner.UsageError, match="--start-timeout expected"):
        runner.run([], start_timeout=value)
    assert not (kit / "build").exists()


def test_time_limits_that_are_fine(kit):
    (task, _) = runner.plan([], {}, timeout=1, start_timeout=86400)
    assert (task.timeout, task.start_timeout) == (1, 86400)
    assert runner.check_timeout(2.5, "--timeout") == 3


# --------------------------------------------------------------------------- where answers go
def test_the_run_records_into_a_fresh_database_in_the_output_folder(tmp_path):
    out = tmp_path / "build"
    out.mkdir()
    for name in ("responses.sqlite", "responses.sqlite-wal", "responses.sqlite-shm"):
        (out / name).write_text("an earlier run", encoding="utf-8")
    env = runner.run_environment(out)
    assert env == {"ARTETHICS_DB": str(out.resolve() / "responses.sqlite"),
                   "ARTETHICS_CLASS_DIR": None}
    assert sorted(p.name for p in out.iterdir()) == []


def test_the_run_never_replaces_the_users_own_database(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    own = tmp_path / ".artethics" / "responses.sqlite"
    own.parent.mkdir()
    own.write_text("my answers", encoding="utf-8")
    with pytest.raises(runner.UsageError, match="holds your own answers database"):
        runner.run_environment(tmp_path / ".artethics")
    assert own.read_text(encoding="utf-8") == "my answers"


# --------------------------------------------------------------------------- handouts
def test_handout_names_drop_the_notebook_suffix():
    assert runner.handout_name("course/solutions/03_lofter.ipynb") == (
        "course/solutions/03_lofter.html")
    assert runner.handout_name("notebooks/00_orientation.ipynb") == "notebooks/00_orientation.html"


STATIC = '<div class="artethics-static"><p>Verdict: leans against</p></div>'
WIDGET = {"model_id": "0123456789abcdef0123456789abcdef", "version_major": 2,
          "version_minor": 0}
READING = "https://www.example.org/report?id=1&lang=zh"


def handout_source():
    """An executed lesson as papermill leaves it: widget state in the metadata, a widget
    output with its static HTML, a solution cell, Chinese text and a bare URL."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    widget_output = new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": WIDGET, "text/html": STATIC,
        "text/plain": "Balance"})
    bare_widget = new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": dict(WIDGET, model_id="f" * 32)})
    cells = [
        new_markdown_cell("# 乐乎 LOFTER 与 AI 绘画\n\nRead more at <https://www.lofter.com>."),
        new_code_cell("show_balance('lofter')", outputs=[widget_output, bare_widget]),
        new_code_cell("### BEGIN SOLUTION\nanswer = 3\n### END SOLUTION\nanswer",
                      outputs=[new_output("execute_result", data={"text/plain": "3"},
                                          execution_count=2)]),
        new_code_cell("print(url)", outputs=[new_output("stream", name="stdout",
                                                        text=f"See {READING}.\n")]),
        new_code_cell("readings", outputs=[new_output("execute_result", data={
            "text/html": f"<table><tr><td>{READING.replace('&', '&amp;')}</td></tr></table>",
            "text/plain": READING}, execution_count=4)]),
    ]
    state = {"state": {WIDGET["model_id"]: {"model_name": "VBoxModel", "state": {}}},
             "version_major": 2, "version_minor": 0}
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "widgets": {"application/vnd.jupyter.widget-state+json": state}})


def test_handout_copy_has_static_widgets_and_no_solution_markers():
    from artethics.tools.papermill_worker import handout_notebook

    source = handout_source()
    copy = handout_notebook(source)
    assert "widgets" not in copy.metadata
    [widget] = copy.cells[1].outputs  # a bare widget view, with nothing static, goes
    assert sorted(widget.data) == ["text/html", "text/plain"]  # the view is gone, HTML stays
    assert copy.cells[2].source == "answer = 3\nanswer"
    assert "### BEGIN SOLUTION" in source.cells[2].source  # the executed copy is unchanged
    assert "widgets" in source.metadata


@pytest.mark.parametrize("html, expected", [
    ("<p>see https://a.org/x.html, then</p>",
     '<p>see <a href="https://a.org/x.html">https://a.org/x.html</a>, then</p>'),
    ("(https://b.org/y_(1)).", '(<a href="https://b.org/y_(1)">https://b.org/y_(1)</a>).'),
    ("&lt;https://d.org/p?a=1&amp;b=2&gt;",
     '&lt;<a href="https://d.org/p?a=1&amp;b=2">https://d.org/p?a=1&amp;b=2</a>&gt;'),
    ('<a href="https://c.org">https://c.org</a>', '<a href="https://c.org">https://c.org</a>'),
    ('<script>var u = "https://e.org" < 3;</script>',
     '<script>var u = "https://e.org" < 3;</script>'),
    ('<style>/* https://f.org */</style><!-- https://g.org -->',
     '<style>/* https://f.org */</style><!-- https://g.org -->'),
    ('<img src="https://h.org/i.png" alt="x">', '<img src="https://h.org/i.png" alt="x">'),
    ("<td>http://i.cn/中文</td>", '<td><a href="http://i.cn/中文">http://i.cn/中文</a></td>'),
    ("<abbr>https://j.org</abbr>", '<abbr><a href="https://j.org">https://j.org</a></abbr>'),
])
def test_bare_addresses_become_links(html, expected):
    from artethics.tools.papermill_worker import linkify

    assert linkify(html) == expected


def test_html_handout_is_readable_offline(tmp_path):
    from artethics.tools.papermill_worker import write_html

    page = tmp_path / "html" / "03_lofter.html"
    write_html(handout_source(), str(page))
    html = page.read_text(encoding="utf-8")
    assert STATIC in html  # the widget's static content, not an empty widget view
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert "BEGIN SOLUTION" not in html and "END SOLUTION" not in html
    assert "answer = 3" in html or "answer</span>" in html
    link = f'<a href="{READING.replace("&", "&amp;")}">'
    assert html.count(link) == 2  # in the printed text and in the table
    assert 'href="https://www.lofter.com"' in html
    assert '"Noto Sans CJK SC", "Noto Sans CJK TC"' in html and "Microsoft YaHei" in html
    assert "乐乎" in html
    assert runner.external_references(html) == []


def test_heaviest_lessons_start_first(kit):
    folder = kit / "course" / "solutions"
    (kit / "notebooks").mkdir()
    shutil.copy(folder / PASS_NB, kit / "notebooks" / PASS_NB)  # a student copy: small
    with (folder / PASS_NB).open("a", encoding="utf-8") as grow:
        grow.write(" " * 100_000)  # its solution has many stored outputs: a heavy lesson
    tasks = runner.plan([], {})
    assert [t.name for t in runner.longest_first(tasks)] == [
        f"course/solutions/{PASS_NB}", f"notebooks/{PASS_NB}", f"course/solutions/{FAIL_NB}"]


@pytest.mark.parametrize("message, status", [
    ("Kernel died before the notebook started", runner.DEAD),
    ("Kernel didn't respond in 60 seconds", runner.DEAD),
    ("the kernel could not change to the folder /x", runner.FAILED),
])
def test_a_spare_that_dies_or_hangs_before_the_notebook_is_a_dead_kernel(tmp_path, message,
                                                                         status):
    from artethics.tools import papermill_worker as worker

    task = runner.Task(source=str(tmp_path / "a.ipynb"), name="a.ipynb",
                       executed=str(tmp_path / "out.ipynb"), html=str(tmp_path / "a.html"))
    outcome = worker._crash_outcome(RuntimeError(message), task)
    assert outcome["status"] == status and outcome["cell"] is None
    assert outcome["evalue"] == message


def test_kernels_share_the_cores_for_blas_threads(monkeypatch):
    monkeypatch.setattr(runner, "default_jobs", lambda: 4)
    for name in runner.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert runner.thread_limits(4) == dict.fromkeys(runner.THREAD_VARIABLES, "1")
    assert runner.thread_limits(2) == dict.fromkeys(runner.THREAD_VARIABLES, "2")
    assert runner.thread_limits(8)["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # the user's own setting stays
    assert "OMP_NUM_THREADS" not in runner.thread_limits(4)
