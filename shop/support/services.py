"""Business operations on support requests. Views validate input, then call these.

Every operation saves first and only then queues its emails (``queue_email`` sends after the
transaction commits, from a Celery task that retries), so a failing mail server never loses a
request or a message.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from oscar.core.loading import get_model

from shop.security.names import single_line

from . import notifications
from .attachments import CheckedAttachment
from .models import SupportAttachment, SupportMessage, SupportRequest
from .references import random_reference

Order = get_model("order", "Order")

REFERENCE_ATTEMPTS = 10
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}


class SupportError(Exception):
    """A support operation that cannot be done; the message is fit to show."""


class RequestClosed(SupportError):
    pass


def first_response_target() -> timedelta:
    return timedelta(hours=settings.SUPPORT_FIRST_RESPONSE_TARGET_HOURS)


@dataclass(frozen=True)
class OrderReference:
    """What a request records of the order number its sender gave."""

    order: "Order | None" = None
    unverified_number: str = ""


def order_reference(
    *, number: str, user: AbstractBaseUser | None = None, proven_order: "Order | None" = None
) -> OrderReference:
    """Link the order only when the sender proved access to it; else keep the number unverified.

    Proof is owning the order (the signed-in ``user``) or ``proven_order``: the order the caller
    checked through the sender's session or the order's private link. An email that matches the
    order proves nothing, since anyone can type both. The sender is never told which case applied,
    so the contact form cannot be used to probe order numbers.
    """
    number = number.strip().lstrip("#")
    if not number:
        return OrderReference()
    if proven_order is not None and str(proven_order.number) == number:
        return OrderReference(order=proven_order)
    if user is not None and user.is_authenticated:
        owned = Order.objects.filter(number=number, user=user).first()
        if owned is not None:
            return OrderReference(order=owned)
    return OrderReference(unverified_number=number)


def _save_attachments(message: SupportMessage, attachments: Iterable[CheckedAttachment]) -> None:
    for checked in attachments:
        upload = checked.upload
        stem = PurePosixPath(upload.name or "attachment").stem or "attachment"
        original_name = get_valid_filename(stem)[:100] + EXTENSIONS[checked.content_type]
        attachment = SupportAttachment(
            message=message,
            original_name=original_name,
            content_type=checked.content_type,
            size=upload.size,
        )
        upload.seek(0)
        attachment.file.save(original_name, upload, save=True)


def _create_with_unique_reference(**fields) -> SupportRequest:
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                return SupportRequest.objects.create(reference=random_reference(), **fields)
        except IntegrityError:
            # The only unique column is the reference: draw another one.
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def open_support_request(
    *,
    name: str,
    email: str,
    topic: str,
    message: str,
    order_number: str = "",
    proven_order: "Order | None" = None,
    user: AbstractBaseUser | None = None,
    attachments: Iterable[CheckedAttachment] = (),
    now: datetime | None = None,
) -> SupportRequest:
    """Save a new request with its first message and attachments, then queue the emails.

    A signed-in sender writes as their account: its email replaces whatever was typed, so
    nobody can open a request (and read its replies) in someone else's name.
    """
    now = now or timezone.now()
    owner = user if user is not None and user.is_authenticated else None
    if owner is not None and owner.email:
        email = owner.email
    reference = order_reference(number=order_number, user=owner, proven_order=proven_order)
    support_request = _create_with_unique_reference(
        name=single_line(name),
        email=email.strip(),
        topic=topic,
        user=owner,
        order=reference.order,
        unverified_order_number=reference.unverified_number,
        created_at=now,
        first_response_due_at=now + first_response_target(),
    )
    first = SupportMessage.objects.create(
        request=support_request, kind=SupportMessage.Kind.CUSTOMER, body=message, created_at=now
    )
    _save_attachments(first, attachments)
    notifications.confirm_to_customer(support_request)
    notifications.new_request_to_staff(support_request, first)
    return support_request


@transaction.atomic
def add_customer_reply(
    *,
    support_request: SupportRequest,
    body: str,
    attachments: Iterable[CheckedAttachment] = (),
) -> SupportMessage:
    """Add the customer's reply; it reopens a request that was waiting or resolved."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if not support_request.accepts_customer_replies:
        raise RequestClosed(
            "This request is closed. Please send a new message from the contact page."
        )
    message = SupportMessage.objects.create(
        request=support_request, kind=SupportMessage.Kind.CUSTOMER, body=body
    )
    _save_attachments(message, attachments)
    if support_request.status in (SupportRequest.Status.WAITING, SupportRequest.Status.RESOLVED):
        support_request.status = SupportRequest.Status.OPEN
        support_request.resolved_at = None
    support_request.save(update_fields=["status", "resolved_at", "updated_at"])
    notifications.customer_reply_to_staff(support_request, message)
    return message


