"""The back-office part of fulfilment: record shipments and deliveries, refund shipping.

Its forms sit on Oscar's order page (templates/oscar/dashboard/orders/order_detail.html); the
URLs here take their posts. Only the Order handler role (and superusers) hold the permissions.

It also lists the unpaid orders that hold stock, and releases one (cancels it through the
payment service that closes its Stripe session first): changing stock is the Order handler's.
"""

from django.urls import path
from oscar.core.application import OscarDashboardConfig

SHIP = ["is_staff", "order.view_order", "order.record_shipment"]
REFUND = ["is_staff", "order.view_order", "order.add_shippingrefund"]
# Support agents read and change orders but not stock: releasing held stock is not theirs.
HELD_STOCK = ["is_staff", "order.change_order", "partner.change_stockrecord"]


class FulfilmentDashboardConfig(OscarDashboardConfig):
    name = "shop.fulfilment"
    label = "fulfilment_dashboard"
    verbose_name = "Fulfilment dashboard"

    default_permissions = ["is_staff"]
    permissions_map = {
        "record-shipment": SHIP,
        "mark-delivered": SHIP,
        "refund-shipping": REFUND,
        "held-stock": HELD_STOCK,
        "release-held-stock": HELD_STOCK,
    }

    def get_urls(self):
        from . import views

        urls = [
            path("<str:number>/shipments/", views.record_shipment, name="record-shipment"),
            path(
                "<str:number>/shipments/<int:pk>/delivered/",
                views.mark_delivered,
                name="mark-delivered",
            ),
            path("<str:number>/refund-shipping/", views.refund_shipping, name="refund-shipping"),
            path("held-stock/", views.held_stock, name="held-stock"),
            path(
                "held-stock/<str:number>/release/",
                views.release_held_stock,
                name="release-held-stock",
            ),
        ]
        return self.post_process_urls(urls)
