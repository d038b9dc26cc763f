"""Reads of the payment app."""

from django.db.models import QuerySet
from oscar.core.loading import get_model

from .models import PaymentAttempt, PaymentIssue, StripeRefund

Order = get_model("order", "Order")


def payable_order(*, number: str) -> Order | None:
    return (
        Order.objects.select_related("shipping_address", "guarantee_terms", "user")
        .prefetch_related("lines")
        .filter(number=number)
        .first()
    )


def attempts_of(order: Order) -> QuerySet[PaymentAttempt]:
    return order.payment_attempts.order_by("number")


def issues_of(order: Order) -> QuerySet[PaymentIssue]:
    return order.payment_issues.order_by("-created")


def refunds_of(order: Order) -> QuerySet[StripeRefund]:
    return order.stripe_refunds.order_by("-created")
