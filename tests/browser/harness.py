"""A throwaway JupyterLab + Debian chromium, driven by Playwright, for the browser
tests and benchmarks/widget_latency.py.

Everything lives under one temporary folder: the notebook root, Jupyter/IPython/
matplotlib state, the answers database (ARTETHICS_DB) and a fontconfig file that adds
the pip package's Noto Sans CJK so Chinese text renders without system fonts. The
server listens on 127.0.0.1 at a free port with a random token and is stopped by its
own PID. Nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "screenshots"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
LESSON = "browser_fixture"
STUDENT = "browser-student"
CJK_TEXT = "小红书 · 网易 LOFTER · 大理寺日志"
WIDGET_OUTPUT = ".jp-OutputArea-output:has(> .jupyter-widgets)"
# Every kit widget, in the fixture notebook's order; each view's root box carries the
# class artethics-<kind> (artethics.widgets.views).
WIDGETS = ("balance", "poll", "matrix", "lens")
# The balance's weight sliders: native labelled range inputs (LabelledSlider).
SLIDER = ".artethics-balance input[type=range]"
CJK_PROBE = ".jp-MarkdownOutput p"
VERDICT_JS = """() => [...document.querySelectorAll('.widget-html')]
    .find(e => e.textContent.includes('Verdict:'))"""


def skip_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (f"{CHROMIUM} is missing: run `make browser-deps` "
                "(apt-get install chromium) to run the browser tests")
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def widget_output(kind: str) -> str:
    """CSS selector of the output area that shows one kit widget (see WIDGETS)."""
    if kind not in WIDGETS:
        raise ValueError(f"widget kind {kind!r} is unknown: use one of {', '.join(WIDGETS)}")
    return f".jp-OutputArea-output:has(.artethics-{kind})"


def fixture_notebook(case: str = "christies") -> dict:
    """The notebook the browser opens: CJK text, then every kit widget, live (the
    argument balance first, then the poll before, the matrix, the lens, the poll after)."""
    def code(src):
        return {"cell_type": "code", "execution_count": None, "id": f"c{len(cells)}",
                "metadata": {}, "outputs": [], "source": src}

    cells: list = []
    cells.append({"cell_type": "markdown", "id": "m0", "metadata": {},
                  "source": f"# Browser fixture\n\n{CJK_TEXT}"})
    cells.append(code(f'student = "{STUDENT}"\nclass_folder = ""'))
    who = f'lesson="{LESSON}", student=student, class_folder=class_folder'
    cells.append(code("from artethics.widgets import show_balance, show_lens, show_matrix, "
                      f"show_poll\nshow_balance(\"{case}\", {who})"))
    cells.append(code(f'show_poll("{case}", "before", {who})'))
    cells.append(code(f'show_matrix("{case}", {who})'))
    cells.append(code(f'show_lens("{case}", {who})'))
    cells.append(code(f'show_poll("{case}", "after", {who})'))
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"},
                         "language_info": {"name": "python"}}}


def fontconfig(tmp: Path) -> Path:
    """A fonts.conf: the system fonts plus the pip package's Noto Sans CJK."""
    import noto_cjk_sans_otc

    conf = tmp / "fonts.conf"
    conf.write_text(
        "<?xml version='1.0'?>\n<!DOCTYPE fontconfig SYSTEM 'fonts.dtd'>\n<fontconfig>\n"
        "  <include ignore_missing='yes'>/etc/fonts/fonts.conf</include>\n"
        f"  <dir>{Path(noto_cjk_sans_otc.FONT_PATH).parent}</dir>\n"
        f"  <cachedir>{tmp / 'fontcache'}</cachedir>\n</fontconfig>\n")
    return conf


