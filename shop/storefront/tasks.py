"""Background tasks shared by every app."""

import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def deliver_email(
    *, to: list[str], subject: str, text_body: str, html_body: str | None = None
) -> int:
    """Send one email (plain text, with an HTML alternative when given); retried on failure."""
    message = EmailMultiAlternatives(
        subject=subject, body=text_body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
