"""Fulfilment emails: the parcel is on its way (with its tracking link), the parcel arrived."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from oscar.core.loading import get_model

from shop.guarantee.selectors import guarantee_window
from shop.order.emails import delivery_estimate, support_url
from shop.outbox.services import queue_email

Order = get_model("order", "Order")


def _order_page_url(order: Order) -> str:
    """Where the customer sees the order: the account page, or the guest lookup."""
    if order.user_id:
        return settings.SITE_URL + reverse("customer:order", args=[order.number])
    return settings.SITE_URL + reverse("order:lookup")


def send_shipment_notice(*, order: Order, event, fulfilment) -> None:
    """Queue the "your parcel is on its way" email of one shipment, with its tracking link."""
    shipment = next(s for s in fulfilment.shipments if s.event.pk == event.pk)
    context = {
        "order": order,
        "shipment": shipment,
        "pending": fulfilment.pending,
        "order_url": _order_page_url(order),
        "support_url": support_url(),
        "delivery_estimate": delivery_estimate(order),
    }
    queue_email(
        to=[order.email],
        subject=f"Your QL Claw order #{order.number} is on its way",
        text_body=render_to_string("order/emails/shipped.txt", context),
        html_body=render_to_string("order/emails/shipped.html", context),
        user=order.user,
    )


def send_delivery_notice(*, order: Order, shipment, delivery) -> None:
    """Queue the "your parcel arrived" email, with the guarantee window that now runs."""
    context = {
        "order": order,
        "delivered_at": delivery.date_created,
        "carrier_name": shipment.notes,
        "items": [
            (quantity.line.title, quantity.quantity)
            for quantity in shipment.line_quantities.select_related("line")
        ],
        "window": guarantee_window(order=order),
        "order_url": _order_page_url(order),
        "support_url": support_url(),
    }
    queue_email(
        to=[order.email],
        subject=f"Your QL Claw order #{order.number} has arrived",
        text_body=render_to_string("order/emails/delivered.txt", context),
        html_body=render_to_string("order/emails/delivered.html", context),
        user=order.user,
    )
