"""Names customers type (contact form, comments, addresses) as one plain line of text.

A name is copied into email bodies and greetings, and shown to staff. A CR or LF in it could
start a new line of a message (a forged "From:" line in a staff notification) or, wherever a
name reaches a header, a new header; bidi overrides can make it read differently from what it
is. Every form that takes a customer's name cleans it here, in one place.
"""

import re
import unicodedata

from django import forms

# Characters that change how the text around them reads: bidi embeddings, overrides, isolates.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
WHITESPACE_RUN = re.compile(r"\s+")


def _is_control(character: str) -> bool:
    # Cc: C0/C1 controls (CR, LF, NUL, tab, ESC...); Zl/Zp: Unicode line and paragraph breaks.
    return unicodedata.category(character) in ("Cc", "Zl", "Zp") or character in BIDI_CONTROLS


def single_line(value: str) -> str:
    """``value`` as one line: control characters become spaces, whitespace runs one space."""
    spaced = "".join(" " if _is_control(character) else character for character in value)
    return WHITESPACE_RUN.sub(" ", spaced).strip()


class NameField(forms.CharField):
    """A name field: cleaned by ``single_line`` before the length and required checks."""

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if value else value
