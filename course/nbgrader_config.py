"""nbgrader settings for a course that uses the artethics kit (see course/guide/nbgrader.md).

Copy this file into the root of your nbgrader course folder (the folder that holds
``source/``), next to ``gradebook.db``. It makes three changes to nbgrader's defaults:

1. ``nbgrader generate_assignment`` writes the kit's own student copy: each solution
   region becomes the kit's placeholder (``name = None``, an empty triple-quoted string
   for a reflection, the policy's five keys with empty strings) instead of nbgrader's
   ``raise NotImplementedError()``, so a released notebook runs top to bottom; and the
   instructor-only cells are left out of the release.
2. Notebooks that nbgrader runs (autograde, validate) get a larger cell time-out and
   record their poll and reflection answers in a throw-away database inside this
   folder, never in the instructor's own ``~/.artethics``; a lesson's self-check cell
   does not start a check of its own.
3. Nothing else: points, locked check cells and manually graded answers come from the
   notebooks' own nbgrader metadata, which the kit writes (``make student``).

Under nbgrader's autograde a failed kit check raises, so its test cell scores zero;
the kit detects this from nbgrader's own NBGRADER_EXECUTION variable, not from this file.
"""

import os

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

from artethics.tools import nbform, student

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file

COURSE = os.path.dirname(os.path.abspath(__file__))


class KitClearSolutions(ClearSolutions):
    """nbgrader's ClearSolutions with the kit's placeholders (artethics.tools.student)."""

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if nbform.role(cell) != "instructor"]
        return super().preprocess(nb, resources)

    def _replace_solution_region(self, cell, language):
        if student.BEGIN not in cell.source:
            return False
        name = self.__class__.__name__
        cell.source = student.strip_solutions(cell, f"{name}, cell {cell.get('id')}")["source"]
        return True


c.GenerateAssignment.preprocessors = [
    KitClearSolutions if pp is ClearSolutions else pp
    for pp in GenerateAssignment.class_traits()["preprocessors"].default()
]

# The kernel nbgrader starts for autograde and validate: what `artethics check` uses too.
_KERNEL_ENV = {
    "ARTETHICS_DB": os.path.join(COURSE, ".artethics-autograde", "responses.sqlite"),
    "ARTETHICS_CLASS_DIR": "",
    "ARTETHICS_INSIDE_CHECK": "1",
}
c.Execute.extra_arguments = [
    "--HistoryManager.hist_file=:memory:",
    f"--IPKernelApp.exec_lines=__import__('os').environ.update({_KERNEL_ENV!r})",
]
c.Execute.timeout = 120
