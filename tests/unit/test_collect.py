"""artethics.tools.collect and artethics.tools.dashboard: the class dataset and its tables."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3

import pytest

from artethics.responses import MIME, Response, Store, write_class_folder
from artethics.tools import collect, dashboard

POLL = Response("02_edmond_de_belamy", "belamy.poll_before", "poll", "Li Wei",
                {"case": "belamy", "when": "before", "stance": "against", "confidence": 3})
BALANCE = Response("02_edmond_de_belamy", "belamy.balance", "balance", "Ana",
                   {"case": "belamy", "by_principle": {"credit": 2},
                    "own": [{"id": "own_1", "text": "My point", "stance": "for",
                             "principle": "credit", "weight": 4}]})


def notebook_with(*responses):
    outputs = [{"output_type": "display_data", "metadata": {},
                "data": {MIME: r.to_dict(with_time=False), "text/plain": "Recorded."}}
               for r in responses]
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
            "cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "source": "",
                       "execution_count": 1, "outputs": outputs}]}


@pytest.fixture
def submissions(tmp_path):
    (tmp_path / "alice.ipynb").write_text(json.dumps(notebook_with(POLL, BALANCE)))
    timed = dataclasses.replace(POLL, recorded_at="2026-03-01T10:00:00+00:00")
    write_class_folder(tmp_path / "class", timed)  # the same answer again, with a time
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    (tmp_path / "empty.json").write_text("")
    (tmp_path / "other.json").write_text('{"hello": 1}')
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "alice-checkpoint.ipynb").write_text("{")
    return tmp_path


def test_collect_reads_notebooks_and_folders_and_reports_bad_files(submissions):
    result = collect.collect([submissions])
    assert [(r.activity, r.student) for r in result.responses] == [
        ("belamy.balance", "Ana"), ("belamy.poll_before", "Li Wei")]
    assert result.responses[1].recorded_at  # the copy with a time is kept
    reasons = {p.path.split("/")[-1]: p.reason for p in result.problems}
    assert set(reasons) == {"broken.ipynb", "empty.json", "other.json"}
    assert "truncated or corrupt JSON" in reasons["broken.ipynb"]
    assert "empty" in reasons["empty.json"]


def test_exports_and_bad_records_inside_them(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.add(POLL)
    store.export_json(tmp_path / "export.json")
    payload = json.loads((tmp_path / "export.json").read_text())
    payload["responses"].append({"lesson": "x"})
    (tmp_path / "export.json").write_text(json.dumps(payload))
    result = collect.collect([tmp_path / "export.json", tmp_path / "missing.json"])
    assert [r.student for r in result.responses] == ["Li Wei"]
    assert len(result.problems) == 2 and "answer 2" in result.problems[0].path


def test_database_is_readable_by_the_store_and_pseudonymised(submissions, tmp_path):
    result = collect.collect([submissions])
    db = collect.write_db(result, tmp_path / "class.sqlite", salt="s3cret")
    students = {r.student for r in Store(db).all()}
    assert students and all(s.startswith("p-") for s in students)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM problems").fetchone() == (3,)


def test_pseudonymise_without_salt_is_refused_clearly(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("ARTETHICS_SALT", raising=False)
    args = argparse.Namespace(paths=[str(tmp_path)], db=str(tmp_path / "c.sqlite"),
                              pseudonymise=True, salt=None, check=False, jobs=None)
    assert collect.main(args) == 2
    assert "ARTETHICS_SALT" in capsys.readouterr().err


def test_cli_writes_the_db_and_names_skipped_files(submissions, capsys):
    db = submissions / "out.sqlite"
    args = argparse.Namespace(paths=[str(submissions)], db=str(db), pseudonymise=False,
                              salt=None, check=False, jobs=None)
    assert collect.main(args) == 0
    out = capsys.readouterr()
    assert "2 answers from 2 students" in out.out and "broken.ipynb" in out.err
    assert len(dashboard.load_class(db)) == 2


def test_demo_class_is_deterministic_and_seeded():
    assert dashboard.demo_class(5, seed=1) == dashboard.demo_class(5, seed=1)
    assert dashboard.demo_class(5, seed=1) != dashboard.demo_class(5, seed=2)


def test_positions_shift_is_after_minus_before():
    after = Response(POLL.lesson, "belamy.poll_after", "poll", "Li Wei",
                     {"case": "belamy", "when": "after", "stance": "strongly_for",
                      "confidence": 4})
    table = dashboard.positions(dashboard.answers_frame([POLL, after]))
    assert table.to_dict("records") == [
        {"case": "belamy", "before": -1.0, "after": 2.0, "shift": 3.0, "students": 1}]


def test_dashboard_tables_pseudonymise_and_count():
    frame = dashboard.answers_frame([POLL, BALANCE], salt="k")
    assert not set(frame["student"]) & {"Li Wei", "Ana"}
    assert dashboard.added_arguments(frame)["text"].tolist() == ["My point"]
    assert dashboard.principle_weights(frame).loc["credit", "belamy"] == 2
    done = dashboard.completion(frame)
    assert done.set_index("activity")["share"].to_dict() == {
        "belamy.balance": 0.5, "belamy.poll_before": 0.5}


def test_missing_class_db_says_how_to_make_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="artethics collect"):
        dashboard.load_class(tmp_path / "nope.sqlite")


def test_db_is_only_written_over_a_class_dataset_collect_wrote(tmp_path):
    export = tmp_path / "export.json"
    export.write_text("{}", encoding="utf-8")
    other = tmp_path / "responses.sqlite"
    Store(other).add(Response("02_x", "a.b", "poll", "s", {"stance": "for"}))
    assert "not overwritten" in collect.db_refusal(export)
    assert "not overwritten" in collect.db_refusal(other)  # the answers store is not one
    assert "is not a regular file" in collect.db_refusal(tmp_path)
    ours = collect.write_db(collect.Collected(), tmp_path / "class.sqlite")
    assert collect.db_refusal(ours) == "" and collect.db_refusal(tmp_path / "new.sqlite") == ""
    with pytest.raises(ValueError, match="not overwritten"):
        collect.write_db(collect.Collected(), export)
    assert export.read_text(encoding="utf-8") == "{}"


def test_a_list_where_text_belongs_is_refused_and_the_dashboard_reads_the_rest(tmp_path):
    good = Response("02_x", "belamy.poll_before", "poll", "alice", {"stance": "for"})
    bad = dict(good.to_dict(), student="bob", data={"stance": ["for", "against"]})
    path = tmp_path / "answers.json"
    path.write_text(json.dumps([good.to_dict(), bad]), encoding="utf-8")
    result = collect.collect([path])
    assert [r.student for r in result.responses] == ["alice"]
    assert "data['stance'] is a list; it must be text" in result.problems[0].reason
    db = collect.write_db(result, tmp_path / "class.sqlite")
    assert [r.student for r in dashboard.load_class(db)] == ["alice"]
    assert Store(db).all() == result.responses  # the store's own schema and decoding


def test_reasons_lenses_and_lens_answers_survive_the_class_dataset(tmp_path):
    answers = dashboard.demo_class(6, seed=4)
    db = collect.write_db(collect.Collected(responses=answers), tmp_path / "class.sqlite",
                          salt="s3cret")
    stored = dashboard.answers_frame(dashboard.load_class(db))
    direct = dashboard.answers_frame(answers, salt="s3cret")
    for table in (dashboard.balance_reasons, dashboard.poll_reasons, dashboard.lens_answers,
                  dashboard.lens_weights, dashboard.reason_counts, dashboard.matrix_columns):
        assert not table(direct).empty
        assert table(stored).equals(table(direct)), table.__name__
    assert dashboard.skipped(stored).empty


@pytest.mark.parametrize(("field", "wrong"), [
    ("reasons", {"a1": ["not", "text"]}), ("reasons_missing", "a1"), ("reason", 3),
    ("reason_prompt", ["x"]), ("before", "for"), ("shift", "two"),
    ("questions", {"HK": 1}), ("answers", {"HK": {"x": 1}}), ("columns", ["lenses"]),
    ("decision", 5), ("ratings", {"artists": {"rights": "high"}}),
])
def test_every_field_the_dashboard_reads_is_refused_with_the_wrong_type(tmp_path, field, wrong):
    bad = {"lesson": "03_lofter", "activity": "lofter.poll_after", "kind": "poll",
           "student": "bob", "data": {field: wrong}, "recorded_at": "2026-03-01T10:00:00Z"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps([bad]), encoding="utf-8")
    result = collect.collect([path])
    assert result.responses == []
    assert f"data[{field!r}]" in result.problems[0].reason


def test_the_demo_class_answers_all_pass_the_strict_field_types(tmp_path):
    answers = dashboard.demo_class(8, seed=2)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps([a.to_dict() for a in answers]), encoding="utf-8")
    result = collect.collect([path])
    assert result.problems == [] and len(result.responses) == len(answers)
