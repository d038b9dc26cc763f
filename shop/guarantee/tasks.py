"""Background work of the guarantee: the Stripe refund of an approved claim, and a periodic
sweep that resumes refunds whose worker was lost."""

from celery import shared_task

from .services import REFUND_CLAIM_TASK, refund_claim_now, resume_stalled_refunds


@shared_task(name=REFUND_CLAIM_TASK)
def refund_claim(*, claim_id: int) -> str:
    """Refund a claim through Stripe; a failure leaves it "refund failed — retry" for staff."""
    return refund_claim_now(claim_id=claim_id)


@shared_task
def resume_stalled_refunds_task() -> int:
    """Celery beat entry point: claims stuck in "refund in progress" get their task again."""
    return resume_stalled_refunds()
