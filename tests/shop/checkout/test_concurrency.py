"""Stock never oversells: 20 shoppers place orders for the last 5 units at the same moment."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from tests.shop.checkout.fixtures import (
    checkout_to_preview,
    fill_basket,
    make_product,
    place_order,
    review_token,
)

Order = get_model("order", "Order")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_many_orders_from_one_address"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks, it serialises every writer instead",
    ),
]


@pytest.fixture
def _many_orders_from_one_address(settings):
    """Every shopper of the test client comes from 127.0.0.1: lift the placement rate limit."""
    settings.ORDER_PLACEMENT_RATE = "100000/h"


def race(shoppers: list[Client]) -> list[int]:
    """Every shopper presses "Place order" at the same moment, on the review each of them saw;
    return the status codes."""
    tokens = {id(client): review_token(client) for client in shoppers}
    barrier = threading.Barrier(len(shoppers))
    results: list[int] = []
    errors: list[BaseException] = []

    def buy(client: Client) -> None:
        try:
            barrier.wait()
            results.append(place_order(client, token=tokens[id(client)]).status_code)
        except BaseException as error:  # reported below; a thread must not die silently
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=buy, args=(client,)) for client in shoppers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    return results


def test_twenty_concurrent_checkouts_for_the_last_five_units_make_exactly_five_orders(
    shop_data, fake_stripe
):
    product = make_product(stock=5)
    shoppers = []
    for index in range(20):
        client = Client()
        fill_basket(client, product)
        checkout_to_preview(client, email=f"shopper{index}@example.com")
        shoppers.append(client)

    results = race(shoppers)

    assert sorted(results) == [302] * 15 + [303] * 5  # 5 sent to Stripe, 15 back to the basket
    assert Order.objects.count() == 5
    stockrecord = product.stockrecords.get()
    assert stockrecord.num_allocated == 5
    assert stockrecord.net_stock_level == 0
    assert len(fake_stripe.session_requests()) == 5


def test_baskets_locking_two_products_in_opposite_orders_neither_deadlock_nor_oversell(
    shop_data, fake_stripe
):
    first, second = make_product(stock=5, title="QL Claw"), make_product(stock=5, title="Ball")
    shoppers = []
    for index in range(16):
        client = Client()
        for product in (first, second) if index % 2 else (second, first):
            fill_basket(client, product)
        checkout_to_preview(client, email=f"shopper{index}@example.com")
        shoppers.append(client)

    results = race(shoppers)

    assert sorted(results) == [302] * 11 + [303] * 5
    assert Order.objects.count() == 5
    for product in (first, second):
        assert product.stockrecords.get().net_stock_level == 0
