"""Background work of the payment app: automatic refunds and the periodic reconciliation."""

import logging

from celery import shared_task

from .gateway import PaymentProviderError
from .models import PaymentAttempt, StripeRefund
from .services import REFUND_UNPAYABLE_ATTEMPT_TASK, reconcile_payments, refund_attempt

logger = logging.getLogger(__name__)


@shared_task(
    name=REFUND_UNPAYABLE_ATTEMPT_TASK,
    autoretry_for=(PaymentProviderError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=12,
)
def refund_unpayable_attempt(*, attempt_id: int) -> str:
    """Refund a payment that arrived for an order that could no longer take it."""
    attempt = PaymentAttempt.objects.select_related("order").get(pk=attempt_id)
    if StripeRefund.objects.filter(payment_intent_id=attempt.payment_intent_id).exists():
        return "already refunded"
    refund = refund_attempt(attempt=attempt)
    logger.info(
        "Order #%s: refunded %s (%s)", attempt.order.number, refund.refund_id, refund.status
    )
    return refund.refund_id


@shared_task
def reconcile_payments_task() -> dict:
    """Celery beat entry point of ``manage.py reconcile_payments``."""
    report = reconcile_payments()
    return {"paid": report.paid, "cancelled": report.cancelled, "errors": report.errors}
