"""The page of one line of a customer's order: its owner sees it, nobody else finds it."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory, create_order

from tests.shop.checkout.fixtures import make_product

Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def order_of(user, product):
    basket = Basket.objects.create()
    basket.strategy = Default()
    basket.add_product(product)
    return create_order(user=user, basket=basket)


@pytest.fixture
def order(shop_data):
    owner = UserFactory(email="owner@example.com")
    return order_of(owner, make_product(price="49.00"))


def line_url(order, line_id) -> str:
    return reverse("customer:order-line", args=[order.number, line_id])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_owner_sees_the_line_with_its_price_and_order(order):
    line = order.lines.get()
    response = signed_in(order.user).get(line_url(order, line.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>QL Claw</h1>" in html
    assert "$49.00" in html
    assert reverse("customer:order", args=[order.number]) in html


def test_another_customer_gets_a_404(order):
    other = signed_in(UserFactory(email="other@example.com"))
    assert other.get(line_url(order, order.lines.get().pk)).status_code == 404


def test_an_unknown_line_of_the_own_order_is_a_404(order):
    other_order = order_of(UserFactory(), make_product(title="Ball"))
    client = signed_in(order.user)
    assert client.get(line_url(order, 999999)).status_code == 404
    # A real line id, but of another order.
    assert client.get(line_url(order, other_order.lines.get().pk)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(order, client):
    url = line_url(order, order.lines.get().pk)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))
