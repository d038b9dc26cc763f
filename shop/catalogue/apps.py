"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.catalogue.apps as oscar_apps


class CatalogueConfig(oscar_apps.CatalogueConfig):
    name = "shop.catalogue"
