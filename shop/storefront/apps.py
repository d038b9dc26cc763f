"""Oscar's app, forked into shop/ so that the project can override single classes."""

from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    label = "storefront"
    verbose_name = "Storefront"
