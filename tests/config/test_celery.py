"""A real Celery worker on the real broker sends an email from the outbox (PostgreSQL + Redis)."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction

from config.celery import app as celery_app
from shop.outbox.models import OutgoingEmail
from shop.outbox.services import queue_email

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs REDIS_URL: a real broker for a real worker"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_real_worker_delivers_a_queued_email():
    celery_app.conf.task_always_eager = False
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with transaction.atomic():
            email = queue_email(
                to=["reader@example.com"], subject="Hello", text_body="From a worker"
            )
        deadline = time.monotonic() + 30
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
    assert [message.subject for message in mail.outbox] == ["Hello"]
    assert mail.outbox[0].to == ["reader@example.com"]
    email.refresh_from_db()
    assert email.sent_at is not None
    assert OutgoingEmail.objects.filter(sent_at=None).count() == 0
