"""The customer's order emails (HTML + text): the confirmation once the order is paid, a notice
with the tracking link for each shipment, and one for each delivery. All leave through the
outbox after commit."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from oscar.core.loading import get_model

from shop.outbox.services import queue_email
from shop.shipping.selectors import zone_for_country

Order = get_model("order", "Order")


def support_url() -> str:
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
        "support_url": support_url(),
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
