"""The development profile's secret key: random, made once per checkout, kept in an ignored file.

A key written in the source would let anyone sign what the site trusts (guest order links,
sessions, password-reset tokens) on every site started with the embedded defaults. The first
command run without ``DJANGO_SECRET_KEY`` (``make run`` runs ``migrate`` first) makes the file;
every later process of the checkout reads the same key, so sessions survive a restart.
"""

import os
import secrets
import warnings
from pathlib import Path


def development_secret_key(path: Path) -> str:
    """The key stored at ``path``, made (readable by its owner only) when there is none yet."""
    try:
        return path.read_text().strip() or _write_new_key(path, replace=True)
    except FileNotFoundError:
        return _write_new_key(path, replace=False)


def _write_new_key(path: Path, *, replace: bool) -> str:
    key = secrets.token_urlsafe(64)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:  # another process made it a moment ago: use theirs
        return path.read_text().strip()
    except OSError as error:
        # A read-only checkout: a key for this process alone is still one nobody knows.
        warnings.warn(f"Cannot store the development secret key in {path}: {error}", stacklevel=2)
        return key
    with os.fdopen(descriptor, "w") as file:
        file.write(key + "\n")
    return key