@dataclass
class Lab:
    proc: subprocess.Popen
    port: int
    token: str
    root: Path
    db: Path
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(f"{self.base}api/{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def url(self, notebook: str) -> str:
        return f"{self.base}lab/tree/{notebook}?token={self.token}"

    def stop(self) -> None:
        """Shut the kernels down, then stop the server by its own PID."""
        if self.proc.poll() is None:
            try:
                for kernel in self.api("kernels"):
                    self.api(f"kernels/{kernel['id']}", method="DELETE")
            except (OSError, urllib.error.URLError):
                pass
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def _quiet_lab_settings(settings: Path) -> None:
    """No "official Jupyter news?" toast (it covers the page and sends a request)."""
    target = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))


def _save_widget_state(settings: Path) -> None:
    """JupyterLab's "Save Widget State Automatically": a saved notebook keeps its widgets'
    state, so reopening it redraws them instead of "model not found"."""
    target = settings / "@jupyter-widgets" / "jupyterlab-manager" / "plugin.jupyterlab-settings"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"saveState": True}))


def lab_env(tmp: Path, save_widget_state: bool = False, quiet: bool = True) -> dict:
    """The lab's environment; ``quiet`` writes the test's own no-news user setting (the
    student lab, ``start_lab(student=True)``, must be quiet by the kit's settings alone)."""
    home = tmp / "home"
    dirs = {"JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime", "IPYTHONDIR": "ipython",
            "MPLCONFIGDIR": "mpl"}
    env = {**os.environ, **{k: str(home / v) for k, v in dirs.items()}}
    for value in dirs.values():
        (home / value).mkdir(parents=True, exist_ok=True)
    (home / "config" / "lab" / "user-settings").mkdir(parents=True, exist_ok=True)
    if quiet:
        _quiet_lab_settings(home / "config" / "lab" / "user-settings")
    if save_widget_state:
        _save_widget_state(home / "config" / "lab" / "user-settings")
    env.update(JUPYTERLAB_SETTINGS_DIR=str(home / "config" / "lab" / "user-settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
               ARTETHICS_DB=str(tmp / "answers.sqlite"), FONTCONFIG_FILE=str(fontconfig(tmp)),
               JUPYTER_PLATFORM_DIRS="1", PYTHONHASHSEED="0", MPLBACKEND="Agg")
    for name in ("ARTETHICS_CLASS_DIR", "ARTETHICS_PSEUDONYMISE"):
        env.pop(name, None)
    if not quiet:  # the student's lab: kernels draw plots inline, as under `make lab`
        env.pop("MPLBACKEND", None)
    return env


def student_lab_args(lang: str = "en", user_settings: Path | None = None) -> list[str]:
    """The flags `make lab LANG=<lang>` adds for the student's session (kit-local server
    config and lab settings in course/lab/), read from `make -n lab` so the test runs what
    it runs. A Chinese lab's user-settings folder (build/lab/<lang>/user-settings, which
    `make lab` starts from course/lab/<lang>/user-settings) becomes ``user_settings``,
    started from the same files."""
    import shlex

    out = subprocess.run(["make", "-s", "-n", "-C", str(REPO), "lab", "ROOTFLAG=", f"LANG={lang}"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    line = next((ln for ln in out.splitlines() if "jupyter lab" in ln), None)
    if line is None:
        raise RuntimeError(f"`make -n lab` runs no `jupyter lab`:\n{out}")
    args = [arg for arg in shlex.split(line) if arg.startswith(("--config=", "--LabApp."))]
    if user_settings is None:
        return args
    for i, arg in enumerate(args):
        if arg.startswith("--LabApp.user_settings_dir="):
            seed = REPO / "course" / "lab" / lang / "user-settings"
            for path in seed.rglob("*.jupyterlab-settings"):
                target = user_settings / path.relative_to(seed)
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    shutil.copyfile(path, target)
            args[i] = f"--LabApp.user_settings_dir={user_settings}"
    return args


def start_lab(tmp: Path, notebooks: dict[str, dict], timeout: float = 90,
              save_widget_state: bool = False, student: bool = False,
              lang: str = "en") -> Lab:
    """Start JupyterLab on a free port with the given notebooks in a fresh root.

    ``student``: with the flags `make lab` gives the student's lab, and none of the test's
    own quietening (no news setting, no news_url flag), so what a student sees is tested."""
    root = tmp / "root"
    root.mkdir(parents=True, exist_ok=True)
    for name, nb in notebooks.items():
        (root / name).write_text(json.dumps(nb, ensure_ascii=False, indent=1))
    port, token, log = free_port(), secrets.token_hex(16), tmp / "lab.log"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
           "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
           "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}"]
    env = lab_env(tmp, save_widget_state, quiet=not student)
    cmd += student_lab_args(lang, Path(env["JUPYTERLAB_SETTINGS_DIR"])) if student else [
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate"]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    lab = Lab(proc, port, token, root, tmp / "answers.sqlite", log)
    _wait_until_up(lab, timeout)
    return lab


def _wait_until_up(lab: Lab, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lab.proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited at start:\n{lab.log.read_text()[-3000:]}")
        try:
            lab.api("status")
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    lab.stop()
    raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n"
                       f"{lab.log.read_text()[-3000:]}")


def launch_browser(playwright, tmp: Path):
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(tmp))}
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS, env=env)


