"""Support requests, their messages (customer, staff reply, internal note), attachments and
the canned replies staff reuse."""

import uuid
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from shop.privatefiles.storage import get_private_storage


class SupportRequestQuerySet(models.QuerySet):
    def breaching(self, *, now=None) -> "SupportRequestQuerySet":
        """Requests whose first response came late, or has not come and is already late."""
        now = now or timezone.now()
        return self.filter(
            Q(first_response_at__isnull=True, first_response_due_at__lt=now)
            | Q(first_response_at__gt=F("first_response_due_at"))
        )


class SupportRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        OPEN = "open", "Open"
        WAITING = "waiting", "Waiting on customer"
        RESOLVED = "resolved", "Resolved"
        CLOSED = "closed", "Closed"

    class Topic(models.TextChoices):
        ORDER = "order", "Order question"
        PRODUCT = "product", "Product help"
        GUARANTEE = "guarantee", "Money-back guarantee"
        SHIPPING = "shipping", "Shipping"
        OTHER = "other", "Other"

    # What the customer sees for each status: plain words, not the queue's jargon.
    CUSTOMER_STATUS = {
        Status.NEW: "We are on it",
        Status.OPEN: "We are on it",
        Status.WAITING: "Waiting for your reply",
        Status.RESOLVED: "Resolved",
        Status.CLOSED: "Closed",
    }

    reference = models.CharField(max_length=9, unique=True, editable=False)
    name = models.CharField(max_length=120)
    email = models.EmailField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
        help_text="The signed-in customer who sent it; they can follow it from their account.",
    )
    topic = models.CharField(max_length=20, choices=Topic.choices)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    order = models.ForeignKey(
        "order.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
        help_text="Linked only when the sender proved access to the order.",
    )
    # A number the sender typed without proving the order is theirs (anyone can type a number
    # and the email it was placed with): staff see it marked unverified, never the order's data.
    unverified_order_number = models.CharField(max_length=32, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_support_requests",
    )
    # Part of the private link's signed payload: bumping it revokes every link sent so far.
    link_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The promise made in the confirmation email, kept even if the target setting changes later.
    first_response_due_at = models.DateTimeField()
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = SupportRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "resolved_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def customer_status(self) -> str:
        return self.CUSTOMER_STATUS[self.status]

    @property
    def first_response_time(self) -> timedelta | None:
        if self.first_response_at is None:
            return None
        return self.first_response_at - self.created_at

    def is_breaching(self, *, now=None) -> bool:
        if self.first_response_at is not None:
            return self.first_response_at > self.first_response_due_at
        return (now or timezone.now()) > self.first_response_due_at

    @property
    def accepts_customer_replies(self) -> bool:
        return self.status != self.Status.CLOSED


class SupportMessage(models.Model):
    class Kind(models.TextChoices):
        CUSTOMER = "customer", "Customer message"
        REPLY = "reply", "Staff reply"
        NOTE = "note", "Internal note"

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request.reference}: {self.get_kind_display()}"


def attachment_path(instance: "SupportAttachment", filename: str) -> str:
    """A random name under the request's reference; the customer's file name is kept aside."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"support/{instance.message.request.reference}/{uuid.uuid4().hex}{suffix}"


class SupportAttachment(models.Model):
    message = models.ForeignKey(
        SupportMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, storage=get_private_storage)
    original_name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class CannedReply(models.Model):
    title = models.CharField(max_length=120, unique=True)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "canned replies"

    def __str__(self) -> str:
        return self.title
