"""Submitting a written reflection: check it, then record it with the answers.

In a lesson::

    reflection.submit("belamy", text, lesson=LESSON, student=student,
                      class_folder=class_folder)

prints the verdict line (``✔`` or ``✘`` with a hint) and records the text,
whatever the verdict, so a draft is never lost.
"""

from __future__ import annotations

from artethics.exercises import evaluate, is_missing


def submit(case: str, text: str | None, *, lesson: str, student: str = "anonymous",
           class_folder: str = "", display: bool = True) -> None:
    verdict = evaluate(f"{case}.reflection", text)
    print(verdict.line())
    if is_missing(text) or not isinstance(text, str):
        return
    from artethics.responses import Response, record

    response = Response(lesson=lesson, activity=f"{case}.reflection", kind="reflection",
                        student=student, data={"text": text.strip(), "passed": verdict.ok})
    record(response, class_folder=class_folder, display=display)
