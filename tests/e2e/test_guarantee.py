"""The money-back guarantee in a real browser: the customer claims from the order page (guest
order lookup), staff approve in the dashboard, the customer's page shows "Refunded", and the fake
Stripe holds exactly one refund of the right amount."""

import re

import pytest
from django.conf import settings
from django.test import Client
from oscar.test.factories import UserFactory

from shop.backoffice.roles import ensure_staff_roles
from shop.guarantee.models import GuaranteeClaim
from tests.shop.checkout.fixtures import make_product
from tests.shop.guarantee.helpers import paid_order, payment_intent

pytestmark = pytest.mark.django_db(transaction=True)


def test_customer_claims_staff_approve_and_the_refund_reaches_stripe_once(
    page, page_problems, browser, live_server, shop_data, fake_stripe
):
    order = paid_order(Client(), make_product(price="49.00"), fake_stripe, quantity=2)
    order.set_status("Being processed")
    order.set_status("Shipped")

    # The customer finds the order (guest lookup) and claims one of the two units.
    page.goto("/orders/lookup/")
    page.get_by_label("Order number").fill(order.number)
    page.get_by_label("Email address used for the order").fill(order.email)
    page.get_by_role("button", name="Find my order").click()
    assert page.get_by_text("Money-back guarantee: claimable until").is_visible()
    page.get_by_role("link", name="Claim your money back").click()
    page.get_by_label(re.compile(r"bought 2, claimable 2")).fill("1")
    page.get_by_label("Reason").select_option("no_relief")
    page.get_by_role("button", name="Send my claim").click()
    page.wait_for_url(re.compile(r"/guarantee/claims/MB-"))
    assert page.locator("#claim-status").inner_text() == "Submitted"
    claim = GuaranteeClaim.objects.get()

    # A staff member in the "Order handler" role approves it in the dashboard.
    staff = UserFactory(is_staff=True)
    staff.groups.add(ensure_staff_roles()["Order handler"])
    staff_client = Client()
    staff_client.force_login(staff)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": staff_client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    staff_page = context.new_page()
    staff_page.goto("/dashboard/")
    staff_page.get_by_role("button", name="Guarantee", exact=True).click()  # the menu
    staff_page.get_by_role("link", name="Guarantee claims").click()
    staff_page.get_by_role("link", name=claim.reference).click()
    staff_page.locator("#approve").click()
    assert staff_page.locator("#claim-status").inner_text() == "Refunded"
    context.close()

    page.reload()
    assert page.locator("#claim-status").inner_text() == "Refunded"
    intent = payment_intent(fake_stripe, order)
    refunds = [r for r in fake_stripe.refunds.values() if r["payment_intent"] == intent]
    assert [r["amount"] for r in refunds] == [4900]
    assert not page_problems, page_problems
