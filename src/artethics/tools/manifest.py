"""The check manifest: each lesson's check cells as the kit wrote them, with their
checksums and expected outputs. ``artethics student`` writes it (``student.build_manifest``);
``artethics check`` reads it; nothing else defines a checksum.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from artethics.errors import ArtethicsError

MANIFEST = Path(__file__).with_name("checks_manifest.json")


class CheckError(ArtethicsError, ValueError):
    """A notebook (or manifest) that cannot be checked; the message says why and how to fix it."""


def sha256(text: str) -> str:
    """The hex sha256 of ``text`` (UTF-8): the one checksum the kit's tools use."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_output(cell) -> str:
    """What a check cell printed (its stdout), as stored in the solution notebook."""
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def lesson_checks(nb) -> list[dict]:
    """The manifest entries of every check cell of one lesson."""
    from artethics.tools import nbform

    checks = []
    for cell in nb.cells:
        if nbform.role(cell) == "check":
            text = nbform.source(cell)
            checks.append({"exercise": nbform.kit_meta(cell)["exercise"], "cell_id": cell.id,
                           "source": text, "sha256": sha256(text), "expected": check_output(cell)})
    return checks


def load_manifest(path: str | Path | None = None) -> dict:
    """The check manifest at ``path``, else the kit's own; :class:`CheckError` when it is
    missing or unreadable, with what to do about it."""
    source = Path(path) if path is not None else MANIFEST
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if path is None:
            raise CheckError("The kit's check manifest is missing (it is written by "
                             "`make student`). Run `make student`, or pass --manifest FILE."
                             ) from None
        raise CheckError(f"There is no check manifest at {path}. Pass the path of a "
                         "checks_manifest.json.") from None
    except (OSError, ValueError) as exc:
        raise CheckError(f"The check manifest {source} could not be read ({exc}). Run "
                         "`make student` to write it again, or pass a valid --manifest FILE."
                         ) from None
    if not isinstance(data, dict) or not isinstance(data.get("lessons"), dict):
        raise CheckError("The check manifest has no 'lessons' table. Regenerate it with "
                         "`make student`.")
    return data