@transaction.atomic
def reply_as_staff(
    *, support_request: SupportRequest, by: AbstractBaseUser, body: str
) -> SupportMessage:
    """Email a staff reply to the customer; the request then waits on the customer."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    now = timezone.now()
    message = SupportMessage.objects.create(
        request=support_request,
        kind=SupportMessage.Kind.REPLY,
        author=by,
        body=body,
        created_at=now,
    )
    support_request.status = SupportRequest.Status.WAITING
    support_request.resolved_at = None
    support_request.closed_at = None
    if support_request.first_response_at is None:
        support_request.first_response_at = now
    if support_request.assignee_id is None:
        support_request.assignee = by
    support_request.save()
    notifications.staff_reply_to_customer(support_request, message)
    return message


def add_internal_note(
    *, support_request: SupportRequest, by: AbstractBaseUser, body: str
) -> SupportMessage:
    """A note for colleagues only: never emailed, never shown to the customer."""
    return SupportMessage.objects.create(
        request=support_request, kind=SupportMessage.Kind.NOTE, author=by, body=body
    )


def assign(*, support_request: SupportRequest, assignee: AbstractBaseUser | None) -> SupportRequest:
    """Give the request to an agent (or to nobody); a new request becomes open."""
    support_request.assignee = assignee
    if assignee is not None and support_request.status == SupportRequest.Status.NEW:
        support_request.status = SupportRequest.Status.OPEN
    support_request.save(update_fields=["assignee", "status", "updated_at"])
    return support_request


def change_status(
    *, support_request: SupportRequest, status: str, now: datetime | None = None
) -> SupportRequest:
    """Move the request to ``status``, keeping the resolved and closed times in step."""
    now = now or timezone.now()
    support_request.status = SupportRequest.Status(status)
    if status == SupportRequest.Status.RESOLVED:
        support_request.resolved_at = support_request.resolved_at or now
        support_request.closed_at = None
    elif status == SupportRequest.Status.CLOSED:
        support_request.closed_at = now
    else:
        support_request.resolved_at = None
        support_request.closed_at = None
    support_request.save(update_fields=["status", "resolved_at", "closed_at", "updated_at"])
    return support_request


@transaction.atomic
def revoke_private_link(
    *, support_request: SupportRequest, send_new_link: bool = False
) -> SupportRequest:
    """Make every private link sent so far stop working; optionally email a fresh one."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    support_request.link_version += 1
    support_request.save(update_fields=["link_version", "updated_at"])
    if send_new_link:
        notifications.new_private_link_to_customer(support_request)
    return support_request


def close_resolved_requests(*, now: datetime | None = None) -> int:
    """Close requests resolved more than ``SUPPORT_AUTO_CLOSE_DAYS`` ago; return how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SUPPORT_AUTO_CLOSE_DAYS)
    return SupportRequest.objects.filter(
        status=SupportRequest.Status.RESOLVED, resolved_at__lte=cutoff
    ).update(status=SupportRequest.Status.CLOSED, closed_at=now, updated_at=now)
