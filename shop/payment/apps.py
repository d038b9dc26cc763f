"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.payment.apps as oscar_apps


class PaymentConfig(oscar_apps.PaymentConfig):
    name = "shop.payment"
