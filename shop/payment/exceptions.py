"""Domain errors of the payment app, turned into clear messages or status codes at the edge."""


class PaymentError(Exception):
    """Base of the payment app's errors."""


class OrderNotPayable(PaymentError):
    """The order is not waiting for payment (paid already, or cancelled)."""


class OrderNotFoundYet(PaymentError):
    """A Stripe object names an order or attempt this shop does not know (yet)."""


class PaymentProcessing(OrderNotPayable):
    """A delayed payment for the order is still processing; no other payment may start."""
