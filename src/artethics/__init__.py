"""artethics: a Jupyter teaching kit on the ethics of AI-generated art.

Importing the package has no side effects: no rcParams change, nothing is
displayed, no file is written. Notebooks call what they need.
"""

__version__ = "0.1.0"
