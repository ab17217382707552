"""``artethics present``: a read-only live class view for the projector, served by Voilà.

The command starts Voilà on 127.0.0.1 with a random token, serving only
``course/present.ipynb``; that notebook calls :func:`start`, which shows the class
folder's answers (positions before and after, the shift, the reasons students gave, lens
and principle weights) and refreshes them every few seconds in the kernel, without
reloading the page. The parts are kept apart so that they can be tested alone:

- :class:`FolderWatcher` reads the class folder, re-reading only the files whose inode,
  size or modification time changed; a corrupt file is reported and skipped (a file that
  was good before keeps its last good answer), a folder that disappears keeps the answers
  already read;
- :func:`class_view` turns what was read into HTML, one piece per section (pure);
- :class:`PresentView` holds one ipywidgets HTML per section and updates only the
  sections that changed; :func:`start` runs the refresh loop as an asyncio task;
- :func:`main` (the command) reports the folder's state and problems on the terminal too.

Nothing here writes to the class folder.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import secrets
import signal
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artethics import i18n, paths
from artethics.i18n import N_, _, ngettext, pgettext
from artethics.responses import Problem, Response, pseudonym

DEFAULT_REFRESH = 3.0
REFRESH_RANGE = (0.5, 3600.0)
DEFAULT_PORT = 8866  # Voilà's own default
REASON_ROWS = 40  # newest reasons shown per table; the projector cannot show more
ENV_FOLDER = "ARTETHICS_PRESENT_FOLDER"
ENV_NAMES = "ARTETHICS_PRESENT_NAMES"
ENV_REFRESH = "ARTETHICS_PRESENT_REFRESH"
ENV_SALT = "ARTETHICS_PRESENT_SALT"
SECTIONS = ("status", "positions", "course", "moved", "reasons", "lenses", "principles")


@dataclass(frozen=True)
class Settings:
    """What the view shows: which folder, in which language, with names or pseudonyms
    (``salt`` None shows names), refreshed every ``refresh`` seconds."""

    folder: Path
    lang: str = "en"
    salt: str | None = None
    refresh: float = DEFAULT_REFRESH


def check_refresh(value: Any) -> float:
    """The refresh interval in seconds, or ValueError saying what is allowed."""
    low, high = REFRESH_RANGE
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = float("nan")
    if not low <= seconds <= high:
        raise ValueError(_("the refresh interval {value} is not a number of seconds from "
                           "{low} to {high}; for example --refresh 3").format(
            value=str(value), low=low, high=int(high)))
    return seconds


def settings_from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings ``artethics present`` hands to the kernel through its environment."""
    env = os.environ if environ is None else environ
    folder = env.get(ENV_FOLDER, "")
    if not folder:
        raise ValueError(_("no class folder given: start the view with `artethics present "
                           "--class-folder DIR` (or set {name}).").format(name=ENV_FOLDER))
    names = env.get(ENV_NAMES, "") == "1"
    salt = None if names else (env.get(ENV_SALT) or secrets.token_hex(16))
    return Settings(Path(folder), i18n.normalise(env.get("ARTETHICS_LANG")), salt,
                    check_refresh(env.get(ENV_REFRESH) or DEFAULT_REFRESH))


# --- reading the class folder ----------------------------------------------------------------


MISSING, EMPTY, GONE, OK = "missing", "empty", "gone", "ok"


@dataclass
class Snapshot:
    """What one look at the class folder found."""

    state: str  # MISSING, EMPTY, GONE (it was there before) or OK
    responses: list[Response]
    problems: list[Problem]
    changed: bool  # anything different from the previous look
    read: int = 0  # files (re-)read in this look


@dataclass
class _Entry:
    key: tuple[int, int, int]  # inode, size, mtime in ns
    response: Response | None
    problem: Problem | None


def _answer_files(root: str) -> list[str]:
    """``<root>/<lesson>/<file>.json``, without the temporary files of writes in progress
    (plain strings: thousands of Path objects per look cost more than the look itself)."""
    found = []
    with os.scandir(root) as lessons:
        for lesson in lessons:
            if lesson.name.startswith(".") or not lesson.is_dir():
                continue
            try:
                with os.scandir(lesson.path) as files:
                    found += [f.path for f in files if f.name.endswith(".json")
                              and not f.name.startswith(".")]
            except OSError:  # the lesson folder vanished between the two listings
                continue
    return found


