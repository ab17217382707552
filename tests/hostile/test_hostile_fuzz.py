"""Property-based fuzzing (hypothesis) of what `check` and `collect` read: notebook JSON
and answer files shaped like the real ones, with any part replaced by any JSON value.
Whatever the input: a Report or a Problem with a message, never another exception; no
raw control character in what is printed; every answer that gets in has the types the
dashboard relies on, and round-trips through the class dataset."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artethics.responses import Response, store
from artethics.tools import collect as collect_mod
from artethics.tools.check import api as check_api
from artethics.tools.check import values
from artethics.tools.manifest import load_manifest

HERE = Path(__file__).parent
MANIFEST = load_manifest(HERE.parent / "fixtures" / "check" / "manifest.json")
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _figures():
    if "hostile_figures" in sys.modules:
        return sys.modules["hostile_figures"]
    spec = importlib.util.spec_from_file_location("hostile_figures", HERE / "figures.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["hostile_figures"] = mod
    spec.loader.exec_module(mod)
    return mod


FIGURES = _figures()
SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20) \
    | st.sampled_from(["98_fixture", "99_other", "check", "answer", "fixture.total",
                       "fixture.word", "code", "markdown", "\x1b[2K✔", "\ud800", "..", ""])
leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text
anything = st.recursive(leaf, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(text, inner, max_size=4), max_leaves=12)


def _maybe(strategy):
    return strategy | anything


cell = st.fixed_dictionaries({
    "cell_type": _maybe(st.sampled_from(["code", "markdown", "raw"])),
    "id": _maybe(text),
    "source": _maybe(st.sampled_from(["total = 4\n", 'check("fixture.total", total)\n',
                                      "check_this_notebook()", "word = 'fair'"])
                     | st.lists(text, max_size=3)),
    "metadata": _maybe(st.fixed_dictionaries({
        "tags": _maybe(st.lists(text, max_size=2)),
        "artethics": _maybe(st.fixed_dictionaries({
            "role": _maybe(st.sampled_from(["check", "answer"])),
            "exercise": _maybe(st.sampled_from(["fixture.total", "fixture.word"]))}))})),
    "outputs": _maybe(st.just([])),
})
notebook = st.fixed_dictionaries({
    "nbformat": _maybe(st.just(4)),
    "cells": _maybe(st.lists(_maybe(cell), max_size=6)),
    "metadata": _maybe(st.fixed_dictionaries({
        "artethics": _maybe(st.fixed_dictionaries({"lesson": _maybe(st.just("98_fixture"))}))})),
})


def _write(tmp: Path, name: str, payload) -> Path:
    path = tmp / name
    path.write_bytes(json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return path


@SETTINGS
@given(nb=notebook)
def test_check_reads_any_notebook_shape_into_one_clear_report(nb, tmp_path_factory):
    path = _write(tmp_path_factory.mktemp("fuzz_nb"), "98_fixture.ipynb", nb)
    FIGURES.tried("fuzz: notebook JSON (check)")
    original = check_api.run_all
    check_api.run_all = lambda prepared, *a, **k: [{}] * len(prepared)
    try:
        [report] = check_api.check_notebooks([path], manifest=MANIFEST)
    finally:
        check_api.run_all = original
    text_out = report.text()
    text_out.encode("utf-8")
    assert not RAW_CONTROL.search(text_out) and "Traceback" not in text_out
    assert not report.ok  # nothing passes without running
    if report.problem:
        FIGURES.clear("fuzz: notebook JSON (check)")
    else:
        FIGURES.planned("fuzz: notebook JSON (check)")


answer = st.fixed_dictionaries({
    "lesson": _maybe(st.just("02_edmond_de_belamy")),
    "activity": _maybe(st.just("belamy.poll_before")),
    "kind": _maybe(st.sampled_from(["poll", "balance", "policy", "exercise", "reflection"])),
    "student": _maybe(st.just("alice")),
    "data": _maybe(st.fixed_dictionaries({
        "stance": _maybe(st.just("for")), "confidence": _maybe(st.just(3)),
        "case": _maybe(st.just("belamy")), "ok": _maybe(st.booleans()),
        "policy": _maybe(st.just({"consent": "opt in"}))})),
    "recorded_at": _maybe(st.sampled_from(["2026-01-05T10:00:00+00:00", "0001-01-01T00:00:00+05:00",
                                           "9999-12-31T23:59:59-01:00", ""])),
})


@SETTINGS
@given(payload=answer | st.lists(answer, max_size=3)
       | st.fixed_dictionaries({"format": st.just("artethics-responses"),
                                "responses": _maybe(st.lists(answer, max_size=3))}))
def test_collect_reads_any_answer_file_and_keeps_only_well_typed_answers(payload,
                                                                         tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz_answers")
    path = _write(tmp, "answers.json", payload)
    FIGURES.tried("fuzz: answer files (collect)")
    result = collect_mod.collect([path])
    if result.problems:
        FIGURES.clear("fuzz: answer files (collect)")
    for problem in result.problems:
        assert problem.reason
    for r in result.responses:
        assert all(isinstance(getattr(r, f), str) for f in ("lesson", "activity", "kind",
                                                             "student", "recorded_at"))
        for key in ("stance", "case"):
            assert key not in r.data or isinstance(r.data[key], str | None)
    db = collect_mod.write_db(result, tmp / "class.sqlite")
    again = store.Store(db).all()
    assert [r.to_dict() for r in again] == [r.to_dict() for r in result.responses]


@SETTINGS
@given(value=anything)
def test_values_from_the_kernel_decode_to_plain_data_or_unreadable(value):
    """Whatever JSON a (patched) kernel sends back, decoding gives plain values or
    Unreadable, never an object of the student's making."""
    FIGURES.tried("fuzz: kernel replies (check)")
    text_in = repr(json.dumps({"nonce": "n", "values": {"v": value}}))
    got = values.decode(text_in, "n", ["v"])["v"]
    allowed = (type(None), bool, int, float, str, list, tuple, set, frozenset, dict,
               values.Unreadable, values.Undefined)

    def plain(x, depth=0):
        if isinstance(x, (list, tuple, set, frozenset)):
            return all(plain(i, depth + 1) for i in x)
        if isinstance(x, dict):
            return all(plain(k) and plain(v, depth + 1) for k, v in x.items())
        return isinstance(x, allowed)

    assert plain(got)
    FIGURES.clear("fuzz: kernel replies (check)")


def test_a_response_refuses_every_wrongly_typed_field():
    good = {"lesson": "02_x", "activity": "a.b", "kind": "poll", "student": "s",
            "data": {"stance": "for"}}
    for field, bad in (("student", ["s"]), ("kind", ["poll"]), ("lesson", 2),
                       ("data", {"stance": ["for"]}), ("data", {"confidence": True}),
                       ("data", {"policy": ["x"]}), ("recorded_at", 5)):
        try:
            Response.from_dict({**good, field: bad})
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(f"{field}={bad!r} was accepted")
