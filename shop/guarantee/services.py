"""Operations of the guarantee: terms, opening claims, the staff steps, and the Stripe refund.

Lock order everywhere: the order row, then the claim row. Every step writes a ``ClaimEvent``
and emails the customer on commit. The refund itself is a Celery task started on commit; it
calls Stripe with the idempotency key ``mbg:<reference>:<attempt>`` and metadata naming the
claim, so a replayed task, a second worker or a retry after a failure finds the refund that was
made instead of making another.
"""

import logging
import secrets
from datetime import timedelta
from decimal import Decimal

from celery import signature
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.outbox.services import queue_email
from shop.payment.gateway import (
    PaymentProviderError,
    Refund,
    from_minor_units,
    get_gateway,
    to_minor_units,
)
from shop.payment.models import PaymentAttempt, StripeRefund

from . import selectors
from .access import claim_access_key
from .exceptions import ClaimStateError, NotGuaranteed, OrderNotPaid, TooManyUnits, WindowClosed
from .models import ClaimEvent, ClaimLine, ClaimPhoto, GuaranteeClaim, GuaranteeTerms

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
StockRecord = get_model("partner", "StockRecord")

logger = logging.getLogger(__name__)

# Background work is enqueued by the task's name after commit: the tasks import this module,
# never the other way round.
REFUND_CLAIM_TASK = "shop.guarantee.tasks.refund_claim"

Status = GuaranteeClaim.Status
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"  # no 0/O, 1/I/L, U/V look-alikes
REFUND_METADATA_KEY = "guarantee_claim"


@transaction.atomic
def make_terms_current(*, terms: GuaranteeTerms) -> GuaranteeTerms:
    """Put ``terms`` in force, retiring the previous version in the same transaction."""
    GuaranteeTerms.objects.select_for_update().filter(is_current=True).exclude(pk=terms.pk).update(
        is_current=False
    )
    if not terms.is_current:
        terms.is_current = True
        terms.save(update_fields=["is_current"])
    return terms


@transaction.atomic
def create_terms_version(*, fields: dict, publish: bool) -> GuaranteeTerms:
    """Save a new version (numbered after the latest) and, if asked, put it in force."""
    latest = GuaranteeTerms.objects.select_for_update().order_by("-version").first()
    terms = GuaranteeTerms.objects.create(version=(latest.version + 1) if latest else 1, **fields)
    if publish:
        make_terms_current(terms=terms)
    return terms


def _remaining_refundable(*, order: Order, exclude_claim: GuaranteeClaim | None = None) -> Decimal:
    """Paid, minus what Stripe refunded, minus what other claims were promised."""
    refunded = from_minor_units(selectors.refunded_minor_units(order=order), order.currency)
    promised = selectors.promised_amount(order=order, exclude_claim=exclude_claim)
    return max(Decimal("0.00"), selectors.paid_amount(order=order) - refunded - promised)


# ----------------------------------------------------------------------------------------------
# Emails and the log


def claim_url(claim: GuaranteeClaim) -> str:
    path = reverse("guarantee:claim", args=[claim.reference])
    return f"{settings.SITE_URL}{path}?key={claim_access_key(claim)}"


def _email_customer(*, claim: GuaranteeClaim, headline: str, message: str) -> None:
    context = {
        "claim": claim,
        "terms": claim.terms,
        "headline": headline,
        "message": message,
        "claim_url": claim_url(claim),
    }
    queue_email(
        to=[claim.order.email],
        subject=f"Money-back claim {claim.reference}: {headline}",
        text_body=render_to_string("guarantee/emails/claim_update.txt", context),
        html_body=render_to_string("guarantee/emails/claim_update.html", context),
        user=claim.order.user,
    )


def _set_status(
    *, claim: GuaranteeClaim, status: str, by=None, message: str = "", email: str = ""
) -> None:
    """Move the claim, log who and when, and email the customer ``email`` as the headline."""
    claim.status = status
    claim.save()
    ClaimEvent.objects.create(
        claim=claim, kind=ClaimEvent.Kind.STATUS, status=status, message=message, by=by
    )
    if email:
        _email_customer(claim=claim, headline=email, message=message)


