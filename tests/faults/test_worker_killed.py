"""A Celery worker killed in the middle of sending an email: it is sent exactly once after restart.

Everything is real: a throwaway Redis as the broker, worker processes started with the
`celery` command, and a local SMTP server (aiosmtpd) that stalls the first delivery so the
worker can be killed mid-conversation.
"""

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection, transaction

from config.celery import app as celery_app
from shop.outbox.models import OutgoingEmail
from shop.outbox.tasks import deliver_email
from tests.faults.conftest import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the worker process shares the test database, which needs PostgreSQL",
    ),
]


class StallingMailServer:
    """Accepts mail, but holds the first DATA command until released."""

    def __init__(self) -> None:
        self.delivered: list[str] = []
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if not self.release.is_set():
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 try again later"  # the first conversation never completes
        self.delivered.append(envelope.content.decode())
        return "250 OK"


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_killed_worker_sends_the_email_exactly_once_after_restart(redis_server):
    mail_server = StallingMailServer()
    smtp_port = free_port()
    controller = Controller(mail_server, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    database = connection.settings_dict
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "REDIS_URL": redis_server.url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "CELERY_VISIBILITY_TIMEOUT": "3",
    }
    workers = []
    celery_app.conf.task_always_eager = False
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                to=["reader@example.com"], subject="Your order", text_body="Thanks"
            )
        with celery_app.connection_for_write(redis_server.url) as broker:
            deliver_email.apply_async((email.pk,), connection=broker)

        workers.append(start_worker(env))
        assert mail_server.stalled.wait(timeout=60), "the worker never started sending"
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(timeout=10)
        mail_server.release.set()
        email.refresh_from_db()
        assert email.sent_at is None and mail_server.delivered == []

        time.sleep(3.5)  # past the visibility timeout: the broker hands the task out again
        workers.append(start_worker(env))
        assert wait_until(lambda: len(mail_server.delivered) == 1, timeout=60)
        time.sleep(2)  # no second copy follows
        assert len(mail_server.delivered) == 1
        email.refresh_from_db()
        assert email.sent_at is not None
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=20)
        controller.stop()
