"""Services of fulfilment: staff record shipments and deliveries, and refund shipping.

A shipment is an Oscar "Shipped" shipping event carrying a carrier, a tracking number and the
units it holds (partial shipments allowed); a delivery is a "Delivered" event naming the shipment
it completes. Each form sends a submission key, unique per order in the database, so a second
click finds the first event instead of recording (and emailing) a second one. The order's
status follows: "Being processed" while units are still to ship, "Shipped" once all are,
"Delivered" once all shipments arrived.

Lock order, as everywhere in the shop: the order row, then the stock records.
"""

import logging
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from oscar.core.loading import get_class, get_model

from shop.order.exceptions import ShipmentRefused, ShippingRefundRefused
from shop.order.selectors import DELIVERED, SHIPPED
from shop.payment.gateway import PaymentProviderError, get_gateway, to_minor_units
from shop.payment.models import StripeRefund
from shop.shipping.carriers import carrier_for

from . import emails, selectors

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")
ShippingRefund = get_model("order", "ShippingRefund")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
EventHandler = get_class("order.processing", "EventHandler")

logger = logging.getLogger(__name__)

PAID = "Paid"
BEING_PROCESSED = "Being processed"
# Statuses in which units may still leave the warehouse.
SHIPPABLE_STATUSES = (PAID, BEING_PROCESSED)
SHIPPING_REFUND_METADATA_KEY = "shipping_refund"


def _event_type(name: str) -> "ShippingEventType":
    event_type, _ = ShippingEventType.objects.get_or_create(
        name=name, defaults={"code": name.lower()}
    )
    return event_type


def _move_to(*, handler, order: Order, status: str, note: str) -> None:
    if order.status != status:
        handler.handle_order_status_change(order, status, note_msg=note)


def _chosen_lines(*, order: Order, quantities: dict[int, int]) -> list[tuple[object, int]]:
    lines = {line.pk: line for line in order.lines.all()}
    shipped = selectors.shipped_quantities(order=order)
    chosen = []
    for line_id, quantity in sorted(quantities.items()):
        if not quantity:
            continue
        line = lines.get(line_id)
        if line is None or quantity < 0:
            raise ShipmentRefused("Choose lines of this order, and a number of units of 0 or more.")
        left = line.quantity - shipped.get(line.pk, 0)
        if quantity > left:
            raise ShipmentRefused(
                f"{line.title}: {shipped.get(line.pk, 0)} of {line.quantity} shipped already; "
                f"at most {left} more can ship."
            )
        chosen.append((line, quantity))
    if not chosen:
        raise ShipmentRefused("Choose at least one line and how many of its units are shipped.")
    return chosen


def record_shipment(
    *,
    order: Order,
    carrier: str,
    tracking_number: str,
    quantities: dict[int, int],
    submission_key: str,
    by: AbstractBaseUser,
) -> ShippingEvent:
    """Record a parcel leaving the warehouse and email the customer its tracking link.

    Raises ``ShipmentRefused`` (and saves nothing) for an order that is not paid or shipped
    already, an unknown carrier, a missing tracking number, or more units than are left to ship.
    The same ``submission_key`` again returns the first shipment and sends nothing.
    """
    tracking_number = (tracking_number or "").strip()
    try:
        with transaction.atomic():
            order = Order.objects.select_for_update().get(pk=order.pk)
            existing = order.shipping_events.filter(submission_key=submission_key).first()
            if existing is not None:
                return existing
            if order.status not in SHIPPABLE_STATUSES:
                raise ShipmentRefused(
                    f"Order #{order.number} is {order.status.lower()}: only a paid order with "
                    "units left to ship can ship."
                )
            carrier_entry = carrier_for(carrier)
            if carrier_entry is None:
                raise ShipmentRefused("Choose the carrier from the list.")
            if not tracking_number:
                raise ShipmentRefused("Enter the carrier's tracking number.")
            chosen = _chosen_lines(order=order, quantities=quantities)
            handler = EventHandler(user=by)
            event = handler.handle_shipping_event(
                order,
                _event_type(SHIPPED),
                [line for line, _ in chosen],
                [quantity for _, quantity in chosen],
                carrier=carrier_entry.code,
                tracking_number=tracking_number,
                submission_key=submission_key,
                reference=f"{carrier_entry.name} {tracking_number}",
            )
            fulfilment = selectors.order_fulfilment(order=order)
            note = f"Shipment {carrier_entry.name} {tracking_number} recorded."
            _move_to(handler=handler, order=order, status=BEING_PROCESSED, note=note)
            if fulfilment.everything_shipped:
                _move_to(handler=handler, order=order, status=SHIPPED, note="Everything shipped.")
            emails.send_shipment_notice(order=order, event=event, fulfilment=fulfilment)
    except IntegrityError:
        # A concurrent double submit inserted the same key first: that shipment is the answer.
        existing = ShippingEvent.objects.filter(order=order, submission_key=submission_key).first()
        if existing is None:
            raise
        return existing
    logger.info("Order #%s: shipment %s %s recorded", order.number, carrier, tracking_number)
    return event


