"""The money-back guarantee: versioned terms, and the claims customers open under them.

Every order keeps the terms version it was sold under (``Order.guarantee_terms``); its window and
what it refunds follow that version even after the terms change. A ``GuaranteeClaim`` covers
some units of some lines of one order (``ClaimLine``), may carry photos (``ClaimPhoto``), and
logs every step with who and when (``ClaimEvent``). Its refund goes through Stripe with an
idempotency key derived from the claim, so no retry or race can refund it twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from shop.privatefiles.storage import get_private_storage


class GuaranteeTerms(models.Model):
    """One version of the guarantee terms. Exactly one version is current at any time."""

    version = models.PositiveIntegerField(unique=True)
    window_days = models.PositiveIntegerField(default=30)
    refunds_shipping = models.BooleanField(default=False)
    requires_return = models.BooleanField(default=False)
    return_address = models.TextField(
        blank=True, help_text="Where returned items go, when the terms require a return."
    )
    return_instructions = models.TextField(blank=True)
    refund_time_text = models.CharField(max_length=200)
    body = models.TextField()
    is_current = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = "guarantee terms"
        verbose_name_plural = "guarantee terms"
        constraints = [
            # "At most one" in the database; "at least one" is kept by make_terms_current().
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_terms"
            )
        ]

    def __str__(self) -> str:
        return f"Guarantee terms v{self.version}"


class GuaranteeClaim(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        AWAITING_RETURN = "awaiting_return", "Approved, awaiting return"
        RETURN_RECEIVED = "return_received", "Return received"
        REFUNDING = "refunding", "Refund in progress"
        REFUND_FAILED = "refund_failed", "Refund failed — retry"
        REFUNDED = "refunded", "Refunded"
        REJECTED = "rejected", "Rejected"

    class Reason(models.TextChoices):
        NO_RELIEF = "no_relief", "It did not help my pain"
        HARD_TO_USE = "hard_to_use", "It is hard to use"
        DAMAGED = "damaged", "It arrived damaged"
        NOT_AS_DESCRIBED = "not_as_described", "It is not as described"
        CHANGED_MIND = "changed_mind", "I changed my mind"
        OTHER = "other", "Another reason"

    # Statuses whose units count as claimed, and whose amount counts as promised to the customer.
    OPEN_STATUSES = (
        Status.SUBMITTED,
        Status.AWAITING_RETURN,
        Status.RETURN_RECEIVED,
        Status.REFUNDING,
        Status.REFUND_FAILED,
    )

    reference = models.CharField(max_length=16, unique=True)
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="guarantee_claims"
    )
    terms = models.ForeignKey(GuaranteeTerms, on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    reason = models.CharField(max_length=30, choices=Reason.choices)
    details = models.TextField(blank=True)
    submission_key = models.CharField(
        max_length=64, help_text="Sent with the claim form, so a double submit finds this claim."
    )
    return_required = models.BooleanField(default=False)
    includes_shipping = models.BooleanField(default=False)
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, help_text="What the claim refunds (set when it is opened)."
    )
    currency = models.CharField(max_length=12)
    rejection_reason = models.TextField(blank=True)
    # The refund: attempt n uses the Stripe idempotency key "mbg:<reference>:<n>".
    refund_attempt = models.PositiveIntegerField(default=0)
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    refund_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    refunded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "submission_key"], name="one_claim_per_submission"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def refund_idempotency_key(self) -> str:
        return f"mbg:{self.reference}:{self.refund_attempt}"


class ClaimLine(models.Model):
    claim = models.ForeignKey(GuaranteeClaim, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="claim_lines")
    quantity = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "line"], name="one_claim_line_per_line"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="claim_line_quantity_gt_0"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.line.title}"


def claim_photo_path(instance: "ClaimPhoto", filename: str) -> str:
    return f"guarantee/claims/{instance.claim.reference}/{filename}"


class ClaimPhoto(models.Model):
    claim = models.ForeignKey(GuaranteeClaim, on_delete=models.CASCADE, related_name="photos")
    # Private: only staff see it, through the permission-checked dashboard view.
    image = models.ImageField(upload_to=claim_photo_path, storage=get_private_storage)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.image.name


class ClaimEvent(models.Model):
    """One step of a claim: a status change, a message to the customer or an internal note."""

    class Kind(models.TextChoices):
        STATUS = "status", "Status change"
        NOTE = "note", "Internal note"
        REFUND_ERROR = "refund_error", "Refund error"

    claim = models.ForeignKey(GuaranteeClaim, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, blank=True)
    message = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for the customer's own steps and for automatic ones.",
    )
    internal = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.claim.reference}: {self.kind} {self.status}"
