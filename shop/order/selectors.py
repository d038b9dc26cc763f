"""Reads of orders for customers: the guest lookup, and the names of shipping events."""

from oscar.core.loading import get_model

Order = get_model("order", "Order")

# The names of Oscar's shipping event types this shop records; the guarantee's window reads
# the same names (shop.guarantee.selectors).
SHIPPED = "Shipped"
DELIVERED = "Delivered"


def order_for_lookup(*, number: str, email: str) -> "Order | None":
    """The order with this number whose customer email matches (case-insensitive), else None.

    A wrong email and an unknown number give the same answer, so the lookup reveals nothing.
    """
    order = (
        Order.objects.select_related("user", "shipping_address", "guarantee_terms")
        .prefetch_related("lines")
        .filter(number=number.strip().lstrip("#"))
        .first()
    )
    if order is None or (order.email or "").strip().lower() != email.strip().lower():
        return None
    return order
