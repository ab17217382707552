"""The course in three languages from one English source (issue 15).

English is written once: the solution notebooks in ``course/solutions/``, the guides in
``course/guide/``, the dashboard, the package's messages and ``data/``. What a
translator edits is a gettext catalogue per language and text; this module

- **extracts** the English into templates (``.pot``) and merges them into each
  language's catalogue (``.po``): a new text comes in empty, a text whose English changed
  keeps its old translation marked *fuzzy* (with the previous English beside it) until
  a translator reviews it, a text that is gone is kept as obsolete (``#~``);
- **builds** the translated notebooks and guides from the English and the catalogues:
  ``course/solutions/<lang>/`` (then ``notebooks/<lang>/`` through the student copies),
  ``course/<lang>/dashboard.ipynb`` and ``course/guide/<lang>/``.

A lesson is cut into paragraphs (blocks between blank lines) of its Markdown cells, and
the prose string literals and comments of its code cells; each has the context
``<cell id>:<n>`` (``<cell id>:code:<n>``), so the translated notebook keeps every cell,
id and piece of code of the English one. Names, ids and code are left as they are.

``artethics translate`` does both steps; ``--check`` writes nothing and fails when a
built file is stale or a catalogue is incomplete.
"""

from __future__ import annotations

import argparse
import ast
import copy
import io
import re
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from artethics import i18n, paths
from artethics.tools import nbform

TRANSLATED = tuple(lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT)
PACKAGE = Path(__file__).resolve().parents[1]
SETUP_CALL = re.compile(r"""(set_language\()(["'])en\2(\))""")
FENCE = re.compile(r"^\s*(```|~~~)")
WORD = re.compile(r"[A-Za-z]{2,}")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SKIP_COMMENT = re.compile(r"^#+\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS)|^#\s*noqa|^#\s*type:")


@dataclass(frozen=True)
class Message:
    """One text to translate: its English, where it is (``context``) and a note."""

    context: str
    msgid: str
    comment: str = ""
    plural: str = ""
    occurrences: tuple[tuple[str, int], ...] = field(default=(), compare=False)


# --- Markdown --------------------------------------------------------------------------


def _fences(text: str) -> int:
    return sum(1 for line in text.split("\n") if FENCE.match(line))


