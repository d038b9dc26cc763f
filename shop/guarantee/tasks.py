"""Background work of the guarantee: the Stripe refund of an approved claim."""

from celery import shared_task

from .services import refund_claim_now


@shared_task
def refund_claim(*, claim_id: int) -> str:
    """Refund a claim through Stripe; a failure leaves it "refund failed — retry" for staff."""
    return refund_claim_now(claim_id=claim_id)
