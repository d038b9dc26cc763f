"""The header's main navigation.

Each entry names a URL; an entry whose URL is not mounted (yet) is left out rather than
rendered as a dead link, so a section appears in the header the moment its app ships.
"""

from functools import cache

from django.urls import NoReverseMatch, reverse

MAIN_NAVIGATION: tuple[tuple[str, str], ...] = (
    ("Learn", "articles:index"),
    ("Pain finder", "painfinder:index"),
    ("Shop", "catalogue:index"),
    ("Support", "support:contact"),
)


@cache
def main_navigation() -> tuple[tuple[str, str], ...]:
    """Return ``(label, path)`` pairs for the sections that are mounted."""
    links = []
    for label, url_name in MAIN_NAVIGATION:
        try:
            links.append((label, reverse(url_name)))
        except NoReverseMatch:
            continue
    return tuple(links)
