"""Errors of order placement, on top of Oscar's own."""

from oscar.apps.order.exceptions import *  # noqa: F403
from oscar.apps.order.exceptions import UnableToPlaceOrder


class InsufficientStock(UnableToPlaceOrder):
    """Another shopper bought the last units between the basket and "Place order"."""


class FulfilmentRefused(Exception):
    """A shipment, delivery or shipping refund that the order's state does not allow; the
    message says why, in words staff can act on."""


class ShipmentRefused(FulfilmentRefused):
    """The lines, quantities or order status do not allow this shipment or delivery."""


class ShippingRefundRefused(FulfilmentRefused):
    """The amount is more than the shipping still refundable, or the order was never paid."""
