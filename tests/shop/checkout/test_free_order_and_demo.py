"""A zero-total order completes without Stripe; without keys the demo payment stands in."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.payment.models import DemoCheckoutSession, PaymentAttempt
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, place_order
from tests.shop.payment.test_webhooks import voucher_for

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def test_a_zero_total_voucher_order_completes_without_stripe(
    client, product, fake_stripe, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SHIPPING_FREE_STANDARD_THRESHOLD = Decimal("0.00")  # free Standard for everyone
    voucher = voucher_for(percent=100, code="ALLFREE")
    fill_basket(client, product)
    client.post(reverse("basket:vouchers-add"), {"code": voucher.code})
    checkout_to_preview(client)
    preview = client.get(reverse("checkout:preview"))
    assert preview.context["order_total"].incl_tax == Decimal("0.00")
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.status == "Paid"
    assert not PaymentAttempt.objects.exists()
    assert fake_stripe.session_requests() == []
    assert len(mailoutbox) == 1
    assert order.number in client.get(response["Location"]).content.decode()


class TestDemoPayment:
    @pytest.fixture(autouse=True)
    def _demo_mode(self, settings):
        settings.STRIPE_SECRET_KEY = ""
        settings.STRIPE_DEMO_MODE = True

    def test_the_demo_page_pays_through_the_same_finaliser(
        self, client, product, mailoutbox, django_capture_on_commit_callbacks
    ):
        fill_basket(client, product)
        checkout_to_preview(client)
        response = place_order(client)
        assert response.status_code == 303
        page = client.get(response["Location"])
        assert "This is a demo payment page" in page.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(response["Location"], follow=True)
        assert response.redirect_chain[-1][0] == reverse("checkout:thank-you")
        order = Order.objects.get()
        assert order.status == "Paid"
        assert PaymentAttempt.objects.get(order=order).status == "paid"
        assert DemoCheckoutSession.objects.get().payment_status == "paid"
        assert len(mailoutbox) == 1

    def test_the_demo_page_formats_the_amount_like_the_rest_of_the_site(self, client, product):
        fill_basket(client, product)
        checkout_to_preview(client)
        location = place_order(client)["Location"]
        DemoCheckoutSession.objects.update(amount_total=170095)
        html = client.get(location).content.decode()
        assert "<strong>$1,700.95</strong>" in html
        assert "Pay $1,700.95 (demo)" in html
        assert "1700.95" not in html and "USD" not in html

    def test_the_demo_page_is_gone_when_keys_are_set(self, client, product, settings):
        fill_basket(client, product)
        checkout_to_preview(client)
        location = place_order(client)["Location"]
        settings.STRIPE_DEMO_MODE = False
        assert client.get(location).status_code == 404
        assert client.post(location).status_code == 404

    def test_the_production_profile_refuses_demo_payments(self, client, product, settings):
        fill_basket(client, product)
        checkout_to_preview(client)
        location = place_order(client)["Location"]
        settings.DJANGO_ENV = "production"
        assert client.get(location).status_code == 404
