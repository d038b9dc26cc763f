"""Reads of the support app: threads, the staff queue and the first-response metrics.

Each selector does its own ``select_related``/``prefetch_related`` so the number of queries of
a page does not depend on how many requests or messages it shows.
"""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from oscar.core.loading import get_model

from .models import SupportAttachment, SupportMessage, SupportRequest
from .services import first_response_target

Order = get_model("order", "Order")


def customer_thread(support_request: SupportRequest) -> list[SupportMessage]:
    """What the customer may see: their messages and staff replies, never internal notes."""
    return list(
        support_request.messages.exclude(kind=SupportMessage.Kind.NOTE)
        .select_related("author")
        .prefetch_related("attachments")
    )


def staff_thread(support_request: SupportRequest) -> list[SupportMessage]:
    return list(support_request.messages.select_related("author").prefetch_related("attachments"))


def customer_attachment(
    support_request: SupportRequest, attachment_pk: int
) -> SupportAttachment | None:
    """An attachment of a message the customer may see, on this request only."""
    return (
        SupportAttachment.objects.filter(pk=attachment_pk, message__request=support_request)
        .exclude(message__kind=SupportMessage.Kind.NOTE)
        .first()
    )


def requests_of_customer(user: AbstractBaseUser) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(user=user).order_by("-created_at")


def support_agents() -> QuerySet:
    """Staff who can work the queue (directly or through a role), for the assignee lists."""
    permission = Permission.objects.filter(
        content_type__app_label="support", codename="change_supportrequest"
    )
    return (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


AGE_FILTERS = {
    "1d": timedelta(days=1),
    "3d": timedelta(days=3),
    "7d": timedelta(days=7),
}


@dataclass(frozen=True)
class QueueFilters:
    status: str = ""
    topic: str = ""
    assignee: str = ""  # "", "me", "none" or a user id
    older_than: str = ""  # a key of AGE_FILTERS
    breached: bool = False
    query: str = ""


def queue(
    *, filters: QueueFilters, user: AbstractBaseUser, now: datetime | None = None
) -> QuerySet[SupportRequest]:
    """The staff queue, filtered, oldest waiting first within each status."""
    now = now or timezone.now()
    requests = SupportRequest.objects.select_related("assignee", "order", "user")
    if filters.status:
        requests = requests.filter(status=filters.status)
    if filters.topic:
        requests = requests.filter(topic=filters.topic)
    if filters.assignee == "me":
        requests = requests.filter(assignee=user)
    elif filters.assignee == "none":
        requests = requests.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        requests = requests.filter(assignee_id=int(filters.assignee))
    if filters.older_than in AGE_FILTERS:
        requests = requests.filter(created_at__lt=now - AGE_FILTERS[filters.older_than])
    if filters.breached:
        requests = requests.breaching(now=now)
    query = filters.query.strip()
    if query:
        requests = requests.filter(
            Q(reference__iexact=query)
            | Q(reference__iexact=f"SR-{query}")
            | Q(email__icontains=query)
            | Q(name__icontains=query)
            | Q(order__number__iexact=query)
            | Q(unverified_order_number__iexact=query)
        )
    return requests.order_by("-created_at")


def status_counts() -> dict[str, int]:
    # order_by() drops the default ordering, which would otherwise split the groups.
    counts = dict(
        SupportRequest.objects.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in SupportRequest.Status.values}


@dataclass(frozen=True)
class ResponseWindow:
    days: int
    answered: int
    median: timedelta | None
    breached: int


@dataclass(frozen=True)
class ResponseMetrics:
    target: timedelta
    windows: list[ResponseWindow]
    waiting_past_target: int


def first_response_metrics(*, now: datetime | None = None) -> ResponseMetrics:
    """Median first-response time of requests opened in the last 7 and 30 days, against the
    target, with how many of them missed it and how many are still unanswered past it."""
    now = now or timezone.now()
    rows = list(
        SupportRequest.objects.filter(created_at__gte=now - timedelta(days=30)).values_list(
            "created_at", "first_response_at", "first_response_due_at"
        )
    )
    windows = []
    for days in (7, 30):
        since = now - timedelta(days=days)
        in_window = [row for row in rows if row[0] >= since]
        times = [answered - created for created, answered, _ in in_window if answered]
        breached = sum(
            1
            for _, answered, due in in_window
            if (answered and answered > due) or (not answered and now > due)
        )
        windows.append(
            ResponseWindow(
                days=days,
                answered=len(times),
                median=statistics.median(times) if times else None,
                breached=breached,
            )
        )
    waiting = SupportRequest.objects.filter(
        first_response_at__isnull=True,
        first_response_due_at__lt=now,
        status__in=[SupportRequest.Status.NEW, SupportRequest.Status.OPEN],
    ).count()
    return ResponseMetrics(
        target=first_response_target(), windows=windows, waiting_past_target=waiting
    )


def proven_customer_orders(support_request: SupportRequest) -> list:
    """The orders staff may see beside a request: only what its sender proved is theirs.

    That is the signed-in sender's own orders and the order linked to the request (linked only
    on proof of access). The email a sender typed proves nothing, so orders are never matched
    by it: otherwise anyone could write in a customer's name and have that customer's orders,
    claims and address shown to the agent answering them.
    """
    orders = []
    if support_request.user_id:
        orders = list(
            Order.objects.filter(user_id=support_request.user_id).order_by("-date_placed")[:10]
        )
    if support_request.order is not None and support_request.order not in orders:
        orders.insert(0, support_request.order)
    return orders


def other_requests_of_sender(support_request: SupportRequest) -> list[SupportRequest]:
    """The signed-in sender's other requests (requests matched by a typed email could be
    anyone's, so an anonymous request has none)."""
    if not support_request.user_id:
        return []
    return list(
        SupportRequest.objects.filter(user_id=support_request.user_id)
        .exclude(pk=support_request.pk)
        .order_by("-created_at")[:10]
    )


def request_for_staff(reference: str) -> SupportRequest | None:
    return (
        SupportRequest.objects.select_related("assignee", "order", "user")
        .filter(reference=reference)
        .first()
    )
