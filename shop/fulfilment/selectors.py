"""Reads of fulfilment: shipments, the units still to ship, the shipping still refundable."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Sum
from oscar.core.loading import get_model

from shop.guarantee import selectors as guarantee_selectors
from shop.guarantee.models import GuaranteeClaim
from shop.order.selectors import SHIPPED
from shop.payment.gateway import from_minor_units
from shop.shipping.carriers import carrier_for

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingRefund = get_model("order", "ShippingRefund")


@dataclass(frozen=True)
class Shipment:
    """One parcel as the customer and staff see it: who carries it, how to follow it, what is
    in it, and when it arrived (if it did)."""

    event: "ShippingEvent"
    carrier_name: str
    tracking_number: str
    tracking_url: str
    items: list[tuple[str, int]]
    shipped_at: datetime
    delivered_at: datetime | None

    @property
    def is_delivered(self) -> bool:
        return self.delivered_at is not None


@dataclass(frozen=True)
class Fulfilment:
    """An order's shipments, oldest first, and the units not shipped yet."""

    shipments: list[Shipment] = field(default_factory=list)
    # (line, units of it not shipped yet), in line order.
    pending: list[tuple["Line", int]] = field(default_factory=list)

    @property
    def everything_shipped(self) -> bool:
        return bool(self.shipments) and not self.pending

    @property
    def everything_delivered(self) -> bool:
        return self.everything_shipped and all(s.is_delivered for s in self.shipments)


def _carrier_name(code: str) -> str:
    carrier = carrier_for(code)
    return carrier.name if carrier else code


def shipped_quantities(*, order: Order) -> dict[int, int]:
    """Units of each line already in a shipment: {line id: units}."""
    rows = (
        ShippingEvent.objects.filter(order=order, event_type__name=SHIPPED)
        .values("line_quantities__line_id")
        .annotate(total=Sum("line_quantities__quantity"))
    )
    return {row["line_quantities__line_id"]: row["total"] for row in rows if row["total"]}


def order_fulfilment(*, order: Order) -> Fulfilment:
    """The order's shipments and what is still to ship, in a fixed number of queries."""
    events = list(
        ShippingEvent.objects.filter(order=order, event_type__name=SHIPPED)
        .select_related("delivery")
        .prefetch_related("line_quantities__line")
        .order_by("date_created", "pk")
    )
    shipped: dict[int, int] = defaultdict(int)
    shipments = []
    for event in events:
        items = []
        for quantity in event.line_quantities.all():
            shipped[quantity.line_id] += quantity.quantity
            items.append((quantity.line.title, quantity.quantity))
        delivery = getattr(event, "delivery", None)
        shipments.append(
            Shipment(
                event=event,
                carrier_name=_carrier_name(event.carrier),
                tracking_number=event.tracking_number,
                tracking_url=_tracking_url(event),
                items=items,
                shipped_at=event.date_created,
                delivered_at=delivery.date_created if delivery else None,
            )
        )
    pending = [
        (line, line.quantity - shipped[line.pk])
        for line in order.lines.order_by("pk")
        if line.quantity > shipped[line.pk]
    ]
    return Fulfilment(shipments=shipments, pending=pending)


def _tracking_url(event: "ShippingEvent") -> str:
    carrier = carrier_for(event.carrier)
    return carrier.tracking_link(event.tracking_number) if carrier else ""


def payment_intent_of(*, order: Order) -> str:
    """The Stripe payment that paid the order, or "" (free orders have none)."""
    attempt = order.payment_attempts.filter(status="paid").exclude(payment_intent_id="").first()
    if attempt is not None:
        return attempt.payment_intent_id
    source = order.sources.exclude(reference="").order_by("pk").first()
    return source.reference if source else ""


def shipping_refunded(*, order: Order) -> Decimal:
    """Shipping given back so far: staff's shipping refunds (pending ones too, so the money a
    running call may refund is never offered twice) and the shipping of guarantee claims."""
    refunds = order.shipping_refunds.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    claims = order.guarantee_claims.filter(
        includes_shipping=True,
        status__in=[
            GuaranteeClaim.Status.REFUNDING,
            GuaranteeClaim.Status.REFUND_FAILED,
            GuaranteeClaim.Status.REFUNDED,
        ],
    )
    claimed = order.shipping_incl_tax if claims.exists() else Decimal("0.00")
    return refunds + claimed


def shipping_refundable(*, order: Order) -> Decimal:
    """The most staff may still refund of the order's shipping.

    Capped twice: by the shipping the customer paid minus the shipping already refunded, and by
    what is left of the whole payment (Stripe refunds and guarantee claims in progress included).
    """
    if not order.sources.exists():
        return Decimal("0.00")

    shipping_left = order.shipping_incl_tax - shipping_refunded(order=order)
    refunded = from_minor_units(
        guarantee_selectors.refunded_minor_units(order=order), order.currency
    )
    pending = order.shipping_refunds.filter(status=ShippingRefund.Status.PENDING).aggregate(
        total=Sum("amount")
    )["total"] or Decimal("0.00")
    payment_left = (
        guarantee_selectors.paid_amount(order=order)
        - refunded
        - guarantee_selectors.promised_amount(order=order)
        - pending
    )
    return max(Decimal("0.00"), min(shipping_left, payment_left))
