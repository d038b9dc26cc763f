"""Shipping: Standard and Fast tracked to every country, priced by zone and weight, free
Standard over the threshold, with delivery estimates."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductAttributeFactory

from shop.shipping.demo import ensure_shipping_zones
from shop.shipping.exceptions import ParcelTooHeavy
from shop.shipping.methods import charge_for_weight
from shop.shipping.models import ShippingZone, ZoneService
from shop.shipping.repository import Repository
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, make_product

Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

pytestmark = pytest.mark.django_db


def methods_for(client, country: str) -> dict:
    fill_basket(client, make_product(price="20.00"))
    checkout_to_preview(client, country=country)
    response = client.get(reverse("checkout:shipping-method"))
    return {m.code: m for m in response.context["methods"]}, response


@pytest.mark.parametrize(
    ("country", "standard", "fast"),
    [
        ("US", "5.95", "14.95"),
        ("CA", "9.95", "24.95"),
        ("DE", "12.95", "29.95"),
        ("JP", "14.95", "34.95"),
    ],
)
def test_each_zone_has_its_price_for_both_services(client, shop_data, country, standard, fast):
    methods, response = methods_for(client, country)
    basket = response.context["basket"]
    assert set(methods) == {"standard", "fast-tracked"}
    assert methods["standard"].calculate(basket).incl_tax == Decimal(standard)
    assert methods["fast-tracked"].calculate(basket).incl_tax == Decimal(fast)
    assert "business days" in methods["fast-tracked"].description
    body = response.content.decode()
    assert f"${fast}" in body and "Fast tracked" in body


def test_every_country_but_the_exceptions_is_shippable(shop_data):
    shippable = Country.objects.exclude(iso_3166_1_a2__in=["US", "CA", "MX"]).filter(
        is_shipping_country=True
    )
    assert shippable.count() > 150
    repository = Repository()
    for code in ["BR", "NZ", "ZA", "IN"]:
        address = ShippingAddress(country_id=code)
        methods = repository.get_available_shipping_methods(basket=None, shipping_addr=address)
        assert [m.code for m in methods] == ["standard", "fast-tracked"]
    for code in ["AQ", "BV", "HM", "UM", "KP", "IR", "CU"]:
        address = ShippingAddress(country_id=code)
        assert repository.get_available_shipping_methods(basket=None, shipping_addr=address) == []


def test_weight_bands_up_to_the_heaviest_parcel(shop_data):
    zone_service = ZoneService.objects.get(zone__code="us", service="standard")
    assert charge_for_weight(zone_service, Decimal("0.4")) == Decimal("5.95")
    assert charge_for_weight(zone_service, Decimal("0.5")) == Decimal("5.95")
    assert charge_for_weight(zone_service, Decimal("0.501")) == Decimal("8.95")
    assert charge_for_weight(zone_service, Decimal("2")) == Decimal("8.95")
    assert charge_for_weight(zone_service, Decimal("3.2")) == Decimal("12.95")
    assert charge_for_weight(zone_service, Decimal("9.999")) == Decimal("18.95")
    assert charge_for_weight(zone_service, Decimal("30")) == Decimal("39.95")
    # Past the heaviest band there is no price at all, never an open-ended surcharge.
    with pytest.raises(ParcelTooHeavy) as error:
        charge_for_weight(zone_service, Decimal("30.001"))
    assert error.value.limit_kg == Decimal("30")


def test_a_heavier_basket_costs_more(client, shop_data):
    weight = ProductAttributeFactory(code="weight", type="float", product_class__name="Tools")
    heavy = make_product(price="20.00", title="Heavy bundle")
    heavy.product_class = weight.product_class
    heavy.save()
    heavy.attr.weight = 1.5
    heavy.attr.save()
    fill_basket(client, heavy)
    checkout_to_preview(client, country="US")
    response = client.get(reverse("checkout:shipping-method"))
    methods = {m.code: m for m in response.context["methods"]}
    assert methods["standard"].calculate(response.context["basket"]).incl_tax == Decimal("8.95")


def test_standard_is_free_over_the_threshold_fast_tracked_is_not(client, shop_data, settings):
    settings.SHIPPING_FREE_STANDARD_THRESHOLD = Decimal("60.00")
    fill_basket(client, make_product(price="60.00"))
    checkout_to_preview(client, country="DE")
    response = client.get(reverse("checkout:shipping-method"))
    methods = {m.code: m for m in response.context["methods"]}
    basket = response.context["basket"]
    assert methods["standard"].calculate(basket).incl_tax == Decimal("0.00")
    assert methods["fast-tracked"].calculate(basket).incl_tax == Decimal("29.95")
    assert "Free" in response.content.decode()


def test_demo_zones_are_idempotent(shop_data):
    before = (ShippingZone.objects.count(), ZoneService.objects.count())
    ensure_shipping_zones()
    assert (ShippingZone.objects.count(), ZoneService.objects.count()) == before == (4, 8)


def test_without_zones_the_basket_still_works_but_checkout_offers_no_method(client):
    from shop.demo.site import ensure_countries

    ensure_countries()
    fill_basket(client, make_product())
    basket = client.get(reverse("basket:summary"))
    assert basket.status_code == 200
    assert basket.context["shipping_method"].code == "priced-at-checkout"
    checkout_to_preview_without_method(client)
    response = client.get(reverse("checkout:shipping-method"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("checkout:shipping-address")
    assert "Shipping is unavailable for your chosen address" in response.content.decode()


def checkout_to_preview_without_method(client):
    from tests.shop.checkout.fixtures import ADDRESSES

    client.post(reverse("checkout:index"), {"username": "a@example.com", "options": "anonymous"})
    client.post(
        reverse("checkout:shipping-address"),
        {"first_name": "A", "last_name": "B", "line1": "1 St", "country": "US", **ADDRESSES["US"]},
    )
