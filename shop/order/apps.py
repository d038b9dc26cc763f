"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.order.apps as oscar_apps


class OrderConfig(oscar_apps.OrderConfig):
    name = "shop.order"