def mark_delivered(*, shipment: ShippingEvent, by: AbstractBaseUser) -> ShippingEvent:
    """Record that a shipment arrived and email the customer, once per shipment.

    The order becomes "Delivered" when every unit has shipped and every shipment arrived; the
    guarantee window then runs from the first delivery (shop.guarantee.selectors).
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=shipment.order_id)
        shipment = ShippingEvent.objects.select_related("event_type").get(pk=shipment.pk)
        if shipment.event_type.name != SHIPPED:
            raise ShipmentRefused("Only a shipment can be marked delivered.")
        existing = ShippingEvent.objects.filter(delivers=shipment).first()
        if existing is not None:
            return existing
        quantities = list(shipment.line_quantities.select_related("line").order_by("line_id"))
        handler = EventHandler(user=by)
        try:
            with transaction.atomic():
                delivery = handler.handle_shipping_event(
                    order,
                    _event_type(DELIVERED),
                    [q.line for q in quantities],
                    [q.quantity for q in quantities],
                    carrier=shipment.carrier,
                    tracking_number=shipment.tracking_number,
                    delivers=shipment,
                    reference=shipment.notes,
                )
        except IntegrityError:
            return ShippingEvent.objects.get(delivers=shipment)
        fulfilment = selectors.order_fulfilment(order=order)
        if fulfilment.everything_delivered and order.status == SHIPPED:
            _move_to(handler=handler, order=order, status=DELIVERED, note="Everything delivered.")
        else:
            handler.create_note(order, f"Shipment {shipment.notes} delivered.")
        emails.send_delivery_notice(order=order, shipment=shipment, delivery=delivery)
    logger.info("Order #%s: shipment %s delivered", order.number, shipment.pk)
    return delivery


# ----------------------------------------------------------------------------------------------
# Refunding shipping


def _refund_event_type() -> "PaymentEventType":
    # The guarantee records its refunds under the same type (shop.guarantee.services).
    event_type, _ = PaymentEventType.objects.get_or_create(
        code="refunded", defaults={"name": "Refunded"}
    )
    return event_type


def _reserve_shipping_refund(
    *, order: Order, amount: Decimal, reason: str, submission_key: str, by
) -> ShippingRefund:
    """Under the order's lock: find this submission's refund, or check the cap and write it."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        existing = order.shipping_refunds.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
        if amount <= 0:
            raise ShippingRefundRefused("Enter an amount of shipping to refund, above zero.")
        if not selectors.payment_intent_of(order=order):
            raise ShippingRefundRefused(
                f"Order #{order.number} has no card payment to refund shipping from."
            )
        cap = selectors.shipping_refundable(order=order)
        if amount > cap:
            raise ShippingRefundRefused(
                f"At most {cap} {order.currency} of shipping can still be refunded on order "
                f"#{order.number} (shipping paid {order.shipping_incl_tax} {order.currency}, "
                f"already refunded or being refunded "
                f"{selectors.shipping_refunded(order=order)} {order.currency}); "
                f"{amount} {order.currency} is more than that."
            )
        return ShippingRefund.objects.create(
            order=order,
            amount=amount,
            currency=order.currency,
            reason=reason.strip(),
            submission_key=submission_key,
            by=by if getattr(by, "pk", None) else None,
        )


