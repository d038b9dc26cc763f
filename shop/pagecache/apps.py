"""The page cache: connects the invalidation receivers."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "shop.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