# --------------------------------------------------------------------------- page steps


def open_notebook(page, lab: Lab, name: str) -> None:
    page.goto(lab.url(name))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=60_000)
    wait_for_kernel_connection(lab)


def wait_for_kernel_connection(lab: Lab, timeout: float = 60) -> None:
    """The page shows 'idle' before its kernel websocket is up; cells run before that
    are dropped. Wait until the server reports a connected, idle kernel."""
    deadline = time.monotonic() + timeout
    kernels: list = []
    while time.monotonic() < deadline:
        try:
            kernels = lab.api("kernels")
        except urllib.error.HTTPError:  # a kernel still starting can answer 500 once
            time.sleep(0.2)
            continue
        if any(k["connections"] > 0 and k["execution_state"] == "idle" for k in kernels):
            return
        time.sleep(0.2)
    raise TimeoutError(f"no kernel connected within {timeout:.0f} s: {kernels}")


def run_all(page) -> None:
    """Run > Run All Cells, once the notebook is the active panel (else it is disabled)."""
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                 has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_selector(SLIDER, timeout=60_000)
    for kind in WIDGETS:
        page.wait_for_selector(f".artethics-{kind}", state="attached", timeout=60_000)
    page.wait_for_function(f"() => ({VERDICT_JS})() !== undefined", timeout=30_000)


def verdict_text(page) -> str:
    return page.evaluate(f"() => ({VERDICT_JS})().textContent")


def press_on_slider(page, index: int, key: str) -> None:
    """Focus the balance's index-th slider and press a key (ArrowRight, Home, ...)."""
    slider = page.locator(SLIDER).nth(index)
    slider.focus()
    slider.press(key)


def save_notebook(page, path: Path, timeout: float = 15) -> None:
    """Ctrl+S in the notebook, then wait until the file on disk has been rewritten."""
    before = path.stat().st_mtime_ns
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + timeout
    while path.stat().st_mtime_ns == before or not _whole_json(path):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the notebook was not saved within {timeout:.0f} s")
        time.sleep(0.1)


def _whole_json(path: Path) -> bool:
    """True once the file holds complete JSON (a save can be caught half written)."""
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return False
    return True


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def fonts_for(page, selector: str) -> list[dict]:
    """The platform fonts Chromium used to draw the text of one element."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})
    node = cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"],
                                          "selector": selector})
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]


def run_axe(page, selector: str) -> list[dict]:
    """axe-core violations inside the elements matching ``selector`` (scrolled into view
    first, so nothing is skipped as off-screen). Fails when nothing matches, so a
    wrong selector cannot pass as "no violations"."""
    found = page.locator(selector)
    if found.count() == 0:
        raise AssertionError(f"axe: nothing on the page matches {selector!r}")
    found.first.scroll_into_view_if_needed()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (sel) => {
            const r = await axe.run({include: [sel]}, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                           summary: n.failureSummary}))}));
        }""", selector)