def refund_shipping(
    *,
    order: Order,
    amount: Decimal,
    reason: str,
    submission_key: str,
    by: AbstractBaseUser,
) -> ShippingRefund:
    """Refund ``amount`` of the order's shipping to the customer's card through Stripe.

    Capped by the shipping paid minus the shipping already refunded (here or with a guarantee
    claim) and by what is left of the payment; over the cap raises ``ShippingRefundRefused``.
    The same ``submission_key`` again returns the refund made (or retries a failed one with the
    same idempotency key, so Stripe refunds it once). No lock is held during the Stripe call.
    """
    refund_row = _reserve_shipping_refund(
        order=order, amount=amount, reason=reason, submission_key=submission_key, by=by
    )
    if refund_row.status == ShippingRefund.Status.REFUNDED:
        return refund_row
    payment_intent = selectors.payment_intent_of(order=order)
    try:
        refund = get_gateway().refund_payment(
            payment_intent=payment_intent,
            amount=_minor_units(refund_row.amount, refund_row.currency),
            idempotency_key=refund_row.idempotency_key,
            metadata={SHIPPING_REFUND_METADATA_KEY: order.number},
        )
    except PaymentProviderError as error:
        _refund_failed(refund_row=refund_row, error=str(error))
        raise ShippingRefundRefused(
            f"Stripe did not refund the shipping ({error}). Nothing was refunded; the refund "
            "is kept as pending: retry it from the order page."
        ) from error
    if refund.status in ("failed", "canceled"):
        _refund_failed(refund_row=refund_row, error=f"Stripe: refund {refund.status}")
        raise ShippingRefundRefused(f"Stripe reports the refund {refund.status}.")
    return _complete_shipping_refund(
        refund_row=refund_row, refund=refund, payment_intent=payment_intent
    )


def _minor_units(amount: Decimal, currency: str) -> int:

    return to_minor_units(amount, currency)


def _refund_failed(*, refund_row: ShippingRefund, error: str) -> None:
    ShippingRefund.objects.filter(pk=refund_row.pk, status=ShippingRefund.Status.PENDING).update(
        last_error=error[:2000]
    )
    logger.warning("Order #%s: shipping refund failed: %s", refund_row.order.number, error)


def _complete_shipping_refund(*, refund_row: ShippingRefund, refund, payment_intent: str):
    with transaction.atomic():
        # The refund row first, then the order: the webhook that reports this refund writes
        # them in that order too, so the two wait for each other instead of deadlocking.
        StripeRefund.objects.update_or_create(
            refund_id=refund.id,
            defaults={
                "order_id": refund_row.order_id,
                "payment_intent_id": payment_intent,
                "amount": refund.amount,
                "currency": refund.currency or refund_row.currency,
                "status": refund.status,
            },
        )
        order = Order.objects.select_for_update().get(pk=refund_row.order_id)
        refund_row = ShippingRefund.objects.select_for_update().get(pk=refund_row.pk)
        if refund_row.status == ShippingRefund.Status.REFUNDED:
            return refund_row
        if not order.payment_events.filter(reference=refund.id).exists():
            PaymentEvent.objects.create(
                order=order,
                event_type=_refund_event_type(),
                amount=refund_row.amount,
                reference=refund.id,
            )
            source = order.sources.select_for_update().order_by("pk").first()
            if source is not None:
                source.refund(refund_row.amount, reference=refund.id, status=refund.status)
        refund_row.status = ShippingRefund.Status.REFUNDED
        refund_row.stripe_refund_id = refund.id
        refund_row.last_error = ""
        refund_row.save(update_fields=["status", "stripe_refund_id", "last_error"])
        OrderNote.objects.create(
            order=order,
            note_type=OrderNote.SYSTEM,
            message=f"Shipping refunded: {refund_row.amount} {refund_row.currency} "
            f"({refund.id})" + (f" — {refund_row.reason}" if refund_row.reason else "."),
        )
    logger.info("Order #%s: shipping refund %s", order.number, refund.id)
    return refund_row
