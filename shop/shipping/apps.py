"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.shipping.apps as oscar_apps


class ShippingConfig(oscar_apps.ShippingConfig):
    name = "shop.shipping"
