"""The whole purchase in a real browser against the fake Stripe: product → basket → address →
shipping → preview → Stripe's (fake) page → back → thank-you with the order number, and the
confirmation email in the outbox. And the same with the demo payment page when there are no keys.
"""

import re

import pytest
from oscar.core.loading import get_model

from tests.shop.checkout.fixtures import make_product

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db(transaction=True)


def to_preview(page, product) -> None:
    """Product page → basket → guest email → address in France → Fast tracked → preview."""
    page.goto(product.get_absolute_url())
    page.locator('form[action*="/basket/add/"] button[type=submit]').first.click()
    page.goto("/basket/")
    assert page.get_by_text("QL Claw").first.is_visible()
    page.locator('a[href="/checkout/"]').first.click()

    page.get_by_label("Email address").fill("ada@example.com")
    page.get_by_label("I am a new customer and want to checkout as a guest").check()
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("First line of address").fill("12 Rue de Rivoli")
    page.get_by_label("City").fill("Paris")
    page.get_by_label("Post/Zip-code").fill("75001")
    page.get_by_label("Country").select_option("FR")
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_text("$29.95").is_visible()  # Fast tracked to Europe
    page.get_by_role("button", name="Choose Fast tracked").click()

    assert page.locator("h1").inner_text() == "Review your order"
    assert page.get_by_text("30-day money-back guarantee").first.is_visible()
    assert page.get_by_text("$78.95").is_visible()  # 49.00 + 29.95


def test_a_guest_buys_the_ql_claw_end_to_end(
    page, page_problems, live_server, shop_data, fake_stripe, mailoutbox
):
    product = make_product(price="49.00", stock=3)
    to_preview(page, product)
    page.get_by_role("button", name="Place order and pay").click()

    # Stripe's hosted page (the fake one).
    page.wait_for_url(re.compile(re.escape(fake_stripe.url) + r"/pay/cs_test_"))
    assert page.locator("#amount").inner_text() == "78.95 USD"
    assert page.locator("#email").inner_text() == "ada@example.com"
    page.locator("#pay").click()

    page.wait_for_url(re.compile(r"/checkout/thank-you/$"))
    order = Order.objects.get()
    assert order.status == "Paid"
    assert page.locator(".order-number").inner_text() == order.number
    assert [m.subject for m in mailoutbox] == [f"Your QL Claw order #{order.number} is confirmed"]
    assert product.stockrecords.get().num_allocated == 1

    ours = [
        p for p in page_problems.console_errors + page_problems.http_errors if "/checkout/" in p
    ]
    assert not ours, ours


def test_without_stripe_keys_the_demo_payment_page_completes_the_order(
    page, live_server, shop_data, settings, mailoutbox
):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_DEMO_MODE = True
    product = make_product(price="49.00", stock=3)
    to_preview(page, product)
    assert page.get_by_text("Demo shop: payments are simulated").first.is_visible()
    page.get_by_role("button", name="Place order and pay").click()

    page.wait_for_url(re.compile(r"/checkout/demo-payment/"))
    assert page.get_by_text("This is a demo payment page").is_visible()
    page.get_by_role("button", name="Pay $78.95 (demo)").click()

    page.wait_for_url(re.compile(r"/checkout/thank-you/$"))
    order = Order.objects.get()
    assert order.status == "Paid"
    assert page.locator(".order-number").inner_text() == order.number
    assert len(mailoutbox) == 1
