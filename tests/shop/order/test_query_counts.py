"""The order pages customers see cost the same number of queries for 1 line or 6."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.payment.models import PaymentAttempt
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, make_product, place_order

pytestmark = pytest.mark.django_db


def order_with_lines(count: int, email: str):
    client = Client()
    for index in range(count):
        fill_basket(client, make_product(title=f"Item {index}", price="5.00"))
    checkout_to_preview(client, email=email)
    assert place_order(client).status_code == 303
    return client, PaymentAttempt.objects.latest("pk").order


def queries(client, method: str, url: str, data=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == 200
    return len(context)


def test_lookup_and_payment_pages_do_not_grow_with_the_lines(shop_data, fake_stripe):
    small_client, small = order_with_lines(1, "one@example.com")
    large_client, large = order_with_lines(6, "six@example.com")
    assert large.lines.count() == 6

    lookup = reverse("order:lookup")
    assert queries(Client(), "post", lookup, {"number": small.number, "email": small.email}) == (
        queries(Client(), "post", lookup, {"number": large.number, "email": large.email})
    )
    assert queries(small_client, "get", reverse("payment:order", args=[small.number])) == queries(
        large_client, "get", reverse("payment:order", args=[large.number])
    )
