"""The back-office part of fulfilment: record shipments and deliveries, refund shipping.

Its forms sit on Oscar's order page (templates/oscar/dashboard/orders/order_detail.html); the
URLs here take their posts. Only the Order handler role (and superusers) hold the permissions.
"""

from django.urls import path
from oscar.core.application import OscarDashboardConfig

SHIP = ["is_staff", "order.view_order", "order.record_shipment"]
REFUND = ["is_staff", "order.view_order", "order.add_shippingrefund"]


class FulfilmentDashboardConfig(OscarDashboardConfig):
    name = "shop.fulfilment"
    label = "fulfilment_dashboard"
    verbose_name = "Fulfilment dashboard"

    default_permissions = ["is_staff"]
    permissions_map = {
        "record-shipment": SHIP,
        "mark-delivered": SHIP,
        "refund-shipping": REFUND,
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
        ]
        return self.post_process_urls(urls)
