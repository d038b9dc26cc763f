"""The money audit: buying every demo product the way a customer does, every amount agrees.

For each product and bundle of the demo catalogue, in quantities 1 and 3, to one country of
every shipping zone with every service, the basket page, the shipping step, the review page, the
amount sent to Stripe (what the real ``stripe`` library posted to the fake server), the order and
the confirmation email must show the amounts of the rate table in docs/checkout.md. The expected
amounts are written out below, one row per purchase; nothing here recomputes them from the code
under test. A new market (another currency, tax included or added) adds rows and, for a new
currency, one display format: no code.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.catalogue.demo import DEMO_PRODUCTS, ensure_catalogue
from shop.payment.models import PaymentAttempt
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, place_order

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Row:
    upc: str
    quantity: int
    country: str
    service: str
    currency: str
    items: str
    shipping: str
    total: str
    stripe_amount: int  # in the currency's minor unit, as Stripe receives it


# Demo weights: QL Claw 0.41 kg, balls 0.18, pouch 0.15, chart 0.12, kit 0.74 (so 3 kits are
# 2.22 kg, in the band up to 5 kg). Standard is free from $75.00 of goods (3 Claws, 3 kits).
ROWS = (
    Row("QL-CLAW", 1, "US", "standard", "USD", "49.00", "5.95", "54.95", 5495),
    Row("QL-CLAW", 1, "US", "fast-tracked", "USD", "49.00", "14.95", "63.95", 6395),
    Row("QL-CLAW", 1, "CA", "standard", "USD", "49.00", "9.95", "58.95", 5895),
    Row("QL-CLAW", 1, "CA", "fast-tracked", "USD", "49.00", "24.95", "73.95", 7395),
    Row("QL-CLAW", 1, "DE", "standard", "USD", "49.00", "12.95", "61.95", 6195),
    Row("QL-CLAW", 1, "DE", "fast-tracked", "USD", "49.00", "29.95", "78.95", 7895),
    Row("QL-CLAW", 1, "JP", "standard", "USD", "49.00", "14.95", "63.95", 6395),
    Row("QL-CLAW", 1, "JP", "fast-tracked", "USD", "49.00", "34.95", "83.95", 8395),
    Row("QL-CLAW", 3, "US", "standard", "USD", "147.00", "0.00", "147.00", 14700),
    Row("QL-CLAW", 3, "US", "fast-tracked", "USD", "147.00", "19.95", "166.95", 16695),
    Row("QL-CLAW", 3, "CA", "standard", "USD", "147.00", "0.00", "147.00", 14700),
    Row("QL-CLAW", 3, "CA", "fast-tracked", "USD", "147.00", "34.95", "181.95", 18195),
    Row("QL-CLAW", 3, "DE", "standard", "USD", "147.00", "0.00", "147.00", 14700),
    Row("QL-CLAW", 3, "DE", "fast-tracked", "USD", "147.00", "39.95", "186.95", 18695),
    Row("QL-CLAW", 3, "JP", "standard", "USD", "147.00", "0.00", "147.00", 14700),
    Row("QL-CLAW", 3, "JP", "fast-tracked", "USD", "147.00", "49.95", "196.95", 19695),
    Row("QL-BALLS", 1, "US", "standard", "USD", "14.00", "5.95", "19.95", 1995),
    Row("QL-BALLS", 1, "US", "fast-tracked", "USD", "14.00", "14.95", "28.95", 2895),
    Row("QL-BALLS", 1, "CA", "standard", "USD", "14.00", "9.95", "23.95", 2395),
    Row("QL-BALLS", 1, "CA", "fast-tracked", "USD", "14.00", "24.95", "38.95", 3895),
    Row("QL-BALLS", 1, "DE", "standard", "USD", "14.00", "12.95", "26.95", 2695),
    Row("QL-BALLS", 1, "DE", "fast-tracked", "USD", "14.00", "29.95", "43.95", 4395),
    Row("QL-BALLS", 1, "JP", "standard", "USD", "14.00", "14.95", "28.95", 2895),
    Row("QL-BALLS", 1, "JP", "fast-tracked", "USD", "14.00", "34.95", "48.95", 4895),
    Row("QL-BALLS", 3, "US", "standard", "USD", "42.00", "8.95", "50.95", 5095),
    Row("QL-BALLS", 3, "US", "fast-tracked", "USD", "42.00", "19.95", "61.95", 6195),
    Row("QL-BALLS", 3, "CA", "standard", "USD", "42.00", "14.95", "56.95", 5695),
    Row("QL-BALLS", 3, "CA", "fast-tracked", "USD", "42.00", "34.95", "76.95", 7695),
    Row("QL-BALLS", 3, "DE", "standard", "USD", "42.00", "19.95", "61.95", 6195),
    Row("QL-BALLS", 3, "DE", "fast-tracked", "USD", "42.00", "39.95", "81.95", 8195),
    Row("QL-BALLS", 3, "JP", "standard", "USD", "42.00", "24.95", "66.95", 6695),
    Row("QL-BALLS", 3, "JP", "fast-tracked", "USD", "42.00", "49.95", "91.95", 9195),
    Row("QL-POUCH", 1, "US", "standard", "USD", "12.00", "5.95", "17.95", 1795),
    Row("QL-POUCH", 1, "US", "fast-tracked", "USD", "12.00", "14.95", "26.95", 2695),
    Row("QL-POUCH", 1, "CA", "standard", "USD", "12.00", "9.95", "21.95", 2195),
    Row("QL-POUCH", 1, "CA", "fast-tracked", "USD", "12.00", "24.95", "36.95", 3695),
    Row("QL-POUCH", 1, "DE", "standard", "USD", "12.00", "12.95", "24.95", 2495),
    Row("QL-POUCH", 1, "DE", "fast-tracked", "USD", "12.00", "29.95", "41.95", 4195),
    Row("QL-POUCH", 1, "JP", "standard", "USD", "12.00", "14.95", "26.95", 2695),
    Row("QL-POUCH", 1, "JP", "fast-tracked", "USD", "12.00", "34.95", "46.95", 4695),
    Row("QL-POUCH", 3, "US", "standard", "USD", "36.00", "5.95", "41.95", 4195),
    Row("QL-POUCH", 3, "US", "fast-tracked", "USD", "36.00", "14.95", "50.95", 5095),
    Row("QL-POUCH", 3, "CA", "standard", "USD", "36.00", "9.95", "45.95", 4595),
    Row("QL-POUCH", 3, "CA", "fast-tracked", "USD", "36.00", "24.95", "60.95", 6095),
    Row("QL-POUCH", 3, "DE", "standard", "USD", "36.00", "12.95", "48.95", 4895),
    Row("QL-POUCH", 3, "DE", "fast-tracked", "USD", "36.00", "29.95", "65.95", 6595),
    Row("QL-POUCH", 3, "JP", "standard", "USD", "36.00", "14.95", "50.95", 5095),
    Row("QL-POUCH", 3, "JP", "fast-tracked", "USD", "36.00", "34.95", "70.95", 7095),
    Row("QL-CHART", 1, "US", "standard", "USD", "9.00", "5.95", "14.95", 1495),
    Row("QL-CHART", 1, "US", "fast-tracked", "USD", "9.00", "14.95", "23.95", 2395),
    Row("QL-CHART", 1, "CA", "standard", "USD", "9.00", "9.95", "18.95", 1895),
    Row("QL-CHART", 1, "CA", "fast-tracked", "USD", "9.00", "24.95", "33.95", 3395),
    Row("QL-CHART", 1, "DE", "standard", "USD", "9.00", "12.95", "21.95", 2195),
    Row("QL-CHART", 1, "DE", "fast-tracked", "USD", "9.00", "29.95", "38.95", 3895),
    Row("QL-CHART", 1, "JP", "standard", "USD", "9.00", "14.95", "23.95", 2395),
    Row("QL-CHART", 1, "JP", "fast-tracked", "USD", "9.00", "34.95", "43.95", 4395),
    Row("QL-CHART", 3, "US", "standard", "USD", "27.00", "5.95", "32.95", 3295),
    Row("QL-CHART", 3, "US", "fast-tracked", "USD", "27.00", "14.95", "41.95", 4195),
    Row("QL-CHART", 3, "CA", "standard", "USD", "27.00", "9.95", "36.95", 3695),
    Row("QL-CHART", 3, "CA", "fast-tracked", "USD", "27.00", "24.95", "51.95", 5195),
    Row("QL-CHART", 3, "DE", "standard", "USD", "27.00", "12.95", "39.95", 3995),
    Row("QL-CHART", 3, "DE", "fast-tracked", "USD", "27.00", "29.95", "56.95", 5695),
    Row("QL-CHART", 3, "JP", "standard", "USD", "27.00", "14.95", "41.95", 4195),
    Row("QL-CHART", 3, "JP", "fast-tracked", "USD", "27.00", "34.95", "61.95", 6195),
    Row("QL-KIT", 1, "US", "standard", "USD", "69.00", "8.95", "77.95", 7795),
    Row("QL-KIT", 1, "US", "fast-tracked", "USD", "69.00", "19.95", "88.95", 8895),
    Row("QL-KIT", 1, "CA", "standard", "USD", "69.00", "14.95", "83.95", 8395),
    Row("QL-KIT", 1, "CA", "fast-tracked", "USD", "69.00", "34.95", "103.95", 10395),
    Row("QL-KIT", 1, "DE", "standard", "USD", "69.00", "19.95", "88.95", 8895),
    Row("QL-KIT", 1, "DE", "fast-tracked", "USD", "69.00", "39.95", "108.95", 10895),
    Row("QL-KIT", 1, "JP", "standard", "USD", "69.00", "24.95", "93.95", 9395),
    Row("QL-KIT", 1, "JP", "fast-tracked", "USD", "69.00", "49.95", "118.95", 11895),
    Row("QL-KIT", 3, "US", "standard", "USD", "207.00", "0.00", "207.00", 20700),
    Row("QL-KIT", 3, "US", "fast-tracked", "USD", "207.00", "29.95", "236.95", 23695),
    Row("QL-KIT", 3, "CA", "standard", "USD", "207.00", "0.00", "207.00", 20700),
    Row("QL-KIT", 3, "CA", "fast-tracked", "USD", "207.00", "49.95", "256.95", 25695),
    Row("QL-KIT", 3, "DE", "standard", "USD", "207.00", "0.00", "207.00", 20700),
    Row("QL-KIT", 3, "DE", "fast-tracked", "USD", "207.00", "59.95", "266.95", 26695),
    Row("QL-KIT", 3, "JP", "standard", "USD", "207.00", "0.00", "207.00", 20700),
    Row("QL-KIT", 3, "JP", "fast-tracked", "USD", "207.00", "74.95", "281.95", 28195),
)

# How each currency's amounts read on the site's pages.
DISPLAY = {"USD": "${:,}"}
# A browser in the buyer's country (the basket page estimates shipping for it).
BROWSER_LANGUAGE = {"US": "en-US,en;q=0.8", "CA": "en-CA", "DE": "de-DE,de;q=0.9", "JP": "ja-JP"}
SERVICE_NAMES = {"standard": "Standard", "fast-tracked": "Fast tracked"}


def shown(currency: str, amount: str) -> str:
    return DISPLAY[currency].format(Decimal(amount))


def shipping_shown(row: Row) -> str:
    return "Free" if Decimal(row.shipping) == 0 else shown(row.currency, row.shipping)


def cell(html: str, label: str) -> str:
    """The value cell of the totals row headed ``label``."""
    match = re.search(
        rf"<th[^>]*>\s*{re.escape(label)}\s*</th>\s*<td[^>]*>\s*([^<]+?)\s*</td>", html
    )
    assert match, f"no row {label!r}"
    return match.group(1)


@pytest.fixture
def demo_shop(shop_data):
    """The real demo catalogue, zones and countries, restocked so that every row can be bought
    (stock is not what this audit checks; the wall chart is sold out in the demo)."""
    ensure_catalogue()
    StockRecord.objects.update(num_in_stock=1000)
    return shop_data


def test_the_audit_covers_every_demo_product_zone_and_service(demo_shop):
    from shop.shipping.models import ZoneService

    covered = {(row.upc, row.quantity, row.country, row.service) for row in ROWS}
    zones = {"US": "us", "CA": "north-america", "DE": "europe", "JP": "rest-of-world"}
    services = set(ZoneService.objects.values_list("zone__code", "service"))
    expected = {
        (demo.upc, quantity, country, service)
        for demo in DEMO_PRODUCTS
        for quantity in (1, 3)
        for country, zone in zones.items()
        for (zone_code, service) in services
        if zone_code == zone
    }
    assert len(expected) == 80
    assert covered == expected


def buy(row: Row, fake_stripe, capture_on_commit, mailoutbox) -> dict:
    """Walk the purchase of one row as a customer, checking each page; return what was paid."""
    client = Client(HTTP_ACCEPT_LANGUAGE=BROWSER_LANGUAGE[row.country])
    product = Product.objects.get(upc=row.upc)
    fill_basket(client, product, row.quantity)

    basket_page = client.get(reverse("basket:summary"))
    html = basket_page.content.decode()
    assert basket_page.context["basket"].total_incl_tax == Decimal(row.items)
    assert cell(html, "Items") == shown(row.currency, row.items)
    if row.service == "standard":
        # The basket's estimate is the cheapest service to the visitor's country: Standard.
        assert basket_page.context["shipping_charge"].incl_tax == Decimal(row.shipping)
        assert cell(html, "Shipping (Standard)") == shipping_shown(row)
        assert cell(html, "Total") == shown(row.currency, row.total)

    checkout_to_preview(client, country=row.country, method=row.service)
    step = client.get(reverse("checkout:shipping-method"))
    name = SERVICE_NAMES[row.service]
    methods = {method.code: method for method in step.context["methods"]}
    assert methods[row.service].calculate(step.context["basket"]).incl_tax == Decimal(row.shipping)
    assert re.search(
        rf"{re.escape(name)} <span class=\"price\">{re.escape(shipping_shown(row))}</span>",
        step.content.decode(),
    )

    preview = client.get(reverse("checkout:preview"))
    html = preview.content.decode()
    assert preview.context["shipping_charge"].incl_tax == Decimal(row.shipping)
    assert preview.context["order_total"].incl_tax == Decimal(row.total)
    assert cell(html, "Items") == shown(row.currency, row.items)
    assert cell(html, f"Shipping ({name})") == shipping_shown(row)
    assert cell(html, "Total") == shown(row.currency, row.total)

    with capture_on_commit(execute=True):
        response = place_order(client)
    assert response.status_code == 303
    order = Order.objects.get(basket_id=preview.context["basket"].pk)
    assert order.currency == row.currency
    assert order.basket_total_incl_tax == Decimal(row.items)
    assert order.shipping_incl_tax == Decimal(row.shipping)
    assert order.total_incl_tax == Decimal(row.total)
    assert order.shipping_code == row.service

    params, _headers = fake_stripe.session_requests()[-1]
    sent = sum(
        int(item["price_data"]["unit_amount"]) * int(item["quantity"])
        for item in params["line_items"]
    )
    assert sent == row.stripe_amount
    assert {item["price_data"]["currency"] for item in params["line_items"]} == {
        row.currency.lower()
    }
    attempt = PaymentAttempt.objects.get(order=order)
    assert attempt.amount == row.stripe_amount
    assert fake_stripe.sessions[attempt.stripe_session_id]["amount_total"] == row.stripe_amount

    fake_stripe.complete(attempt.stripe_session_id)
    with capture_on_commit(execute=True):
        returned = client.get(
            reverse("payment:return") + f"?session_id={attempt.stripe_session_id}"
        )
    assert returned.status_code in (200, 302)
    order.refresh_from_db()
    assert order.status == "Paid"
    assert order.total_incl_tax == Decimal(row.total)

    (email,) = [m for m in mailoutbox if f"#{order.number}" in m.subject]
    text = email.body
    assert f"{row.quantity} \u00d7 {product.title} — {row.items} {row.currency}" in text
    assert re.search(
        rf"Shipping \({re.escape(name)}, [^)]*\): {re.escape(row.shipping)} {row.currency}", text
    )
    assert f"Total paid: {row.total} {row.currency}" in text
    html_body = email.alternatives[0][0]
    assert f"{row.shipping} {row.currency}" in html_body
    assert f"{row.total} {row.currency}" in html_body
    return {"order": order, "email": email}


@pytest.mark.parametrize(
    "row", ROWS, ids=lambda row: f"{row.upc}-x{row.quantity}-{row.country}-{row.service}"
)
def test_every_amount_of_a_demo_purchase_agrees(
    row, demo_shop, fake_stripe, django_capture_on_commit_callbacks, mailoutbox
):
    buy(row, fake_stripe, django_capture_on_commit_callbacks, mailoutbox)


def test_one_ql_claw_to_germany_costs_49_plus_the_europe_standard_band_for_0_41_kg(
    demo_shop, fake_stripe, django_capture_on_commit_callbacks, mailoutbox
):
    from shop.shipping.methods import product_weight_kg

    claw = Product.objects.get(upc="QL-CLAW")
    assert product_weight_kg(claw) == Decimal("0.410")
    row = Row("QL-CLAW", 1, "DE", "standard", "USD", "49.00", "12.95", "61.95", 6195)
    assert row in ROWS
    paid = buy(row, fake_stripe, django_capture_on_commit_callbacks, mailoutbox)
    assert "Shipping (Standard, 6 to 12 business days): 12.95 USD" in paid["email"].body
