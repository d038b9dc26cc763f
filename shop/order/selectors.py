"""Reads of orders: the guest lookup, the names of shipping events, and the unpaid orders
that hold stock."""

from django.conf import settings
from django.db.models import Prefetch, Sum
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


def orders_holding_stock():
    """Unpaid orders that hold stock, oldest first, with their lines (for the staff page)."""
    Line = get_model("order", "Line")
    return (
        Order.objects.filter(status=settings.OSCAR_INITIAL_ORDER_STATUS, lines__num_allocated__gt=0)
        .annotate(units_held=Sum("lines__num_allocated"))
        .select_related("user")
        .prefetch_related(
            Prefetch("lines", queryset=Line.objects.filter(num_allocated__gt=0).order_by("pk"))
        )
        .order_by("date_placed", "pk")
    )
