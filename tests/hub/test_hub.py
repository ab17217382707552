"""The instructor guide's JupyterHub set-up, run for real (issue 16, "A real hub in the tests").

A JupyterHub from course/guide/hub/jupyterhub_config.py (the guide's sample, unchanged; the
test adds only ports, temporary files and a token: tests/hub/hub_test_config.py) with the
dummy authenticator and SimpleLocalProcessSpawner on 127.0.0.1, three students and one
instructor, each with a home folder under the test's temporary folder holding the kit as
nbgitpuller would pull it (~/artethics-kit).

Through the hub's REST API and each single-user server's contents, sessions and kernel APIs
(with each user's own token, as JupyterLab talks to its server):

1. every server starts through the guide's start-singleuser.sh, which copies the lessons
   into ~/lessons; each student opens lessons/00_orientation.ipynb, writes answers (or not),
   runs every cell in their server's kernel and saves: the poll records to the class folder;
2. the instructor collects the notebooks into ~/submissions and, in their own kernel, runs
   `artethics collect`, `artethics check --gradebook csv --roster ...` and
   `artethics present` (the page answers with the token, refuses without it);
3. the kit's lesson changes; the student's server restarts and start-singleuser.sh runs
   `artethics update ~/lessons`: the answers are carried into the new lesson version.

Every process the hub and the test started is stopped by PID, and none is left.
Slow: about 2 to 4 minutes on a 2-core machine (the timings are printed).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = ROOT / "course" / "guide" / "hub" / "jupyterhub_config.py"
BIN = Path(sys.executable).parent
JUPYTERHUB = shutil.which("jupyterhub", path=str(BIN)) or shutil.which("jupyterhub")
CHP = next((str(p) for p in [HERE / "node_modules" / ".bin" / "configurable-http-proxy"]
            if p.exists()), None) or shutil.which("configurable-http-proxy")
LESSON = "00_orientation"
NOTEBOOK = f"lessons/{LESSON}.ipynb"
INSTRUCTOR = "instructor"
# What each student does: their settings (the parameters cell) and answers (None: left as
# the kit gave it). alice answers both exercises right, bob one, carol none.
STUDENTS = {
    "alice": {"stance": "for", "confidence": 4, "answers": {
        "orientation.busiest_year": 'busiest_year = int(main["year"].value_counts().idxmax())',
        "orientation.which_lens": 'which_lens = "consequences"'}},
    "bob": {"stance": "against", "confidence": 2, "answers": {
        "orientation.busiest_year": "busiest_year = 1999",
        "orientation.which_lens": 'which_lens = "consequences"'}},
    "carol": {"stance": "against", "confidence": 5, "answers": {}},
}
SCORES = {"alice": 2, "bob": 1, "carol": 0}
ROSTER = {"alice": "S001", "bob": "S002", "carol": "S003"}
START_TIMEOUT = 240  # a server start imports jupyter_server; slow on a busy machine

if JUPYTERHUB is None:
    pytest.skip("jupyterhub is not installed (pip install -e '.[test]')", allow_module_level=True)
if CHP is None:
    pytest.skip("configurable-http-proxy (npm) is not installed: run `npm ci --prefix tests/hub` "
                "(make browser-deps does)", allow_module_level=True)
if shutil.which("node") is None:
    pytest.skip("node is not installed: configurable-http-proxy needs Node.js (apt-get install "
                "nodejs)", allow_module_level=True)

from hubclient import Hub, Server, descendants, free_port, stop, tail, text_of  # noqa: E402


def place_kit(home: Path) -> Path:
    """The kit as nbgitpuller pulls it into ~/artethics-kit (only what the lessons and the
    tools read: data, sources, the English lessons and their sources, the class view)."""
    kit = home / "artethics-kit"
    for folder in ("data", "seeds"):
        shutil.copytree(ROOT / folder, kit / folder)
    (kit / "notebooks").mkdir(parents=True)
    (kit / "course" / "solutions").mkdir(parents=True)
    for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"):
        shutil.copy2(path, kit / "notebooks")
    for path in (ROOT / "course" / "solutions").glob("[0-9][0-9]_*.ipynb"):
        shutil.copy2(path, kit / "course" / "solutions")
    if (ROOT / "course" / "present.ipynb").exists():
        shutil.copy2(ROOT / "course" / "present.ipynb", kit / "course")
    return kit


class Timings(dict):
    def __init__(self):
        super().__init__()
        self.start = self.last = time.monotonic()

    def step(self, name: str) -> None:
        now = time.monotonic()
        self[name], self.last = round(now - self.last, 1), now

    def report(self) -> str:
        steps = ", ".join(f"{k} {v} s" for k, v in self.items())
        return f"hub test: {round(time.monotonic() - self.start, 1)} s in all ({steps})"


# --- what students and the instructor do -----------------------------------------------------


def with_answers(nb: dict, student: str, plan: dict) -> dict:
    """The notebook as the student edits it: name and poll answer in the parameters cell,
    their answers in the answer cells."""
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        meta = cell.get("metadata", {})
        if "parameters" in meta.get("tags", []):
            source = (source.replace('student: str = "anonymous"', f'student: str = "{student}"')
                      .replace("stance: str = None", f'stance: str = "{plan["stance"]}"')
                      .replace("confidence: int = None", f"confidence: int = {plan['confidence']}"))
            assert f'"{student}"' in source and f'"{plan["stance"]}"' in source, source
        role = meta.get("artethics", {})
        if role.get("role") == "answer" and role.get("exercise") in plan["answers"]:
            source = plan["answers"][role["exercise"]]
        cell["source"] = source
    return nb


async def run_all(server: Server, path: str, nb: dict) -> dict:
    """Run All Cells in the user's own server and kernel, then save (as JupyterLab does)."""
    kernel = await server.kernel(path)
    try:
        count = 0
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            count += 1
            outputs = await kernel.execute(cell["source"])
            errors = [o for o in outputs if o.get("output_type") == "error"]
            assert not errors, f"{server.user}: {text_of(errors)} in\n{cell['source']}"
            cell["outputs"], cell["execution_count"] = outputs, count
    finally:
        await kernel.close()
    await server.put_notebook(path, nb)
    return nb


