"""Taking payment for an order with Stripe Checkout, order first.

The order exists (status "Pending payment", stock allocated) before the customer is sent to
Stripe. ``start_checkout`` opens a Checkout Session for it; ``finalize_checkout_session`` is the
one place where an order becomes paid, whoever calls it first (the customer's return, a webhook,
or the reconcile command); ``end_checkout_session`` cancels an order whose payment will not come.

Lock order, everywhere: payment attempt, then order, then stock records.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from celery import signature
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.order.emails import send_order_confirmation
from shop.order.services import CANCELLED, PAID, PENDING, cancel_pending_order

from .emails import tell_staff_of_dispute
from .exceptions import OrderNotFoundYet, OrderNotPayable, PaymentProcessing
from .gateway import (
    CheckoutSession,
    PaymentProviderError,
    from_minor_units,
    get_gateway,
    to_minor_units,
)
from .models import PaymentAttempt, PaymentIssue, StripeRefund, StripeWebhookEvent
from .signals import refund_recorded

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

logger = logging.getLogger(__name__)

# Background work is enqueued by the task's name after commit: the tasks import this module,
# never the other way round.
REFUND_UNPAYABLE_ATTEMPT_TASK = "shop.payment.tasks.refund_unpayable_attempt"

# A reused attempt's session must still have Stripe's minimum lifetime (30 min) plus slack.
REUSE_MARGIN_SECONDS = 35 * 60


# ----------------------------------------------------------------------------------------------
# Opening a Checkout Session


def stock_hold_seconds(*, order: Order) -> int:
    """How long the order's Checkout Session stays open, and so its stock held: shorter for
    an order of many units (``ORDER_LARGE_HOLD_UNITS``), which a hoarder would place."""
    if order.num_items >= settings.ORDER_LARGE_HOLD_UNITS:
        return min(settings.ORDER_LARGE_HOLD_SECONDS, settings.STRIPE_CHECKOUT_EXPIRY_SECONDS)
    return settings.STRIPE_CHECKOUT_EXPIRY_SECONDS


def _checkout_params(*, order: Order, attempt: PaymentAttempt, base_url: str) -> dict:
    metadata = {"order_number": order.number, "attempt": str(attempt.number)}
    return {
        "mode": "payment",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": attempt.currency.lower(),
                    "unit_amount": attempt.amount,
                    "product_data": {"name": f"Order #{order.number}"},
                },
            }
        ],
        "customer_email": order.email,
        "client_reference_id": order.number,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "success_url": base_url + reverse("payment:return") + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": base_url + reverse("payment:cancelled", args=[order.number]),
        # Fixed per attempt, so a retry sends the same parameters under the same idempotency key.
        "expires_at": int(attempt.created.timestamp()) + stock_hold_seconds(order=order),
    }


def _expire_open_attempts(*, order: Order) -> None:
    """Close the order's open sessions at Stripe first, so a customer never has two to pay."""
    gateway = get_gateway()
    for attempt in order.payment_attempts.filter(status=PaymentAttempt.Status.OPEN):
        session = gateway.expire_checkout_session(attempt.stripe_session_id)
        if session.payment_status == "paid":
            finalize_checkout_session(session_id=session.id)
            raise OrderNotPayable(f"Order #{order.number} has been paid.")
        if session.status == "complete":
            # A delayed payment method (bank debit) is still processing: a second session
            # could be paid too, so none is opened until that one succeeds or fails.
            raise PaymentProcessing(f"Order #{order.number}: a payment is processing.")
        PaymentAttempt.objects.filter(pk=attempt.pk, status=PaymentAttempt.Status.OPEN).update(
            status=PaymentAttempt.Status.EXPIRED, updated=timezone.now()
        )


