"""The figures of issue 11, from the hostile tests run before this one in the session
(``pytest -s tests/hostile``): inputs tried, clear errors, and the counts whose goal is 0."""

from __future__ import annotations

import sys


def test_print_the_figures():
    figures = sys.modules.get("hostile_figures")
    if figures is None:
        return  # run alone: nothing was counted
    counts = figures.COUNTS
    groups = sorted({g for _, g in counts if g != "total"})
    print("\nhostile inputs (issue 11)")
    for group in groups:
        print(f"  {group}: tried {counts['inputs tried', group]}, clear errors "
              f"{counts['clear errors', group]}, readable and run/planned "
              f"{counts['readable, run in the sandbox', group]}")
    print(f"  total inputs tried: {sum(v for (k, _), v in counts.items() if k == 'inputs tried')}")
    for kind in ("tracebacks", "forged passes", "files changed outside", "orphaned processes"):
        print(f"  {kind}: {counts[kind, 'total']} (goal 0)")
        assert counts[kind, "total"] == 0
