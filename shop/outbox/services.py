"""Outgoing email for every app of the site, sent in the background after commit.

Apps render their message in the request (templates need the request's data), then call
``queue_email``. It stores the message in the outbox (``OutgoingEmail``) inside the current
transaction and enqueues the ``deliver_email`` task once that transaction commits: nothing is
sent for data that was rolled back, nothing is lost when the broker or the mail server is down
(``resend_unsent_emails`` sweeps the outbox), and a message is sent at most once per row.

An email to a customer with an account also goes into Oscar's email history (the account's
"Emails" page), so the customer finds there every message the shop sent them.
"""

import logging

from celery import signature
from django.db import transaction
from oscar.core.loading import get_model

from .models import OutgoingEmail

CommunicationEmail = get_model("communication", "Email")

logger = logging.getLogger(__name__)

# The delivery task's registered name, kept from when the outbox lived in the storefront app so
# that tasks already queued still resolve. Enqueued by name: the tasks import this module.
DELIVER_EMAIL_TASK = "shop.storefront.tasks.deliver_email"


def queue_email(
    *,
    to: list[str],
    subject: str,
    text_body: str,
    html_body: str | None = None,
    user=None,
) -> OutgoingEmail:
    """Store an email in the outbox and send it from a Celery task after commit.

    ``user`` is the customer account the email is for (None for guests and staff): the email
    is listed in that account's email history, in the same transaction.
    """
    email = OutgoingEmail.objects.create(
        to=list(to), subject=subject, text_body=text_body, html_body=html_body or ""
    )
    if user is not None and getattr(user, "pk", None):
        CommunicationEmail.objects.create(
            user=user,
            email=to[0] if to else "",
            subject=subject,
            body_text=text_body,
            body_html=html_body or "",
        )
    transaction.on_commit(lambda: enqueue_delivery(email.pk))
    return email


def enqueue_delivery(email_id: int) -> None:
    """Hand one outbox row to Celery; a broker outage leaves it for the periodic sweep."""
    try:
        signature(DELIVER_EMAIL_TASK, args=(email_id,)).delay()
    except Exception:
        # The row is safe in the outbox; resend_unsent_emails enqueues it again later.
        logger.exception("Could not enqueue email %s; the outbox sweep will retry it", email_id)
