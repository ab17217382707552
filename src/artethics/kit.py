"""The kit's fixed vocabulary, defined once: its cases, its lessons and its principles.

Everything else (the data loader's validation, the widgets, the exercises, the
dashboard) imports these names from here instead of spelling them again.
"""

from __future__ import annotations

# The five cases the course is built on (data/cases.csv ids), in teaching order.
MAIN_CASES: tuple[str, ...] = ("rembrandt", "belamy", "lofter", "trik", "christies")
# The course-level question of lessons 00 and 06 (cases.csv kind 'course'): it has its own
# stakeholders and arguments, but no comparison rows, applications or facts of its own.
COURSE_CASES: tuple[str, ...] = ("synthesis",)
# Every case with a lesson: the five, then the synthesis that draws them together.
CASES: tuple[str, ...] = MAIN_CASES + COURSE_CASES

# Each case's lesson (the lesson id is the notebook's file stem; course/AUTHORING.md).
CASE_LESSONS: dict[str, str] = {
    "rembrandt": "01_next_rembrandt",
    "belamy": "02_edmond_de_belamy",
    "lofter": "03_lofter",
    "trik": "04_trik_ai",
    "christies": "05_augmented_intelligence",
    "synthesis": "06_synthesis",
}
LESSONS: tuple[str, ...] = ("00_orientation", *CASE_LESSONS.values())

# The ethical principles an argument can appeal to (data/README.md gives their meanings).
PRINCIPLES: tuple[str, ...] = (
    "consent",
    "credit",
    "compensation",
    "authorship",
    "originality",
    "transparency",
    "access_and_creativity",
    "market_and_livelihoods",
    "accountability",
    "cultural_heritage",
)
