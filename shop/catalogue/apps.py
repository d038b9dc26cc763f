"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.catalogue.apps as oscar_apps


class CatalogueConfig(oscar_apps.CatalogueConfig):
    name = "shop.catalogue"

    def ready(self) -> None:
        super().ready()
        from . import search  # noqa: F401  (registers products in the site search)
