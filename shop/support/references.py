"""Request references: ``SR-`` and six characters that cannot be misread on the phone."""

import secrets

# No 0/O, 1/I/L or U/V look-alikes: customers read references out loud and type them back.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
LENGTH = 6
PREFIX = "SR-"


def random_reference() -> str:
    """A fresh random reference: 29**6 (about 600 million) values, so collisions are rare."""
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
