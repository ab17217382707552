"""The kit's own errors. Every error the kit raises on purpose is an :class:`ArtethicsError`,
with a message that says what is wrong and how to fix it; catch this one to catch them all.
"""

from __future__ import annotations


class ArtethicsError(Exception):
    """Base of every error the kit raises on purpose."""
