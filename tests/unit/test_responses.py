"""The answer store: validation, the three destinations, export/import, bad files."""

from __future__ import annotations

import json
import sqlite3

import pytest

from artethics.responses import (
    MIME,
    Problem,
    Response,
    Store,
    latest,
    pseudonym,
    read_class_folder,
    record,
    responses_in_notebook,
    student_key,
    write_class_folder,
)

LESSON = "05_augmented_intelligence"


def answer(student="anonymous", activity="christies.balance", **data):
    return Response(LESSON, activity, "balance", student, data or {"weights": {"a1": 3}})


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Every test gets its own database and no class folder or pseudonym settings."""
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db" / "responses.sqlite"))
    for name in ("ARTETHICS_CLASS_DIR", "ARTETHICS_PSEUDONYMISE", "ARTETHICS_SALT"):
        monkeypatch.delenv(name, raising=False)


class FakeHandle:
    def __init__(self):
        self.bundles = []

    def update(self, bundle, raw=False):
        assert raw
        self.bundles.append(bundle)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize("student", ["", "   "])
def test_empty_student_is_refused_with_a_fix(student):
    with pytest.raises(ValueError, match="student is empty.*parameters cell"):
        answer(student=student)


def test_unknown_kind_lists_the_known_ones():
    with pytest.raises(ValueError, match="kind 'slider' is unknown.*balance.*reflection"):
        Response(LESSON, "christies.balance", "slider", "anonymous", {})


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"tags": {"a", "b"}}, r"data\['tags'\] is a set"),
        ({"w": float("nan")}, r"data\['w'\] is nan"),
        ({"w": {1: 2}}, r"data\['w'\] has the key 1"),
        ({"when": object()}, r"data\['when'\] is a object"),
    ],
)
def test_non_json_data_names_the_bad_part(data, where):
    with pytest.raises(ValueError, match=where):
        Response(LESSON, "christies.balance", "balance", "anonymous", data)


@pytest.mark.parametrize("activity", ["", "Christies.Balance", "../x", "a b"])
def test_activity_must_be_safe_for_file_names(activity):
    with pytest.raises(ValueError, match="activity"):
        Response(LESSON, activity, "balance", "anonymous", {})


def test_data_is_copied_so_later_edits_do_not_change_the_answer():
    weights = {"a1": 3}
    r = Response(LESSON, "christies.balance", "balance", "anonymous", {"weights": weights})
    weights["a1"] = 5
    assert r.data == {"weights": {"a1": 3}}


def test_from_dict_reports_missing_and_unknown_fields():
    with pytest.raises(ValueError, match="lacks the field\\(s\\) kind, data"):
        Response.from_dict({"lesson": LESSON, "activity": "a.b", "student": "s"})
    with pytest.raises(ValueError, match="unknown field\\(s\\) colour"):
        Response.from_dict({**answer().to_dict(), "colour": "red"})


# --------------------------------------------------------------------------- record


def test_record_shows_a_deterministic_bundle_without_time(tmp_path):
    handle = FakeHandle()
    where = record(answer(), class_folder=tmp_path / "class", handle=handle)
    record(answer(), class_folder=tmp_path / "class", handle=handle)
    first, second = handle.bundles
    assert where == ["notebook", "database", "class folder"]
    assert first == second
    assert first[MIME] == answer().to_dict()
    assert "recorded_at" not in first[MIME]
    assert first["text/plain"] == (
        "Recorded christies.balance for anonymous: saved in this notebook, "
        "the local database and the class folder"
    )
    assert str(tmp_path) not in json.dumps(first)


def test_record_without_display_shows_nothing_and_fills_the_database(capsys):
    assert record(answer(), display=False) == ["database"]
    assert capsys.readouterr().out == ""
    assert latest("christies.balance", "anonymous").data == {"weights": {"a1": 3}}


def test_latest_is_the_newest_answer_of_that_student():
    record(answer(weights=1), display=False)
    record(answer(weights=2), display=False)
    record(answer(student="someone else", weights=9), display=False)
    assert latest("christies.balance", "anonymous").data == {"weights": 2}
    assert latest("christies.balance", "nobody") is None
    assert latest("belamy.balance", "anonymous") is None


def test_class_folder_from_environment_and_argument(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_CLASS_DIR", str(tmp_path / "env"))
    record(answer(), display=False)
    record(answer(), class_folder=tmp_path / "arg", display=False)
    env_files = list((tmp_path / "env").rglob("*.json"))
    arg_files = list((tmp_path / "arg").rglob("*.json"))
    assert [p.relative_to(tmp_path / "env").as_posix() for p in env_files] == [
        f"{LESSON}/anonymous__christies.balance.json"
    ]
    assert len(arg_files) == 1


def test_rerecording_replaces_the_class_file_and_leaves_no_temp_files(tmp_path):
    for weight in range(3):
        record(answer(weights=weight), class_folder=tmp_path, display=False)
    files = sorted(p.name for p in (tmp_path / LESSON).iterdir())
    assert files == ["anonymous__christies.balance.json"]
    responses, problems = read_class_folder(tmp_path)
    assert [r.data for r in responses] == [{"weights": 2}] and problems == []


def test_a_broken_database_does_not_lose_the_answer(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path))  # a folder, not a file
    handle = FakeHandle()
    where = record(answer(), class_folder=tmp_path / "class", handle=handle)
    assert where == ["notebook", "class folder"]
    line = handle.bundles[0]["text/plain"]
    assert "saved in this notebook and the class folder" in line
    assert "Not saved in the local database" in line
    assert str(tmp_path) not in line
    with pytest.raises(OSError, match="NOT saved anywhere"):
        record(answer(), display=False)


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(ValueError, match="cannot be used as the answers database"):
        Store(bad).add(answer())


def test_store_uses_wal_mode(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.add(answer())
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --------------------------------------------------------------------------- pseudonyms


def test_pseudonym_is_stable_keyed_and_short():
    p = pseudonym("陈小明", "class-salt")
    assert p == pseudonym(" 陈小明 ", "class-salt")
    assert p != pseudonym("陈小明", "other-salt")
    assert p != pseudonym("陈小华", "class-salt")
    assert p.startswith("p-") and len(p) == 14 and int(p[2:], 16) >= 0


def test_pseudonym_needs_a_salt():
    with pytest.raises(ValueError, match="salt is empty"):
        pseudonym("alice", "")


def test_pseudonymised_record_hides_the_name_in_what_leaves_the_machine(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTETHICS_PSEUDONYMISE", "1")
    monkeypatch.setenv("ARTETHICS_SALT", "s3cret")
    handle = FakeHandle()
    record(answer(student="Alice Wong"), class_folder=tmp_path, handle=handle)
    alias = pseudonym("Alice Wong", "s3cret")
    text = json.dumps(handle.bundles[0], ensure_ascii=False)
    assert "Alice" not in text and alias in text
    (path,) = (tmp_path / LESSON).iterdir()
    assert path.name == f"{alias}__christies.balance.json"
    assert "Alice" not in path.read_text()
    assert latest("christies.balance", "Alice Wong") is not None  # own machine keeps the name


def test_pseudonymise_without_salt_is_refused(monkeypatch):
    monkeypatch.setenv("ARTETHICS_PSEUDONYMISE", "1")
    with pytest.raises(ValueError, match="ARTETHICS_SALT is empty"):
        record(answer(), display=False)


def test_student_keys_never_collide():
    names = ["alice", "Alice", "Li Wei", "li_wei", "li wei", "陈小明", "../etc"]
    keys = [student_key(n) for n in names]
    assert len(set(k.lower() for k in keys)) == len(names)
    assert student_key("alice") == "alice"
    assert all("/" not in k and not k.startswith(".") for k in keys)


# --------------------------------------------------------------------------- Store


def test_all_is_sorted_and_the_same_whatever_the_insert_order(tmp_path):
    rs = [answer(student=s).__class__(**{**answer(student=s).to_dict(),
                                        "recorded_at": "2025-01-01T00:00:00+00:00"})
          for s in ["zoe", "amy", "mia"]]
    one, two = Store(tmp_path / "1.sqlite"), Store(tmp_path / "2.sqlite")
    for r in rs:
        one.add(r)
    for r in reversed(rs):
        two.add(r)
    assert one.all() == two.all()
    assert [r.student for r in one.all()] == ["amy", "mia", "zoe"]


def test_export_import_round_trip_is_idempotent(tmp_path):
    source = Store(tmp_path / "a.sqlite")
    for s in ["amy", "陈小明"]:
        source.add(answer(student=s))
    assert source.export_json(tmp_path / "export.json") == 2
    target = Store(tmp_path / "b.sqlite")
    added, problems = target.import_json(tmp_path / "export.json")
    assert problems == [] and len(added) == 2
    assert target.all() == source.all()
    assert target.import_json(tmp_path / "export.json") == ([], [])
    assert len(target.all()) == 2


def test_export_with_salt_holds_no_names(tmp_path):
    store = Store(tmp_path / "a.sqlite")
    store.add(answer(student="Alice Wong"))
    store.export_json(tmp_path / "export.json", salt="s")
    text = (tmp_path / "export.json").read_text()
    assert "Alice" not in text and pseudonym("Alice Wong", "s") in text


def test_import_keeps_good_records_and_reports_bad_ones(tmp_path):
    good = answer(student="amy").to_dict()
    bad_kind = {**answer().to_dict(), "kind": "nope"}
    export = {"format": "artethics-responses", "version": 1,
              "responses": [good, bad_kind, "not a record"]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export))
    added, problems = Store(tmp_path / "s.sqlite").import_json(path)
    assert [r.student for r in added] == ["amy"]
    assert [p.path for p in problems] == [f"{path} (answer 2)", f"{path} (answer 3)"]
    assert "kind 'nope' is unknown" in problems[0].reason


def test_import_of_a_truncated_export_reports_it(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"format": "artethics-responses", "responses": [{"les')
    added, problems = Store(tmp_path / "s.sqlite").import_json(path)
    assert added == []
    assert problems[0].path == str(path) and "truncated or corrupt JSON" in problems[0].reason


# --------------------------------------------------------------------------- class folder


def test_corrupt_files_are_reported_and_nothing_else_is_lost(tmp_path):
    kept = [write_class_folder(tmp_path, answer(student=f"s{i}")) for i in range(3)]
    truncated = tmp_path / LESSON / "cut__christies.balance.json"
    truncated.write_text(kept[0].read_text()[:25])
    empty = tmp_path / LESSON / "empty__christies.balance.json"
    empty.write_text("")
    moved = tmp_path / "01_next_rembrandt" / "s0__christies.balance.json"
    moved.parent.mkdir()
    moved.write_text(kept[0].read_text())
    (tmp_path / LESSON / ".s1__christies.balance.json.abc.tmp").write_text("{")
    responses, problems = read_class_folder(tmp_path)
    assert [r.student for r in responses] == ["s0", "s1", "s2"]
    reasons = {Problem(p.path, p.reason.split(" ")[0]) for p in problems}
    assert reasons == {
        Problem(str(truncated), "truncated"),
        Problem(str(empty), "the"),
        Problem(str(moved), "the"),
    }
    assert any("sits in folder '01_next_rembrandt'" in p.reason for p in problems)


def test_missing_class_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        read_class_folder(tmp_path / "nope")


# --------------------------------------------------------------------------- notebooks


def _nb(*outputs):
    return {"cells": [{"cell_type": "markdown", "source": ""},
                      {"cell_type": "code", "source": "", "outputs": list(outputs)}]}


def test_responses_in_notebook_finds_dict_and_string_payloads():
    a, b = answer(student="amy"), answer(student="bo")
    nb = _nb({"output_type": "stream", "text": "hi"},
             {"output_type": "display_data", "data": {MIME: a.to_dict(), "text/plain": "x"}},
             {"output_type": "display_data", "data": {MIME: json.dumps(b.to_dict())}})
    assert responses_in_notebook(nb) == [a, b]


def test_responses_in_notebook_reports_a_damaged_output():
    nb = _nb({"output_type": "display_data", "data": {MIME: {"lesson": LESSON}}})
    problems = []
    assert responses_in_notebook(nb, problems) == []
    assert problems[0].path == "cell 2" and "lacks the field" in problems[0].reason
