"""Background tasks of the outbox: delivering one email, and sweeping up what the broker lost."""

import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import OutgoingEmail
from .services import DELIVER_EMAIL_TASK, enqueue_delivery


@shared_task(
    name=DELIVER_EMAIL_TASK,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
    acks_late=True,
)
def deliver_email(email_id: int) -> bool:
    """Send one outbox email unless it was sent already; True when this call sent it.

    The row stays locked while the message goes out, so two deliveries of the same task (a
    redelivery after a worker was killed, the sweep racing the first attempt) send it once.
    """
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.sent_at is not None:
            return False
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.text_body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
        )
        if email.html_body:
            message.attach_alternative(email.html_body, "text/html")
        try:
            message.send()
        except Exception as error:
            failure = error
        else:
            email.sent_at = timezone.now()
            email.attempts += 1
            email.last_error = ""
            email.save(update_fields=["sent_at", "attempts", "last_error"])
            return True
    # Recorded outside the lock's transaction, which ended without sending anything.
    OutgoingEmail.objects.filter(pk=email_id).update(
        attempts=F("attempts") + 1, last_error=repr(failure)[:2000]
    )
    raise failure


@shared_task(name="shop.storefront.tasks.resend_unsent_emails")  # the beat schedule's name
def resend_unsent_emails(older_than_minutes: int = 5) -> int:
    """Enqueue outbox rows that are still unsent after a while; returns how many."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    pending = list(
        OutgoingEmail.objects.filter(sent_at=None, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:500]
    )
    for email_id in pending:
        enqueue_delivery(email_id)
    return len(pending)