def _read(path: str) -> tuple[Response | None, Problem | None]:
    from artethics.responses import folder

    return folder._read_answer_file(Path(path))  # the collector's own checks and messages


def _order(response: Response) -> tuple:
    """The order of :func:`artethics.responses.sorted_responses` without its last,
    costly key (the data as JSON; one file per student and activity leaves no tie)."""
    return (response.lesson, response.activity, response.student, response.recorded_at,
            response.kind)


@dataclass
class FolderWatcher:
    """Reads a class folder again and again, re-reading only the files that changed."""

    root: Path
    _entries: dict[str, _Entry] = field(default_factory=dict)
    _state: str = ""
    _seen: bool = False
    _last: Snapshot | None = None

    def poll(self) -> Snapshot:
        if not self.root.is_dir():
            state = GONE if self._seen else MISSING
            return self._snapshot(state, changed=state != self._state, read=0)
        self._seen = True
        try:
            files = _answer_files(str(self.root))
        except OSError:  # removed while listing: keep what was read
            return self._snapshot(GONE, changed=self._state != GONE, read=0)
        changed, read = False, 0
        for gone in set(self._entries).difference(files):
            del self._entries[gone]
            changed = True
        for path in files:
            try:
                stat = os.stat(path)
            except OSError:  # replaced or removed since the listing: next look
                continue
            key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            old = self._entries.get(path)
            if old is not None and old.key == key:
                continue
            response, problem = _read(path)
            read += 1
            if response is None and old is not None and old.response is not None:
                response = old.response  # keep the last good answer of a damaged file
            self._entries[path] = _Entry(key, response, problem)
            changed = True
        state = OK if self._entries else EMPTY
        return self._snapshot(state, changed=changed or state != self._state, read=read)

    def _snapshot(self, state: str, changed: bool, read: int) -> Snapshot:
        self._state = state
        if self._last is not None and not changed:
            return Snapshot(state, self._last.responses, self._last.problems, False, read)
        entries = self._entries.values()
        responses = sorted((e.response for e in entries if e.response is not None), key=_order)
        problems = sorted((e.problem for e in entries if e.problem is not None),
                          key=lambda p: p.path)
        self._last = Snapshot(state, responses, problems, changed, read)
        return self._last


# --- the view's content (pure: a snapshot in, HTML out) -------------------------------------


STATE_MESSAGES = {
    MISSING: N_("The class folder {folder} does not exist (yet) or is not a folder. Check "
                "the path given to `artethics present --class-folder`; the view keeps "
                "looking every {refresh} s."),
    EMPTY: N_("The class folder {folder} holds no answers yet. They appear here as soon as "
              "students press Record."),
    GONE: N_("The class folder {folder} has disappeared (unmounted, moved or deleted). "
             "Still showing the {n} answers read before; the view keeps looking every "
             "{refresh} s."),
}


def _table(frame) -> str:
    from artethics.tables import table_html

    return table_html(frame)


def _section(title: str, body: str, note: str = "") -> str:
    from artethics.text import escape_html

    head = f"<h2>{escape_html(title)}</h2>"
    text = f'<p class="artethics-present-note">{escape_html(note)}</p>' if note else ""
    return head + text + body


def _empty(text: str) -> str:
    from artethics.text import escape_html

    return f'<p class="artethics-present-empty">{escape_html(text)}</p>'


def status_html(snapshot: Snapshot, settings: Settings, students: int) -> str:
    from artethics.text import escape_html

    folder = settings.folder.name or str(settings.folder)
    lines = []
    if snapshot.state in STATE_MESSAGES:
        message = _(STATE_MESSAGES[snapshot.state]).format(
            folder=folder, refresh=f"{settings.refresh:g}", n=len(snapshot.responses))
        lines.append(f'<p class="artethics-present-warning" role="alert">'
                     f'{escape_html(message)}</p>')
    who = _("names shown") if settings.salt is None else _("pseudonyms, not names")
    lines.append("<p>" + escape_html(_(
        "Class folder {folder}: {answers} answers from {students} students ({who}); "
        "looked at every {refresh} s.").format(
        folder=folder, answers=len(snapshot.responses), students=students, who=who,
        refresh=f"{settings.refresh:g}")) + "</p>")
    if snapshot.problems:
        lines.append("<p>" + escape_html(ngettext(
            "{n} answer file could not be read and is left out (the others are shown; "
            "nothing was changed in the folder):",
            "{n} answer files could not be read and are left out (the others are shown; "
            "nothing was changed in the folder):", len(snapshot.problems)).format(
            n=len(snapshot.problems))) + "</p>")
        items = [f"<li><code>{escape_html(_relative(p.path, settings.folder))}</code>: "
                 f"{escape_html(p.reason)}</li>" for p in snapshot.problems[:20]]
        more = len(snapshot.problems) - 20
        if more > 0:
            items.append("<li>" + escape_html(_("… and {n} more").format(n=more)) + "</li>")
        lines.append("<ul>" + "".join(items) + "</ul>")
    return "".join(lines)


