"""Staff refund shipping (whole or part) from the dashboard, through Stripe (the fake server).

The order below paid 49.00 for the tool and 14.95 for fast tracked shipping (63.95 in all).
Refunds are exact, a repeated post refunds once, the cap (shipping paid minus shipping already
refunded) refuses with a clear message, and bad input is a form error, never a 500.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.payment.models import PaymentAttempt, StripeRefund
from shop.payment.services import finalize_checkout_session
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, place_order
from tests.shop.order.staff import staff_in

pytestmark = pytest.mark.django_db

ShippingRefund = get_model("order", "ShippingRefund")


@pytest.fixture
def order(client, product, fake_stripe):
    fill_basket(client, product, 1)
    checkout_to_preview(client, email="buyer@example.com", method="fast-tracked")
    assert place_order(client).status_code == 303
    attempt = PaymentAttempt.objects.latest("pk")
    fake_stripe.complete(attempt.stripe_session_id)
    finalize_checkout_session(session_id=attempt.stripe_session_id)
    order = attempt.order
    order.refresh_from_db()
    assert (order.shipping_incl_tax, order.total_incl_tax) == (Decimal("14.95"), Decimal("63.95"))
    return order


def refund(staff, order, amount, *, key="refund-key-0123456789", reason="Parcel was late"):
    return staff.post(
        reverse("fulfilment_dashboard:refund-shipping", args=[order.number]),
        {"submission_key": key, "amount": amount, "reason": reason},
    )


def stripe_refunds(fake_stripe, order):
    intent = order.payment_attempts.get(status="paid").payment_intent_id
    return [r["amount"] for r in fake_stripe.refunds.values() if r["payment_intent"] == intent]


def test_a_part_of_the_shipping_is_refunded_exactly(handler, order, fake_stripe):
    response = refund(handler, order, "5.00")
    assert response.status_code == 302
    assert stripe_refunds(fake_stripe, order) == [500]
    row = ShippingRefund.objects.get(order=order)
    assert (row.amount, row.status) == (Decimal("5.00"), "refunded")
    assert StripeRefund.objects.get(order=order).amount == 500
    source = order.sources.get()
    assert source.amount_refunded == Decimal("5.00")
    assert order.payment_events.filter(event_type__code="refunded").get().amount == Decimal("5.00")
    page = handler.get(reverse("dashboard:order-detail", args=[order.number])).content.decode()
    assert 'id="shipping-refundable">9.95 USD' in page


def test_a_repeated_post_refunds_once(handler, order, fake_stripe):
    assert refund(handler, order, "14.95").status_code == 302
    assert refund(handler, order, "14.95").status_code == 302  # double click, same form
    assert stripe_refunds(fake_stripe, order) == [1495]
    assert ShippingRefund.objects.filter(order=order).count() == 1


def test_more_than_the_shipping_paid_is_refused_with_the_cap(handler, order, fake_stripe):
    response = refund(handler, order, "15.00")
    assert response.status_code == 400
    assert "At most 14.95 USD of shipping can still be refunded" in response.content.decode()
    assert stripe_refunds(fake_stripe, order) == []
    assert not ShippingRefund.objects.exists()


def test_the_cap_counts_the_shipping_refunded_before(handler, order, fake_stripe):
    assert refund(handler, order, "10.00", key="first-refund-key-012345").status_code == 302
    response = refund(handler, order, "5.00", key="second-refund-key-01234")
    assert response.status_code == 400
    assert "At most 4.95 USD of shipping can still be refunded" in response.content.decode()
    assert refund(handler, order, "4.95", key="third-refund-key-012345").status_code == 302
    assert stripe_refunds(fake_stripe, order) == [1000, 495]
    assert order.sources.get().amount_refunded == Decimal("14.95")


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-1", "Enter an amount above zero."),
        ("0", "Enter an amount above zero."),
        ("abc", "Enter the amount as a number, e.g. 4.50."),
        ("", "This field is required."),
        ("1.234", "Ensure that there are no more than 2 decimal places."),
        ("1e999", "Ensure that there are no more than 10 digits in total."),
        ("NaN", "Enter the amount as a number, e.g. 4.50."),
        ("99999999999", "Ensure that there are no more than 10 digits in total."),
    ],
)
def test_bad_amounts_are_form_errors(handler, order, fake_stripe, amount, message):
    response = refund(handler, order, amount)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stripe_refunds(fake_stripe, order) == []


def test_a_stripe_outage_keeps_the_refund_pending_and_a_retry_refunds_once(
    handler, order, fake_stripe
):
    fake_stripe.fail_next(count=10)
    response = refund(handler, order, "14.95")
    assert response.status_code == 400
    assert "Nothing was refunded" in response.content.decode()
    row = ShippingRefund.objects.get(order=order)
    assert row.status == "pending" and row.last_error
    # While pending, its amount is not offered again.
    assert (
        "At most 0.00 USD"
        in refund(handler, order, "1.00", key="other-key-0123456789").content.decode()
    )

    fake_stripe.failures.clear()
    assert refund(handler, order, "14.95").status_code == 302  # "Retry this refund"
    assert stripe_refunds(fake_stripe, order) == [1495]
    row.refresh_from_db()
    assert row.status == "refunded"


def test_the_webhook_of_the_refund_records_nothing_twice(handler, order, fake_stripe, client):
    from tests.shop.payment.helpers import post_webhook

    refund(handler, order, "5.00")
    stripe_refund = next(iter(fake_stripe.refunds.values()))
    assert post_webhook(client, fake_stripe, "refund.updated", stripe_refund).status_code == 200
    assert order.payment_events.filter(event_type__code="refunded").count() == 1
    assert order.sources.get().amount_refunded == Decimal("5.00")


@pytest.mark.parametrize("role", ["Support agent", "Editor", None])
def test_only_order_handlers_may_refund_shipping(role, order, fake_stripe):
    response = refund(staff_in(role), order, "5.00")
    assert response.status_code == 403
    assert stripe_refunds(fake_stripe, order) == []


def test_a_superuser_may_refund_shipping(order, fake_stripe):
    assert refund(staff_in(None, superuser=True), order, "5.00").status_code == 302
    assert stripe_refunds(fake_stripe, order) == [500]
