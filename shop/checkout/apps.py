"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.checkout.apps as oscar_apps


class CheckoutConfig(oscar_apps.CheckoutConfig):
    name = "shop.checkout"
