"""Oscar apps whose customer-facing features this shop switches off.

Wishlists, stock alerts and account notifications are not part of the shop: rather than leave
pages in Oscar's look behind, their URLs are not mounted at all (so every link to them is gone
too). The apps stay installed because Oscar's models and dashboard refer to them.
"""

from oscar.apps.customer import apps as customer_apps
from oscar.apps.wishlists import apps as wishlists_apps

# URL names (and paths) of the account features that are switched off.
SWITCHED_OFF_PREFIXES = ("wishlists", "alerts", "notifications")


def _is_switched_off(pattern) -> bool:
    route = str(pattern.pattern)
    name = pattern.name or ""
    return route.startswith(SWITCHED_OFF_PREFIXES) or name.startswith(SWITCHED_OFF_PREFIXES)


class CustomerConfig(customer_apps.CustomerConfig):
    """Oscar's account pages without wishlists, stock alerts and notifications."""

    def get_urls(self):
        return [pattern for pattern in super().get_urls() if not _is_switched_off(pattern)]


class WishlistsConfig(wishlists_apps.WishlistsConfig):
    """Oscar's shared-wishlist page, not mounted."""

    def get_urls(self):
        return []
