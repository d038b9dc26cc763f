"""The shop's own words where Oscar's defaults would say otherwise: "basket", never "cart", and
the dashboard's sign-in asks for the email address the account is known by."""

import re
from decimal import Decimal
from gettext import GNUTranslations
from pathlib import Path

import oscar as oscar_package
import pytest
from django.urls import reverse
from django.utils.translation import gettext
from oscar.core.loading import get_model

from tests.shop.checkout.fixtures import fill_basket, make_product

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")


def test_no_oscar_message_says_cart():
    # Oscar's en_US catalogue, which Django picks for "en" and "en-us", says "cart" for "basket".
    oscar = Path(oscar_package.__file__).parent / "locale" / "en_US" / "LC_MESSAGES" / "django.mo"
    with oscar.open("rb") as catalogue:
        oscar_catalogue = GNUTranslations(catalogue)._catalog
    carts = {
        msgid: text
        for msgid, text in oscar_catalogue.items()
        if msgid and re.search(r"\bcarts?\b", text, re.IGNORECASE)
    }
    assert len(carts) > 40  # the catalogue this test guards against is still there
    for msgid in carts:
        if isinstance(msgid, tuple):  # a plural form: (msgid, index)
            continue
        assert not re.search(r"\bcarts?\b", gettext(msgid), re.IGNORECASE), msgid
    assert gettext("Open baskets") == "Open baskets"


def test_the_basket_warning_after_a_price_change_says_basket(client, shop_data):
    product = make_product(price="49.00")
    fill_basket(client, product)
    StockRecord.objects.filter(product=product).update(price=Decimal("55.00"))
    html = client.get(reverse("basket:summary")).content.decode()
    assert "has increased from $49.00 to $55.00 since you added it to your basket" in html
    assert not re.search(r"\bcart\b", html, re.IGNORECASE)


def test_the_dashboard_sign_in_asks_for_the_email_address(client):
    html = client.get("/dashboard/login/").content.decode()
    assert '<label for="id_username">Email address</label>' in html
    assert 'type="email"' in html
    assert "Username" not in html
    # A wrong password is explained in the same words.
    response = client.post(
        "/dashboard/login/", {"username": "nobody@example.com", "password": "wrong"}
    )
    assert "Please enter a correct email address and password." in response.content.decode()
    assert "username" not in response.content.decode().split("<form")[1].split("</form>")[
        0
    ].replace('name="username"', "").replace("id_username", "")


def test_the_storefront_sign_in_asks_for_the_email_address(client):
    html = client.get(reverse("customer:login")).content.decode()
    assert "Email address" in html
    assert "Username" not in html
