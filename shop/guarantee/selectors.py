"""Reads of the guarantee: the terms in force, an order's window, what is left to claim, queues.

The window of an order runs from its recorded delivery (a "Delivered" shipping event or status
change), or without one from its dispatch ("Shipped"), for the number of days of the terms the
order was sold under, to the end of the last day in ``GUARANTEE_TIME_ZONE``. An order not yet
dispatched can be cancelled with a full refund at any time.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from .models import ClaimLine, GuaranteeClaim, GuaranteeTerms

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingEvent = get_model("order", "ShippingEvent")
OrderStatusChange = get_model("order", "OrderStatusChange")

DELIVERED = "Delivered"
SHIPPED = "Shipped"
# Orders whose money has arrived (a claim on anything else is refused).
PAID_STATUSES = ("Paid", "Being processed", SHIPPED, DELIVERED)
CENT = Decimal("0.01")


class NoCurrentTerms(Exception):
    """No guarantee terms are current: the shop cannot sell until staff publish a version."""


def current_terms() -> GuaranteeTerms:
    """Return the terms in force; raise ``NoCurrentTerms`` when none are."""
    terms = GuaranteeTerms.objects.filter(is_current=True).first()
    if terms is None:
        raise NoCurrentTerms("No money-back guarantee terms are in force.")
    return terms


@dataclass(frozen=True)
class GuaranteeWindow:
    """Where an order stands in its guarantee window."""

    terms: GuaranteeTerms | None
    starts_from: str  # "delivery", "dispatch" or "" (not dispatched yet)
    started_at: datetime | None
    last_day: date | None
    now: datetime

    @property
    def dispatched(self) -> bool:
        return self.started_at is not None

    @property
    def closes_at(self) -> datetime | None:
        """The first instant after the window (midnight after the last day, shop's zone)."""
        if self.last_day is None:
            return None
        zone = zoneinfo.ZoneInfo(settings.GUARANTEE_TIME_ZONE)
        return datetime.combine(self.last_day + timedelta(days=1), time.min, tzinfo=zone)

    @property
    def is_open(self) -> bool:
        if self.terms is None:
            return False
        if not self.dispatched:
            return True
        return self.now < self.closes_at


def _first_event_time(order: Order, status: str) -> datetime | None:
    """When the order first reached ``status``: a shipping event or a status change."""
    times = [
        ShippingEvent.objects.filter(order=order, event_type__name__iexact=status)
        .order_by("date_created")
        .values_list("date_created", flat=True)
        .first(),
        OrderStatusChange.objects.filter(order=order, new_status=status)
        .order_by("date_created")
        .values_list("date_created", flat=True)
        .first(),
    ]
    found = [t for t in times if t is not None]
    return min(found) if found else None


def guarantee_window(*, order: Order, now: datetime | None = None) -> GuaranteeWindow:
    """The order's guarantee window under the terms it was sold under."""
    now = now or timezone.now()
    terms = order.guarantee_terms
    delivered = _first_event_time(order, DELIVERED)
    shipped = None if delivered else _first_event_time(order, SHIPPED)
    started = delivered or shipped
    last_day = None
    if started is not None and terms is not None:
        zone = zoneinfo.ZoneInfo(settings.GUARANTEE_TIME_ZONE)
        last_day = started.astimezone(zone).date() + timedelta(days=terms.window_days)
    return GuaranteeWindow(
        terms=terms,
        starts_from="delivery" if delivered else ("dispatch" if shipped else ""),
        started_at=started,
        last_day=last_day,
        now=now,
    )


def claimed_quantities(*, order: Order, exclude_claim: GuaranteeClaim | None = None) -> dict:
    """Units of each line already in a claim that is not rejected: {line id: quantity}."""
    rows = ClaimLine.objects.filter(claim__order=order).exclude(
        claim__status=GuaranteeClaim.Status.REJECTED
    )
    if exclude_claim is not None:
        rows = rows.exclude(claim=exclude_claim)
    return {
        row["line_id"]: row["total"]
        for row in rows.values("line_id").annotate(total=Sum("quantity"))
    }


def line_refund_amount(*, line: Line, quantity: int, already_claimed: int) -> Decimal:
    """What ``quantity`` more units of ``line`` refund: the price paid after discounts.

    Rounded half up to the cent; the claim that takes the line's last units gets the remainder,
    so all units of a line add up to exactly what was paid for it.
    """
    paid = line.line_price_incl_tax
    if already_claimed + quantity >= line.quantity:
        before = (paid * already_claimed / line.quantity).quantize(CENT, rounding=ROUND_HALF_UP)
        return paid - before
    return (paid * quantity / line.quantity).quantize(CENT, rounding=ROUND_HALF_UP)


def refunded_minor_units(*, order: Order) -> int:
    """Minor units Stripe reports refunded on the order (claims and Stripe's dashboard)."""
    return (
        order.stripe_refunds.exclude(status__in=["failed", "canceled"]).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )


def paid_amount(*, order: Order) -> Decimal:
    """What the customer paid for the order (Oscar's payment sources)."""
    return order.sources.aggregate(total=Sum("amount_debited"))["total"] or Decimal("0.00")


def promised_amount(*, order: Order, exclude_claim: GuaranteeClaim | None = None) -> Decimal:
    """Amount of the claims accepted for refund but not refunded yet."""
    claims = order.guarantee_claims.filter(
        status__in=[GuaranteeClaim.Status.REFUNDING, GuaranteeClaim.Status.REFUND_FAILED]
    )
    if exclude_claim is not None:
        claims = claims.exclude(pk=exclude_claim.pk)
    return claims.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def customer_claim(*, reference: str) -> GuaranteeClaim | None:
    return (
        GuaranteeClaim.objects.select_related("order", "terms")
        .prefetch_related("lines__line", "events")
        .filter(reference=reference.strip().upper())
        .first()
    )


def staff_claim(*, reference: str) -> GuaranteeClaim | None:
    return (
        GuaranteeClaim.objects.select_related("order__user", "order__shipping_address", "terms")
        .prefetch_related("lines__line", "photos", "events__by")
        .filter(reference=reference)
        .first()
    )


def customer_history(*, claim: GuaranteeClaim) -> QuerySet:
    """The customer's other orders (by account or email), newest first."""
    order = claim.order
    who = Q(guest_email__iexact=order.email) | Q(user__email__iexact=order.email)
    if order.user_id:
        who |= Q(user_id=order.user_id)
    return Order.objects.filter(who).exclude(pk=order.pk).order_by("-date_placed")[:20]


def claim_queue(*, status: str = "", older_than_days: int | None = None) -> QuerySet:
    """Claims for the staff queue, oldest open first; the filters are optional."""
    claims = GuaranteeClaim.objects.select_related("order__user")
    if status:
        claims = claims.filter(status=status)
    if older_than_days:
        claims = claims.filter(created__lt=timezone.now() - timedelta(days=older_than_days))
    return claims.order_by("created")


def claims_for_orders(orders) -> list[GuaranteeClaim]:
    """The guarantee claims on some orders, newest first (for the support queue's context)."""
    return list(
        GuaranteeClaim.objects.filter(order__in=orders).select_related("order").order_by("-created")
    )
