"""Placing an order: order first, pending payment, stock allocated, basket submitted, Stripe."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.payment.models import PaymentAttempt
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, place_order

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def test_preview_shows_lines_shipping_total_and_the_guarantee_terms_in_force(
    client, product, fake_stripe
):
    fill_basket(client, product, 2)
    checkout_to_preview(client)
    response = client.get(reverse("checkout:preview"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "QL Claw" in body
    assert "$98.00" in body  # 2 x 49.00
    assert "Standard" in body
    assert "$106.95" not in body  # free Standard over the threshold
    assert "30-day money-back guarantee" in body
    assert "Terms version 1" in body


def test_place_order_creates_a_pending_order_then_redirects_303_to_stripe(
    client, product, fake_stripe, shop_data, django_capture_on_commit_callbacks, mailoutbox
):
    fill_basket(client, product, 1)
    checkout_to_preview(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)

    assert response.status_code == 303
    order = Order.objects.get()
    assert order.status == "Pending payment"
    assert order.guarantee_terms == shop_data
    assert order.total_incl_tax == Decimal("54.95")  # 49.00 + 5.95 standard US
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED
    stockrecord = product.stockrecords.get()
    assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (10, 1)
    attempt = PaymentAttempt.objects.get(order=order)
    assert response["Location"] == fake_stripe.sessions[attempt.stripe_session_id]["url"]
    assert mailoutbox == []  # no confirmation before payment


def test_place_order_refuses_terms_the_customer_did_not_see(client, product, fake_stripe):
    fill_basket(client, product)
    checkout_to_preview(client)
    response = place_order(client, terms_version=99)
    assert response.status_code == 200
    assert "guarantee terms have changed" in response.content.decode()
    assert not Order.objects.exists()


def test_stripe_outage_keeps_the_order_and_offers_to_pay_again(
    client, product, fake_stripe, settings
):
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    fill_basket(client, product)
    checkout_to_preview(client)
    fake_stripe.fail_next(1, status=500)
    response = place_order(client)
    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("payment:order", args=[order.number])
    assert order.status == "Pending payment"
    page = client.get(response["Location"])
    assert "could not reach the payment service" in page.content.decode()

    response = client.post(reverse("payment:order", args=[order.number]))
    assert response.status_code == 303
    # The retry reuses the first attempt and its idempotency key.
    assert PaymentAttempt.objects.get(order=order).status == "open"
    keys = [headers["idempotency-key"] for _, headers in fake_stripe.session_requests()]
    assert keys == [f"cs:{order.number}:1", f"cs:{order.number}:1"]


@pytest.mark.django_db(transaction=True)
def test_the_order_is_committed_before_stripe_is_called(client, product, fake_stripe):
    seen = []

    def order_visible_to_another_connection(params):
        from django.db import connection

        try:
            seen.append(
                Order.objects.filter(
                    number=params["client_reference_id"], status="Pending payment"
                ).exists()
            )
        finally:
            connection.close()

    fake_stripe.session_observers.append(order_visible_to_another_connection)
    fill_basket(client, product)
    checkout_to_preview(client)
    assert place_order(client).status_code == 303
    assert seen == [True]
