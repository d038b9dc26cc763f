"""Emails of the payment app: staff hear of a card dispute the moment Stripe reports it."""

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from oscar.core.loading import get_model

from shop.outbox.services import queue_email

Order = get_model("order", "Order")


def tell_staff_of_dispute(
    *,
    order: Order,
    dispute_id: str,
    amount: Decimal,
    currency: str,
    reason: str,
    evidence_due: datetime | None,
) -> None:
    """Queue the dispute alert to ORDER_STAFF_EMAILS: a dispute unanswered by its deadline is
    lost by default, and the dashboard's red box only helps staff who happen to look."""
    context = {
        "order": order,
        "dispute_id": dispute_id,
        "amount": amount,
        "currency": currency,
        "reason": reason.replace("_", " ") or "no reason given",
        "evidence_due": evidence_due,
        "dashboard_url": settings.SITE_URL
        + reverse("dashboard:order-detail", kwargs={"number": order.number}),
    }
    queue_email(
        to=list(settings.ORDER_STAFF_EMAILS),
        subject=f"Card dispute on order #{order.number}: reply before the deadline",
        text_body=render_to_string("payment/emails/staff_dispute.txt", context),
    )