def markdown_blocks(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into blocks and the blank lines between them, in order; each with
    whether it is prose to translate. Joining the first items gives ``text`` back.
    A fenced code block is one block and is never translated."""
    parts = re.split(r"(\n[ \t]*\n\s*)", text)
    out: list[tuple[str, bool]] = []
    fenced: str | None = None
    for i, part in enumerate(parts):
        if fenced is not None:
            fenced += part
            if i % 2 == 0 and _fences(part) % 2 == 1:
                out.append((fenced, False))
                fenced = None
        elif i % 2 == 1:
            out.append((part, False))
        elif _fences(part) % 2 == 1:
            fenced = part
        else:
            prose = bool(WORD.search(part)) and not FENCE.match(part)
            out.append((part, prose))
    if fenced is not None:
        out.append((fenced, False))
    return out


def extract_markdown(text: str, context: str) -> list[Message]:
    return [Message(f"{context}:{n}", block)
            for n, block in enumerate(b for b, prose in markdown_blocks(text) if prose)]


def translate_markdown(text: str, context: str, lookup: dict, missing: list) -> str:
    out, n = [], 0
    for block, prose in markdown_blocks(text):
        if prose:
            out.append(_look(lookup, f"{context}:{n}", block, missing))
            n += 1
        else:
            out.append(block)
    return "".join(out)


def _look(lookup: dict, context: str, msgid: str, missing: list) -> str:
    found = lookup.get((context, msgid))
    if not found:
        missing.append((context, msgid))
        return msgid
    return found


# --- code cells ------------------------------------------------------------------------


@dataclass
class Segment:
    """Prose in a code cell: a string literal (adjacent literals that Python joins count
    as one) or a comment, with where it sits in the source."""

    kind: str  # "string" or "comment"
    start: int  # offsets in the source
    end: int
    text: str  # the English a translator sees
    tokens: list[str]
    indent: str = ""
    lead: str = ""  # the whitespace around the text, kept out of the translator's way
    trail: str = ""


def _offsets(source: str) -> list[int]:
    starts, total = [0], 0
    for line in source.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def _literal_text(token: str) -> tuple[str, str, str] | None:
    """(prefix, quote, body) of a string literal token, or None for bytes."""
    match = re.match(r"(?i)^([rfu]*)('''|\"\"\"|'|\")", token)
    if not match or "b" in match.group(1).lower():
        return None
    prefix, quote = match.group(1), match.group(2)
    return prefix, quote, token[len(prefix) + len(quote):-len(quote)]


def _body_value(prefix: str, body: str) -> str:
    """What a literal's body says (escapes read), keeping ``{fields}`` of an f-string."""
    if "r" in prefix.lower():
        return body
    if "f" in prefix.lower():
        # Read the escapes of the constant parts only; the fields stay as written.
        parts = re.split(r"(\{[^{}]*\})", body)
        return "".join(p if p.startswith("{") and p.endswith("}") else _unescape(p) for p in parts)
    return _unescape(body)


def _unescape(body: str) -> str:
    try:
        return ast.literal_eval('"""' + body.replace('"""', '\\"\\"\\"') + '"""')
    except (SyntaxError, ValueError):
        return body


def is_prose(text: str) -> bool:
    """A text a reader reads: two words or more with a space, not an identifier,
    a path, a pandas query or a format string."""
    words = WORD.findall(text)
    if len(words) < 2 or " " not in text.strip():
        return False
    return not re.search(r"==|!=|\bcase_id\b\s*[<>=]|^\s*[\w.]+\s*\(", text)


def code_segments(source: str) -> list[Segment]:
    """The prose segments of a code cell, in order."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []
    starts = _offsets(source)
    segments: list[Segment] = []
    group: list[tokenize.TokenInfo] = []

    def close() -> None:
        if not group:
            return
        parsed = [_literal_text(t.string) for t in group]
        if all(parsed):
            whole = "".join(_body_value(p[0], p[2]) for p in parsed if p)
            text = whole.strip()
            lead = whole[:len(whole) - len(whole.lstrip())]
            trail = whole[len(whole.rstrip()):]
            if is_prose(text):
                first, last = group[0], group[-1]
                line = source.splitlines()[first.start[0] - 1] if group else ""
                indent = " " * (len(line) - len(line.lstrip())) if len(group) > 1 else ""
                if len(group) > 1:
                    indent = " " * first.start[1]
                segments.append(Segment(
                    "string", starts[first.start[0] - 1] + first.start[1],
                    starts[last.end[0] - 1] + last.end[1], text,
                    [t.string for t in group], indent, lead, trail))
        group.clear()

    for tok in tokens:
        if tok.type == tokenize.STRING:
            group.append(tok)
        elif tok.type in (tokenize.NL, tokenize.COMMENT) and group:
            if tok.type == tokenize.COMMENT:
                close()
                _comment(tok, starts, segments)
        else:
            close()
            if tok.type == tokenize.COMMENT:
                _comment(tok, starts, segments)
    close()
    return segments


def _comment(tok: tokenize.TokenInfo, starts: list[int], segments: list[Segment]) -> None:
    text = tok.string.lstrip("#").strip()
    if SKIP_COMMENT.match(tok.string) or not is_prose(text):
        return
    begin = starts[tok.start[0] - 1] + tok.start[1]
    segments.append(Segment("comment", begin, begin + len(tok.string), text, [tok.string]))


def extract_code(source: str, context: str) -> list[Message]:
    return [Message(f"{context}:code:{n}", seg.text, comment="a comment in the code"
                    if seg.kind == "comment" else "a text in the code: keep every {field}")
            for n, seg in enumerate(code_segments(source))]


def _literal(prefix: str, quote: str, text: str) -> str:
    if len(quote) == 3:
        body = text.replace("\\", "\\\\") if "r" not in prefix.lower() else text
        body = body.replace(quote, "\\" + quote[0] * 3) if quote in body else body
    else:
        body = text if "r" in prefix.lower() else (
            text.replace("\\", "\\\\").replace("\n", "\\n"))
        body = body.replace(quote, "\\" + quote)
    if "f" not in prefix.lower():
        return prefix + quote + body + quote
    return prefix + quote + body + quote


CJK_BREAKS = "，。；：、！？）」』”"


def _chunks(text: str, pieces: int) -> list[str]:
    """``text`` cut into ``pieces`` parts of similar length: after a space or Chinese
    punctuation where there is one near, never inside a word, an id or an f-string field."""
    if pieces <= 1 or len(text) < pieces * 4:
        return [text]
    size = -(-len(text) // pieces)
    out: list[str] = []
    rest = text

    def allowed(s: str, i: int) -> bool:
        inside_word = re.match(r"[\w.-]{2}", s[i - 1:i + 1] or "") and s[i - 1].isascii() \
            and s[i].isascii()
        return (not inside_word and s[i] not in CJK_BREAKS
                and s[:i].count("{") <= s[:i].count("}"))

    while rest and len(out) < pieces - 1 and len(rest) > size:
        span = range(max(1, size // 2), min(len(rest) - 1, size + size // 4) + 1)
        breaks = [i for i in span if (rest[i - 1] == " " or rest[i - 1] in CJK_BREAKS)
                  and allowed(rest, i)]
        others = [i for i in span if allowed(rest, i)]
        choice = breaks or others or [i for i in range(1, len(rest)) if allowed(rest, i)]
        if not choice:
            break
        cut = min(choice, key=lambda i: abs(i - size))
        out.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        out.append(rest)
    return out


def translate_code(source: str, context: str, lookup: dict, missing: list) -> str:
    out, last = [], 0
    for n, seg in enumerate(code_segments(source)):
        text = _look(lookup, f"{context}:code:{n}", seg.text, missing)
        out.append(source[last:seg.start])
        if text == seg.text:  # untranslated: the English exactly as written
            out.append(source[seg.start:seg.end])
        elif seg.kind == "comment":
            out.append("# " + text)
        else:
            parsed = [_literal_text(t) for t in seg.tokens]
            prefix, quote, _ = parsed[0]  # type: ignore[misc]
            text = seg.lead + text + seg.trail
            pieces = _chunks(text, len(seg.tokens)) if len(quote) == 1 else [text]
            joiner = "\n" + seg.indent
            out.append(joiner.join(_literal(prefix, quote, piece) for piece in pieces))
        last = seg.end
    out.append(source[last:])
    return "".join(out)


# --- notebooks -------------------------------------------------------------------------


def extract_notebook(nb: nbform.Notebook) -> list[Message]:
    messages: list[Message] = []
    for cell in nb.cells:
        text = nbform.source(cell)
        if cell.cell_type == "markdown":
            messages += extract_markdown(text, cell.id)
        elif cell.cell_type == "code":
            messages += extract_code(text, cell.id)
    return messages


def translate_notebook(nb: nbform.Notebook, lang: str, lookup: dict,
                       missing: list | None = None) -> nbform.Notebook:
    """The notebook in ``lang``: same cells, ids, metadata and code; its prose from
    ``lookup`` (English where a translation is missing, listed in ``missing``)."""
    missing = [] if missing is None else missing
    out = copy.deepcopy(nb)
    out.metadata.setdefault("artethics", {})["lang"] = lang
    for cell in out.cells:
        text = nbform.source(cell)
        if cell.cell_type == "markdown":
            cell.source = translate_markdown(text, cell.id, lookup, missing)
        elif cell.cell_type == "code":
            cell.source = SETUP_CALL.sub(lambda m: f"{m.group(1)}{m.group(2)}{lang}"
                                         f"{m.group(2)}{m.group(3)}",
                                         translate_code(text, cell.id, lookup, missing))
    return out


def keep_outputs(built: nbform.Notebook, stored: nbform.Notebook | None) -> nbform.Notebook:
    """``built`` with the outputs of ``stored`` wherever a cell's source is unchanged (the
    translated solutions keep their executed outputs; ``artethics refresh`` redoes the rest)."""
    if stored is None:
        return built
    old = {cell.id: cell for cell in stored.cells if cell.cell_type == "code"}
    for cell in built.cells:
        if cell.cell_type != "code":
            continue
        before = old.get(cell.id)
        if before is not None and nbform.source(before) == nbform.source(cell):
            cell.outputs = copy.deepcopy(before.get("outputs", []))
            cell.execution_count = before.get("execution_count")
        else:
            cell.outputs, cell.execution_count = [], None
    return built


# --- the package's messages ------------------------------------------------------------

MARKERS = {"_": 1, "gettext": 1, "N_": 1, "pgettext": 2, "ngettext": 2}


def package_area(path: Path) -> str:
    """Which catalogue a module's messages go to, so each area of the package keeps its
    own file: a subpackage's name (``widgets``, ``exercises``), a top-level module's name
    (``plotting``), and for the tooling the tool (``check``, ``dashboard``, ``feedback``)."""
    rel = path.relative_to(PACKAGE)
    if rel.parts[0] == "tools" and len(rel.parts) > 1:
        return Path(rel.parts[1]).stem
    return rel.parts[0] if len(rel.parts) > 1 else path.stem


def extract_python(path: Path) -> list[Message]:
    """Every message marked in one module: ``_("…")``, ``gettext``, ``N_``,
    ``pgettext("ctx", "…")`` and ``ngettext("one", "many", n)``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Message] = []
    where = str(path.relative_to(PACKAGE.parent))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else None)
        if name not in MARKERS or len(node.args) < MARKERS[name]:
            continue
        args = node.args
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                   for a in args[:MARKERS[name]]):
            continue
        values = [a.value for a in args[:MARKERS[name]]]  # type: ignore[attr-defined]
        occurrence = ((where, node.lineno),)
        if name == "pgettext":
            found.append(Message(values[0], values[1], occurrences=occurrence))
        elif name == "ngettext":
            found.append(Message("", values[0], plural=values[1], occurrences=occurrence))
        else:
            found.append(Message("", values[0], occurrences=occurrence))
    return sorted(found, key=lambda m: m.occurrences[0][1])


