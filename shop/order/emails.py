"""The customer's order emails (HTML + text): the confirmation once the order is paid, a notice
with the tracking link for each shipment, and one for each delivery. All leave through the
outbox after commit."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from oscar.core.loading import get_model

from shop.guarantee.selectors import guarantee_window
from shop.shipping.selectors import zone_for_country
from shop.storefront.emails import queue_email

Order = get_model("order", "Order")


def _support_url() -> str:
    try:
        return settings.SITE_URL + reverse("support:contact")
    except NoReverseMatch:
        return settings.SITE_URL + "/policies/support/"


def delivery_estimate(order: Order) -> str:
    """The delivery estimate of the order's shipping service to its destination."""
    country = order.shipping_address.country_id if order.shipping_address else None
    zone = zone_for_country(country)
    if zone is None:
        return ""
    for zone_service in zone.services.all():
        if zone_service.service == order.shipping_code:
            return zone_service.estimate
    return ""


def send_order_confirmation(*, order: Order) -> None:
    """Queue the confirmation email; it leaves after the surrounding transaction commits."""
    context = {
        "order": order,
        "lines": list(order.lines.all()),
        "shipping_address": order.shipping_address,
        "delivery_estimate": delivery_estimate(order),
        "terms": order.guarantee_terms,
        "support_url": _support_url(),
        "lookup_url": settings.SITE_URL + reverse("order:lookup"),
        "guarantee_url": settings.SITE_URL + "/guarantee/",
        "SITE_URL": settings.SITE_URL,
    }
    queue_email(
        to=[order.email],
        subject=f"Your QL Claw order #{order.number} is confirmed",
        text_body=render_to_string("order/emails/confirmation.txt", context),
        html_body=render_to_string("order/emails/confirmation.html", context),
        user=order.user,
    )


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
        "support_url": _support_url(),
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
        "support_url": _support_url(),
    }
    queue_email(
        to=[order.email],
        subject=f"Your QL Claw order #{order.number} has arrived",
        text_body=render_to_string("order/emails/delivered.txt", context),
        html_body=render_to_string("order/emails/delivered.html", context),
        user=order.user,
    )