def _relative(path: str, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return Path(path).name


def _newest_first(table, frame, kind: str, after_only: bool = False):
    """The rows of a reasons table, newest answer first (latest REASON_ROWS)."""
    if table.empty:
        return table
    part = frame[frame["kind"] == kind]
    when = {}
    for case, student, data, at in zip(part["case"], part["student"], part["data"],
                                       part["recorded_at"], strict=True):
        if after_only and data.get("when") != "after":
            continue
        when[(case, student)] = str(at or "")
    keys = [when.get((c, s), "") for c, s in zip(table["case"], table["student"], strict=True)]
    order = sorted(range(len(table)), key=lambda i: keys[i], reverse=True)
    return table.iloc[order[:REASON_ROWS]].reset_index(drop=True)


def _renamed(table):
    return table.rename(columns=column_names())


def column_names() -> dict[str, str]:
    """The tables' column names in the current language (a context of their own, so a
    short word cannot clash with the same English word elsewhere in the kit)."""
    return {
        "case": pgettext("present column", "case"),
        "before": pgettext("present column", "before"),
        "after": pgettext("present column", "after"),
        "shift": pgettext("present column", "shift"),
        "students": pgettext("present column", "students"),
        "student": pgettext("present column", "student"),
        "moved": pgettext("present column", "moved"),
        "from": pgettext("present column", "from"),
        "to": pgettext("present column", "to"),
        "reason": pgettext("present column", "reason"),
        "argument": pgettext("present column", "argument"),
        "lens": pgettext("present column", "lens"),
        "weight": pgettext("present column", "weight"),
        "claim": pgettext("present column", "claim"),
        "stance": pgettext("present column", "stance"),
    }


def _by_case(table, sort: bool = True):
    """The table indexed by case (course order when ``sort``), its columns translated."""
    from artethics.kit import CASES

    if sort:
        order = sorted(range(len(table)), key=lambda i: (
            CASES.index(table["case"].iloc[i]) if table["case"].iloc[i] in CASES
            else len(CASES), str(table["case"].iloc[i])))
        table = table.iloc[order]
    table = _renamed(table.set_index("case"))
    table.index.name = column_names()["case"]
    return table


def _stance(stance: Any) -> str:
    from artethics.widgets.poll import LABEL

    return _(LABEL[stance]) if stance in LABEL else str(stance)


def positions_html(frame) -> str:
    from artethics.tools import dashboard

    table = dashboard.positions(frame)
    body = (positions_chart(_by_case(table)) + _table(_by_case(table)) if not table.empty
            else _empty(_("No poll answers yet.")))
    return _section(_("Positions before and after each case"), body, _(
        "Mean position from −2 (strongly against) to +2 (strongly for), and the mean shift "
        "of the students who answered both times. A shift says that views moved, not that "
        "they moved in the right direction."))


_TRACK = ("position:relative;flex:1;max-width:640px;height:30px;border-radius:4px;"
          "background:linear-gradient(90deg,#f4e1d2,#f7f7f7 50%,#d6e6f2);")
_DOT = ("position:absolute;top:5px;width:18px;height:18px;margin-left:-11px;"
        "border-radius:50%;border:2px solid {colour};background:{fill};")


def _marker(value: float, colour: str, fill: str) -> str:
    if value != value:  # no mean (nobody answered that poll)
        return ""
    left = (max(-2.0, min(2.0, float(value))) + 2) / 4 * 100
    return f'<span style="{_DOT.format(colour=colour, fill=fill)}left:{left:.1f}%;"></span>'


def positions_chart(table) -> str:
    """Each case on the −2 … +2 scale: an open grey circle before, a filled blue one after
    (shapes as well as colours), with the numbers in words for screen readers."""
    from artethics.text import escape_html

    before_word = column_names()["before"]
    after_word = column_names()["after"]
    rows = []
    for case, row in zip(table.index, table.to_dict("records"), strict=True):
        before, after = row[before_word], row[after_word]
        label = _("{case}: mean position {before} before, {after} after").format(
            case=case, before=_number(before), after=_number(after))
        rows.append(
            '<div style="display:flex;align-items:center;gap:1em;margin:0.25em 0;">'
            f'<span style="width:7em;font-weight:bold;">{escape_html(case)}</span>'
            f'<div role="img" aria-label="{escape_html(label)}" style="{_TRACK}">'
            '<span style="position:absolute;left:50%;top:0;bottom:0;border-left:1px solid '
            '#666;"></span>'
            f"{_marker(before, '#666666', '#ffffff')}{_marker(after, '#0072B2', '#0072B2')}"
            "</div></div>")
    legend = escape_html(_("○ before   ● after   left: against, right: for"))
    return ('<div class="artethics-present-chart">' + "".join(rows)
            + f'<p style="white-space:pre;color:#333;">{legend}</p></div>')


def _number(value: float) -> str:
    return "–" if value != value else f"{value:+.2f}"


def course_html(frame) -> str:
    from artethics.tools import dashboard

    counts = dashboard.course_poll_counts(frame)
    if not counts.to_numpy().any():
        body = _empty(_("Nobody has answered the course question yet."))
    else:
        counts.index = [_stance(s) for s in counts.index]
        counts.index.name = column_names()["stance"]
        body = _table(_renamed(counts))
    return _section(_("The course question: lesson 00 and lesson 06"), body, _(
        "How many students chose each answer before the cases and after all five."))


def moved_html(frame) -> str:
    from artethics.tools import dashboard

    table = _newest_first(dashboard.poll_reasons(frame), frame, "poll", after_only=True)
    if table.empty:
        body = _empty(_("No after-poll with a reason yet."))
    else:
        table = table.drop(columns=["asked"])
        table["from"] = table["from"].map(_stance)
        table["to"] = table["to"].map(_stance)
        body = _table(_by_case(table, sort=False))
    return _section(_("What moved students, what held them"), body, _(
        "The after-polls' reasons, newest first (the latest {n}).").format(n=REASON_ROWS))


def reasons_html(frame) -> str:
    from artethics.tools import dashboard

    table = _newest_first(dashboard.balance_reasons(frame), frame, "balance")
    table["lens"] = table["lens"].map(lambda lens: dashboard.lens_label(str(lens)))
    body = _table(_by_case(table, sort=False)) if not table.empty else _empty(
        _("No reasons for heavy weights yet."))
    return _section(_("Reasons for heavy weights"), body, _(
        "The one-line reasons given for weights of 4 or 5 in the argument balance, newest "
        "first (the latest {n}).").format(n=REASON_ROWS))


def lenses_html(frame) -> str:
    from artethics.tools import dashboard

    table = dashboard.lens_weights(frame)
    if table.empty:
        return _section(_("Lens weights per case"), _empty(_("No argument balance yet.")))
    table.index = [dashboard.lens_label(str(lens)) for lens in table.index]
    table.index.name = column_names()["lens"]
    return _section(_("Lens weights per case"), _table(table), _(
        "Mean net weight per ethical lens: weight for the case question minus weight "
        "against it. Empty where a case has no argument under a lens."))


def principles_html(frame) -> str:
    from artethics.tools import dashboard
    from artethics.widgets._common import principle_words

    table = dashboard.principle_weights(frame)
    if table.empty:
        return _section(_("Weights by principle"), _empty(_("No argument balance yet.")))
    table.index = [principle_words(str(p)) for p in table.index]
    table.index.name = pgettext("present column", "principle")
    return _section(_("Weights by principle"), _table(table), _(
        "Mean net weight (for minus against) of the arguments under each principle."))


SECTION_BUILDERS: dict[str, Callable[[Any], str]] = {
    "positions": positions_html, "course": course_html, "moved": moved_html,
    "reasons": reasons_html, "lenses": lenses_html, "principles": principles_html,
}


@functools.lru_cache(maxsize=65536)
def _pseudonym(student: str, salt: str) -> str:
    return pseudonym(student, salt)


def answers_frame(responses: list[Response], salt: str | None):
    """:func:`artethics.tools.dashboard.answers_frame` for responses already in
    :func:`_order`, with each pseudonym computed once per session (the dashboard's own
    recomputes them and sorts by the answers' JSON: seconds for a class of 200)."""
    import pandas as pd

    from artethics.tools.dashboard import ANSWER_COLUMNS

    rows = []
    for r in responses:
        case = r.data.get("case")
        if not isinstance(case, str) or not case:
            case = r.activity.split(".")[0]
        student = _pseudonym(r.student, salt) if salt else r.student
        rows.append([r.lesson, r.activity, r.kind, student, r.data, r.recorded_at, case])
    frame = pd.DataFrame(rows, columns=ANSWER_COLUMNS)
    return frame.drop_duplicates(["activity", "student"], keep="last").reset_index(drop=True)


# The kinds of answer each section reads: a section is rebuilt only when those changed.
SECTION_KINDS = {"positions": "poll", "course": "poll", "moved": "poll",
                 "reasons": "balance", "lenses": "balance", "principles": "balance"}


def class_view(snapshot: Snapshot, settings: Settings,
               cache: dict[str, tuple[int, str]] | None = None) -> dict[str, str]:
    """The HTML of every section (:data:`SECTIONS`) for what the folder holds, in the
    settings' language, students pseudonymised unless ``settings.salt`` is None.
    ``cache`` (kept by the caller between looks) skips the sections whose answers did
    not change since the last call."""
    cache = {} if cache is None else cache
    with i18n.using(settings.lang):
        frame = answers_frame(snapshot.responses, settings.salt)
        out = {"status": status_html(snapshot, settings, frame["student"].nunique())}
        parts = {kind: frame[frame["kind"] == kind] for kind in set(SECTION_KINDS.values())}
        prints = {kind: hash(tuple(zip(part["activity"], part["student"],
                                       part["recorded_at"], part["lesson"], strict=True)))
                  for kind, part in parts.items()}
        for name, build in SECTION_BUILDERS.items():
            kind = SECTION_KINDS[name]
            if name not in cache or cache[name][0] != prints[kind]:
                cache[name] = (prints[kind], build(parts[kind]))
            out[name] = cache[name][1]
    return out


# --- the page (ipywidgets) and its refresh loop ---------------------------------------------


STYLE = """<style>
.artethics-present, .artethics-present .widget-html-content { font-size: 20px;
  line-height: 1.4; }
.artethics-present { max-width: 1800px; }
.artethics-present h1 { font-size: 2em; margin: 0.2em 0; }
.artethics-present h2 { font-size: 1.4em; margin: 1em 0 0.3em; }
.artethics-present-warning { background: #fff3cd; border-left: 6px solid #b26b00;
  padding: 0.5em 0.8em; color: #000; }
.artethics-present-note, .artethics-present-empty { color: #333; }
</style>"""


class PresentView:
    """The page: a title and one HTML widget per section; :meth:`show` changes only the
    sections whose HTML changed, so the browser redraws only those."""

    def __init__(self, lang: str) -> None:
        import ipywidgets as widgets

        from artethics.text import escape_html

        with i18n.using(lang):
            title = _("Live class view")
        self.sections = {name: widgets.HTML() for name in SECTIONS}
        self.box = widgets.VBox([widgets.HTML(STYLE + f"<h1>{escape_html(title)}</h1>"),
                                 *self.sections.values()])
        self.box.add_class("artethics-present")
        self.task: asyncio.Task | None = None
        self.updates = 0

    def show(self, html: Mapping[str, str]) -> None:
        for name, text in html.items():
            if self.sections[name].value != text:
                self.sections[name].value = text
        self.updates += 1

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.box)


