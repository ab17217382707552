"""Recorded answers inside the notebook itself, as outputs with the kit's MIME type."""

from __future__ import annotations

import json

from artethics.i18n import _

from .record import MIME, Problem, Response


def response_bundle(response: Response, line: str) -> dict:
    """The display bundle: the kit's MIME type (no time, deterministic) and a text line."""
    return {MIME: response.to_dict(with_time=False), "text/plain": line}


def responses_in_notebook(nb: dict, problems: list[Problem] | None = None) -> list[Response]:
    """The answers a notebook carries as :data:`MIME` outputs, in notebook order. An
    unreadable one is skipped (and appended to ``problems`` when a list is given)."""
    found = []
    for index, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            payload = (output.get("data") or {}).get(MIME)
            if payload is None:
                continue
            try:
                raw = json.loads(payload) if isinstance(payload, str) else payload
                found.append(Response.from_dict(raw))
            except (TypeError, ValueError) as exc:
                if problems is not None:
                    problems.append(Problem(_("cell {n}").format(n=index + 1),
                                            _("answer output skipped: {error}").format(
                                                error=exc)))
    return found


def display_slot(activity: str):
    """Show a placeholder line and return its IPython DisplayHandle, to pass to
    ``record(..., handle=...)`` from a button callback."""
    from IPython.display import DisplayHandle

    handle = DisplayHandle()
    handle.display({"text/plain": _("No answer recorded yet for {activity}.").format(
        activity=activity)}, raw=True)
    return handle


def show_bundle(bundle: dict, handle) -> None:
    from IPython import get_ipython

    if handle is not None:
        handle.update(bundle, raw=True)
    elif get_ipython() is not None:
        from IPython.display import display

        display(bundle, raw=True)
    else:
        print(bundle["text/plain"])
