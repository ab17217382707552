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
    show_balance("christies", weights=weights, own=own,
                 lesson="05_augmented_intelligence", student=student,
                 class_folder=class_folder)
    show_matrix("christies", ratings=ratings, decision=decision,
                lesson="05_augmented_intelligence", student=student)
    show_lens("christies", jurisdiction=jurisdiction, lesson="05_augmented_intelligence")
    show_poll("christies", "after", stance=stance_after, confidence=confidence_after,
              lesson="05_augmented_intelligence", student=student)

Headless value None (the default) = the live widget is shown and the student's
"Record" button stores the answer in that cell's output. A value given (papermill
parameters standing in for the clicks) = the widget still renders, a plain-text
summary is printed (deterministic: same input, same text) and the answer is
recorded at once through :func:`artethics.responses.record`.

The values, as papermill parameters:

- ``weights``: ``{argument_id: 0..5}`` (ids from data/arguments.csv; ids left out
  weigh 0). ``own``: ``[{"text": ..., "stance": "for"|"against", "principle": ...,
  "weight": 0..5}]``, the student's own arguments.
- ``stance``: ``"strongly_against" | "against" | "undecided" | "for" |
  "strongly_for"`` with ``confidence`` 1..5. The "after" poll shows the shift from
  the student's latest recorded "before" answer (if there is none it says so).
- ``ratings``: ``{stakeholder_id: {principle: -2..2}}`` (cells left out are 0);
  ``decision``: the student's decision in words. The matrix's columns are the
  case's 4 principles with the most arguments (ties broken by the order of
  ``PRINCIPLES``); ``show_matrix(..., principles=["consent", "credit"])`` shows
  others. Rating a principle that is not a column is a ParameterError.
- ``jurisdiction``: ``"CN" | "US" | "EU" | "UK"``.

A bad value raises :class:`ParameterError` (a ValueError) naming the parameter, the
bad value and what is allowed, e.g. ``weights['christies-a01']=7 is not allowed: use a
whole number from 0 to 5.``

Recorded activities: ``<case>.balance``, ``<case>.matrix``, ``<case>.lens``,
``<case>.poll_before``, ``<case>.poll_after``.

Models without a notebook (e.g. in tests or the dashboard)::

    from artethics.widgets import BalanceModel
    m = BalanceModel.from_tables("christies", question, arguments_df, stakeholders_df)
    m.set_weights({"christies-a01": 4})
    m.verdict(), m.by_principle(), m.summary()
"""

from ._common import PRINCIPLES, ParameterError
from .balance import BalanceModel
from .lens import LensModel
from .matrix import MatrixModel
from .poll import PollModel
from .show import show_balance, show_lens, show_matrix, show_poll

__all__ = [
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