def _message(text: str) -> str:
    from artethics.text import escape_html

    return f'<p class="artethics-present-warning" role="alert">{escape_html(text)}</p>'


def _failure(error: BaseException, settings: Settings) -> dict[str, str]:
    with i18n.using(settings.lang):
        text = _("The view could not be brought up to date ({error}); it tries again in "
                 "{refresh} s and shows what it had.").format(
            error=f"{type(error).__name__}: {error}", refresh=f"{settings.refresh:g}")
    return {"status": _message(text)}


class Refresher:
    """One look at the folder and, when something changed, the new HTML."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.watcher = FolderWatcher(settings.folder)
        self.cache: dict[str, tuple[int, str]] = {}

    def step(self) -> dict[str, str] | None:
        try:
            snapshot = self.watcher.poll()
            return (class_view(snapshot, self.settings, self.cache) if snapshot.changed
                    else None)
        except Exception as error:  # shown on the page; the loop goes on
            return _failure(error, self.settings)


async def _refresh_loop(view: PresentView, refresher: Refresher) -> None:
    """Look every ``refresh`` seconds (counted from the start of each look, so a slow look
    does not add to the wait); the reading runs in a thread, so the kernel stays free."""
    loop = asyncio.get_running_loop()
    period = refresher.settings.refresh
    due = loop.time()
    while True:
        due = max(due + period, loop.time())  # after a look that overran: no burst
        await asyncio.sleep(due - loop.time())
        html = await loop.run_in_executor(None, refresher.step)
        if html:
            view.show(html)


def start(settings: Settings | None = None) -> PresentView:
    """The live view for ``course/present.ipynb``: shown at once, then refreshed every
    ``settings.refresh`` seconds by an asyncio task in the kernel."""
    if settings is None:
        try:
            settings = settings_from_env()
        except (ValueError, i18n.LanguageError) as error:  # e.g. run outside the command
            view = PresentView(i18n.get_language())
            view.show({"status": _message(str(error))})
            return view
    i18n.set_language(settings.lang)
    view = PresentView(settings.lang)
    refresher = Refresher(settings)
    view.show(refresher.step() or {})
    view.task = asyncio.get_running_loop().create_task(_refresh_loop(view, refresher))
    return view


# --- the command -----------------------------------------------------------------------------


HELP = """\
Serve a read-only live view of the class folder for a projector, with Voilà, on
127.0.0.1 only and with a secret token in the address it prints (without the token
the page is refused): positions before and after each case, the shift, the newest
reasons students gave, lens and principle weights. It refreshes every few seconds
without reloading the page, shows pseudonyms unless --names is given, shows no code,
and never writes to the class folder. Stop it with Ctrl+C."""
EXAMPLES = """\
examples:
  artethics present --class-folder /srv/class
  artethics present --class-folder /srv/class --lang zh-Hant --refresh 5
  make present CLASS=/srv/class LANG=zh-Hans

