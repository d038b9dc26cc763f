"""Content generations: one token per kind of content, changed whenever that content changes.

A cached page's key includes the tokens of every kind it shows, so changing a kind's token makes
every page that shows that kind miss (and be rendered afresh) without finding or deleting keys;
the stale entries simply expire. Tokens are random rather than counters so that a token lost from
the cache (eviction, a Redis restart) is replaced by one no old key can contain.
"""

import uuid
from collections.abc import Iterable

from django.core.cache import cache

KEY_PREFIX = "pagecache:generation:"


def _new_token() -> str:
    return uuid.uuid4().hex


def current(*, kinds: Iterable[str]) -> dict[str, str]:
    """The current token of each kind, creating the missing ones (one cache round trip if warm)."""
    kinds = sorted(set(kinds))
    found = cache.get_many([KEY_PREFIX + kind for kind in kinds])
    tokens = {}
    for kind in kinds:
        token = found.get(KEY_PREFIX + kind)
        if token is None:
            # add() so that two processes creating it at once agree on one token.
            cache.add(KEY_PREFIX + kind, _new_token(), timeout=None)
            token = cache.get(KEY_PREFIX + kind) or ""
        tokens[kind] = token
    return tokens


def bump(*, kind: str) -> None:
    """Give the kind a new token: every cached page showing it misses from now on."""
    cache.set(KEY_PREFIX + kind, _new_token(), timeout=None)
