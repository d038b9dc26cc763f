"""Staff moving a paid order along: shipping consumes its stock, cancelling releases it."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.shop.order.staff import demo_staff_user
from tests.shop.payment.helpers import pending_order, post_webhook

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order(client, product, fake_stripe):
    order, attempt = pending_order(client, product, quantity=2)
    fake_stripe.complete(attempt.stripe_session_id)
    session = fake_stripe.sessions[attempt.stripe_session_id]
    assert (
        post_webhook(client, fake_stripe, "checkout.session.completed", session).status_code == 200
    )
    order.refresh_from_db()
    assert order.status == "Paid"
    return order


@pytest.fixture
def staff():
    client = Client()
    client.force_login(demo_staff_user())
    return client


def change_status(staff, order, status):
    url = reverse("dashboard:order-detail", args=[order.number])
    staff.post(url, {"order_action": "change_order_status", "new_status": status})
    order.refresh_from_db()
    assert order.status == status


def test_shipping_consumes_the_allocated_stock(paid_order, staff, product):
    change_status(staff, paid_order, "Being processed")
    change_status(staff, paid_order, "Shipped")
    record = product.stockrecords.get()
    assert (record.num_in_stock, record.num_allocated) == (8, 0)


def test_cancelling_a_paid_order_releases_its_stock(paid_order, staff, product):
    change_status(staff, paid_order, "Cancelled")
    record = product.stockrecords.get()
    assert (record.num_in_stock, record.num_allocated) == (10, 0)
