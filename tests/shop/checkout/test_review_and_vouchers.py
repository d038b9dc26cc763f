"""'Place order' places what the review showed: a price change is shown and confirmed first,
and a single-use voucher used meanwhile is a message with the basket kept, never a 500."""

import threading
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.shop.checkout.fixtures import (
    checkout_to_preview,
    fill_basket,
    make_product,
    place_order,
    review_token,
)
from tests.shop.payment.test_webhooks import voucher_for

Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")

USED = (
    "This coupon has already been used (code “ONCE”), so its discount no longer applies. "
    "We took it off your basket: please check the new total before you order."
)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.django_db
class TestPriceChange:
    def test_a_price_raised_after_the_review_is_shown_and_placed_only_when_confirmed(
        self, client, product, fake_stripe
    ):
        fill_basket(client, product)
        checkout_to_preview(client)
        shown = review_token(client)  # the review: 49.00 + 5.95 standard = 54.95
        product.stockrecords.update(price="59.00")
        response = place_order(client, token=shown)
        assert response.status_code == 200
        assert response.context["error"] == (
            "The total of your order changed since you reviewed it: it is now $64.95 (it was "
            "$54.95). Please check the order below and place it again if you agree."
        )
        assert "$59.00" in response.content.decode()
        assert not Order.objects.exists()
        # The same old review again changes nothing; the new one places the order.
        assert place_order(client, token=shown).status_code == 200
        assert not Order.objects.exists()
        assert place_order(client, token=response.context["review_token"]).status_code == 303
        assert Order.objects.get().total_incl_tax == Decimal("64.95")

    def test_a_missing_or_forged_review_is_shown_again(self, client, product, fake_stripe):
        fill_basket(client, product)
        checkout_to_preview(client)
        for token in ("", "forged:token"):
            response = place_order(client, token=token)
            assert response.status_code == 200
            assert response.context["error"] == (
                "Please check your order: the total is $54.95. Place it again if you agree."
            )
        assert not Order.objects.exists()

    def test_an_unchanged_review_places_the_order_at_once(self, client, product, fake_stripe):
        fill_basket(client, product)
        checkout_to_preview(client)
        assert place_order(client).status_code == 303


def basket_with_voucher(product, email: str) -> Client:
    client = Client()
    fill_basket(client, product)
    response = client.post(reverse("basket:vouchers-add"), {"code": "ONCE"})
    assert response.status_code == 302
    checkout_to_preview(client, email=email)
    return client


@pytest.fixture
def single_use(shop_data):
    voucher = voucher_for(percent=10, code="ONCE")
    voucher.usage = Voucher.SINGLE_USE
    voucher.save()
    return voucher


@pytest.mark.django_db
def test_a_single_use_voucher_used_meanwhile_is_a_message_and_the_basket_is_kept(
    single_use, fake_stripe
):
    product = make_product(stock=100)
    first = basket_with_voucher(product, "first@example.com")
    second = basket_with_voucher(product, "second@example.com")
    token = review_token(second)  # 44.10 + 5.95: reviewed with the discount
    assert place_order(first).status_code == 303

    response = place_order(second, token=token)
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")
    assert messages_of(response) == [USED]
    assert Order.objects.count() == 1
    basket = second.get(reverse("basket:summary")).context["basket"]
    assert basket.num_items == 1 and not basket.vouchers.exists()
    assert place_order(second).status_code == 303
    assert Order.objects.get(guest_email="second@example.com").total_incl_tax == Decimal("54.95")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_baskets_placing_the_same_single_use_voucher_at_once_make_one_order(
    single_use, fake_stripe
):
    # Different products, so that only the voucher's lock orders the two placements.
    shoppers = [
        basket_with_voucher(make_product(stock=10, title=title), f"{title}@example.com")
        for title in ("claw", "ball")
    ]
    tokens = [review_token(client) for client in shoppers]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def buy(client, token):
        try:
            barrier.wait()
            response = place_order(client, token=token)
            results.append((response.status_code, messages_of(response)))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=buy, args=pair) for pair in zip(shoppers, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    assert sorted(results, key=lambda r: r[0]) == [(302, [USED]), (303, [])]
    assert Order.objects.count() == 1
    assert single_use.applications.count() == 1
