"""artethics present: reading the class folder again and again (only what changed; bad
files, an empty, missing or vanishing folder), the view's HTML (pseudonyms, escaping,
language, newest reasons first), the refresh loop, and the command's refusals."""

from __future__ import annotations

import asyncio
import io
import os
import socket
import time
from argparse import Namespace
from pathlib import Path

import pytest

from artethics.kit import CASE_LESSONS
from artethics.responses import Response, write_class_folder
from artethics.tools import dashboard, present
from artethics.widgets.poll import Answer, PollModel


def after_poll(student: str, case: str, reason: str, at: str = "2026-12-02T10:00:00Z"):
    model = PollModel(case, "the case question", "after", before=Answer("against", 2))
    model.set_answer("for", 4)
    model.set_reason(reason)
    return Response(CASE_LESSONS[case], model.activity, "poll", student, model.to_data(), at)


def snapshot_of(responses, state=present.OK, problems=()):
    ordered = sorted(responses, key=present._order)
    return present.Snapshot(state, ordered, list(problems), True)


def settings(folder, salt="class-salt", lang="en"):
    return present.Settings(Path(folder), lang, salt, 3.0)


def listing(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- settings ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["3", 0.5, "3600", 10])
def test_refresh_in_range_is_accepted(value):
    assert present.check_refresh(value) == float(value)


@pytest.mark.parametrize("value", ["abc", "", 0, -1, "0.1", 1e9, None, "nan"])
def test_refresh_out_of_range_says_what_is_allowed(value):
    with pytest.raises(ValueError, match=r"from 0\.5 to 3600; for example --refresh 3"):
        present.check_refresh(value)


def test_settings_come_from_the_commands_environment(tmp_path):
    env = {present.ENV_FOLDER: str(tmp_path), present.ENV_REFRESH: "2",
           "ARTETHICS_LANG": "zh_HK", present.ENV_SALT: "s3cret", present.ENV_NAMES: "0"}
    got = present.settings_from_env(env)
    assert got == present.Settings(tmp_path, "zh-Hant", "s3cret", 2.0)
    assert present.settings_from_env({**env, present.ENV_NAMES: "1"}).salt is None
    random_salt = present.settings_from_env({present.ENV_FOLDER: str(tmp_path)}).salt
    assert random_salt and random_salt != present.settings_from_env(
        {present.ENV_FOLDER: str(tmp_path)}).salt


def test_no_folder_in_the_environment_names_the_command():
    with pytest.raises(ValueError, match="artethics present --class-folder DIR"):
        present.settings_from_env({})


# --- the folder watcher ------------------------------------------------------------------


def test_missing_then_empty_then_answers_then_nothing_new(tmp_path):
    folder = tmp_path / "class"
    watcher = present.FolderWatcher(folder)
    first = watcher.poll()
    assert (first.state, first.changed, first.responses) == (present.MISSING, True, [])
    assert watcher.poll().changed is False
    folder.mkdir()
    assert watcher.poll().state == present.EMPTY
    answers = dashboard.demo_class(3, seed=1)
    for answer in answers:
        write_class_folder(folder, answer)
    (folder / "03_lofter" / ".x.json.123.tmp").write_text("{")  # a write in progress
    full = watcher.poll()
    assert full.state == present.OK and full.read == len(answers) and not full.problems
    assert sorted(r.to_dict().items() for r in full.responses) == sorted(
        r.to_dict().items() for r in answers)
    again = watcher.poll()
    assert (again.changed, again.read) == (False, 0)


def test_only_changed_files_are_read_again(tmp_path, monkeypatch):
    folder = tmp_path / "class"
    first = after_poll("ana", "lofter", "first")
    write_class_folder(folder, first)
    write_class_folder(folder, after_poll("ben", "lofter", "other"))
    watcher = present.FolderWatcher(folder)
    watcher.poll()
    read = []
    real = present._read
    monkeypatch.setattr(present, "_read", lambda p: read.append(Path(p).name) or real(p))
    write_class_folder(folder, after_poll("ana", "lofter", "second thoughts"))
    snap = watcher.poll()
    assert read == ["ana__lofter.poll_after.json"] and snap.changed
    assert sorted(r.data["reason"] for r in snap.responses) == ["other", "second thoughts"]