Pseudonyms are made with ARTETHICS_SALT when it is set (as in the dashboard),
otherwise with a secret for this session only."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = HELP
    parser.epilog = EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--class-folder", metavar="DIR", default=None,
                        help="the shared class folder students record into (default: "
                             "$ARTETHICS_CLASS_DIR)")
    parser.add_argument("--lang", default="en", help="language of the view: en, zh-Hant or "
                                                     "zh-Hans (default: en)")
    parser.add_argument("--port", type=int, default=None,
                        help=f"port on 127.0.0.1 (default: {DEFAULT_PORT}, or the next free one)")
    parser.add_argument("--names", action="store_true",
                        help="show students' names instead of pseudonyms (private screens only)")
    parser.add_argument("--refresh", default=DEFAULT_REFRESH, metavar="SECONDS",
                        help=f"seconds between looks at the class folder (default: "
                             f"{DEFAULT_REFRESH:g})")


def _free_port(first: int) -> int:
    for port in range(first, first + 50):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise ValueError(f"no free port from {first} to {first + 49}; pass --port N")


def _port(requested: int | None) -> int:
    if requested is None:
        return _free_port(DEFAULT_PORT)
    if not 1 <= requested <= 65535:
        raise ValueError(f"--port {requested} is not a port number (1 to 65535)")
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", requested))
        except OSError as exc:
            raise ValueError(f"port {requested} on 127.0.0.1 is in use ({exc.strerror}); "
                             "pass another --port, or leave it out to take a free one") from exc
    return requested