def _locked(claim: GuaranteeClaim) -> tuple[Order, GuaranteeClaim]:
    order = Order.objects.select_for_update().get(pk=claim.order_id)
    return order, GuaranteeClaim.objects.select_for_update().get(pk=claim.pk)


def _require(claim: GuaranteeClaim, *statuses: str) -> None:
    if claim.status not in statuses:
        raise ClaimStateError(f"Claim {claim.reference} is {claim.get_status_display().lower()}.")


# ----------------------------------------------------------------------------------------------
# The customer opens a claim


def _new_reference() -> str:
    return "MB-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def _check_quantities(*, order: Order, quantities: dict[int, int]) -> list[tuple[Line, int]]:
    lines = {line.pk: line for line in order.lines.all()}
    claimed = selectors.claimed_quantities(order=order)
    chosen = []
    for line_id, quantity in quantities.items():
        if not quantity:
            continue
        line = lines.get(line_id)
        if line is None or quantity < 0:
            raise TooManyUnits("Choose items from this order.")
        if quantity > line.quantity:
            raise TooManyUnits(
                f"You bought {line.quantity} of {line.title}; you cannot claim {quantity}."
            )
        left = line.quantity - claimed.get(line.pk, 0)
        if quantity > left:
            raise TooManyUnits(
                f"{line.title}: {claimed.get(line.pk, 0)} of {line.quantity} are already claimed "
                f"or refunded; you can claim at most {left}."
            )
        chosen.append((line, quantity))
    if not chosen:
        raise TooManyUnits("Choose at least one item and how many units you want refunded.")
    return chosen


