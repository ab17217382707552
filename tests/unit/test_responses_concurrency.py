"""Reliability: many processes recording at once lose nothing; a real kernel carries
its answers in the saved notebook."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from artethics.responses import Response, Store, read_class_folder, write_class_folder

WRITERS = 50
RECORDS = 100

WRITER = textwrap.dedent(
    """
    import sys
    from artethics.responses import Response, record
    writer, records, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    for i in range(records):
        r = Response("05_augmented_intelligence", f"stress.item_{i:03d}", "balance",
                     f"writer-{writer:02d}", {"writer": writer, "i": i})
        assert record(r, class_folder=folder, display=False) == ["database", "class folder"]
    """
)


@pytest.mark.slow
def test_concurrent_writers_lose_nothing(tmp_path):
    env = {**os.environ, "ARTETHICS_DB": str(tmp_path / "responses.sqlite")}
    env.pop("ARTETHICS_PSEUDONYMISE", None)
    folder = tmp_path / "class"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(w), str(RECORDS), str(folder)],
                         env=env, stderr=subprocess.PIPE, text=True)
        for w in range(WRITERS)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs if p.wait(timeout=120) != 0]
    assert errors == []
    expected = {(w, i) for w in range(WRITERS) for i in range(RECORDS)}
    stored = Store(tmp_path / "responses.sqlite").all()
    assert len(stored) == WRITERS * RECORDS
    assert {(r.data["writer"], r.data["i"]) for r in stored} == expected
    from_folder, problems = read_class_folder(folder)
    assert problems == []
    assert {(r.data["writer"], r.data["i"]) for r in from_folder} == expected
    assert not list(folder.rglob(".*.tmp"))


def test_racing_writes_to_one_file_leave_one_whole_answer(tmp_path):
    def write(n: int) -> None:
        for i in range(20):
            r = Response("05_augmented_intelligence", "christies.balance", "balance",
                         "amy", {"writer": n, "i": i, "pad": "x" * 5000})
            write_class_folder(tmp_path, r)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    responses, problems = read_class_folder(tmp_path)
    assert problems == [] and len(responses) == 1
    assert responses[0].data["i"] == 19


NOTEBOOK_CELLS = [
    "from artethics.responses import Response, record, display_slot",
    "r = Response('05_augmented_intelligence', 'christies.balance', 'balance', 'amy',"
    " {'weights': {'a1': 4}})\nrecord(r);",
    "slot = display_slot('christies.poll')",
    "record(Response('05_augmented_intelligence', 'christies.poll', 'poll', 'amy',"
    " {'stance': 'for'}), handle=slot);",
]


@pytest.mark.slow
def test_a_kernel_puts_answers_into_the_saved_notebook(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from artethics.responses import MIME, responses_in_notebook

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in NOTEBOOK_CELLS]
    monkeypatch.setenv("ARTETHICS_DB", str(tmp_path / "db.sqlite"))
    monkeypatch.delenv("ARTETHICS_CLASS_DIR", raising=False)
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    found = responses_in_notebook(nb)
    assert [(r.activity, r.data) for r in found] == [
        ("christies.balance", {"weights": {"a1": 4}}),
        ("christies.poll", {"stance": "for"}),
    ]
    slot_outputs = nb.cells[2].outputs
    assert len(slot_outputs) == 1 and MIME in slot_outputs[0]["data"]
    assert len(Store(Path(tmp_path / "db.sqlite")).all()) == 2
