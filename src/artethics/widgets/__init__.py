"""The kit's widgets: argument balance, ethical matrix, position poll, jurisdiction lens.

Each widget is a pure model (``balance``, ``matrix``, ``poll``, ``lens``: no ipywidgets,
unit-tested), a thin ipywidgets 8 view (``views``) and one notebook-facing helper.

Notebook use
------------
One helper call per widget cell (tag the cell ``nbval-ignore-output`` only when it is
live). Every helper returns None and takes ``lesson`` (the notebook's stem), ``student``
and ``class_folder`` from the parameters cell::

    from artethics.widgets import show_balance, show_lens, show_matrix, show_poll

    show_poll("christies", "before", stance=stance_before, confidence=confidence_before,
              lesson="05_augmented_intelligence", student=student, class_folder=class_folder)
    show_balance("christies", weights=weights, own=own, reasons=reasons,
                 lesson="05_augmented_intelligence", student=student,
                 class_folder=class_folder)
    show_matrix("christies", ratings=ratings, decision=decision, columns="lenses",
                lesson="05_augmented_intelligence", student=student)
    show_lens("christies", jurisdiction=jurisdiction, lens_answers=lens_answers,
              lesson="05_augmented_intelligence", student=student)
    show_poll("christies", "after", stance=stance_after, confidence=confidence_after,
              reason=reason_after, lesson="05_augmented_intelligence", student=student)

Headless value None (the default) = the live widget is shown. Its output bundle also
carries a static HTML rendering (``text/html`` next to the widget view), so handouts,
notebook viewers and untrusted copies show the arguments, weights, reasons and verdict.
Under it, one output shows the student's last recorded answer (looked up in the answers
database, so a re-run shows it again, and the widget starts from it) or "No answer
recorded yet"; pressing Record replaces it with one confirmation and the answer. A
value given (papermill parameters standing in for the clicks) = the widget still
renders, a plain-text summary is printed (deterministic: same input, same text) and
the answer is recorded at once through :func:`artethics.responses.record`.

The values, as papermill parameters:

- ``weights``: ``{argument_id: 0..5}`` (ids from data/arguments.csv; ids left out
  weigh 0). ``reasons``: ``{argument_id: "one line"}``, the reason the live widget asks
  for every weight of 4 or 5 (recorded as ``reasons``; weights of 4-5 without one are
  listed in ``reasons_missing``). ``own``: ``[{"text": ..., "stance": "for"|"against",
  "principle": ..., "weight": 0..5}]``, the student's own arguments. When
  arguments.csv has a ``lens`` column the balance also shows (and records) the weight
  per lens (``by_lens``).
- ``stance``: ``"strongly_against" | "against" | "undecided" | "for" |
  "strongly_for"`` with ``confidence`` 1..5; for the "after" poll also ``reason``, the
  answer to "What moved you?" (or "What held you where you were?"). The "after" poll
  shows the shift from the student's latest recorded "before" answer, looked up again
  on every change and when the student presses Record (so it works under Run All).
- ``ratings``: ``{stakeholder_id: {column: -2..2}}`` (cells left out are 0);
  ``decision``: the student's decision in words. The rows are the case's stakeholders
  (data/stakeholders.csv). The columns are the case's 4 principles with the most
  arguments (ties broken by the order of ``PRINCIPLES``);
  ``show_matrix(..., principles=["consent", "credit"])`` shows other principles and
  ``show_matrix(..., columns="lenses")`` the five lenses (``LENSES``: consequences,
  rights, fairness, character, community; or ``columns=["rights", "community"]``).
  Rating a column the matrix does not show is a ParameterError.
- ``jurisdiction``: ``"CN" | "HK" | "US" | "EU" | "UK"``: the place shown first.
  ``lens_answers``: ``{"CN": "...", "UK": "..."}``, the student's answers to "what
  would these rules change for this case?". The lens records only those answers;
  ``jurisdiction`` alone records nothing.

A bad value raises :class:`ParameterError` (a ValueError) naming the parameter, the
bad value and what is allowed, e.g. ``weights['christies_for_1']=7 is not allowed: use a
whole number from 0 to 5.`` In the live widget a student reads plain words instead
("Choose a position above first, then press Record.").

Recorded activities: ``<case>.balance``, ``<case>.matrix``, ``<case>.lens``,
``<case>.poll_before``, ``<case>.poll_after``.

Models without a notebook (e.g. in tests or the dashboard)::

    from artethics.widgets import BalanceModel
    m = BalanceModel.from_tables("christies", question, arguments_df, stakeholders_df)
    m.set_weights({"christies-a01": 4})
    m.verdict(), m.by_principle(), m.summary()
"""

from ._common import LENSES, PRINCIPLES, ParameterError
from .balance import BalanceModel
from .lens import LensModel
from .matrix import MatrixModel
from .poll import PollModel
from .show import show_balance, show_lens, show_matrix, show_poll

__all__ = [
    "LENSES",
    "PRINCIPLES",
    "BalanceModel",
    "LensModel",
    "MatrixModel",
    "ParameterError",
    "PollModel",
    "show_balance",
    "show_lens",
    "show_matrix",
    "show_poll",
]