def extract_package() -> dict[str, list[Message]]:
    areas: dict[str, list[Message]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "i18n.py":
            continue
        for message in extract_python(path):
            areas.setdefault(package_area(path), []).append(message)
    return {area: _merged(msgs) for area, msgs in sorted(areas.items())}


def _merged(messages: list[Message]) -> list[Message]:
    """One message per (context, English), with every place it occurs."""
    seen: dict[tuple[str, str], Message] = {}
    for m in messages:
        key = (m.context, m.msgid)
        if key in seen:
            old = seen[key]
            seen[key] = Message(old.context, old.msgid, old.comment, old.plural or m.plural,
                                old.occurrences + m.occurrences)
        else:
            seen[key] = m
    return list(seen.values())


# --- catalogues ------------------------------------------------------------------------


def _header(po, lang: str | None, title: str) -> None:
    po.metadata = {
        "Project-Id-Version": "artethics",
        "Language": (lang or "").replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;" if lang else "nplurals=2; plural=(n != 1);",
    }
    po.header = f"{title}\nEnglish source: the artethics teaching kit. Edit with any PO editor."


def _entry(message: Message, lang: str | None):
    import polib

    entry = polib.POEntry(msgctxt=message.context or None, msgid=message.msgid,
                          msgstr="", comment=message.comment or "",
                          occurrences=[(f, str(n)) for f, n in message.occurrences])
    if message.plural:
        entry.msgid_plural = message.plural
        entry.msgstr_plural = {0: ""} if lang else {0: "", 1: ""}
    return entry


def template_text(messages: list[Message], title: str) -> str:
    import polib

    po = polib.POFile(wrapwidth=0)
    _header(po, None, title)
    for message in messages:
        po.append(_entry(message, None))
    return str(po) + "\n"


def updated_catalogue(path: Path, messages: list[Message], lang: str, title: str) -> str:
    """The catalogue at ``path`` (empty when new) brought up to ``messages``: translations
    kept; an entry whose English changed under the same context marked fuzzy, with the
    previous English; entries no longer used kept as obsolete."""
    import polib

    old = polib.pofile(str(path), encoding="utf-8", wrapwidth=0) if path.exists() else None
    po = polib.POFile(wrapwidth=0)
    _header(po, lang, title)
    by_key = {}
    by_context: dict[str, list] = {}
    if old is not None:
        for entry in old:
            if entry.obsolete:
                continue
            by_key[(entry.msgctxt or "", entry.msgid)] = entry
            by_context.setdefault(entry.msgctxt or "", []).append(entry)
    used = set()
    for message in messages:
        entry = _entry(message, lang)
        before = by_key.get((message.context, message.msgid))
        if before is None and message.context and len(by_context.get(message.context, [])) == 1:
            before = by_context[message.context][0]
            if before.msgstr or any(before.msgstr_plural.values()):
                entry.flags = ["fuzzy"]
                entry.previous_msgid = before.msgid
        if before is not None:
            used.add(id(before))
            entry.msgstr = before.msgstr
            if message.plural and before.msgstr_plural:
                entry.msgstr_plural = {0: before.msgstr_plural.get(0, "")}
            entry.tcomment = before.tcomment
            if "fuzzy" in before.flags and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
                entry.previous_msgid = before.previous_msgid
        po.append(entry)
    if old is not None:
        for entry in old:
            if id(entry) not in used and (entry.msgstr or entry.obsolete) and not any(
                    (m.context, m.msgid) == (entry.msgctxt or "", entry.msgid) for m in messages):
                entry.obsolete = True
                po.append(entry)
    return str(po) + "\n"


@dataclass
class Completeness:
    """What a catalogue still lacks."""

    missing: list[tuple[str, str]] = field(default_factory=list)
    fuzzy: list[tuple[str, str]] = field(default_factory=list)
    bad_fields: list[tuple[str, str]] = field(default_factory=list)


def completeness(path: Path, messages: list[Message]) -> Completeness:
    """Which of ``messages`` the catalogue at ``path`` does not translate, translates
    only fuzzily, or translates with other ``{fields}`` than the English."""
    import polib

    result = Completeness()
    entries = {}
    if path.exists():
        for entry in polib.pofile(str(path), encoding="utf-8"):
            if not entry.obsolete:
                entries[(entry.msgctxt or "", entry.msgid)] = entry
    for m in messages:
        entry = entries.get((m.context, m.msgid))
        texts = ([entry.msgstr] if not m.plural else list(entry.msgstr_plural.values())
                 ) if entry else []
        if not entry or not all(texts):
            result.missing.append((m.context, m.msgid))
        elif "fuzzy" in entry.flags:
            result.fuzzy.append((m.context, m.msgid))
        elif any(sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(m.msgid))
                 for t in texts) and not m.plural:
            result.bad_fields.append((m.context, m.msgid))
    return result


