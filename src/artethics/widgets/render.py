"""HTML for the live views, built from the models (pure functions, no ipywidgets).

The live verdict is HTML with inline CSS bars, not a matplotlib figure, so a
slider change redraws in a few milliseconds. Meaning never rests on colour
alone: every bar also carries a sign (+/-), a word (for/against) and, for
"against", a striped pattern.
"""

from __future__ import annotations

from ._common import (
    LENS_WORDS,
    NO_MATHS,
    REASON_FROM,
    column_meaning,
    column_words,
    escape,
    principle_words,
    signed,
)
from .balance import MAX_WEIGHT, BalanceModel, Share, short_label
from .lens import DISCLAIMER, JURISDICTIONS, LensModel, question_for
from .matrix import RATING_WORDS, MatrixModel
from .poll import Answer, PollModel

# Okabe-Ito: blue for "for", vermillion for "against" (same as artethics.plotting).
FOR_COLOUR = "#0072B2"
AGAINST_COLOUR = "#D55E00"
AGAINST_PATTERN = (f"repeating-linear-gradient(45deg, {AGAINST_COLOUR} 0 4px, "
                   f"#ffffff 4px 6px)")
BOX = "font-family: sans-serif; font-size: 14px; line-height: 1.4; color: #111;"
PANEL = (BOX + "border:1px solid #999;border-radius:4px;padding:8px 12px;margin:8px 0;"
         "background:#fafafa;")
CELL = "padding:3px 10px 3px 0;text-align:left;vertical-align:middle;"
HEAD = CELL + "border-bottom:1px solid #999;"
SMALL = "font-size:12px;color:#444;"
BAR_MAX = 120  # px for the largest bar of a table


def intro_html(title: str, text: str) -> str:
    """The widget's heading (e.g. the case question) and one line on what to do."""
    return (f"<div class='{NO_MATHS}' style='{BOX}'><strong style='font-size:15px'>"
            f"{escape(title)}</strong><br>{escape(text)}</div>")


def meta_html(argument) -> str:
    """The small line under an argument: its principle, its lens (when tagged) and whose
    view it is. No internal id: students know an argument by its label ('For 3')."""
    lens = f" · lens: {escape(LENS_WORDS[argument.lens])}" if argument.lens else ""
    return (f"<span style='{SMALL}'>principle: {escape(principle_words(argument.principle))}"
            f"{lens} · voice: {escape(argument.stakeholder)}</span>")


def _bar(weight: int, scale: int, against: bool) -> str:
    width = 0 if scale == 0 else round(BAR_MAX * weight / scale)
    fill = AGAINST_PATTERN if against else FOR_COLOUR
    return (f'<span style="display:inline-block;height:10px;width:{width}px;'
            f'background:{fill};border:{1 if width else 0}px solid #333;'
            f'vertical-align:middle;margin-left:6px" aria-hidden="true"></span>')


def _share_row(share: Share, scale: int, label: str) -> str:
    return (f"<tr><th scope='row' style='{CELL}font-weight:normal'>{escape(label)}</th>"
            f"<td style='{CELL}white-space:nowrap'>{signed(share.for_weight)}"
            f"{_bar(share.for_weight, scale, False)}</td>"
            f"<td style='{CELL}white-space:nowrap'>{signed(-share.against_weight)}"
            f"{_bar(share.against_weight, scale, True)}</td>"
            f"<td style='{CELL}'><strong>{signed(share.net)}</strong></td></tr>")


def _share_table(title: str, shares: list[Share], words=lambda name: name) -> str:
    if not shares:
        return f"<p style='margin:4px 0'>{escape(title)}: nothing weighed yet.</p>"
    scale = max(max(s.for_weight, s.against_weight) for s in shares)
    rows = "".join(_share_row(s, scale, words(s.name)) for s in shares)
    head = (f"<tr><th scope='col' style='{HEAD}'>{escape(title)}</th>"
            f"<th scope='col' style='{HEAD}'>weight for</th>"
            f"<th scope='col' style='{HEAD}'>weight against</th>"
            f"<th scope='col' style='{HEAD}'>net</th></tr>")
    return (f"<table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>")


