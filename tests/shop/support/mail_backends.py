"""A mail server that fails: the outside world the email-failure tests need, and nothing more."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FailingEmailBackend(EmailBackend):
    """Drops the connection ``failures_left`` times, then delivers to the locmem outbox."""

    failures_left = 0
    attempts = 0

    def send_messages(self, messages):
        FailingEmailBackend.attempts += 1
        if FailingEmailBackend.failures_left > 0:
            FailingEmailBackend.failures_left -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