def _reserve_attempt(*, order: Order) -> PaymentAttempt:
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != PENDING:
            raise OrderNotPayable(f"Order #{order.number} is {order.status.lower()}.")
        latest = order.payment_attempts.order_by("-number").first()
        if latest and latest.status == PaymentAttempt.Status.CREATING:
            # The last call to Stripe got no answer. Retrying with the same idempotency key
            # returns the session it may have created, as long as that session would still have
            # the 30 minutes Stripe requires; an older one is given up (nobody saw its URL).
            reuse_until = latest.created + timedelta(
                seconds=stock_hold_seconds(order=order) - REUSE_MARGIN_SECONDS
            )
            if timezone.now() < reuse_until:
                return latest
            latest.status = PaymentAttempt.Status.FAILED
            latest.save(update_fields=["status", "updated"])
        elif latest and latest.status == PaymentAttempt.Status.OPEN:
            return latest  # a concurrent request just opened one
        return PaymentAttempt.objects.create(
            order=order,
            number=(latest.number + 1) if latest else 1,
            amount=to_minor_units(order.total_incl_tax, order.currency),
            currency=order.currency.upper(),
        )


def start_checkout(*, order: Order, base_url: str) -> PaymentAttempt:
    """Open a Checkout Session for a pending order and return its attempt (with the URL).

    Runs outside any transaction: each step commits before Stripe is called, so no row lock is
    held during a network call. Raises ``OrderNotPayable`` or ``PaymentProviderError``.
    """
    _expire_open_attempts(order=order)
    attempt = _reserve_attempt(order=order)
    if attempt.status == PaymentAttempt.Status.OPEN:
        return attempt
    session = get_gateway().create_checkout_session(
        params=_checkout_params(order=order, attempt=attempt, base_url=base_url),
        idempotency_key=attempt.idempotency_key,
    )
    PaymentAttempt.objects.filter(pk=attempt.pk, status=PaymentAttempt.Status.CREATING).update(
        stripe_session_id=session.id,
        checkout_url=session.url,
        status=PaymentAttempt.Status.OPEN,
        updated=timezone.now(),
    )
    attempt.refresh_from_db()
    logger.info("Order #%s: checkout session %s opened", order.number, session.id)
    return attempt


# ----------------------------------------------------------------------------------------------
# The one finaliser


class Outcome(StrEnum):
    PAID = "paid"
    ALREADY_DONE = "already-done"
    NOT_PAID = "not-paid"
    REFUNDED = "refunded-order-not-payable"
    MISMATCH = "amount-mismatch"


@dataclass(frozen=True)
class FinalizeResult:
    outcome: Outcome
    order: Order


def _attempt_for(session: CheckoutSession) -> PaymentAttempt:
    attempt = PaymentAttempt.objects.filter(stripe_session_id=session.id).first()
    if attempt is None and session.order_number and session.attempt_number:
        # The session was created but its id never reached our database (lost response).
        attempt = PaymentAttempt.objects.filter(
            order__number=session.order_number,
            number=session.attempt_number,
            stripe_session_id__isnull=True,
        ).first()
    if attempt is None:
        raise OrderNotFoundYet(f"No payment attempt for checkout session {session.id}")
    return attempt


def _record_payment(*, order: Order, attempt: PaymentAttempt, session: CheckoutSession) -> None:
    amount = order.total_incl_tax
    source_type, _ = SourceType.objects.get_or_create(code="stripe", defaults={"name": "Stripe"})
    Source.objects.create(
        order=order,
        source_type=source_type,
        currency=order.currency,
        amount_allocated=amount,
        amount_debited=amount,
        reference=session.payment_intent,
        label=f"Stripe Checkout {session.id}",
    )
    event_type, _ = PaymentEventType.objects.get_or_create(code="paid", defaults={"name": "Paid"})
    event = PaymentEvent.objects.create(
        order=order, event_type=event_type, amount=amount, reference=session.payment_intent
    )
    PaymentEventQuantity.objects.bulk_create(
        PaymentEventQuantity(event=event, line=line, quantity=line.quantity)
        for line in order.lines.all()
    )