# --- what is translated, and where it goes ---------------------------------------------


def course_i18n() -> Path:
    return paths.root() / "course" / "i18n"


def guide_docs() -> dict[str, Path]:
    """The student-facing guides that exist in every language."""
    guide = paths.root() / "course" / "guide"
    return {name: guide / f"{name}.md" for name in ("quick-start", "role-cards", "rubrics")}


def dashboard_path() -> Path:
    return paths.root() / "course" / "dashboard.ipynb"


def units() -> dict[str, tuple[Path, list[Message]]]:
    """Every course text with its English source and messages, by catalogue name:
    each lesson (by its id), ``dashboard``, and the guides."""
    from artethics.tools.student import solution_paths

    out: dict[str, tuple[Path, list[Message]]] = {}
    for path in solution_paths():
        out[path.stem] = (path, extract_notebook(nbform.read(path)))
    out["dashboard"] = (dashboard_path(), extract_notebook(nbform.read(dashboard_path())))
    for name, path in guide_docs().items():
        out[name] = (path, extract_markdown(path.read_text(encoding="utf-8"), name))
    return out


def catalogue_path(unit: str, lang: str) -> Path:
    return course_i18n() / lang / f"{unit}.po"


def template_path(unit: str) -> Path:
    return course_i18n() / "templates" / f"{unit}.pot"


