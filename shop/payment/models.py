"""Payment records of the Stripe Checkout integration, next to Oscar's ``Source`` and ``Bankcard``.

- ``PaymentAttempt``: one Checkout Session opened for an order (an order may need several: a
  customer who comes back from Stripe without paying gets a fresh session). The database allows
  at most one *paid* attempt per order.
- ``StripeWebhookEvent``: every webhook event processed, unique by Stripe's event id, written in
  the same transaction as the event's effect so a replay does nothing.
- ``PaymentIssue``: something staff must look at (a dispute, money received for a cancelled
  order, an amount that does not match).
- ``StripeRefund``: refunds Stripe reports, recorded for the money-back guarantee.
- ``DemoCheckoutSession``: the stand-in for Stripe's sessions in demo-payment mode only.
"""

from django.db import models
from django.db.models import Q


class PaymentAttempt(models.Model):
    class Status(models.TextChoices):
        CREATING = "creating", "Creating session"
        OPEN = "open", "Waiting for payment"
        PAID = "paid", "Paid"
        EXPIRED = "expired", "Expired"
        FAILED = "failed", "Failed"
        REFUNDED = "refunded", "Refunded (order no longer payable)"
        MISMATCH = "mismatch", "Amount did not match"

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="payment_attempts"
    )
    number = models.PositiveIntegerField()
    stripe_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    checkout_url = models.URLField(max_length=2000, blank=True)
    amount = models.PositiveIntegerField(help_text="In the currency's minor unit (cents).")
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CREATING)
    payment_intent_id = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "payment"
        ordering = ["order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["order", "number"], name="one_attempt_number"),
            models.UniqueConstraint(
                fields=["order"], condition=Q(status="paid"), name="one_paid_attempt_per_order"
            ),
        ]

    def __str__(self) -> str:
        return f"Order #{self.order.number}, attempt {self.number} ({self.status})"

    @property
    def idempotency_key(self) -> str:
        return f"cs:{self.order.number}:{self.number}"


class StripeWebhookEvent(models.Model):
    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=255, blank=True)
    outcome = models.CharField(max_length=255, blank=True)
    received = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "payment"
        ordering = ["-received"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class PaymentIssue(models.Model):
    class Kind(models.TextChoices):
        DISPUTE = "dispute", "Dispute opened"
        PAID_AFTER_CANCELLATION = "paid-after-cancellation", "Paid after cancellation (refunded)"
        AMOUNT_MISMATCH = "amount-mismatch", "Paid amount does not match"

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="payment_issues"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    stripe_object_id = models.CharField(max_length=255, blank=True)
    detail = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        app_label = "payment"
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "stripe_object_id"],
                condition=~Q(stripe_object_id=""),
                name="one_issue_per_stripe_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on order #{self.order.number}"


class StripeRefund(models.Model):
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="stripe_refunds"
    )
    refund_id = models.CharField(max_length=255, unique=True)
    payment_intent_id = models.CharField(max_length=255, blank=True)
    amount = models.PositiveIntegerField(help_text="In the currency's minor unit (cents).")
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=30)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "payment"
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Refund {self.refund_id} ({self.status})"


class DemoCheckoutSession(models.Model):
    """A Checkout Session of the demo-payment mode (no Stripe keys): never used in production."""

    session_id = models.CharField(max_length=64, unique=True)
    order_number = models.CharField(max_length=128)
    attempt_number = models.PositiveIntegerField()
    amount_total = models.PositiveIntegerField()
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=20, default="open")
    payment_status = models.CharField(max_length=20, default="unpaid")
    payment_intent = models.CharField(max_length=64, blank=True)
    success_url = models.URLField(max_length=2000)
    cancel_url = models.URLField(max_length=2000)
    expires_at = models.DateTimeField()

    class Meta:
        app_label = "payment"

    def __str__(self) -> str:
        return self.session_id


from oscar.apps.payment.models import *  # noqa: E402, F403
