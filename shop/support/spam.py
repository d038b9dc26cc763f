"""Spam defences of the public forms, without third-party services.

A honeypot field that people never see, a minimum time between showing the form and sending
it (a signed timestamp in the form), and rate limits per IP address and per email address
counted in the Django cache (Redis in production, so every web process shares the counts).
Each refusal is an exception carrying the polite sentence and the HTTP status to answer with.
"""

import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

STAMP_SALT = "shop.support.form-started"
# A form left open longer than this is refused as stale and shown again with a fresh stamp.
STAMP_MAX_AGE = 60 * 60 * 24


class Refused(Exception):
    """A submission refused by a spam defence: ``message`` is shown, ``status`` answered."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def new_form_stamp() -> str:
    return signing.dumps(time.time(), salt=STAMP_SALT)


def stamp_to_show_again(posted: str) -> str:
    """Keep a valid stamp when a form is shown again (the wait already counted), else a new one."""
    try:
        started = float(signing.loads(posted, salt=STAMP_SALT, max_age=STAMP_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return new_form_stamp()
    return posted if time.time() - started <= STAMP_MAX_AGE else new_form_stamp()


def check_fill_time(stamp: str) -> None:
    """Refuse forms sent faster than a person can type, or with a missing or forged stamp."""
    try:
        started = float(signing.loads(stamp, salt=STAMP_SALT, max_age=STAMP_MAX_AGE))
        if time.time() - started > STAMP_MAX_AGE:
            raise signing.SignatureExpired("form shown too long ago")
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise Refused(
            "This form has expired or was changed on the way. Please check your message and "
            "send it again."
        ) from error
    if time.time() - started < settings.SUPPORT_MIN_FILL_SECONDS:
        raise Refused(
            "That was quicker than we expected from a person. Please wait a few seconds and "
            "send your message again."
        )


def check_honeypot(value: str) -> None:
    if value:
        raise Refused(
            "Your message could not be sent because a field meant to stay empty was filled in. "
            "If you are a person, please clear it and send again."
        )


def check_ip_rate(request: HttpRequest, *, group: str) -> None:
    if is_ratelimited(
        request,
        group=f"{group}:ip",
        key="ip",
        rate=settings.SUPPORT_RATE_LIMIT_PER_IP,
        increment=True,
    ):
        raise Refused(
            "We have received a lot of messages from your connection in the last while. "
            "Please try again in an hour; nothing you sent before is lost.",
            status=429,
        )


def check_email_rate(request: HttpRequest, *, group: str, email: str) -> None:
    normalized = email.strip().lower()
    if is_ratelimited(
        request,
        group=f"{group}:email",
        key=lambda _group, _request: normalized,
        rate=settings.SUPPORT_RATE_LIMIT_PER_EMAIL,
        increment=True,
    ):
        raise Refused(
            "We have received several messages from this email address in the last hour. "
            "Please reply in the conversation we already sent you, or try again later.",
            status=429,
        )
