"""HTML for the live views, built from the models (pure functions, no ipywidgets).

The live verdict is HTML with inline CSS bars, not a matplotlib figure, so a
slider change redraws in a few milliseconds. Meaning never rests on colour
alone: every bar also carries a sign (+/-), a word (for/against) and, for
"against", a striped pattern.
"""

from __future__ import annotations

from html import escape

from ._common import PRINCIPLE_MEANINGS, principle_words, signed
from .balance import BalanceModel, Share
from .lens import DISCLAIMER, JURISDICTIONS, LensModel
from .matrix import MatrixModel
from .poll import Answer

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
    return (f"<div style='{BOX}'><strong style='font-size:15px'>{escape(title)}</strong>"
            f"<br>{escape(text)}</div>")


def meta_html(principle: str, stakeholder: str, argument_id: str) -> str:
    """The small line under an argument: its principle, whose view it is and its id."""
    return (f"<span style='{SMALL}'>principle: {escape(principle_words(principle))} · "
            f"voice: {escape(stakeholder)} · id {escape(argument_id)}</span>")


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


def balance_html(model: BalanceModel) -> str:
    pro, con = model.totals()
    return (f"<div style='{PANEL}' role='status' aria-live='polite'>"
            f"<div style='font-size:16px'><strong>Verdict: {escape(model.verdict())}</strong>"
            f"</div><div>Score {model.score():+.2f} (from -1, all your weight against, to "
            f"+1, all for). You gave {_points(pro)} of weight for and {con} against.</div>"
            f"{_gauge(model.score())}"
            f"{_share_table('By principle', model.by_principle(), principle_words)}"
            f"{_share_table('By stakeholder', model.by_stakeholder())}</div>")


def matrix_header_html(principle: str | None) -> str:
    """A column heading of the matrix grid: the principle in words and what it means."""
    if principle is None:
        return f"<div style='{BOX}'><strong>Stakeholder</strong></div>"
    meaning = PRINCIPLE_MEANINGS.get(principle, "")
    return (f"<div style='{BOX}line-height:1.2'><strong>{escape(principle_words(principle))}"
            f"</strong><br><span style='{SMALL}'>{escape(meaning)}</span></div>")


def matrix_html(model: MatrixModel) -> str:
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
    return (f"<div style='{PANEL}' role='status' aria-live='polite'>"
            f"<div style='font-size:16px'><strong>Whom the decision serves</strong></div>"
            f"<div>Cells rated: {model.coverage():.0%} ({rated} of {cells}). A row total above "
            f"0 means served, below 0 set back, 0 with ratings mixed, no ratings left out."
            f"</div><table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>"
            f"<ul style='margin:4px 0'>{groups}</ul></div>")


def before_answer_html(before: Answer | None) -> str:
    """What the 'after' poll compares with: the student's recorded 'before' answer."""
    if before is None:
        return text_html("No 'before' answer of yours was found, so no shift can be shown.")
    return text_html(f"Your 'before' answer: {before.describe()}.")


def lens_html(model: LensModel) -> str:
    if model.jurisdiction is None:
        return (f"<div style='{BOX}'><p>No jurisdiction chosen yet: choose one above.</p>"
                f"<p><em>{escape(DISCLAIMER)}</em></p></div>")
    place = JURISDICTIONS[model.jurisdiction]
    items = "".join(_finding_html(f) for f in model.findings())
    if not items:
        items = (f"<p>The kit links no rule of {escape(place)} to this case. That does not "
                 "mean no law applies; it means none is covered here.</p>")
    return (f"<div style='{BOX}' role='status' aria-live='polite'>"
            f"<p><strong>Seen from {escape(place)}</strong></p>"
            f"<p><em>{escape(DISCLAIMER)}</em></p>{items}</div>")


def _finding_html(f) -> str:
    head = escape(f.instrument + (f", {f.article}" if f.article else ""))
    cite = f"<br><span style='{SMALL}'>{escape(f.citation())}</span>" if f.source_ids else ""
    since = (f"<span style='white-space:nowrap'>{escape(f.date_in_force)}</span>; "
             if f.date_in_force else "")
    return (f"<div style='border-left:4px solid #555;padding-left:8px;margin:8px 0'>"
            f"<strong>{head}</strong> <span style='{SMALL}'>({since}status: "
            f"{escape(f.status)})</span><br>"
            f"<strong>Issue:</strong> {escape(f.issue)}<br>"
            f"<strong>Points to:</strong> {escape(f.points_to)}<br>"
            f"<strong>Certainty:</strong> {escape(f.certainty_words)}<br>"
            f"<strong>Why:</strong> {escape(f.why)}{cite}</div>")


def text_html(text: str) -> str:
    """Plain text (e.g. a poll shift or a status line) as escaped HTML."""
    lines = "<br>".join(escape(line) for line in text.splitlines())
    return f"<div style='{BOX}' role='status' aria-live='polite'>{lines}</div>"
