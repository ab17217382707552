"""Pseudonyms for students: a salted HMAC for the class dataset, a short key for file names."""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata

from artethics.i18n import _

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}



def pseudonym(student: str, salt: str) -> str:
    """A stable pseudonym such as ``p-3fa2c1d94b7e`` (HMAC-SHA256 of the name, keyed by salt).

    The same name and salt always give the same pseudonym; without the salt nobody can
    check a guessed name against it. 12 hex digits keep accidental clashes (which would
    merge two students' files) negligible even for thousands of students.
    """
    if not isinstance(salt, str) or not salt:
        raise ValueError(_(
            "the salt is empty; the instructor must set a secret ARTETHICS_SALT (or pass "
            "salt=...), otherwise anyone could recompute pseudonyms from guessed names."
        ))
    if not isinstance(student, str) or not student.strip():
        raise ValueError(_("student is empty; there is nothing to pseudonymise."))
    name = unicodedata.normalize("NFC", student.strip()).encode()
    return "p-" + hmac.new(salt.encode(), name, hashlib.sha256).hexdigest()[:12]


def _env_flag(name: str) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ValueError(_("environment variable {name}={value} is not understood; use 1 or "
                       "0.").format(name=name, value=repr(raw)))


def pseudonym_salt(salt: str | None = None) -> str | None:
    """The salt to pseudonymise with: the argument, else the environment, else None (off)."""
    if salt is not None:
        if not salt:
            raise ValueError(_("salt='' given; pass a secret text, or None to not "
                               "pseudonymise."))
        return salt
    if not _env_flag("ARTETHICS_PSEUDONYMISE"):
        return None
    env_salt = os.environ.get("ARTETHICS_SALT", "")
    if not env_salt:
        raise ValueError(_(
            "ARTETHICS_PSEUDONYMISE=1 but ARTETHICS_SALT is empty; the instructor must set a "
            "secret salt shared by the class."
        ))
    return env_salt


def student_key(student: str) -> str:
    """A file-name-safe, collision-free form of a student's name.

    Plain lowercase names (letters, digits, '-', '_') are kept as they are; any other name
    gets a safe form plus 8 hex digits of its hash, so 'Li Wei' and 'li_wei' never share
    a file, even on a case-insensitive disk.
    """
    name = unicodedata.normalize("NFC", student.strip())
    safe = "".join(ch if (ch.isalnum() or ch in "-_") else "_" for ch in name.lower())[:40]
    if safe == name and not safe.startswith("-"):
        return safe
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{safe.strip('_') or 'student'}-{digest}"
