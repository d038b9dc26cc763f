"""Reads of the payment app."""

from oscar.core.loading import get_model

Order = get_model("order", "Order")


def payable_order(*, number: str) -> Order | None:
    """The order with its lines, address and terms, as the payment pages show it."""
    return (
        Order.objects.select_related("shipping_address", "guarantee_terms", "user")
        .prefetch_related("lines")
        .filter(number=number)
        .first()
    )
