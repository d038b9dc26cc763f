"""Reproduction: one QL Claw to Germany, Standard."""

from decimal import Decimal

import pytest
from django.urls import reverse

from shop.catalogue.demo import QL_CLAW_UPC, ensure_catalogue
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket

pytestmark = pytest.mark.django_db


def test_one_ql_claw_to_germany_standard(client, shop_data):
    ensure_catalogue()
    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product").objects.get(upc=QL_CLAW_UPC)
    fill_basket(client, product)
    checkout_to_preview(client, country="DE")
    response = client.get(reverse("checkout:preview"))
    assert response.context["shipping_charge"].incl_tax == Decimal("12.95")
    assert response.context["order_total"].incl_tax == Decimal("61.95")
