"""Errors of order placement, on top of Oscar's own."""

from oscar.apps.order.exceptions import *  # noqa: F403
from oscar.apps.order.exceptions import UnableToPlaceOrder


class InsufficientStock(UnableToPlaceOrder):
    """Another shopper bought the last units between the basket and "Place order"."""
