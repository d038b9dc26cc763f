"""Errors of order placement, on top of Oscar's own."""

from oscar.apps.order.exceptions import *  # noqa: F403
from oscar.apps.order.exceptions import UnableToPlaceOrder


class InsufficientStock(UnableToPlaceOrder):
    """Another shopper bought the last units between the basket and "Place order"."""


class OrderLimitExceeded(UnableToPlaceOrder):
    """The basket asks for more units than one order, or one customer's unpaid orders, may
    hold (settings ``ORDER_MAX_UNITS_PER_PRODUCT``, ``ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER``)."""


class VoucherUnavailable(UnableToPlaceOrder):
    """A voucher of the basket can no longer be used (a single-use one used by another order
    meanwhile); ``voucher`` is the one to take off the basket."""

    def __init__(self, message: str, *, voucher) -> None:
        super().__init__(message)
        self.voucher = voucher


class FulfilmentRefused(Exception):
    """A shipment, delivery or shipping refund that the order's state does not allow; the
    message says why, in words staff can act on."""


class ShipmentRefused(FulfilmentRefused):
    """The lines, quantities or order status do not allow this shipment or delivery."""


class ShippingRefundRefused(FulfilmentRefused):
    """The amount is more than the shipping still refundable, or the order was never paid."""