def test_corrupt_files_are_reported_the_rest_shown_and_nothing_changed_on_disk(tmp_path):
    folder = tmp_path / "class"
    write_class_folder(folder, after_poll("ana", "lofter", "good"))
    bad = folder / "03_lofter" / "zed__lofter.poll_after.json"
    bad.write_text('{"lesson": "03_lofter",', encoding="utf-8")
    (folder / "04_trik_ai").mkdir()
    (folder / "04_trik_ai" / "bin.json").write_bytes(b"\xff\xfe\x00")
    before = listing(folder)
    snap = present.FolderWatcher(folder).poll()
    assert [r.student for r in snap.responses] == ["ana"]
    reasons = {Path(p.path).name: p.reason for p in snap.problems}
    assert "truncated or corrupt JSON" in reasons["zed__lofter.poll_after.json"]
    assert "not UTF-8" in reasons["bin.json"]
    assert listing(folder) == before


def test_a_good_file_that_turns_bad_keeps_its_last_good_answer(tmp_path):
    folder = tmp_path / "class"
    path = write_class_folder(folder, after_poll("ana", "lofter", "kept"))
    watcher = present.FolderWatcher(folder)
    watcher.poll()
    path.write_text("", encoding="utf-8")
    snap = watcher.poll()
    assert [r.data["reason"] for r in snap.responses] == ["kept"]
    assert "empty" in snap.problems[0].reason


def test_a_deleted_file_leaves_but_a_vanished_folder_keeps_the_answers(tmp_path):
    folder = tmp_path / "class"
    path = write_class_folder(folder, after_poll("ana", "lofter", "a"))
    write_class_folder(folder, after_poll("ben", "trik", "b"))
    watcher = present.FolderWatcher(folder)
    assert len(watcher.poll().responses) == 2
    path.unlink()
    assert [r.student for r in watcher.poll().responses] == ["ben"]
    folder.rename(tmp_path / "away")
    gone = watcher.poll()
    assert (gone.state, gone.changed, [r.student for r in gone.responses]) == (
        present.GONE, True, ["ben"])
    (tmp_path / "away").rename(folder)
    back = watcher.poll()
    assert back.state == present.OK and [r.student for r in back.responses] == ["ben"]


# --- the view's HTML ---------------------------------------------------------------------


def test_the_frame_is_the_dashboards_frame():
    answers = dashboard.demo_class(6, seed=2)
    ordered = sorted(answers, key=present._order)
    for salt in ("class-salt", None):
        ours = present.answers_frame(ordered, salt)
        theirs = dashboard.answers_frame(answers, salt=salt)
        assert ours.equals(theirs)


def test_pseudonyms_by_default_names_only_when_asked(tmp_path):
    snap = snapshot_of([after_poll("Chan Tai Man", "lofter", "my reason")])
    hidden = "".join(present.class_view(snap, settings(tmp_path)).values())
    assert "Chan Tai Man" not in hidden and "p-" in hidden and "my reason" in hidden
    shown = "".join(present.class_view(snap, settings(tmp_path, salt=None)).values())
    assert "Chan Tai Man" in shown


def test_every_section_is_there_and_student_text_is_escaped(tmp_path):
    answers = dashboard.demo_class(4, seed=0) + [
        after_poll("eve", "trik", "<script>alert(1)</script> & more")]
    html = present.class_view(snapshot_of(answers), settings(tmp_path))
    assert list(html) == list(present.SECTIONS)
    text = "".join(html.values())
    assert "<script>alert" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in text
    for heading in ("Positions before and after each case", "Lens weights per case",
                    "Weights by principle", "Reasons for heavy weights",
                    "What moved students, what held them"):
        assert heading in text


def test_positions_in_course_order_with_the_shift(tmp_path):
    html = present.class_view(snapshot_of(dashboard.demo_class(5, seed=4)),
                              settings(tmp_path))["positions"]
    cases = ["rembrandt", "belamy", "lofter", "trik", "christies"]
    places = [html.index(f">{c}<") for c in cases]
    assert places == sorted(places)
    assert ">shift<" in html
    assert html.count('role="img"') == 5  # the chart: one scale per case, said in words
    assert 'aria-label="rembrandt: mean position ' in html


def test_the_chart_places_before_and_after_on_the_scale():
    import pandas as pd

    table = pd.DataFrame({"before": [-2.0, float("nan")], "after": [2.0, 0.0]},
                         index=["lofter", "trik"])
    html = present.positions_chart(table)
    assert "left:0.0%" in html and "left:100.0%" in html and "left:50.0%" in html
    assert "trik: mean position – before, +0.00 after" in html