def _gauge(score: float) -> str:
    """A -1..+1 track with a marker; the number and words carry the meaning."""
    left = round(50 + 50 * score)
    track = ("<div style='position:relative;width:280px;height:12px;border:1px solid #333;"
             "background:linear-gradient(90deg,#f4d4c0,#ffffff 50%,#c6dcef)' aria-hidden='true'>"
             "<span style='position:absolute;left:50%;top:0;width:1px;height:12px;"
             "background:#777'></span>"
             f"<span style='position:absolute;left:calc({left}% - 2px);top:-4px;width:4px;"
             "height:20px;background:#000'></span></div>")
    ends = ("<div style='width:282px;display:flex;justify-content:space-between;"
            f"{SMALL}' aria-hidden='true'><span>-1 all against</span><span>0</span>"
            "<span>all for +1</span></div>")
    return track + ends


def _points(number: int) -> str:
    """'1 point', '0 points', '6 points'."""
    return f"{number} point" if number == 1 else f"{number} points"


def _live(live: bool) -> str:
    return " role='status' aria-live='polite'" if live else ""


def balance_html(model: BalanceModel, live: bool = True) -> str:
    """The verdict panel: verdict, score, gauge, breakdowns and the student's reasons."""
    pro, con = model.totals()
    lenses = (_share_table("By lens", model.by_lens(), column_words)
              if model.has_lenses() else "")
    return (f"<div class='{NO_MATHS}' style='{PANEL}'{_live(live)}>"
            f"<div style='font-size:16px'><strong>Verdict: {escape(model.verdict())}</strong>"
            f"</div><div>Score {model.score():+.2f} (from -1, all your weight against, to "
            f"+1, all for). You gave {_points(pro)} of weight for and {con} against.</div>"
            f"{_gauge(model.score())}{reasons_html(model)}"
            f"{_share_table('By principle', model.by_principle(), principle_words)}"
            f"{lenses}{_share_table('By stakeholder', model.by_stakeholder())}</div>")


def reasons_html(model: BalanceModel) -> str:
    """The student's reasons for their heaviest weights, shown with the verdict."""
    asked = [a for a in model.arguments if model.asks_reason(a.argument_id)]
    if not asked:
        return ""
    items = "".join(
        f"<li><strong>{escape(short_label(a))}</strong> (weight "
        f"{model.weights[a.argument_id]}): "
        + (escape(model.reasons[a.argument_id]) if a.argument_id in model.reasons
           else "<em>no reason yet: write one line in the box under this argument</em>")
        + "</li>" for a in asked)
    return (f"<div style='margin-top:6px'><strong>Why these weigh {REASON_FROM} or "
            f"{MAX_WEIGHT} with you</strong><ul style='margin:2px 0'>{items}</ul></div>")


def balance_static_html(model: BalanceModel) -> str:
    """The whole balance as static HTML: every argument with its weight and reason,
    then the verdict. Shown where no live widget can be (handouts, viewers)."""
    head = (f"<tr><th scope='col' style='{HEAD}'>argument</th>"
            f"<th scope='col' style='{HEAD}'>what it says</th>"
            f"<th scope='col' style='{HEAD}'>weight (0-{MAX_WEIGHT})</th>"
            f"<th scope='col' style='{HEAD}'>your reason</th></tr>")
    rows = "".join(
        f"<tr><th scope='row' style='{CELL}vertical-align:top;white-space:nowrap'>"
        f"{escape(short_label(a))}</th><td style='{CELL}vertical-align:top'>"
        f"{escape(a.claim)}<br>{meta_html(a)}</td><td style='{CELL}vertical-align:top'>"
        f"{model.weights[a.argument_id]}</td><td style='{CELL}vertical-align:top'>"
        f"{escape(model.reasons.get(a.argument_id, ''))}</td></tr>"
        for a in _in_view_order(model))
    return _static(model.question, "Argument balance: how much each argument weighs with "
                   "the student (0 = ignore it, 5 = decisive).",
                   f"<table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>"
                   f"{balance_html(model, live=False)}")


def _in_view_order(model: BalanceModel) -> list:
    """As the live view lists them: the case's 'for', then 'against', then the student's."""
    return sorted(model.arguments, key=lambda a: (a.own, a.stance != "for"))


def _static(title: str, line: str, body: str) -> str:
    """A static rendering's frame (the same look as the live widget, no live regions)."""
    return (f"<div class='artethics-static {NO_MATHS}' style='{BOX}'>"
            f"{intro_html(title, line)}{body}</div>")


