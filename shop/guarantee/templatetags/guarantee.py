"""Presentation of an order's guarantee in the order pages (the claim panel include)."""

from django import template

from .. import selectors
from ..access import order_access_key

register = template.Library()


@register.simple_tag
def order_guarantee(order) -> dict:
    """The order's window and claims, for ``guarantee/includes/order_claim_panel.html``."""
    return {
        "window": selectors.guarantee_window(order=order),
        "claims": list(order.guarantee_claims.all()),
        "paid": order.status in selectors.PAID_STATUSES,
        "key": order_access_key(order),
    }