def open_claim(
    *,
    order: Order,
    quantities: dict[int, int],
    reason: str,
    details: str,
    submission_key: str,
    photos: list[UploadedFile] | None = None,
) -> GuaranteeClaim:
    """Open a claim on some units of a paid order, within its window; email the customer.

    Raises a ``ClaimRefused`` subclass (and saves nothing) when the order is not paid, was sold
    without guarantee terms, its window has ended, or the units are more than bought or already
    claimed. A second submit of the same
    form (same ``submission_key``) returns the first claim.
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        existing = GuaranteeClaim.objects.filter(order=order, submission_key=submission_key)
        if existing.exists():
            return existing.get()
        if order.status not in selectors.PAID_STATUSES or not order.sources.exists():
            raise OrderNotPaid(f"Order {order.number} is not paid, so there is nothing to refund.")
        window = selectors.guarantee_window(order=order)
        if window.terms is None:
            raise NotGuaranteed(f"Order {order.number} was sold without the money-back guarantee.")
        if not window.is_open:
            raise WindowClosed(
                f"The money-back guarantee of order {order.number} ended on "
                f"{window.last_day:%d %B %Y}."
            )
        chosen = _check_quantities(order=order, quantities=quantities)
        claimed = selectors.claimed_quantities(order=order)
        amounts = [
            selectors.line_refund_amount(
                line=line, quantity=quantity, already_claimed=claimed.get(line.pk, 0)
            )
            for line, quantity in chosen
        ]
        # Shipping is refunded once, with the claim that takes the order's last units: always
        # for an order not dispatched yet (a cancellation), otherwise when the terms say so.
        now_claimed = {line.pk: quantity for line, quantity in chosen}
        claims_everything = all(
            claimed.get(line.pk, 0) + now_claimed.get(line.pk, 0) >= line.quantity
            for line in order.lines.all()
        )
        includes_shipping = claims_everything and (
            window.terms.refunds_shipping or not window.dispatched
        )
        amount = sum(amounts, Decimal("0.00"))
        if includes_shipping:
            amount += order.shipping_incl_tax
        amount = min(amount, _remaining_refundable(order=order))
        if amount <= 0:
            raise TooManyUnits(f"Order {order.number} has been refunded in full already.")
        claim = _create_claim(
            order=order,
            terms=window.terms,
            reason=reason,
            details=details,
            submission_key=submission_key,
            return_required=window.terms.requires_return and window.dispatched,
            includes_shipping=includes_shipping,
            amount=amount,
        )
        ClaimLine.objects.bulk_create(
            ClaimLine(claim=claim, line=line, quantity=quantity, amount=line_amount)
            for (line, quantity), line_amount in zip(chosen, amounts, strict=True)
        )
        for photo in photos or []:
            ClaimPhoto.objects.create(claim=claim, image=photo)
        ClaimEvent.objects.create(claim=claim, kind=ClaimEvent.Kind.STATUS, status=Status.SUBMITTED)
        OrderNote.objects.create(
            order=order,
            note_type=OrderNote.SYSTEM,
            message=f"Money-back claim {claim.reference} opened for {amount} {order.currency}.",
        )
        _email_customer(
            claim=claim,
            headline="we received your claim",
            message="We will look at your claim within one business day and email you.",
        )
    logger.info("Order #%s: claim %s opened", order.number, claim.reference)
    return claim


def _create_claim(**fields) -> GuaranteeClaim:
    for _ in range(5):
        try:
            with transaction.atomic():
                return GuaranteeClaim.objects.create(
                    reference=_new_reference(), currency=fields["order"].currency, **fields
                )
        except IntegrityError:
            # A reference collision (rare) or a concurrent double submit: the latter is found.
            existing = GuaranteeClaim.objects.filter(
                order=fields["order"], submission_key=fields["submission_key"]
            ).first()
            if existing:
                return existing
    raise IntegrityError("Could not find a free claim reference.")


# ----------------------------------------------------------------------------------------------
# Staff steps


def approve_claim(
    *, claim: GuaranteeClaim, by: AbstractBaseUser, no_return: bool = False
) -> GuaranteeClaim:
    """Approve a submitted claim: wait for the item when the terms want it back (unless staff
    decide no return is needed), else refund now. A second approval raises ``ClaimStateError``.
    """
    with transaction.atomic():
        order, claim = _locked(claim)
        _require(claim, Status.SUBMITTED)
        if claim.return_required and not no_return:
            terms = claim.terms
            _set_status(
                claim=claim,
                status=Status.AWAITING_RETURN,
                by=by,
                message=(
                    "Please send the items back to:\n"
                    f"{terms.return_address}\n{terms.return_instructions}\n"
                    f"Quote {claim.reference} in the parcel. We refund you once it arrives."
                ),
                email="approved, please send the items back",
            )
            return claim
        claim.return_required = False
        _start_refund(
            order=order,
            claim=claim,
            by=by,
            message="Approved" + (" (no return needed)." if no_return else "."),
            email="approved, your refund of {amount} is on its way",
        )
    return claim


def mark_return_received(*, claim: GuaranteeClaim, by: AbstractBaseUser) -> GuaranteeClaim:
    """The returned items arrived: put them back in stock and refund."""
    with transaction.atomic():
        order, claim = _locked(claim)
        _require(claim, Status.AWAITING_RETURN)
        _restock(claim)
        _set_status(claim=claim, status=Status.RETURN_RECEIVED, by=by, message="Items received.")
        _start_refund(
            order=order,
            claim=claim,
            by=by,
            message="Refund started after the return arrived.",
            email="we received your return; your refund of {amount} is on its way",
        )
    return claim


def reject_claim(*, claim: GuaranteeClaim, by: AbstractBaseUser, reason: str) -> GuaranteeClaim:
    """Reject a claim not refunded yet, with a reason the customer reads; its units are free."""
    if not reason.strip():
        raise ClaimStateError("Give the customer a reason for the rejection.")
    with transaction.atomic():
        _order, claim = _locked(claim)
        _require(claim, Status.SUBMITTED, Status.AWAITING_RETURN, Status.REFUND_FAILED)
        claim.rejection_reason = reason.strip()
        _set_status(
            claim=claim,
            status=Status.REJECTED,
            by=by,
            message=claim.rejection_reason,
            email="we could not accept your claim",
        )
    return claim


def add_internal_note(*, claim: GuaranteeClaim, by: AbstractBaseUser, message: str) -> ClaimEvent:
    if not message.strip():
        raise ClaimStateError("Write the note first.")
    return ClaimEvent.objects.create(
        claim=claim, kind=ClaimEvent.Kind.NOTE, message=message.strip(), by=by, internal=True
    )


def retry_refund(*, claim: GuaranteeClaim, by: AbstractBaseUser) -> GuaranteeClaim:
    """Try a failed refund again (once per click: a second click finds it refunding)."""
    with transaction.atomic():
        order, claim = _locked(claim)
        _require(claim, Status.REFUND_FAILED)
        _start_refund(order=order, claim=claim, by=by, message="Refund retried.")
    return claim


def _restock(claim: GuaranteeClaim) -> None:
    """Returned units go back into the stock record they were sold from."""
    lines = sorted(claim.lines.select_related("line"), key=lambda cl: cl.line.stockrecord_id or 0)
    ids = [cl.line.stockrecord_id for cl in lines if cl.line.stockrecord_id]
    records = {
        r.pk: r for r in StockRecord.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    }
    for claim_line in lines:
        record = records.get(claim_line.line.stockrecord_id)
        if record is not None:
            record.num_in_stock = (record.num_in_stock or 0) + claim_line.quantity
            record.save(update_fields=["num_in_stock"])


def _start_refund(
    *, order: Order, claim: GuaranteeClaim, by, message: str, email: str = ""
) -> None:
    """Move a claim to "refund in progress" and queue the Stripe refund for after commit.

    The amount is capped here, under the order's lock, by what is still refundable, so several
    claims and Stripe-dashboard refunds together never exceed what was paid.
    """
    claim.amount = min(claim.amount, _remaining_refundable(order=order, exclude_claim=claim))
    if claim.amount <= 0:
        raise ClaimStateError(f"Order {order.number} has been refunded in full already.")
    claim.refund_attempt += 1
    claim.refund_error = ""
    # The email names the amount after the cap, the one Stripe will actually refund.
    email = email.format(amount=f"{claim.amount} {claim.currency}")
    _set_status(claim=claim, status=Status.REFUNDING, by=by, message=message, email=email)
    claim_id = claim.pk
    transaction.on_commit(
        lambda: signature(REFUND_CLAIM_TASK, kwargs={"claim_id": claim_id}).delay()
    )


# ----------------------------------------------------------------------------------------------
# The refund (Celery task body) and its reconciliation with Stripe


def _payment_intent(order: Order) -> str:
    attempt = order.payment_attempts.filter(status=PaymentAttempt.Status.PAID).first()
    if attempt and attempt.payment_intent_id:
        return attempt.payment_intent_id
    source = order.sources.exclude(reference="").first()
    return source.reference if source else ""


def refund_claim_now(*, claim_id: int) -> str:
    """Issue the claim's refund at Stripe and record it; what the ``refund_claim`` task runs.

    No lock is held during the Stripe call. The idempotency key makes a duplicate task or a
    second worker get Stripe's first answer; after a failure, a retry first looks for a refund
    Stripe made for this claim (its metadata) before asking for one under a new key.
    """
    with transaction.atomic():
        claim = GuaranteeClaim.objects.select_for_update().select_related("order").get(pk=claim_id)
        if claim.status != Status.REFUNDING:
            return f"nothing to do ({claim.status})"
        attempt = claim.refund_attempt
        key = claim.refund_idempotency_key
        payment_intent = _payment_intent(claim.order)
        minor = to_minor_units(claim.amount, claim.currency)
    gateway = get_gateway()
    try:
        refund = None
        if attempt > 1:
            refund = next(
                (
                    r
                    for r in gateway.list_refunds(payment_intent=payment_intent)
                    if (r.metadata or {}).get(REFUND_METADATA_KEY) == claim.reference
                    and r.status not in ("failed", "canceled")
                ),
                None,
            )
        if refund is None:
            refund = gateway.refund_payment(
                payment_intent=payment_intent,
                amount=minor,
                idempotency_key=key,
                metadata={REFUND_METADATA_KEY: claim.reference},
            )
    except PaymentProviderError as error:
        _refund_failed(claim_id=claim_id, attempt=attempt, error=str(error))
        return "failed"
    if refund.status in ("failed", "canceled"):
        _refund_failed(claim_id=claim_id, attempt=attempt, error=f"Stripe: refund {refund.status}")
        return "failed"
    complete_claim_refund(claim_id=claim_id, refund=refund, payment_intent=payment_intent)
    return refund.id


def _refund_failed(*, claim_id: int, attempt: int, error: str) -> None:
    with transaction.atomic():
        claim = GuaranteeClaim.objects.select_for_update().get(pk=claim_id)
        if claim.status != Status.REFUNDING or claim.refund_attempt != attempt:
            return
        claim.refund_error = error
        claim.status = Status.REFUND_FAILED
        claim.save()
        ClaimEvent.objects.create(
            claim=claim,
            kind=ClaimEvent.Kind.REFUND_ERROR,
            status=Status.REFUND_FAILED,
            message=error,
            internal=True,
        )
    logger.warning("Claim %s: refund attempt %s failed: %s", claim.reference, attempt, error)


def _refund_event_type() -> "PaymentEventType":
    event_type, _ = PaymentEventType.objects.get_or_create(
        code="refunded", defaults={"name": "Refunded"}
    )
    return event_type


def complete_claim_refund(*, claim_id: int, refund: Refund, payment_intent: str) -> bool:
    """Record a refund Stripe made for a claim, once: the order's payment event and refunded
    quantities, the released allocation of undispatched units, the status and the email.
    Returns False when it was recorded already (the task and the webhook both arrive here).
    """
    with transaction.atomic():
        claim = GuaranteeClaim.objects.get(pk=claim_id)
        # The refund row first, then the order: the webhook writes them in that order too, so
        # the task and a concurrent webhook wait for each other instead of deadlocking.
        StripeRefund.objects.update_or_create(
            refund_id=refund.id,
            defaults={
                "order_id": claim.order_id,
                "payment_intent_id": payment_intent,
                "amount": refund.amount,
                "currency": refund.currency or claim.currency,
                "status": refund.status,
            },
        )
        order, claim = _locked(claim)
        if claim.status == Status.REFUNDED:
            return False
        amount = from_minor_units(refund.amount, claim.currency)
        event = PaymentEvent.objects.create(
            order=order, event_type=_refund_event_type(), amount=amount, reference=refund.id
        )
        _record_on_source(order=order, amount=amount, reference=refund.id, status=refund.status)
        claim_lines = list(claim.lines.select_related("line"))
        PaymentEventQuantity.objects.bulk_create(
            PaymentEventQuantity(event=event, line=cl.line, quantity=cl.quantity)
            for cl in claim_lines
        )
        if not selectors.guarantee_window(order=order).dispatched:
            _release_allocation(order=order, claim_lines=claim_lines)
        claim.stripe_refund_id = refund.id
        claim.refund_error = ""
        claim.refunded_at = timezone.now()
        claim.amount = amount
        OrderNote.objects.create(
            order=order,
            note_type=OrderNote.SYSTEM,
            message=f"Money-back claim {claim.reference}: refunded {amount} ({refund.id}).",
        )
        _set_status(
            claim=claim,
            status=Status.REFUNDED,
            message=f"Refunded {amount} {claim.currency} to the card you paid with; banks show "
            f"it {claim.terms.refund_time_text}.",
            email="your money has been refunded",
        )
    logger.info("Claim %s refunded (%s)", claim.reference, refund.id)
    return True


def _record_on_source(*, order: Order, amount: Decimal, reference: str, status: str) -> None:
    """Oscar's payment source shows what was refunded (and a refund transaction)."""
    source = order.sources.select_for_update().order_by("pk").first()
    if source is not None:
        source.refund(amount, reference=reference, status=status)