def test_reasons_newest_first(tmp_path):
    answers = [after_poll("ana", "lofter", "older reason", "2026-12-02T10:00:00Z"),
               after_poll("ben", "rembrandt", "newest reason", "2026-12-02T11:00:00Z"),
               after_poll("cy", "trik", "middle reason", "2026-12-02T10:30:00Z")]
    html = present.class_view(snapshot_of(answers), settings(tmp_path))["moved"]
    assert html.index("newest reason") < html.index("middle reason") < html.index("older")


def test_empty_missing_and_gone_folders_are_said(tmp_path):
    for state, words in ((present.EMPTY, "holds no answers yet"),
                         (present.MISSING, "does not exist"),
                         (present.GONE, "has disappeared")):
        html = present.class_view(snapshot_of([], state), settings(tmp_path / "class"))
        assert words in html["status"] and 'role="alert"' in html["status"]
        assert "No poll answers yet." in html["positions"]


def test_problems_are_listed_with_the_path_inside_the_folder(tmp_path):
    from artethics.responses import Problem

    problem = Problem(str(tmp_path / "03_lofter" / "x.json"), "truncated or corrupt JSON.")
    html = present.class_view(snapshot_of([], problems=[problem]), settings(tmp_path))
    assert "03_lofter/x.json" in html["status"] and str(tmp_path) not in html["status"]


def test_the_view_speaks_the_chosen_language(tmp_path):
    snap = snapshot_of(dashboard.demo_class(3, seed=0))
    english = present.class_view(snap, settings(tmp_path))
    for lang in ("zh-Hant", "zh-Hans"):
        chinese = present.class_view(snap, settings(tmp_path, lang=lang))
        assert "Positions before and after each case" not in chinese["positions"], lang
        assert chinese["positions"] != english["positions"]


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_every_message_is_translated_and_no_english_sentence_is_left(lang, tmp_path):
    import re

    from artethics import i18n
    from artethics.tools import translate

    messages = translate.extract_package()["present"]
    found = translate.completeness(i18n.LOCALE_DIR / lang / "present.po", messages)
    assert messages and not (found.missing or found.fuzzy or found.bad_fields), found
    with i18n.using(lang):
        answers = dashboard.demo_class(3, seed=0)
    html = present.class_view(snapshot_of(answers), settings(tmp_path / "class", lang=lang))
    for name in ("status", "positions", "course", "lenses", "principles"):
        text = re.sub(r"<[^>]+>", " ", html[name])
        text = re.sub(r"\b(rembrandt|belamy|lofter|trik|christies|class)\b", " ", text)  # ids
        assert not re.findall(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b", text), name


def test_unchanged_sections_are_not_rebuilt(tmp_path, monkeypatch):
    calls = []
    for name, build in list(present.SECTION_BUILDERS.items()):
        monkeypatch.setitem(present.SECTION_BUILDERS, name,
                            lambda f, b=build, n=name: calls.append(n) or b(f))
    answers = dashboard.demo_class(3, seed=0)
    cache: dict = {}
    present.class_view(snapshot_of(answers), settings(tmp_path), cache)
    assert sorted(calls) == sorted(present.SECTION_BUILDERS)
    calls.clear()
    present.class_view(snapshot_of(answers + [after_poll("new", "trik", "r")]),
                       settings(tmp_path), cache)
    assert sorted(calls) == ["course", "moved", "positions"]  # the polls' sections only


# --- the page and its loop ---------------------------------------------------------------


def test_a_failing_look_is_shown_and_the_next_one_works(tmp_path, monkeypatch):
    folder = tmp_path / "class"
    write_class_folder(folder, after_poll("ana", "lofter", "fine"))
    refresher = present.Refresher(settings(folder))

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(present, "class_view", broken)
    failed = refresher.step()
    assert "disk on fire" in failed["status"] and "tries again" in failed["status"]
    monkeypatch.undo()
    refresher.watcher = present.FolderWatcher(folder)
    assert "fine" in refresher.step()["moved"]
    assert refresher.step() is None  # nothing changed


def test_show_changes_only_the_sections_that_changed():
    view = present.PresentView("en")
    view.show({"status": "a", "positions": "b"})
    changes = []
    for name, widget in view.sections.items():
        widget.observe(lambda change, n=name: changes.append(n), names="value")
    view.show({"status": "a", "positions": "c"})
    assert changes == ["positions"]


def test_the_loop_brings_a_new_answer_to_the_page(tmp_path):
    folder = tmp_path / "class"
    write_class_folder(folder, after_poll("ana", "lofter", "first"))

    async def scenario():
        view = present.start(present.Settings(folder, "en", "salt", 0.5))
        assert "first" in view.sections["moved"].value
        write_class_folder(folder, after_poll("ben", "trik", "arrived later"))
        deadline = time.monotonic() + 10
        while "arrived later" not in view.sections["moved"].value:
            assert time.monotonic() < deadline, "the new answer never reached the view"
            await asyncio.sleep(0.1)
        view.task.cancel()

    asyncio.run(scenario())


def test_started_without_the_command_the_view_says_how_to_start_it(monkeypatch):
    monkeypatch.delenv(present.ENV_FOLDER, raising=False)
    view = present.start()
    assert "artethics present --class-folder DIR" in view.sections["status"].value
    assert view.task is None


# --- the command ---------------------------------------------------------------------------


def args(**given):
    base = {"class_folder": None, "lang": "en", "port": None, "names": False, "refresh": "3"}
    return Namespace(**{**base, **given})


@pytest.mark.parametrize("given, words", [
    ({}, "no class folder: pass --class-folder DIR"),
    ({"class_folder": "x", "refresh": "soon"}, "--refresh 3"),
    ({"class_folder": "x", "lang": "fr"}, "unknown language 'fr'"),
    ({"class_folder": "x", "port": 70000}, "is not a port number"),
])
def test_bad_options_exit_2_with_a_clear_message(given, words, capsys, monkeypatch):
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)
    assert present.main(args(**given)) == 2
    assert words in capsys.readouterr().err