def translated_path(source: Path, lang: str) -> Path:
    """Where the ``lang`` version of an English file goes: a folder named after the
    language beside it (``course/solutions/zh-Hant/03_lofter.ipynb``)."""
    return source.parent / lang / source.name


def data_messages() -> list[Message]:
    from artethics import data

    entries = getattr(data, "translatable_entries", None)
    if entries is None:
        return []
    return [Message(ctx, text) for ctx, text in entries()]


def data_catalogue(lang: str) -> Path:
    return paths.root() / "data" / "i18n" / f"{lang}.po"


def _chosen(name: str, names: list[str] | None) -> bool:
    return not names or name in names


def planned_catalogues(names: list[str] | None = None) -> dict[Path, str]:
    """Every template and catalogue ``artethics translate --catalogues`` writes (only
    those of the named units or areas, when ``names`` is given)."""
    out: dict[Path, str] = {}
    for unit, (_, messages) in units().items():
        if not _chosen(unit, names):
            continue
        out[template_path(unit)] = template_text(messages, f"Course text: {unit}")
        for lang in TRANSLATED:
            out[catalogue_path(unit, lang)] = updated_catalogue(
                catalogue_path(unit, lang), messages, lang, f"Course text: {unit}")
    for area, messages in extract_package().items():
        if not _chosen(area, names):
            continue
        title = f"The kit's messages: {area}"
        out[i18n.LOCALE_DIR / f"{area}.pot"] = template_text(messages, title)
        for lang in TRANSLATED:
            path = i18n.LOCALE_DIR / lang / f"{area}.po"
            out[path] = updated_catalogue(path, messages, lang, title)
    messages = data_messages() if _chosen("data", names) else []
    if messages:
        out[paths.root() / "data" / "i18n" / "data.pot"] = template_text(messages, "data/")
        for lang in TRANSLATED:
            out[data_catalogue(lang)] = updated_catalogue(
                data_catalogue(lang), messages, lang, "The texts of data/")
    return out