def _release_allocation(*, order: Order, claim_lines: list[ClaimLine]) -> None:
    """Undispatched units never leave the shelf: give their allocation back; an order refunded
    in full before dispatch is cancelled."""
    ids = sorted({cl.line.stockrecord_id for cl in claim_lines if cl.line.stockrecord_id})
    list(StockRecord.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    for claim_line in claim_lines:
        line = Line.objects.get(pk=claim_line.line_id)
        units = min(claim_line.quantity, line.num_allocated or 0)
        if line.stockrecord_id and units:
            line.cancel_allocation(units)
    refunded = selectors.claimed_quantities(order=order)
    if (
        all(refunded.get(line.pk, 0) >= line.quantity for line in order.lines.all())
        and "Cancelled" in order.available_statuses()
    ):
        order.set_status("Cancelled")


def reconcile_stripe_refund(*, record: StripeRefund, metadata: dict) -> str:
    """A refund Stripe reported by webhook: finish its claim, or record a refund staff made in
    Stripe's own dashboard on the order (once), so it counts against what can still be refunded.
    """
    reference = (metadata or {}).get(REFUND_METADATA_KEY, "")
    claim = GuaranteeClaim.objects.filter(reference=reference, order=record.order).first()
    if claim is None:
        claim = GuaranteeClaim.objects.filter(stripe_refund_id=record.refund_id).first()
    if record.status in ("failed", "canceled"):
        # Stripe could not return the money after all (e.g. a closed card): staff must act.
        OrderNote.objects.create(
            order=record.order,
            note_type=OrderNote.WARNING,
            message=f"Stripe reports refund {record.refund_id} {record.status}"
            + (f" (claim {claim.reference})." if claim else "."),
        )
        if claim is not None:
            ClaimEvent.objects.create(
                claim=claim,
                kind=ClaimEvent.Kind.REFUND_ERROR,
                message=f"Stripe reports refund {record.refund_id} {record.status}.",
                internal=True,
            )
        return "refund not successful"
    if claim is not None:
        refund = Refund(
            id=record.refund_id,
            status=record.status,
            amount=record.amount,
            currency=record.currency,
            metadata=metadata,
        )
        complete_claim_refund(
            claim_id=claim.pk, refund=refund, payment_intent=record.payment_intent_id
        )
        return "claim refund"
    order = Order.objects.select_for_update().get(pk=record.order_id)
    if not order.payment_events.filter(reference=record.refund_id).exists():
        PaymentEvent.objects.create(
            order=order,
            event_type=_refund_event_type(),
            amount=from_minor_units(record.amount, record.currency or order.currency),
            reference=record.refund_id,
        )
        amount = from_minor_units(record.amount, order.currency)
        _record_on_source(
            order=order, amount=amount, reference=record.refund_id, status=record.status
        )
        OrderNote.objects.create(
            order=order,
            note_type=OrderNote.WARNING,
            message=f"Refund {record.refund_id} of {amount} was made in Stripe's dashboard.",
        )
    return "dashboard refund"


def resume_stalled_refunds(*, older_than_seconds: int = 600) -> int:
    """Run again the refunds whose task never finished (a worker lost mid-way).

    Safe to repeat: the same attempt sends the same idempotency key, so Stripe answers with the
    refund it may already have made.
    """
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    stalled = GuaranteeClaim.objects.filter(status=Status.REFUNDING, updated__lt=cutoff)
    ids = list(stalled.order_by("pk").values_list("pk", flat=True))
    for claim_id in ids:
        refund_claim_now(claim_id=claim_id)
    return len(ids)
