"""HTML for the live views, built from the models (pure functions, no ipywidgets).

The live verdict is HTML with inline CSS bars, not a matplotlib figure, so a
slider change redraws in a few milliseconds. Meaning never rests on colour
alone: every bar also carries a sign (+/-), a word (for/against) and, for
"against", a striped pattern.
"""

from __future__ import annotations

from artethics.i18n import _, ngettext

from ._common import (
    NO_MATHS,
    REASON_FROM,
    column_meaning,
    column_words,
    escape,
    lens_words,
    principle_words,
    signed,
)
from .balance import MAX_WEIGHT, BalanceModel, Share, short_label
from .lens import DISCLAIMER, JURISDICTIONS, LensModel, question_for
from .matrix import MatrixModel, group_heading, rating_words
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
    parts = [_("principle: {principle}").format(principle=principle_words(argument.principle))]
    if argument.lens:
        parts.append(_("lens: {lens}").format(lens=lens_words(argument.lens)))
    parts.append(_("voice: {stakeholder}").format(stakeholder=argument.stakeholder))
    return f"<span style='{SMALL}'>{escape(' · '.join(parts))}</span>"


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
        return (f"<p style='margin:4px 0'>"
                f"{escape(_('{title}: nothing weighed yet.').format(title=title))}</p>")
    scale = max(max(s.for_weight, s.against_weight) for s in shares)
    rows = "".join(_share_row(s, scale, words(s.name)) for s in shares)
    head = (f"<tr><th scope='col' style='{HEAD}'>{escape(title)}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('weight for'))}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('weight against'))}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('net'))}</th></tr>")
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
            f"{SMALL}' aria-hidden='true'><span>{escape(_('-1 all against'))}</span>"
            f"<span>0</span><span>{escape(_('all for +1'))}</span></div>")
    return track + ends


def _points(number: int) -> str:
    """'1 point', '0 points', '6 points'."""
    return ngettext("{n} point", "{n} points", number).format(n=number)


def _live(live: bool) -> str:
    return " role='status' aria-live='polite'" if live else ""


def balance_html(model: BalanceModel, live: bool = True) -> str:
    """The verdict panel: verdict, score, gauge, breakdowns and the student's reasons."""
    pro, con = model.totals()
    lenses = (_share_table(_("By lens"), model.by_lens(), column_words)
              if model.has_lenses() else "")
    verdict = _("Verdict: {verdict}").format(verdict=model.verdict())
    score = _("Score {score} (from -1, all your weight against, to +1, all for). You gave "
              "{points} of weight for and {con} against.").format(
        score=f"{model.score():+.2f}", points=_points(pro), con=con)
    return (f"<div class='{NO_MATHS}' style='{PANEL}'{_live(live)}>"
            f"<div style='font-size:16px'><strong>{escape(verdict)}</strong>"
            f"</div><div>{escape(score)}</div>"
            f"{_gauge(model.score())}{reasons_html(model)}"
            f"{_share_table(_('By principle'), model.by_principle(), principle_words)}"
            f"{lenses}{_share_table(_('By stakeholder'), model.by_stakeholder())}</div>")


def reasons_html(model: BalanceModel) -> str:
    """The student's reasons for their heaviest weights, shown with the verdict."""
    asked = [a for a in model.arguments if model.asks_reason(a.argument_id)]
    if not asked:
        return ""
    items = "".join(
        f"<li><strong>{escape(short_label(a))}</strong> "
        + escape(_("(weight {weight}):").format(weight=model.weights[a.argument_id])) + " "
        + (escape(model.reasons[a.argument_id]) if a.argument_id in model.reasons
           else "<em>" + escape(_("no reason yet: write one line in the box under this "
                                  "argument")) + "</em>")
        + "</li>" for a in asked)
    title = _("Why these weigh {low} or {high} with you").format(low=REASON_FROM,
                                                                 high=MAX_WEIGHT)
    return (f"<div style='margin-top:6px'><strong>{escape(title)}</strong>"
            f"<ul style='margin:2px 0'>{items}</ul></div>")