def test_a_port_in_use_is_refused(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        assert present.main(args(class_folder="x", port=port)) == 2
    assert f"port {port} on 127.0.0.1 is in use" in capsys.readouterr().err


def test_voila_serves_one_notebook_on_localhost_with_a_token_and_nothing_else():
    config = present.voila_config(present.notebook_path(), 8899, "tok")
    assert (config.Voila.ip, config.Voila.port, config.Voila.token) == ("127.0.0.1", 8899,
                                                                      "tok")
    v = config.VoilaConfiguration
    assert v.file_allowlist == [] and v.strip_sources and not v.show_tracebacks
    assert v.allow_template_override == v.allow_theme_override == "NO"
    assert present.notebook_path().is_file()


def test_the_terminal_hears_each_state_and_problem_once(tmp_path):
    from artethics.responses import Problem

    out, reported = io.StringIO(), set()
    problem = Problem(str(tmp_path / "a.json"), "the file is empty")
    present._terminal(snapshot_of([], present.EMPTY), reported, tmp_path, out)
    present._terminal(snapshot_of([], present.EMPTY, [problem]), reported, tmp_path, out)
    present._terminal(snapshot_of([], present.EMPTY, [problem]), reported, tmp_path, out)
    present._terminal(snapshot_of([], present.GONE, [problem]), reported, tmp_path, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert "holds no answers yet" in lines[0] and "a.json: the file is empty" in lines[1]
    assert "has disappeared" in lines[2]


def test_help_says_read_only_token_and_pseudonyms():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "artethics.tools.cli", "present", "--help"],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "COLUMNS": "200"}).stdout
    for words in ("read-only", "127.0.0.1", "token", "pseudonyms", "--names", "--refresh",
                  "--class-folder", "--lang"):
        assert words in out


def test_make_present_passes_the_folder_the_language_and_more_options():
    import shutil
    import subprocess

    from artethics import paths

    if not shutil.which("make"):
        pytest.skip("make is not installed")
    out = subprocess.run(["make", "-s", "-n", "-C", str(paths.root()), "present",
                          "CLASS=/srv/class", "LANG=zh-Hant", "ARGS=--names --refresh 5"],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    line = next(ln for ln in out.splitlines() if "artethics present" in ln)
    assert line.split("artethics present", 1)[1].split() == [
        "--class-folder", "/srv/class", "--lang", "zh-Hant", "--names", "--refresh", "5"]
