"""Helpers of the guarantee tests: orders paid through the checkout against the fake Stripe."""

from datetime import datetime

from oscar.core.loading import get_model

from shop.payment.services import finalize_checkout_session
from tests.shop.payment.helpers import pending_order

Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")


def paid_order(client, product, fake_stripe, *, quantity: int = 1, email="guest@example.com"):
    """A guest order paid at the fake Stripe; this client's session may see it."""
    order, attempt = pending_order(client, product, quantity=quantity, email=email)
    fake_stripe.complete(attempt.stripe_session_id)
    finalize_checkout_session(session_id=attempt.stripe_session_id)
    order.refresh_from_db()
    return order


def payment_intent(fake_stripe, order) -> str:
    return order.payment_attempts.get(status="paid").payment_intent_id


def record_shipping_event(order, name: str, when: datetime) -> None:
    """Staff (or a carrier import) record "Shipped" / "Delivered" at ``when``."""
    event_type, _ = ShippingEventType.objects.get_or_create(name=name)
    event = ShippingEvent.objects.create(order=order, event_type=event_type)
    ShippingEvent.objects.filter(pk=event.pk).update(date_created=when)


def claim_form(order, quantities: dict, *, key: str = "k1", reason: str = "no_relief", **extra):
    data = {"submission_key": key, "reason": reason, "details": "", **extra}
    for line in order.lines.all():
        data[f"quantity_{line.pk}"] = quantities.get(line.pk, 0)
    return data