def finalize_checkout_session(*, session_id: str) -> FinalizeResult:
    """Make the order of a paid Checkout Session paid, exactly once.

    Reads the session from Stripe (never from the caller), requires ``payment_status == "paid"``
    and the attempt's amount and currency, then under locks (attempt, then order) records the
    payment, moves the order to "Paid" and queues the confirmation email. Later calls change
    nothing. A payment for an order that is no longer payable is refunded and flagged.
    Never creates a session or a payment.
    """
    session = get_gateway().retrieve_checkout_session(session_id)
    attempt = _attempt_for(session)
    if session.payment_status != "paid":
        return FinalizeResult(Outcome.NOT_PAID, attempt.order)
    with transaction.atomic():
        attempt = PaymentAttempt.objects.select_for_update().get(pk=attempt.pk)
        order = Order.objects.select_for_update().get(pk=attempt.order_id)
        if attempt.status in (
            PaymentAttempt.Status.PAID,
            PaymentAttempt.Status.REFUNDED,
            PaymentAttempt.Status.MISMATCH,
        ):
            return FinalizeResult(Outcome.ALREADY_DONE, order)
        attempt.stripe_session_id = session.id
        attempt.payment_intent_id = session.payment_intent
        if session.amount_total != attempt.amount or session.currency != attempt.currency:
            attempt.status = PaymentAttempt.Status.MISMATCH
            attempt.save()
            PaymentIssue.objects.create(
                order=order,
                kind=PaymentIssue.Kind.AMOUNT_MISMATCH,
                stripe_object_id=session.id,
                detail=(
                    f"Stripe reports {session.amount_total} {session.currency}; "
                    f"the attempt expected {attempt.amount} {attempt.currency}."
                ),
            )
            logger.error("Order #%s: paid amount does not match (%s)", order.number, session.id)
            return FinalizeResult(Outcome.MISMATCH, order)
        if order.status != PENDING:
            attempt.status = PaymentAttempt.Status.REFUNDED
            attempt.save()
            PaymentIssue.objects.create(
                order=order,
                kind=PaymentIssue.Kind.PAID_AFTER_CANCELLATION,
                stripe_object_id=session.payment_intent,
                detail=(
                    f"Payment {session.payment_intent} arrived while the order was "
                    f"{order.status}; it is refunded automatically."
                ),
            )
            _queue_refund(attempt=attempt)
            logger.warning("Order #%s: paid while %s, refunding", order.number, order.status)
            return FinalizeResult(Outcome.REFUNDED, order)
        _record_payment(order=order, attempt=attempt, session=session)
        attempt.status = PaymentAttempt.Status.PAID
        attempt.paid_at = timezone.now()
        attempt.save()
        order.set_status_by_service(PAID)
        send_order_confirmation(order=order)
    logger.info("Order #%s paid (%s)", order.number, session.payment_intent)
    return FinalizeResult(Outcome.PAID, order)


def _queue_refund(*, attempt: PaymentAttempt) -> None:
    attempt_id = attempt.pk
    transaction.on_commit(
        lambda: signature(REFUND_UNPAYABLE_ATTEMPT_TASK, kwargs={"attempt_id": attempt_id}).delay()
    )


def refund_attempt(*, attempt: PaymentAttempt) -> StripeRefund:
    """Refund the whole amount of an attempt (idempotent by attempt) and record the refund."""
    refund = get_gateway().refund_payment(
        payment_intent=attempt.payment_intent_id,
        amount=attempt.amount,
        idempotency_key=f"refund:{attempt.order.number}:{attempt.number}",
    )
    record, _ = StripeRefund.objects.update_or_create(
        refund_id=refund.id,
        defaults={
            "order": attempt.order,
            "payment_intent_id": attempt.payment_intent_id,
            "amount": refund.amount,
            "currency": refund.currency or attempt.currency,
            "status": refund.status,
        },
    )
    return record


