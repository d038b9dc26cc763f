"""The dashboard order page in a real browser, as the demo staff account: no console error (it
used to throw ``oscar.dashboard.orders.initTable is not a function`` on every visit), the lines
table's "select all" box works, and a shipment recorded there reaches the guest's order page
(with no axe-core violation)."""

import pytest
from django.conf import settings
from django.test import Client

from tests.e2e.test_storefront import axe_violations
from tests.shop.checkout.fixtures import make_product
from tests.shop.guarantee.helpers import paid_order
from tests.shop.order.staff import demo_staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def staff_page(browser, live_server):
    staff_client = Client()
    staff_client.force_login(demo_staff_user())
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
    return context


def test_the_order_page_has_no_console_error_and_records_a_shipment(
    browser, live_server, shop_data, fake_stripe, page, page_problems
):
    order = paid_order(Client(), make_product(price="49.00"), fake_stripe, quantity=2)
    context = staff_page(browser, live_server)
    errors: list[str] = []
    dashboard = context.new_page()
    dashboard.on("pageerror", lambda error: errors.append(str(error)))
    dashboard.on("console", lambda message: message.type == "error" and errors.append(message.text))
    dashboard.goto(f"/dashboard/orders/{order.number}/")
    dashboard.wait_for_load_state("load")
    assert dashboard.locator("h1").inner_text() == f"Order #{order.number}"
    assert errors == []

    select_all = dashboard.get_by_label("Select all lines")
    select_all.check()
    assert dashboard.locator('input[name="selected_line"]').first.is_checked()

    form = dashboard.locator("#shipment-form")
    form.get_by_label("Carrier").select_option("usps")
    form.get_by_label("Tracking number").fill("9400111899223344556677")
    form.get_by_role("button", name="Record shipment and email the customer").click()
    dashboard.wait_for_url(f"**/dashboard/orders/{order.number}/#fulfilment")
    assert "9400111899223344556677" in dashboard.locator("#order-shipments").inner_text()
    assert errors == []
    context.close()

    page.goto("/orders/lookup/")
    page.get_by_label("Order number").fill(order.number)
    page.get_by_label("Email address used for the order").fill(order.email)
    page.get_by_role("button", name="Find my order").click()
    link = page.locator("a.tracking-link")
    assert link.get_attribute("href") == (
        "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677"
    )
    # The customer's page with its new "Delivery" section stays accessible.
    assert axe_violations(page) == []
    assert not page_problems, page_problems