def matrix_header_html(principle: str | None) -> str:
    """A column heading of the matrix grid: the principle (or lens) and what it means."""
    if principle is None:
        return f"<div style='{BOX}'><strong>Stakeholder</strong></div>"
    meaning = column_meaning(principle)
    return (f"<div style='{BOX}line-height:1.2'><strong>{escape(column_words(principle))}"
            f"</strong><br><span style='{SMALL}'>{escape(meaning)}</span></div>")


def matrix_static_html(model: MatrixModel) -> str:
    """The whole matrix as static HTML: decision, every rated cell, what it adds up to."""
    head = f"<tr><th scope='col' style='{HEAD}'>Stakeholder</th>" + "".join(
        f"<th scope='col' style='{HEAD}'>{escape(column_words(c))}</th>"
        for c in model.principles) + "</tr>"
    rows = "".join(
        f"<tr><th scope='row' style='{CELL}font-weight:normal'>{escape(model.names[s])}</th>"
        + "".join(f"<td style='{CELL}'>{signed(cells[c])} {escape(RATING_WORDS[cells[c]])}"
                  "</td>" for c in model.principles) + "</tr>"
        for s, cells in model.ratings.items())
    decision = model.decision or "(no decision written yet)"
    return _static("Ethical matrix", f"Decision: {decision}",
                   f"<table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>"
                   f"{matrix_html(model, live=False)}")


def matrix_html(model: MatrixModel, live: bool = True) -> str:
    rows = "".join(
        f"<tr><th scope='row' style='{CELL}font-weight:normal'>{escape(r.name)}</th>"
        f"<td style='{CELL}'>{signed(r.total)}</td><td style='{CELL}'><strong>"
        f"{escape(r.outcome)}</strong></td></tr>"
        for r in model.rows())
    groups = "".join(f"<li>{escape(k.capitalize())}: {escape(', '.join(v) or 'nobody')}</li>"
                     for k, v in model.groups().items())
    cells = len(model.names) * len(model.principles)
    rated = sum(r.rated for r in model.rows())
    head = (f"<tr><th scope='col' style='{HEAD}'>Stakeholder</th>"
            f"<th scope='col' style='{HEAD}'>row total</th>"
            f"<th scope='col' style='{HEAD}'>outcome</th></tr>")
    return (f"<div class='{NO_MATHS}' style='{PANEL}'{_live(live)}>"
            f"<div style='font-size:16px'><strong>Whom the decision serves</strong></div>"
            f"<div>Cells rated: {model.coverage():.0%} ({rated} of {cells}). A row total above "
            f"0 means served, below 0 set back, 0 with ratings mixed, no ratings left out."
            f"</div><table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>"
            f"<ul style='margin:4px 0'>{groups}</ul></div>")


def before_answer_html(before: Answer | None) -> str:
    """What the 'after' poll compares with: the student's recorded 'before' answer."""
    if before is None:
        return text_html("No 'before' answer of yours was found yet.")
    return text_html(f"Your 'before' answer: {before.describe()}.")


def poll_static_html(model: PollModel) -> str:
    """The poll as static HTML: the question, the answer, the shift and the reason."""
    answer = model.answer.describe() if model.answer else "no answer recorded yet"
    lines = [f"Your answer: {answer}."]
    if model.when == "after":
        lines.append(f"Your 'before' answer: "
                     f"{model.before.describe() if model.before else 'none found'}.")
        if model.answer is not None:
            lines += [model.shift(), f"{model.prompt()} {model.reason or '(not answered)'}"]
    when = "Before the case" if model.when == "before" else "After the case"
    body = "".join(f"<p style='margin:4px 0'>{escape(line)}</p>" for line in lines)
    return _static(model.question, f"Position poll ({when.lower()}).", body)


def lens_static_html(model: LensModel) -> str:
    """The lens as static HTML: the rules for the chosen place and the student's answers."""
    answers = "".join(
        f"<p style='margin:4px 0'><strong>{escape(question_for(code))}</strong><br>"
        f"{escape(text)}</p>" for code, text in sorted(model.answers.items()))
    return _static("Jurisdiction lens", "What the rules of a place would change for this "
                   "case.", lens_html(model, live=False) + answers)


