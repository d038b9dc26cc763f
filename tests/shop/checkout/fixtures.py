"""Fixtures and a checkout driver shared by the checkout, payment and browser tests."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.test.factories import ProductFactory

from shop.demo.site import ensure_countries
from shop.guarantee.demo import ensure_guarantee_terms
from shop.shipping.demo import ensure_shipping_zones

ADDRESSES = {
    "US": {"line4": "Portland", "state": "OR", "postcode": "97201"},
    "DE": {"line4": "Berlin", "state": "", "postcode": "10115"},
    "CA": {"line4": "Toronto", "state": "ON", "postcode": "M5V 2T6"},
    "AU": {"line4": "Sydney", "state": "NSW", "postcode": "2000"},
    "JP": {"line4": "Tokyo", "state": "", "postcode": "100-0001"},
}


@pytest.fixture
def shop_data(db):
    """What a checkout needs: countries, the shipping zones and the guarantee terms."""
    ensure_countries()
    ensure_shipping_zones()
    return ensure_guarantee_terms()


def make_product(*, price: str = "49.00", stock: int = 10, title: str = "QL Claw"):
    return ProductFactory(
        title=title,
        stockrecords__price=Decimal(price),
        stockrecords__price_currency="USD",
        stockrecords__num_in_stock=stock,
    )


@pytest.fixture
def product(shop_data):
    return make_product()


def fill_basket(client, product, quantity: int = 1) -> None:
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    assert response.status_code == 302, response


def checkout_to_preview(
    client,
    *,
    email: str = "guest@example.com",
    country: str = "US",
    method: str = "standard",
) -> None:
    """Walk a guest through email, address and shipping method, ending on the preview."""
    response = client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
    assert response.status_code == 302, (
        getattr(response, "context", None) and response.context["form"].errors
    )
    address = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "line1": "1 Main Street",
        "country": country,
        "phone_number": "",
        **ADDRESSES[country],
    }
    response = client.post(reverse("checkout:shipping-address"), address)
    assert response.status_code == 302, response.context and response.context["form"].errors
    response = client.post(reverse("checkout:shipping-method"), {"method_code": method})
    assert response.status_code == 302


def review_token(client) -> str:
    """The signed summary of the amounts the review page shows (and "Place order" checks)."""
    response = client.get(reverse("checkout:preview"))
    return response.context["review_token"] if response.status_code == 200 else ""


def place_order(client, *, terms_version: int = 1, token: str | None = None):
    """Press "Place order" on the review page as it is now (or as it was: ``token``)."""
    return client.post(
        reverse("checkout:preview"),
        {
            "action": "place_order",
            "guarantee_terms_version": str(terms_version),
            "review_token": review_token(client) if token is None else token,
        },
    )
