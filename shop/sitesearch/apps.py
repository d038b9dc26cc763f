"""The site search app; registers the searchable kinds the shop itself owns."""

from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "shop.sitesearch"
    label = "sitesearch"
    verbose_name = "Site search"

    def ready(self) -> None:
        from . import kinds  # noqa: F401  (registers the shop's searchable kinds)