async def student_session(server: Server, kit_copy: dict) -> dict:
    nb = await server.get_notebook(NOTEBOOK)
    # what the start script placed in ~/lessons is the kit's own student copy
    assert [c["source"] for c in nb["cells"]] == [
        "".join(c["source"]) for c in kit_copy["cells"]], f"{server.user}: not the kit's copy"
    return await run_all(server, NOTEBOOK, with_answers(nb, server.user, STUDENTS[server.user]))


RUN = """
import json, os, subprocess, sys
_art = os.path.join(os.path.dirname(sys.executable), "artethics")
_r = subprocess.run([_art, *{args!r}], capture_output=True, text=True, timeout={timeout})
print(json.dumps([_r.returncode, _r.stdout, _r.stderr]))
"""


async def artethics(kernel, *args: str, timeout: int = 400) -> tuple[int, str, str]:
    """An `artethics` command run by the instructor in their own server (its kernel, so
    with the environment the hub gives the instructor)."""
    outputs = await kernel.execute(RUN.format(args=list(args), timeout=timeout), timeout + 30)
    text = text_of(outputs)
    try:
        return tuple(json.loads(text.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        raise AssertionError(f"artethics {' '.join(args)}: {text}") from None


QUERY = """
import json, sqlite3
_db = sqlite3.connect("class.sqlite")
print(json.dumps(sorted(_db.execute("SELECT student, activity, data FROM responses"))))
"""


# --- the test ------------------------------------------------------------------------------


def test_a_class_on_the_guides_hub(tmp_path):
    timings = Timings()
    homes, class_dir, mpl = tmp_path / "homes", tmp_path / "class", tmp_path / "mpl"
    class_dir.mkdir()
    users = [*STUDENTS, INSTRUCTOR]
    for user in users:
        place_kit(homes / user)
    token, port = secrets.token_hex(32), free_port()
    env = {**os.environ,
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "ARTETHICS_CLASS_DIR": str(class_dir), "ARTETHICS_HUB_HOMES": str(homes),
           "ARTETHICS_HUBTEST_SAMPLE": str(SAMPLE), "ARTETHICS_HUBTEST_TMP": str(tmp_path),
           "ARTETHICS_HUBTEST_PORT": str(port), "ARTETHICS_HUBTEST_HUB_PORT": str(free_port()),
           "ARTETHICS_HUBTEST_PROXY_PORT": str(free_port()), "ARTETHICS_HUBTEST_CHP": CHP,
           "ARTETHICS_HUBTEST_TOKEN": token, "ARTETHICS_HUBTEST_USERS": ",".join(users),
           "ARTETHICS_HUBTEST_MPL": str(mpl), "ARTETHICS_HUB_PASSWORD": secrets.token_hex(8)}
    log = tmp_path / "hub.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([JUPYTERHUB, "-f", str(HERE / "hub_test_config.py")],
                                cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    seen: dict[int, int] = {}
    try:
        asyncio.run(a_class(Class(Hub(f"http://127.0.0.1:{port}", token), proc, log, seen,
                                  timings, tmp_path, homes, class_dir)))
    finally:
        seen.update(descendants(proc.pid))
        killed = stop(proc, seen)
        timings.step("stop")
        print(timings.report())
    assert proc.returncode is not None
    assert not killed, (f"processes the hub started were still running after it stopped, "
                        f"killed by PID: {killed}\n{tail(log)}")


@dataclass
class Class:
    """The running hub, its users' servers and where everything is."""

    hub: Hub
    proc: subprocess.Popen
    log: Path
    seen: dict[int, int]  # every process the hub started, as found so far
    timings: Timings
    tmp: Path
    homes: Path
    class_dir: Path
    servers: dict[str, Server] = field(default_factory=dict)

    def look(self) -> None:
        self.seen.update(descendants(self.proc.pid))


async def a_class(room: Class) -> None:
    await room.hub.wait_up(room.proc, 120, room.log)
    room.timings.step("hub up")
    tokens = {u: await room.hub.user_token(u) for u in [*STUDENTS, INSTRUCTOR]}
    await asyncio.gather(*(room.hub.start_server(u, START_TIMEOUT, room.log) for u in tokens))
    room.look()
    room.timings.step("4 servers started")
    room.servers = {u: Server(room.hub, u, t) for u, t in tokens.items()}
    done = await students_work(room)
    await instructor_work(room, done)
    await present(room.homes / INSTRUCTOR, room.class_dir, room.tmp, room.timings)
    await lesson_update(room, before=done[0])


async def students_work(room: Class) -> list[dict]:
    """Students open lesson 00 from ~/lessons, answer, run every cell, save."""
    kit_copy = json.loads((ROOT / "notebooks" / f"{LESSON}.ipynb").read_text(encoding="utf-8"))
    done = await asyncio.gather(*(student_session(room.servers[s], kit_copy) for s in STUDENTS))
    room.look()
    room.timings.step("3 students ran lesson 00")
    recorded = sorted(room.class_dir.rglob("*.json"))
    assert {p.parent.name for p in recorded} == {LESSON}, recorded
    by_student = {json.loads(p.read_text(encoding="utf-8"))["student"]: p for p in recorded}
    assert sorted(by_student) == sorted(STUDENTS), "every student's poll is in the class folder"
    for student in STUDENTS:  # and in their own database, in their own home
        assert (room.homes / student / ".artethics" / "responses.sqlite").exists()
    return list(done)


async def instructor_work(room: Class, done: list[dict]) -> None:
    """The instructor gathers the notebooks and runs the kit's tools in their server."""
    teacher = room.servers[INSTRUCTOR]
    await teacher.mkdir("submissions")
    for student, nb in zip(STUDENTS, done, strict=True):
        saved = await room.servers[student].get_notebook(NOTEBOOK)  # what the student saved
        assert [c["source"] for c in saved["cells"]] == [c["source"] for c in nb["cells"]]
        await teacher.mkdir(f"submissions/{student}")
        await teacher.put_notebook(f"submissions/{student}/{LESSON}.ipynb", saved)
    roster = "student_id,notebook_name\n" + "".join(f"{i},{n}\n" for n, i in ROSTER.items())
    (room.homes / INSTRUCTOR / "roster.csv").write_text(roster, encoding="utf-8")
    kernel = await teacher.kernel("instructor.ipynb")
    try:
        await collect(kernel, room)
        await gradebook(kernel, room)
    finally:
        await kernel.close()


async def collect(kernel, room: Class) -> None:
    code, out, err = await artethics(kernel, "collect", "submissions",
                                     str(room.class_dir), "--db", "class.sqlite")
    assert code == 0, err
    assert "from 3 students" in out, out
    rows = text_of(await kernel.execute(QUERY)).strip().splitlines()[-1]
    answers = {(s, a): json.loads(d) for s, a, d in json.loads(rows)}
    for student, plan in STUDENTS.items():
        poll = answers[(student, "course.poll_before")]
        assert poll["stance"] == plan["stance"], poll
        assert poll["confidence"] == plan["confidence"], poll
    room.timings.step("collect")


async def gradebook(kernel, room: Class) -> None:
    code, out, err = await artethics(
        kernel, "check", "submissions", "--jobs", "2", "--gradebook", "csv",
        "--roster", "roster.csv", "--out", "grades.csv")
    assert code == 0, f"exit {code}\n{out}\n{err}"
    grades = list(csv.DictReader(io.StringIO(
        (room.homes / INSTRUCTOR / "grades.csv").read_text(encoding="utf-8-sig"))))
    got = {r["student_id"]: (r["lesson"], r["score"], r["max"]) for r in grades}
    assert got == {ROSTER[s]: (LESSON, str(n), "2") for s, n in SCORES.items()}, (got, out)
    room.timings.step("check --gradebook")


async def lesson_update(room: Class, before: dict) -> None:
    """The lesson changes in the kit; alice's server restarts; her answers carry over."""
    alice = room.homes / "alice"
    change_lesson(alice / "artethics-kit")
    await room.hub.stop_server("alice", 120)
    await room.hub.start_server("alice", START_TIMEOUT, room.log)
    room.look()
    after = await room.servers["alice"].get_notebook(NOTEBOOK)
    report = (alice / "lessons" / "update-report.txt").read_text(encoding="utf-8")
    assert "updated" in report and "carried over" in report, report
    backups = sorted((alice / "lessons").glob(f"{LESSON}.before-update-*.ipynb"))
    assert [p.name for p in backups] == [f"{LESSON}.before-update-1.ipynb"], report
    kept = nbformat.read(backups[0], as_version=4)  # her file before the update
    assert sources(kept) == sources(before)
    assert_carried(before, after)
    room.timings.step("lesson changed, server restarted, update")


def change_lesson(kit: Path) -> None:
    """A new version of lesson 00 in the kit, as a pull brings it: a reworded question, a
    new cell, and the kit's student copy rebuilt from it."""
    from artethics.tools import nbform
    from artethics.tools.student import make_student

    source = kit / "course" / "solutions" / f"{LESSON}.ipynb"
    nb = nbform.read(source)
    nb.metadata.setdefault("artethics", {})["lesson"] = LESSON
    question = next(c for c in nb.cells if c.get("id") == "exercise-md")
    question.source += "\n\n(Reworded in the new version.)"
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("New in this version.", id="new-intro"))
    nbform.write(nb, source)
    nbform.write(make_student(nb, source.name), kit / "notebooks" / source.name)


def sources(nb: dict) -> dict[str, tuple[str, list | None]]:
    """cell id -> (source, outputs), the source as one string however the file stored it"""
    return {c["id"]: ("".join(c["source"]) if isinstance(c["source"], list) else c["source"],
                      c.get("outputs")) for c in nb["cells"]}


def assert_carried(before: dict, after: dict) -> None:
    old, new = sources(before), sources(after)
    assert "New in this version." in new["new-intro"][0]
    assert "(Reworded in the new version.)" in new["exercise-md"][0]
    for cell in ("answer", "which-lens-answer"):  # her answers, word for word
        assert new[cell][0] == old[cell][0], cell
    assert 'student: str = "alice"' in new["parameters"][0]
    assert new["poll"][1] == old["poll"][1], "the recorded poll output"


async def present(home: Path, class_dir: Path, tmp_path: Path, timings) -> None:
    """`artethics present` in the instructor's environment: the page answers with the
    printed token and refuses without it; the terminal counts the three answers."""
    from tornado.httpclient import AsyncHTTPClient

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTETHICS_")}
    env.update(HOME=str(home), ARTETHICS_ROOT=str(home / "artethics-kit"),
               ARTETHICS_CLASS_DIR=str(class_dir), PATH=f"{BIN}{os.pathsep}{env['PATH']}",
               MPLCONFIGDIR=str(tmp_path / "mpl"))
    out_path, err_path = tmp_path / "present.out", tmp_path / "present.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen([str(BIN / "artethics"), "present", "--port", str(port),
                                 "--refresh", "1"], cwd=home, env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    seen: dict[int, int] = {}
    try:
        url = await _wait_for(lambda: re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+",
                                                out_path.read_text()), proc, err_path)
        await _wait_for(lambda: "reading " in err_path.read_text() and ": 3 answers"
                        in err_path.read_text(), proc, err_path)
        http = AsyncHTTPClient()
        page = await http.fetch(url.group(0), request_timeout=180, raise_error=False)
        seen.update(descendants(proc.pid))
        assert page.code == 200, page.code
        refused = await http.fetch(url.group(0).split("?")[0], request_timeout=60,
                                   raise_error=False, follow_redirects=False)
        assert refused.code in (302, 401, 403), refused.code
    finally:
        seen.update(descendants(proc.pid))
        killed = stop(proc, seen, grace=20)
    assert not killed, f"artethics present left processes behind: {killed}"
    timings.step("present")


async def _wait_for(found, proc, err_path: Path, timeout: float = 180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        if proc.poll() is not None:
            raise AssertionError(f"artethics present exited ({proc.returncode}):\n"
                                 f"{err_path.read_text()}")
        await asyncio.sleep(0.5)
    raise AssertionError(f"artethics present: nothing within {timeout} s:\n{err_path.read_text()}")
