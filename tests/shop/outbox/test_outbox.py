"""The email outbox: sent after commit, never lost, never sent twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from config.celery import app as celery_app
from shop.outbox.models import OutgoingEmail
from shop.outbox.services import queue_email
from shop.outbox.tasks import deliver_email, resend_unsent_emails

pytestmark = pytest.mark.django_db(transaction=True)


def queue(**overrides) -> OutgoingEmail:
    fields = {"to": ["reader@example.com"], "subject": "Your order", "text_body": "Thanks"}
    with transaction.atomic():
        return queue_email(**(fields | overrides))


def test_email_is_sent_after_commit_with_html_and_text():
    email = queue(html_body="<p>Thanks</p>")
    assert [message.subject for message in mail.outbox] == ["Your order"]
    assert mail.outbox[0].alternatives[0][0] == "<p>Thanks</p>"
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1


def test_nothing_is_sent_or_kept_when_the_transaction_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email(to=["reader@example.com"], subject="Ghost", text_body="never")
        raise RuntimeError("checkout failed")
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_delivering_the_same_email_twice_sends_it_once():
    email = queue()
    assert deliver_email(email.pk) is False
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_keeps_the_email_and_the_sweep_sends_it_later(settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.RefusingBackend"
    email = queue()  # the request that queued it succeeds although sending failed
    email.refresh_from_db()
    assert email.sent_at is None
    assert email.attempts >= 1
    assert "hung up" in email.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    assert resend_unsent_emails() == 1
    email.refresh_from_db()
    assert email.sent_at is not None
    assert len(mail.outbox) == 1
    assert resend_unsent_emails() == 0


def test_a_broker_outage_loses_nothing(settings):
    celery_app.conf.task_always_eager = False
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens there
    celery_app.conf.broker_connection_retry = False
    celery_app.conf.broker_connection_max_retries = 0
    try:
        email = queue()
    finally:
        celery_app.conf.broker_url = previous
        celery_app.conf.task_always_eager = True
    email.refresh_from_db()
    assert email.sent_at is None
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    assert resend_unsent_emails() == 1
    assert len(mail.outbox) == 1