def _lookup(path: Path) -> dict:
    return i18n.read_po(path) if path.exists() else {}


def planned_builds(missing: dict[Path, list] | None = None,
                   names: list[str] | None = None) -> dict[Path, str]:
    """Every translated notebook and guide ``artethics translate`` writes (the student
    copies follow from the translated solutions through ``artethics student``)."""
    missing = {} if missing is None else missing
    out: dict[Path, str] = {}
    for unit, (source, _) in units().items():
        if not _chosen(unit, names):
            continue
        for lang in TRANSLATED:
            lookup = _lookup(catalogue_path(unit, lang))
            target = translated_path(source, lang)
            gaps: list = []
            if source.suffix == ".ipynb":
                built = translate_notebook(nbform.read(source), lang, lookup, gaps)
                stored = nbform.read(target) if target.exists() else None
                built = keep_outputs(built, stored)
                out[target] = nbform.dumps(nbform.normalise(built))
            else:
                out[target] = translate_markdown(source.read_text(encoding="utf-8"), unit,
                                                 lookup, gaps)
            if gaps:
                missing[target] = gaps
    return out


# --- the command -------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*",
                        help="only these lessons (03_lofter), guides (quick-start, role-cards), "
                             "dashboard, package areas (widgets, exercises, ...) or data "
                             "(default: everything)")
    parser.add_argument("--catalogues", action="store_true",
                        help="only bring the templates (.pot) and catalogues (.po) up to date "
                             "with the English; build nothing")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a catalogue or a translated file is "
                             "stale or a translation is missing or fuzzy")
    parser.add_argument("--status", action="store_true",
                        help="print how complete each catalogue is, and exit")


def _shown(path: Path) -> str:
    return str(path.relative_to(paths.root())) if path.is_relative_to(paths.root()) else str(path)


def status_lines() -> list[str]:
    lines = []
    sets = [(catalogue_path(u, lang), msgs) for u, (_, msgs) in units().items()
            for lang in TRANSLATED]
    sets += [(i18n.LOCALE_DIR / lang / f"{area}.po", msgs)
             for area, msgs in extract_package().items() for lang in TRANSLATED]
    if data_messages():
        sets += [(data_catalogue(lang), data_messages()) for lang in TRANSLATED]
    for path, messages in sets:
        found = completeness(path, messages)
        done = len(messages) - len(found.missing) - len(found.fuzzy)
        lines.append(f"{_shown(path):60} {done:5}/{len(messages):<5} translated"
                     + (f", {len(found.fuzzy)} fuzzy" if found.fuzzy else "")
                     + (f", {len(found.bad_fields)} with wrong {{fields}}"
                        if found.bad_fields else ""))
    return lines


def main(args: argparse.Namespace) -> int:
    if args.status:
        print("\n".join(status_lines()))
        return 0
    names = getattr(args, "names", None) or None
    catalogues = planned_catalogues(names)
    stale = [p for p, text in catalogues.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    if not args.check:
        _write({p: catalogues[p] for p in stale})
        for path in stale:
            print(f"wrote {_shown(path)}")
    if args.catalogues:
        return 0
    missing: dict[Path, list] = {}
    builds = planned_builds(missing, names)
    built_stale = [p for p, text in builds.items()
                   if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale + built_stale:
            print(f"stale: {_shown(path)} (run `artethics translate`)")
        for path, gaps in sorted(missing.items()):
            print(f"untranslated: {len(gaps)} text(s) in {_shown(path)}, "
                  f"e.g. {gaps[0][1][:60]!r} (fill in the catalogue, then `artethics translate`)")
        return 1 if stale or built_stale or missing else 0
    _write({p: builds[p] for p in built_stale})
    for path in built_stale:
        print(f"wrote {_shown(path)}")
    for path, gaps in sorted(missing.items()):
        print(f"note: {len(gaps)} text(s) of {_shown(path)} have no translation yet and stay "
              "in English", file=sys.stderr)
    if not stale and not built_stale:
        print("translations are up to date")
    return 0


def _write(planned: dict[Path, str]) -> None:
    for path, text in planned.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
