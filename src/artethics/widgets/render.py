"""HTML for the live views, built from the models (pure functions, no ipywidgets).

The live verdict is HTML with inline CSS bars, not a matplotlib figure, so a
slider change redraws in a few milliseconds. Meaning never rests on colour
alone: every bar also carries a sign (+/-), a word (for/against) and, for
"against", a striped pattern.
"""

from __future__ import annotations

from html import escape

from .balance import BalanceModel, Share
from .lens import DISCLAIMER, JURISDICTIONS, LensModel
from .matrix import MatrixModel

# Okabe-Ito: blue for "for", vermillion for "against" (same as artethics.plotting).
FOR_COLOUR = "#0072B2"
AGAINST_COLOUR = "#D55E00"
AGAINST_PATTERN = (f"repeating-linear-gradient(45deg, {AGAINST_COLOUR} 0 4px, "
                   f"#ffffff 4px 6px)")
BOX = "font-family: sans-serif; font-size: 14px; line-height: 1.4; color: #111;"


def _bar(weight: int, scale: int, against: bool) -> str:
    width = 0 if scale == 0 else round(100 * weight / scale)
    fill = AGAINST_PATTERN if against else FOR_COLOUR
    return (f'<span style="display:inline-block;height:10px;width:{width}px;'
            f'background:{fill};border:1px solid #333;vertical-align:middle" '
            f'aria-hidden="true"></span>')


def _share_row(share: Share, scale: int) -> str:
    return (f"<tr><th scope='row' style='text-align:left;font-weight:normal'>"
            f"{escape(share.name)}</th>"
            f"<td>for +{share.for_weight} {_bar(share.for_weight, scale, False)}</td>"
            f"<td>against -{share.against_weight} {_bar(share.against_weight, scale, True)}</td>"
            f"<td><strong>net {share.net:+d}</strong></td></tr>")


def _share_table(title: str, shares: list[Share]) -> str:
    if not shares:
        return f"<p>{escape(title)}: nothing weighed yet.</p>"
    scale = max(max(s.for_weight, s.against_weight) for s in shares)
    rows = "".join(_share_row(s, scale) for s in shares)
    return (f"<table style='border-collapse:collapse'><caption style='text-align:left'>"
            f"<strong>{escape(title)}</strong></caption>{rows}</table>")


def _gauge(score: float) -> str:
    """A -1..+1 track with a marker; the number and words carry the meaning."""
    left = round(50 + 50 * score)
    return ("<div style='position:relative;width:200px;height:12px;border:1px solid #333;"
            "background:linear-gradient(90deg,#f4d4c0,#ffffff 50%,#c6dcef)' aria-hidden='true'>"
            f"<span style='position:absolute;left:{left}%;top:-3px;width:3px;height:18px;"
            "background:#000'></span></div>"
            "<small>against -1 &#8596; +1 for</small>")


def balance_html(model: BalanceModel) -> str:
    pro, con = model.totals()
    return (f"<div style='{BOX}' role='status' aria-live='polite'>"
            f"<p><strong>Verdict: {escape(model.verdict())}</strong> "
            f"(score {model.score():+.2f}; weight {pro} for, {con} against)</p>"
            f"{_gauge(model.score())}"
            f"{_share_table('By principle', model.by_principle())}"
            f"{_share_table('By stakeholder', model.by_stakeholder())}</div>")


def matrix_html(model: MatrixModel) -> str:
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left;font-weight:normal'>{escape(r.name)}</th>"
        f"<td>total {r.total:+d}</td><td><strong>{escape(r.outcome)}</strong></td></tr>"
        for r in model.rows())
    groups = "".join(f"<li>{escape(k.capitalize())}: {escape(', '.join(v) or 'nobody')}</li>"
                     for k, v in model.groups().items())
    return (f"<div style='{BOX}' role='status' aria-live='polite'>"
            f"<p>Cells rated: {model.coverage():.0%}</p>"
            f"<table><caption style='text-align:left'><strong>Whom the decision serves"
            f"</strong></caption>{rows}</table><ul>{groups}</ul></div>")


def lens_html(model: LensModel) -> str:
    if model.jurisdiction is None:
        return f"<div style='{BOX}'><p>Choose a jurisdiction.</p><p>{escape(DISCLAIMER)}</p></div>"
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
    cite = f"<br><small>{escape(f.citation())}</small>" if f.source_ids else ""
    return (f"<div style='border-left:4px solid #555;padding-left:8px;margin:6px 0'>"
            f"<strong>{head}</strong> (status: {escape(f.status)})<br>"
            f"Issue: {escape(f.issue)}<br>Points to: {escape(f.points_to)}<br>"
            f"Certainty: <strong>{escape(f.certainty_words)}</strong><br>"
            f"Why: {escape(f.why)}{cite}</div>")


def text_html(text: str) -> str:
    """Plain text (e.g. a poll shift or a status line) as escaped HTML."""
    lines = "<br>".join(escape(line) for line in text.splitlines())
    return f"<div style='{BOX}' role='status' aria-live='polite'>{lines}</div>"