def notebook_path() -> Path:
    return paths.root() / "course" / "present.ipynb"


def _options(args: argparse.Namespace) -> tuple[Path, str, float, int]:
    folder = args.class_folder or os.environ.get("ARTETHICS_CLASS_DIR", "")
    if not folder:
        raise ValueError("no class folder: pass --class-folder DIR (the shared folder students "
                         "record into) or set ARTETHICS_CLASS_DIR.")
    lang = i18n.normalise(args.lang)
    return Path(folder).expanduser().resolve(), lang, check_refresh(args.refresh), \
        _port(args.port)


def _salt(names: bool) -> tuple[str | None, str]:
    if names:
        return None, "showing students' names (--names): use this on a private screen only."
    salt = os.environ.get("ARTETHICS_SALT", "")
    if salt:
        return salt, "showing pseudonyms made with ARTETHICS_SALT (as in the dashboard)."
    return secrets.token_hex(16), ("showing pseudonyms for this session only (ARTETHICS_SALT "
                                   "is not set, so they differ from the dashboard's).")


def _terminal(snapshot: Snapshot, reported: set, root: Path, out=None) -> None:
    """Print what changed in the folder's state and problems, once each."""
    out = out or sys.stderr
    key = ("state", snapshot.state)
    if key not in reported:
        reported.difference_update({k for k in reported if k[0] == "state"})
        reported.add(key)
        message = {MISSING: f"the class folder {root} does not exist or is not a folder; "
                            "waiting for it.",
                   EMPTY: f"the class folder {root} holds no answers yet.",
                   GONE: f"the class folder {root} has disappeared; the page keeps the "
                         f"{len(snapshot.responses)} answers read so far and waits for it.",
                   OK: f"reading {root}: {len(snapshot.responses)} answers."}[snapshot.state]
        print(f"artethics present: {message}", file=out, flush=True)
    for problem in snapshot.problems:
        if ("problem", problem) not in reported:
            reported.add(("problem", problem))
            print(f"artethics present: skipped {problem.path}: {problem.reason}", file=out,
                  flush=True)


