"""Limits against stock hoarding: units per order and per customer, a shorter hold for large
orders, "Place order" rate-limited, and staff releasing held stock."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.payment.models import PaymentAttempt
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, make_product, place_order
from tests.shop.order.staff import staff_in

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

PER_ORDER = "You can order at most 10 of this product in one order."


@pytest.fixture
def plenty(shop_data):
    return make_product(price="49.00", stock=115)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_adding_more_than_ten_units_is_refused_with_the_limit(client, plenty):
    response = client.post(reverse("basket:add", kwargs={"pk": plenty.pk}), {"quantity": 115})
    assert response.status_code == 302
    assert PER_ORDER in messages_of(response)
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0
    # Ten at once are fine; one more on top of them is not.
    fill_basket(client, plenty, 10)
    response = client.post(reverse("basket:add", kwargs={"pk": plenty.pk}), {"quantity": 1})
    assert PER_ORDER in messages_of(response)
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 10


def test_raising_a_basket_line_past_the_limit_is_refused(client, plenty):
    fill_basket(client, plenty, 2)
    line = client.get(reverse("basket:summary")).context["formset"].forms[0].instance
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": line.pk,
        "form-0-quantity": "11",
    }
    response = client.post(reverse("basket:summary"), data)
    assert response.status_code == 200
    # Oscar's basket model words the refusal itself (its line check runs first).
    assert response.context["formset"].errors == [
        {
            "quantity": [
                "Available stock is only 115, which has been exceeded because multiple lines "
                "contain the same product."
            ]
        }
    ]
    line.refresh_from_db()
    assert line.quantity == 2


def test_place_order_refuses_a_basket_past_the_limit_and_keeps_it(
    client, plenty, fake_stripe, settings
):
    fill_basket(client, plenty, 8)
    checkout_to_preview(client)
    token = client.get(reverse("checkout:preview")).context["review_token"]
    settings.ORDER_MAX_UNITS_PER_PRODUCT = 5  # lowered while the customer reviewed
    response = place_order(client, token=token)
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")
    assert messages_of(response) == [
        "'QL Claw' is no longer available to buy (You can order at most 5 of this product in "
        "one order.). Please adjust your basket to continue"
    ]
    assert not Order.objects.exists()
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 8


def test_a_guest_holding_units_in_unpaid_orders_is_refused_more_at_place_order(
    plenty, fake_stripe, settings
):
    settings.ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER = 12
    first = Client()
    fill_basket(first, plenty, 10)
    checkout_to_preview(first, email="hoarder@example.com")
    assert place_order(first).status_code == 303
    # A new browser, the same email in another letter case.
    second = Client()
    fill_basket(second, plenty, 3)
    checkout_to_preview(second, email="Hoarder@Example.com")
    response = place_order(second)
    assert response.status_code == 302
    assert messages_of(response) == [
        "You already have 10 of “QL Claw” in orders waiting for payment, and we hold at most 12 "
        "for one customer. Please pay for those orders first, or lower the quantity in your "
        "basket."
    ]
    assert Order.objects.count() == 1
    stockrecord = plenty.stockrecords.get()
    assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (115, 10)
    # Two more are within the limit.
    fill_basket(Client(), plenty)  # another shopper's basket changes nothing
    line = second.get(reverse("basket:summary")).context["basket"].all_lines()[0]
    line.quantity = 2
    line.save()
    assert place_order(second).status_code == 303


def test_a_signed_in_customer_holding_units_is_refused_more_at_the_basket(
    plenty, fake_stripe, settings
):
    from oscar.test.factories import UserFactory

    settings.ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER = 12
    guest = Client()
    fill_basket(guest, plenty, 10)
    checkout_to_preview(guest, email="member@example.com")  # as a guest, same email
    assert place_order(guest).status_code == 303
    customer = UserFactory(email="member@example.com")  # opened an account afterwards
    client = Client()
    client.force_login(customer)
    response = client.post(reverse("basket:add", kwargs={"pk": plenty.pk}), {"quantity": 3})
    assert messages_of(response) == [
        "You already have 10 of this product in orders waiting for payment, and we hold at most "
        "12 for one customer. Please pay for those orders first."
    ]
    fill_basket(client, plenty, 2)
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 2


@pytest.mark.parametrize(("units", "hold"), [(4, 60 * 60), (5, 31 * 60), (10, 31 * 60)])
def test_large_orders_hold_their_stock_for_a_shorter_time(plenty, fake_stripe, units, hold):
    client = Client()
    fill_basket(client, plenty, units)
    checkout_to_preview(client)
    assert place_order(client).status_code == 303
    attempt = PaymentAttempt.objects.get()
    session = fake_stripe.sessions[attempt.stripe_session_id]
    assert session["expires_at"] == int(attempt.created.timestamp()) + hold


def test_placing_orders_is_rate_limited_per_client_with_the_429_page(plenty, fake_stripe, settings):
    settings.ORDER_PLACEMENT_RATE = "2/h"
    statuses = []
    for index in range(3):
        client = Client()  # a new browser each time: the address is what counts
        fill_basket(client, plenty)
        checkout_to_preview(client, email=f"shopper{index}@example.com")
        response = place_order(client)
        statuses.append(response.status_code)
    assert statuses == [303, 303, 429]
    assert "Please wait a little before trying again" in response.content.decode()
    assert Order.objects.count() == 2


class TestHeldStockPage:
    URL = reverse("fulfilment_dashboard:held-stock")

    @pytest.fixture
    def held(self, plenty, fake_stripe):
        client = Client()
        fill_basket(client, plenty, 7)
        checkout_to_preview(client, email="hoarder@example.com")
        assert place_order(client).status_code == 303
        order = Order.objects.get()
        Order.objects.filter(pk=order.pk).update(date_placed=order.date_placed - timedelta(hours=2))
        return order

    @pytest.mark.parametrize("role", ["Support agent", "Editor", None])
    def test_other_roles_get_403(self, held, role):
        staff = staff_in(role)
        release = reverse("fulfilment_dashboard:release-held-stock", args=[held.number])
        assert staff.get(self.URL).status_code == 403
        assert staff.post(release).status_code == 403
        held.refresh_from_db()
        assert held.status == "Pending payment"

    def test_an_order_handler_sees_the_hold_and_releases_it(self, held, plenty, fake_stripe):
        handler = staff_in("Order handler")
        page = handler.get(self.URL)
        assert page.status_code == 200
        html = page.content.decode()
        assert f"#{held.number}" in html and "hoarder@example.com" in html
        assert "7 \u00d7 QL Claw" in html
        assert "2\xa0hours ago" in html
        stockrecord = plenty.stockrecords.get()
        assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (115, 7)

        response = handler.post(
            reverse("fulfilment_dashboard:release-held-stock", args=[held.number])
        )
        assert response.status_code == 302
        assert messages_of(response) == [f"Order #{held.number} cancelled; its stock is released."]
        held.refresh_from_db()
        assert held.status == "Cancelled"
        stockrecord.refresh_from_db()
        assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (115, 0)
        assert stockrecord.net_stock_level == 115
        # The Stripe session is closed first, so nobody can pay the cancelled order.
        attempt = PaymentAttempt.objects.get(order=held)
        assert fake_stripe.sessions[attempt.stripe_session_id]["status"] == "expired"
        assert "No unpaid order holds stock." in handler.get(self.URL).content.decode()

    def test_an_unknown_order_is_a_404(self, held):
        handler = staff_in("Order handler")
        url = reverse("fulfilment_dashboard:release-held-stock", args=["nope"])
        assert handler.post(url).status_code == 404
