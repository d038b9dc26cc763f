"""Domain errors of the guarantee, each with a message the customer or staff can read."""


class ClaimRefused(Exception):
    """A claim the customer may not open; the message says why. Nothing is saved."""


class NotGuaranteed(ClaimRefused):
    """The order was sold without guarantee terms (before the guarantee existed)."""


class WindowClosed(ClaimRefused):
    """The guarantee window of the order has ended."""


class OrderNotPaid(ClaimRefused):
    """The order's money has not arrived (or it was cancelled): there is nothing to refund."""


class TooManyUnits(ClaimRefused):
    """More units than bought, or units already claimed or refunded."""


class ClaimStateError(Exception):
    """A staff action that the claim's current status does not allow (e.g. approved twice)."""
