"""Helpers of the payment tests: an order waiting on the fake Stripe, and webhook delivery."""

from django.urls import reverse
from oscar.core.loading import get_model

from shop.payment.models import PaymentAttempt
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, place_order

Order = get_model("order", "Order")


def pending_order(client, product, *, quantity: int = 1, email: str = "guest@example.com"):
    """Place an order through the checkout; return (order, its open attempt)."""
    fill_basket(client, product, quantity)
    checkout_to_preview(client, email=email)
    response = place_order(client)
    assert response.status_code == 303, response
    attempt = PaymentAttempt.objects.select_related("order").latest("pk")
    return attempt.order, attempt


def post_webhook(client, fake_stripe, event_type: str, obj: dict, **kwargs):
    body, headers = fake_stripe.signed_event(event_type, obj, **kwargs)
    return client.post(
        reverse("payment:stripe-webhook"),
        data=body,
        content_type="application/json",
        headers={"Stripe-Signature": headers["Stripe-Signature"]},
    )