def balance_static_html(model: BalanceModel) -> str:
    """The whole balance as static HTML: every argument with its weight and reason,
    then the verdict. Shown where no live widget can be (handouts, viewers)."""
    weight = _("weight (0-{high})").format(high=MAX_WEIGHT)
    head = (f"<tr><th scope='col' style='{HEAD}'>{escape(_('argument'))}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('what it says'))}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(weight)}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('your reason'))}</th></tr>")
    rows = "".join(
        f"<tr><th scope='row' style='{CELL}vertical-align:top;white-space:nowrap'>"
        f"{escape(short_label(a))}</th><td style='{CELL}vertical-align:top'>"
        f"{escape(a.claim)}<br>{meta_html(a)}</td><td style='{CELL}vertical-align:top'>"
        f"{model.weights[a.argument_id]}</td><td style='{CELL}vertical-align:top'>"
        f"{escape(model.reasons.get(a.argument_id, ''))}</td></tr>"
        for a in _in_view_order(model))
    return _static(model.question, _("Argument balance: how much each argument weighs with "
                                     "the student (0 = ignore it, 5 = decisive)."),
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
        return f"<div style='{BOX}'><strong>{escape(_('Stakeholder'))}</strong></div>"
    meaning = column_meaning(principle)
    return (f"<div style='{BOX}line-height:1.2'><strong>{escape(column_words(principle))}"
            f"</strong><br><span style='{SMALL}'>{escape(meaning)}</span></div>")


def matrix_static_html(model: MatrixModel) -> str:
    """The whole matrix as static HTML: decision, every rated cell, what it adds up to."""
    head = f"<tr><th scope='col' style='{HEAD}'>{escape(_('Stakeholder'))}</th>" + "".join(
        f"<th scope='col' style='{HEAD}'>{escape(column_words(c))}</th>"
        for c in model.principles) + "</tr>"
    rows = "".join(
        f"<tr><th scope='row' style='{CELL}font-weight:normal'>{escape(model.names[s])}</th>"
        + "".join(f"<td style='{CELL}'>{signed(cells[c])} {escape(rating_words(cells[c]))}"
                  "</td>" for c in model.principles) + "</tr>"
        for s, cells in model.ratings.items())
    decision = model.decision or _("(no decision written yet)")
    return _static(_("Ethical matrix"), _("Decision: {decision}").format(decision=decision),
                   f"<table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>"
                   f"{matrix_html(model, live=False)}")


def matrix_html(model: MatrixModel, live: bool = True) -> str:
    rows = "".join(
        f"<tr><th scope='row' style='{CELL}font-weight:normal'>{escape(r.name)}</th>"
        f"<td style='{CELL}'>{signed(r.total)}</td><td style='{CELL}'><strong>"
        f"{escape(_(r.outcome))}</strong></td></tr>"
        for r in model.rows())
    groups = "".join(
        f"<li>{escape(group_heading(k))}: {escape(', '.join(v) or _('nobody'))}</li>"
        for k, v in model.groups().items())
    cells = len(model.names) * len(model.principles)
    rated = sum(r.rated for r in model.rows())
    head = (f"<tr><th scope='col' style='{HEAD}'>{escape(_('Stakeholder'))}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('row total'))}</th>"
            f"<th scope='col' style='{HEAD}'>{escape(_('outcome'))}</th></tr>")
    coverage = _("Cells rated: {share} ({rated} of {cells}). A row total above 0 means "
                 "served, below 0 set back, 0 with ratings mixed, no ratings left out.").format(
        share=f"{model.coverage():.0%}", rated=rated, cells=cells)
    return (f"<div class='{NO_MATHS}' style='{PANEL}'{_live(live)}>"
            f"<div style='font-size:16px'><strong>{escape(_('Whom the decision serves'))}"
            f"</strong></div><div>{escape(coverage)}</div>"
            f"<table style='border-collapse:collapse;margin:8px 0'>{head}{rows}</table>"
            f"<ul style='margin:4px 0'>{groups}</ul></div>")


def before_answer_html(before: Answer | None) -> str:
    """What the 'after' poll compares with: the student's recorded 'before' answer."""
    if before is None:
        return text_html(_("No 'before' answer of yours was found yet."))
    return text_html(_("Your 'before' answer: {answer}.").format(answer=before.describe()))


def poll_static_html(model: PollModel) -> str:
    """The poll as static HTML: the question, the answer, the shift and the reason."""
    answer = model.answer.describe() if model.answer else _("no answer recorded yet")
    lines = [_("Your answer: {answer}.").format(answer=answer)]
    if model.when == "after":
        before = model.before.describe() if model.before else _("none found")
        lines.append(_("Your 'before' answer: {answer}.").format(answer=before))
        if model.answer is not None:
            lines += [model.shift(), f"{model.prompt()} {model.reason or _('(not answered)')}"]
    line = (_("Position poll (before the case).") if model.when == "before"
            else _("Position poll (after the case)."))
    body = "".join(f"<p style='margin:4px 0'>{escape(line)}</p>" for line in lines)
    return _static(model.question, line, body)


def lens_static_html(model: LensModel) -> str:
    """The lens as static HTML: the rules for the chosen place and the student's answers."""
    answers = "".join(
        f"<p style='margin:4px 0'><strong>{escape(question_for(code))}</strong><br>"
        f"{escape(text)}</p>" for code, text in sorted(model.answers.items()))
    return _static(_("Jurisdiction lens"), _("What the rules of a place would change for "
                                             "this case."), lens_html(model, live=False) + answers)


def lens_html(model: LensModel, live: bool = True) -> str:
    if model.jurisdiction is None:
        return (f"<div class='{NO_MATHS}' style='{BOX}'><p>"
                f"{escape(_('No jurisdiction chosen yet: choose one above.'))}</p>"
                f"<p><em>{escape(_(DISCLAIMER))}</em></p></div>")
    place = _(JURISDICTIONS[model.jurisdiction])
    items = "".join(_finding_html(f) for f in model.findings())
    if not items:
        none = _("The kit links no rule of {place} to this case. That does not mean no law "
                 "applies; it means none is covered here.").format(place=place)
        items = f"<p>{escape(none)}</p>"
    seen = _("Seen from {place}").format(place=place)
    return (f"<div class='{NO_MATHS}' style='{BOX}'{_live(live)}>"
            f"<p><strong>{escape(seen)}</strong></p>"
            f"<p><em>{escape(_(DISCLAIMER))}</em></p>{items}</div>")


def _finding_html(f) -> str:
    head = escape(f.instrument + (f", {f.article}" if f.article else ""))
    cite = f"<br><span style='{SMALL}'>{escape(f.citation())}</span>" if f.source_ids else ""
    parts = []
    if f.proposed:
        parts.append(escape(_("not in force (proposed)")))
    elif f.date_in_force:
        parts.append(f"<span style='white-space:nowrap'>{escape(f.date_in_force)}</span>")
    parts.append(f"{escape(_('status:'))} {escape(f.status)}")
    if f.last_reviewed:
        parts.append(f"{escape(_('last reviewed'))} <span style='white-space:nowrap'>"
                     f"{escape(f.last_reviewed)}</span>")
    details = _("({details})").format(details=escape(_("; ")).join(parts))
    return (f"<div style='border-left:4px solid #555;padding-left:8px;margin:8px 0'>"
            f"<strong>{head}</strong> <span style='{SMALL}'>{details}</span><br>"
            f"<strong>{escape(_('Issue:'))}</strong> {escape(f.issue)}<br>"
            f"<strong>{escape(_('Points to:'))}</strong> {escape(f.points_to)}<br>"
            f"<strong>{escape(_('Certainty:'))}</strong> {escape(f.certainty_words)}<br>"
            f"<strong>{escape(_('Why:'))}</strong> {escape(f.why)}{cite}</div>")


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
    lines = [_("Verdict: {verdict} (score {score}).").format(
        verdict=model.verdict(), score=f"{model.score():+.2f}")]
    for a in _in_view_order(model):
        weight = model.weights[a.argument_id]
        if weight:
            why = model.reasons.get(a.argument_id, "")
            if why:
                lines.append(_("{label}: weight {weight}. Your reason: {reason}").format(
                    label=short_label(a), weight=weight, reason=why))
            else:
                lines.append(_("{label}: weight {weight}.").format(label=short_label(a),
                                                                   weight=weight))
    if len(lines) == 1:
        lines.append(_("No argument weighed yet."))
    return lines


def _poll_lines(model: PollModel) -> list[str]:
    lines = [_("Your answer: {answer}.").format(answer=model.answer.describe())
             if model.answer else _("No answer yet.")]
    if model.when == "after" and model.answer is not None:
        lines += [model.shift(), f"{model.prompt()} {model.reason or _('(not answered)')}"]
    return lines


def _matrix_lines(model: MatrixModel) -> list[str]:
    lines = [_("Decision: {decision}").format(decision=model.decision or _("(none written)"))]
    lines += [_("{name}: {outcome} (row total {total})").format(
        name=r.name, outcome=_(r.outcome), total=signed(r.total)) for r in model.rows()]
    return lines


def _lens_lines(model: LensModel) -> list[str]:
    lines = []
    for code, text in sorted(model.answers.items()):
        lines += [question_for(code), _("Your answer: {answer}").format(answer=text)]
    return lines or [_("No answer written yet.")]


ANSWER_LINES = {"balance": _balance_lines, "poll": _poll_lines, "matrix": _matrix_lines,
                "lens": _lens_lines}


def recorded_html(heading: str, lines: list[str]) -> str:
    """The output under a widget: one confirmation (or 'no answer yet') and the answer."""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (f"<div class='artethics-recorded {NO_MATHS}' style='{PANEL}'>"
            f"<strong>{escape(heading)}</strong><ul style='margin:4px 0'>{items}</ul></div>")
