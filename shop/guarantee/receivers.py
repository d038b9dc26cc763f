"""What the guarantee does when the payment app reports something (shop/payment/signals.py)."""

from shop.payment.models import StripeRefund

from .services import reconcile_stripe_refund


def reconcile_recorded_refund(*, sender, record: StripeRefund, metadata: dict, **kwargs) -> None:
    """A refund reached Stripe: finish the claim it pays, or note a dashboard refund."""
    reconcile_stripe_refund(record=record, metadata=metadata)
