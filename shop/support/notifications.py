"""The emails of the support workflow, rendered now and sent after commit by Celery."""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from shop.outbox.services import queue_email

from .links import private_link_url
from .models import SupportMessage, SupportRequest


def _send(*, to: list[str], subject: str, template: str, context: dict, user=None) -> None:
    """``user``: the customer account the email is for, so it shows in its email history."""
    context = {"SITE_URL": settings.SITE_URL, "shop_name": settings.OSCAR_SHOP_NAME, **context}
    queue_email(
        to=to,
        subject=subject,
        text_body=render_to_string(f"support/emails/{template}.txt", context),
        html_body=render_to_string(f"support/emails/{template}.html", context),
        user=user,
    )


def _staff_recipients(support_request: SupportRequest) -> list[str]:
    assignee = support_request.assignee
    if assignee is not None and assignee.email:
        return [assignee.email]
    return list(settings.SUPPORT_STAFF_EMAILS)


def _dashboard_url(support_request: SupportRequest) -> str:
    return settings.SITE_URL + reverse(
        "support_dashboard:request-detail", kwargs={"reference": support_request.reference}
    )


def confirm_to_customer(support_request: SupportRequest) -> None:
    _send(
        to=[support_request.email],
        subject=f"We have your message [{support_request.reference}]",
        template="confirmation",
        user=support_request.user,
        context={
            "support_request": support_request,
            "private_link": private_link_url(support_request),
            "target_hours": settings.SUPPORT_FIRST_RESPONSE_TARGET_HOURS,
        },
    )


def new_request_to_staff(support_request: SupportRequest, message: SupportMessage) -> None:
    _send(
        to=list(settings.SUPPORT_STAFF_EMAILS),
        subject=f"New support request {support_request.reference}: "
        f"{support_request.get_topic_display()}",
        template="staff_new_request",
        context={
            "support_request": support_request,
            "message": message,
            "dashboard_url": _dashboard_url(support_request),
        },
    )


def customer_reply_to_staff(support_request: SupportRequest, message: SupportMessage) -> None:
    _send(
        to=_staff_recipients(support_request),
        subject=f"Customer replied on {support_request.reference}",
        template="staff_customer_reply",
        context={
            "support_request": support_request,
            "message": message,
            "dashboard_url": _dashboard_url(support_request),
        },
    )


# How agents open a reply themselves ("Hello Jürgen,", "Hi,", "Dear Ms Müller"): then the email
# adds no greeting of its own in front of theirs.
GREETING = re.compile(r"^\s*(hello|hi|hey|dear|good (morning|afternoon|evening))\b", re.IGNORECASE)


def opens_with_greeting(body: str) -> bool:
    return bool(GREETING.match(body))


def staff_reply_to_customer(support_request: SupportRequest, message: SupportMessage) -> None:
    _send(
        to=[support_request.email],
        subject=f"Re: your request {support_request.reference}",
        template="staff_reply",
        user=support_request.user,
        context={
            "support_request": support_request,
            "message": message,
            "greet": not opens_with_greeting(message.body),
            "private_link": private_link_url(support_request),
        },
    )


def new_private_link_to_customer(support_request: SupportRequest) -> None:
    _send(
        to=[support_request.email],
        subject=f"A new private link for your request {support_request.reference}",
        template="new_private_link",
        user=support_request.user,
        context={
            "support_request": support_request,
            "private_link": private_link_url(support_request),
        },
    )