def complete_free_order(*, order: Order) -> bool:
    """A zero-total order (a 100 % voucher) is paid without Stripe; returns True when done now."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != PENDING or order.total_incl_tax != Decimal("0.00"):
            return False
        order.set_status_by_service(PAID)
        send_order_confirmation(order=order)
    return True


# ----------------------------------------------------------------------------------------------
# Sessions that end without payment


def end_checkout_session(*, session_id: str, reason: str) -> Outcome | None:
    """A session expired or its delayed payment failed: close its attempt and cancel the order
    (releasing stock and voucher usage) unless another attempt is still running or it is paid.
    """
    session = get_gateway().retrieve_checkout_session(session_id)
    if session.payment_status == "paid":
        return finalize_checkout_session(session_id=session_id).outcome
    attempt = _attempt_for(session)
    with transaction.atomic():
        attempt = PaymentAttempt.objects.select_for_update().get(pk=attempt.pk)
        order = Order.objects.select_for_update().get(pk=attempt.order_id)
        if attempt.status in (PaymentAttempt.Status.OPEN, PaymentAttempt.Status.CREATING):
            attempt.stripe_session_id = session.id
            attempt.status = (
                PaymentAttempt.Status.EXPIRED
                if session.status == "expired"
                else PaymentAttempt.Status.FAILED
            )
            attempt.save()
        still_running = order.payment_attempts.filter(
            status__in=[PaymentAttempt.Status.OPEN, PaymentAttempt.Status.CREATING]
        ).exists()
        if order.status == PENDING and not still_running:
            cancel_pending_order(order=order, reason=reason)
            return None
    return None


def abandon_checkout(
    *, order: Order, reason: str = "The customer went back to the basket."
) -> bool:
    """The customer chose to go back to the basket (or staff released the order's stock):
    close the open sessions, cancel the order.

    Returns False when the order turned out to be paid (the payment beat the customer's click)
    or a delayed payment is still processing.
    """
    try:
        _expire_open_attempts(order=order)
    except OrderNotPayable:
        return False
    order.refresh_from_db()
    if order.status == PAID:
        return False
    cancel_pending_order(order=order, reason=reason)
    return True


# ----------------------------------------------------------------------------------------------
# Webhook events


def _order_for_payment_intent(payment_intent: str) -> Order:
    attempt = (
        PaymentAttempt.objects.select_related("order")
        .filter(payment_intent_id=payment_intent)
        .exclude(payment_intent_id="")
        .first()
    )
    if attempt is None:
        raise OrderNotFoundYet(f"No order paid with {payment_intent}")
    return attempt.order


def _record_refund(data: dict) -> None:
    order = _order_for_payment_intent(data.get("payment_intent") or "")
    record, _ = StripeRefund.objects.update_or_create(
        refund_id=data["id"],
        defaults={
            "order": order,
            "payment_intent_id": data.get("payment_intent") or "",
            "amount": int(data.get("amount") or 0),
            "currency": (data.get("currency") or order.currency).upper(),
            "status": data.get("status") or "",
        },
    )
    # Whoever the refund concerns (the guarantee: the claim it pays, or a refund made in
    # Stripe's dashboard) hears of it inside this transaction, so a failure rolls it back.
    refund_recorded.send(sender=StripeRefund, record=record, metadata=data.get("metadata") or {})


def _handle_dispute(data: dict) -> None:
    order = _order_for_payment_intent(data.get("payment_intent") or "")
    _, created = PaymentIssue.objects.get_or_create(
        kind=PaymentIssue.Kind.DISPUTE,
        stripe_object_id=data["id"],
        defaults={
            "order": order,
            "detail": f"Dispute of {data.get('amount')} ({data.get('reason') or 'no reason'}).",
        },
    )
    if created:
        OrderNote.objects.create(
            order=order,
            note_type=OrderNote.WARNING,
            message=f"Stripe dispute {data['id']} opened: reply in Stripe's dashboard.",
        )
        currency = (data.get("currency") or order.currency).upper()
        tell_staff_of_dispute(
            order=order,
            dispute_id=data["id"],
            amount=from_minor_units(data.get("amount") or 0, currency),
            currency=currency,
            reason=str(data.get("reason") or ""),
            evidence_due=_evidence_deadline(data),
        )


def _evidence_deadline(dispute: dict) -> datetime | None:
    """When the evidence is due (a Unix time in Stripe's dispute), or None if it says nothing
    usable: the alert then points to Stripe's dashboard rather than the event failing."""
    due_by = (dispute.get("evidence_details") or {}).get("due_by")
    try:
        return datetime.fromtimestamp(int(due_by), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _object_id(event: dict) -> str:
    return str(((event.get("data") or {}).get("object") or {}).get("id") or "")


def process_webhook_event(*, event: dict) -> str:
    """Apply one verified webhook event, exactly once; return what happened.

    The event id is recorded in the same transaction as the effect, so a replay or a concurrent
    duplicate changes nothing. ``OrderNotFoundYet`` and ``PaymentProviderError`` propagate (and
    roll back the record) so that the view answers non-2xx and Stripe delivers again.
    """
    event_type = event.get("type") or ""
    data = (event.get("data") or {}).get("object") or {}
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeWebhookEvent.objects.create(
                    event_id=event["id"], type=event_type, object_id=_object_id(event)
                )
        except IntegrityError:
            return "duplicate"
        if event_type in (
            "checkout.session.completed",
            "checkout.session.async_payment_succeeded",
        ):
            outcome = str(finalize_checkout_session(session_id=data["id"]).outcome)
        elif event_type == "checkout.session.expired":
            end_checkout_session(session_id=data["id"], reason="The payment session expired.")
            outcome = "ended"
        elif event_type == "checkout.session.async_payment_failed":
            end_checkout_session(session_id=data["id"], reason="The delayed payment failed.")
            outcome = "ended"
        elif event_type == "charge.refunded":
            for refund in (data.get("refunds") or {}).get("data") or []:
                _record_refund({"payment_intent": data.get("payment_intent"), **refund})
            outcome = "refund recorded"
        elif event_type == "refund.updated":
            _record_refund(data)
            outcome = "refund recorded"
        elif event_type == "charge.dispute.created":
            _handle_dispute(data)
            outcome = "dispute flagged"
        else:
            outcome = "ignored"
        record.outcome = outcome
        record.save(update_fields=["outcome"])
    return outcome


# ----------------------------------------------------------------------------------------------
# Reconciliation (lost webhooks, closed browsers)


@dataclass
class ReconcileReport:
    paid: int = 0
    cancelled: int = 0
    errors: int = 0


def reconcile_payments() -> ReconcileReport:
    """Finalise paid sessions whose order is still pending; cancel the ones that expired.

    Also cancels pending orders that never got a session, once a session would have expired.
    """
    report = ReconcileReport()
    gateway = get_gateway()
    attempts = PaymentAttempt.objects.filter(
        status=PaymentAttempt.Status.OPEN, order__status=PENDING
    ).exclude(stripe_session_id=None)
    for attempt in attempts.order_by("pk"):
        try:
            session = gateway.retrieve_checkout_session(attempt.stripe_session_id)
            if session.payment_status == "paid":
                if finalize_checkout_session(session_id=session.id).outcome == Outcome.PAID:
                    report.paid += 1
            elif session.status == "expired":
                end_checkout_session(session_id=session.id, reason="The payment session expired.")
                attempt.order.refresh_from_db()
                report.cancelled += attempt.order.status == CANCELLED
        except (PaymentProviderError, OrderNotFoundYet) as error:
            report.errors += 1
            logger.warning("Reconcile: attempt %s: %s", attempt.pk, error)
    stale = timezone.now() - timedelta(seconds=settings.STRIPE_CHECKOUT_EXPIRY_SECONDS + 3600)
    orphans = Order.objects.filter(status=PENDING, date_placed__lt=stale).exclude(
        payment_attempts__status__in=[PaymentAttempt.Status.OPEN, PaymentAttempt.Status.PAID]
    )
    for order in orphans:
        if cancel_pending_order(order=order, reason="No payment was started in time."):
            report.cancelled += 1
    return report
