"""Instructor and CI tooling: run the course, make student copies, check and collect work.

Nothing here is imported by a lesson: the lesson runtime (``artethics.data``,
``cases``, ``exercises``, ``widgets``…) never imports ``artethics.tools``, and a test
(tests/unit/test_layout.py) holds that rule.
"""
