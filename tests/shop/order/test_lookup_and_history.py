"""After the sale: guest order lookup, account order history, the email, the dashboard."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests.shop.checkout.fixtures import fill_basket, place_order
from tests.shop.order.staff import demo_staff_user
from tests.shop.payment.helpers import pending_order, post_webhook

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

LOOKUP = "/orders/lookup/"


class TestGuestLookup:
    def test_number_and_email_show_the_status(self, client, product, fake_stripe):
        order, _ = pending_order(client, product, email="Ada@Example.com")
        response = Client().post(LOOKUP, {"number": order.number, "email": "ada@example.com"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "Pending payment" in body and "QL Claw" in body

    def test_a_wrong_email_gets_the_same_answer_as_an_unknown_order(
        self, client, product, fake_stripe
    ):
        order, _ = pending_order(client, product)
        wrong = Client().post(LOOKUP, {"number": order.number, "email": "eve@example.com"})
        unknown = Client().post(LOOKUP, {"number": "424242", "email": "guest@example.com"})
        assert wrong.status_code == unknown.status_code == 404

        def answer(response):  # the page without its per-response CSRF token and echoed input
            text = re.sub(
                r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode()
            )
            return re.sub(r'value="[^"]*"', "", text)

        assert answer(wrong) == answer(unknown)
        assert "We found no order with that number" in answer(wrong)

    def test_bad_input_is_a_400_with_a_message(self, client, shop_data):
        response = client.post(LOOKUP, {"number": "", "email": "not-an-email"})
        assert response.status_code == 400
        assert "Enter a valid email address" in response.content.decode()

    def test_lookups_are_rate_limited(self, client, shop_data, settings):
        settings.ORDER_LOOKUP_RATE = "3/15m"
        statuses = [
            client.post(LOOKUP, {"number": "1", "email": "a@example.com"}).status_code
            for _ in range(5)
        ]
        assert statuses == [404, 404, 404, 429, 429]


def test_account_history_lists_pending_orders_labelled(client, product, fake_stripe):
    user = UserFactory(email="member@example.com")
    client.force_login(user)
    fill_basket(client, product)
    checkout_to_preview_signed_in(client)
    assert place_order(client).status_code == 303
    order = Order.objects.get()
    assert order.user == user
    response = client.get(reverse("customer:order-list"))
    body = response.content.decode()
    assert order.number in body and "Pending payment" in body
    # The signed-in owner can pay it; another customer cannot see it.
    assert client.get(reverse("payment:order", args=[order.number])).status_code == 200
    other = Client()
    other.force_login(UserFactory(email="other@example.com"))
    assert other.get(reverse("payment:order", args=[order.number])).status_code == 404


def checkout_to_preview_signed_in(client):
    from tests.shop.checkout.fixtures import ADDRESSES

    client.get(reverse("checkout:index"))
    client.post(
        reverse("checkout:shipping-address"),
        {
            "first_name": "Ada",
            "last_name": "L",
            "line1": "1 Main St",
            "country": "US",
            **ADDRESSES["US"],
        },
    )
    client.post(reverse("checkout:shipping-method"), {"method_code": "fast-tracked"})


def test_the_confirmation_email_has_everything_the_customer_needs(
    client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
):
    order, attempt = pending_order(client, product)
    fake_stripe.complete(attempt.stripe_session_id)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("payment:return"), {"session_id": attempt.stripe_session_id})
    [email] = mailoutbox
    assert email.to == ["guest@example.com"]
    html, mime = email.alternatives[0]
    assert mime == "text/html"
    for body in (email.body, html):
        assert order.number in body
        assert "QL Claw" in body
        assert "54.95" in body  # total
        assert "Portland" in body  # address
        assert "Standard" in body and "3 to 6 business days" in body
        assert "30-day money-back guarantee" in body
        assert "/orders/lookup/" in body
        assert "support" in body


def test_staff_see_payment_state_attempts_and_disputes(client, product, fake_stripe):
    order, attempt = pending_order(client, product)
    fake_stripe.complete(attempt.stripe_session_id)
    post_webhook(
        client,
        fake_stripe,
        "checkout.session.completed",
        fake_stripe.sessions[attempt.stripe_session_id],
    )
    intent = fake_stripe.sessions[attempt.stripe_session_id]["payment_intent"]
    post_webhook(client, fake_stripe, "charge.dispute.created", fake_stripe.dispute(intent))

    staff = Client()
    staff.force_login(demo_staff_user())
    response = staff.get(reverse("dashboard:order-detail", args=[order.number]))
    assert response.status_code == 200
    body = response.content.decode()
    assert attempt.stripe_session_id in body
    assert intent in body
    assert "Dispute opened" in body
    assert "version 1" in body


def test_staff_cannot_mark_a_pending_order_paid_by_hand(client, product, fake_stripe):
    order, _ = pending_order(client, product)
    staff = Client()
    staff.force_login(demo_staff_user())
    url = reverse("dashboard:order-detail", args=[order.number])
    form = staff.get(url).context["order_status_form"]
    assert "Paid" not in [value for value, _ in form.fields["new_status"].choices]
    staff.post(url, {"order_action": "change_order_status", "new_status": "Paid"})
    order.refresh_from_db()
    assert order.status == "Pending payment"