def lens_html(model: LensModel, live: bool = True) -> str:
    if model.jurisdiction is None:
        return (f"<div class='{NO_MATHS}' style='{BOX}'><p>No jurisdiction chosen yet: "
                f"choose one above.</p><p><em>{escape(DISCLAIMER)}</em></p></div>")
    place = JURISDICTIONS[model.jurisdiction]
    items = "".join(_finding_html(f) for f in model.findings())
    if not items:
        items = (f"<p>The kit links no rule of {escape(place)} to this case. That does not "
                 "mean no law applies; it means none is covered here.</p>")
    return (f"<div class='{NO_MATHS}' style='{BOX}'{_live(live)}>"
            f"<p><strong>Seen from {escape(place)}</strong></p>"
            f"<p><em>{escape(DISCLAIMER)}</em></p>{items}</div>")


def _finding_html(f) -> str:
    head = escape(f.instrument + (f", {f.article}" if f.article else ""))
    cite = f"<br><span style='{SMALL}'>{escape(f.citation())}</span>" if f.source_ids else ""
    since = (f"<span style='white-space:nowrap'>{escape(f.date_in_force)}</span>; "
             if f.date_in_force and not f.proposed else "")
    if f.proposed:
        since = "not in force (proposed); "
    reviewed = (f"; last reviewed <span style='white-space:nowrap'>"
                f"{escape(f.last_reviewed)}</span>" if f.last_reviewed else "")
    return (f"<div style='border-left:4px solid #555;padding-left:8px;margin:8px 0'>"
            f"<strong>{head}</strong> <span style='{SMALL}'>({since}status: "
            f"{escape(f.status)}{reviewed})</span><br>"
            f"<strong>Issue:</strong> {escape(f.issue)}<br>"
            f"<strong>Points to:</strong> {escape(f.points_to)}<br>"
            f"<strong>Certainty:</strong> {escape(f.certainty_words)}<br>"
            f"<strong>Why:</strong> {escape(f.why)}{cite}</div>")


def text_html(text: str) -> str:
    """Plain text (e.g. a poll shift or a status line) as escaped HTML."""
    lines = "<br>".join(escape(line) for line in text.splitlines())
    return f"<div class='{NO_MATHS}' style='{BOX}' role='status' aria-live='polite'>{lines}</div>"


STATIC = {"balance": balance_static_html, "poll": poll_static_html,
          "matrix": matrix_static_html, "lens": lens_static_html}


def static_html(kind: str, model) -> str:
    """The static rendering of one widget (see STATIC)."""
    return STATIC[kind](model)


def answer_lines(kind: str, model) -> list[str]:
    """The recorded answer in a few plain lines (for the output under the widget)."""
    return ANSWER_LINES[kind](model)


def _balance_lines(model: BalanceModel) -> list[str]:
    lines = [f"Verdict: {model.verdict()} (score {model.score():+.2f})."]
    for a in _in_view_order(model):
        weight = model.weights[a.argument_id]
        if weight:
            why = model.reasons.get(a.argument_id, "")
            reason = f" Your reason: {why}" if why else ""
            lines.append(f"{short_label(a)}: weight {weight}.{reason}")
    if len(lines) == 1:
        lines.append("No argument weighed yet.")
    return lines


def _poll_lines(model: PollModel) -> list[str]:
    lines = [f"Your answer: {model.answer.describe()}." if model.answer else
             "No answer yet."]
    if model.when == "after" and model.answer is not None:
        lines += [model.shift(), f"{model.prompt()} {model.reason or '(not answered)'}"]
    return lines


def _matrix_lines(model: MatrixModel) -> list[str]:
    lines = [f"Decision: {model.decision or '(none written)'}"]
    lines += [f"{r.name}: {r.outcome} (row total {signed(r.total)})" for r in model.rows()]
    return lines


def _lens_lines(model: LensModel) -> list[str]:
    lines = []
    for code, text in sorted(model.answers.items()):
        lines += [question_for(code), f"Your answer: {text}"]
    return lines or ["No answer written yet."]


ANSWER_LINES = {"balance": _balance_lines, "poll": _poll_lines, "matrix": _matrix_lines,
                "lens": _lens_lines}


def recorded_html(heading: str, lines: list[str]) -> str:
    """The output under a widget: one confirmation (or 'no answer yet') and the answer."""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (f"<div class='artethics-recorded {NO_MATHS}' style='{PANEL}'>"
            f"<strong>{escape(heading)}</strong><ul style='margin:4px 0'>{items}</ul></div>")
