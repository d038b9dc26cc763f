"""The checkout's shipping guard: a basket whose shipping looks wrong alerts the order handlers.

A parcel past the heaviest band, or a shipping charge above what is in the basket, is almost
always bad product data (a weight typed in grams, say). The buyer is still told a correct price
or that the basket cannot be shipped (see ``selectors.shipping_options``); staff hear of it by
email so the data gets fixed. One email per cause and destination a day: the same basket seen
on every checkout step, or many buyers of the same mis-weighed product, send one.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse

from shop.outbox.services import queue_email

from .methods import product_weight_kg
from .selectors import ShippingOptions

logger = logging.getLogger(__name__)

ALERT_DEDUPLICATION_SECONDS = 24 * 60 * 60
TOO_HEAVY = "too-heavy"
CHARGE_ABOVE_VALUE = "charge-above-value"


def shipping_anomalies(*, basket, options: ShippingOptions) -> list[str]:
    """Which signs of bad data this basket shows for this destination."""
    found = []
    if options.too_heavy_for_kg is not None:
        found.append(TOO_HEAVY)
    if options.methods:
        # The cheapest way to send it: Fast tracked costing more than a small accessory is
        # normal, Standard costing more than the goods is not.
        cheapest = min(method.calculate(basket).incl_tax for method in options.methods)
        if cheapest > basket.total_incl_tax_excl_discounts:
            found.append(CHARGE_ABOVE_VALUE)
    return found


def _alert_key(kind: str, basket, options: ShippingOptions) -> str:
    products = ",".join(str(pk) for pk in sorted({line.product_id for line in basket.all_lines()}))
    country = options.country.iso_3166_1_a2 if options.country else "-"
    digest = hashlib.sha256(f"{kind}:{country}:{products}".encode()).hexdigest()[:32]
    return f"shipping-alert:{digest}"


def alert_staff_of_unusual_shipping(*, basket, options: ShippingOptions) -> list[str]:
    """Log and email ORDER_STAFF_EMAILS about each new anomaly; return the kinds alerted."""
    if basket is None or basket.is_empty:
        return []
    alerted = []
    for kind in shipping_anomalies(basket=basket, options=options):
        try:
            is_new = cache.add(_alert_key(kind, basket, options), 1, ALERT_DEDUPLICATION_SECONDS)
        except Exception:
            # The guard must never stop a checkout; the warning below still records it.
            logger.exception("Shipping alert deduplication unavailable")
            is_new = False
        # Logged once per alert: Oscar asks for the methods several times per page.
        (logger.warning if is_new else logger.debug)(
            "Shipping check %s: basket %s to %s weighs %s kg, items %s",
            kind,
            basket.pk,
            options.country.iso_3166_1_a2 if options.country else "?",
            options.weight_kg,
            basket.total_incl_tax_excl_discounts,
        )
        if is_new:
            _queue_alert(kind=kind, basket=basket, options=options)
            alerted.append(kind)
    return alerted


def _queue_alert(*, kind: str, basket, options: ShippingOptions) -> None:
    lines = [
        {
            "title": line.product.get_title(),
            "upc": line.product.upc,
            "quantity": line.quantity,
            "unit_weight_kg": product_weight_kg(line.product),
            "dashboard_url": settings.SITE_URL
            + reverse("dashboard:catalogue-product", kwargs={"pk": line.product_id}),
        }
        for line in basket.all_lines()
    ]
    charges = [(method.name, method.calculate(basket).incl_tax) for method in options.methods]
    context = {
        "kind": kind,
        "too_heavy": kind == TOO_HEAVY,
        "basket": basket,
        "country": options.country,
        "weight_kg": options.weight_kg,
        "limit_kg": options.too_heavy_for_kg,
        "items_value": basket.total_incl_tax_excl_discounts,
        "currency": basket.currency,
        "lines": lines,
        "charges": charges,
    }
    destination = options.country.printable_name if options.country else "an unknown country"
    what = "too heavy to ship" if kind == TOO_HEAVY else "shipping costs more than the goods"
    queue_email(
        to=list(settings.ORDER_STAFF_EMAILS),
        subject=f"Shipping check: a basket to {destination} is {what}",
        text_body=render_to_string("shipping/emails/staff_shipping_alert.txt", context),
    )