def _monitor(root: Path, refresh: float, stop: threading.Event) -> None:
    """The terminal's copy of what the page says about the folder (its own reader)."""
    watcher, reported = FolderWatcher(root), set[tuple]()
    while not stop.is_set():
        try:
            _terminal(watcher.poll(), reported, root)
        except Exception as error:  # never stop the server over a report
            print(f"artethics present: cannot read {root}: {error}", file=sys.stderr)
        stop.wait(refresh)


def voila_config(notebook: Path, port: int, token: str):
    """Voilà's settings: this one notebook, on 127.0.0.1, with a token; no source, no
    tracebacks, no files, no template or theme chosen by the viewer."""
    from traitlets.config import Config

    c = Config()
    c.Voila.ip = "127.0.0.1"
    c.Voila.port = port
    c.Voila.port_retries = 0
    c.Voila.open_browser = False
    c.Voila.token = token
    c.Voila.root_dir = str(notebook.parent)
    c.VoilaConfiguration.strip_sources = True
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaConfiguration.file_allowlist = []  # /voila/files serves nothing
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    # The page may load only from this server: Voilà's template asks a CDN for icon fonts
    # the view does not use, which an offline projector cannot reach and a class need not
    # tell anyone. No other site may frame the page either.
    c.Voila.tornado_settings = {"headers": {"Content-Security-Policy": CSP}}
    return c


CSP = ("default-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self' 'unsafe-inline' 'unsafe-eval'; connect-src 'self'; "
       "frame-ancestors 'none'")


def main(args: argparse.Namespace) -> int:
    try:
        root, lang, refresh, port = _options(args)
    except (ValueError, i18n.LanguageError) as error:
        print(f"artethics present: {error}", file=sys.stderr)
        return 2
    try:
        from voila.app import Voila
    except ImportError:
        print("artethics present: Voilà is not installed. Run `make present`, or "
              "`.venv/bin/pip install -e '.[present]'`.", file=sys.stderr)
        return 2
    salt, who = _salt(args.names)
    token = secrets.token_urlsafe(24)
    os.environ.update({ENV_FOLDER: str(root), ENV_REFRESH: f"{refresh:g}", "ARTETHICS_LANG": lang,
                       ENV_NAMES: "1" if salt is None else "0"})
    os.environ.pop(ENV_SALT, None)
    if salt:
        os.environ[ENV_SALT] = salt

    def announce() -> None:
        # Run by the event loop once it starts, which Voilà does right after it listens:
        # the address is printed when it can be opened, never before.
        print(f"artethics present: {who}\nartethics present: open this address on the "
              f"projector (it holds the secret token; do not share it):\n\n    "
              f"http://127.0.0.1:{port}/?token={token}\n", flush=True)

    stop = threading.Event()
    threading.Thread(target=_monitor, args=(root, refresh, stop), daemon=True).start()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop kernels on TERM too
    app = Voila(config=voila_config(notebook_path(), port, token))
    app.initialize([str(notebook_path()), "--no-browser"])
    from tornado.ioloop import IOLoop

    IOLoop.current().add_callback(announce)
    try:
        app.start()
    finally:
        stop.set()
    return 0
