"""The base layout: navigation, basket count, promises, skip link; Oscar pages extend it."""

import pytest
from django.urls import reverse

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def test_home_page_has_navigation_promises_and_skip_link(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#main"' in html and 'id="main"' in html
    assert f'href="{reverse("articles:index")}">Learn' in html
    assert f'href="{reverse("catalogue:index")}">Shop' in html
    assert f'href="{reverse("basket:summary")}">Basket' in html
    for promise in (
        "30-day money-back guarantee",
        "Fast tracked shipping worldwide",
        "SSL-encrypted secure checkout",
        "24/7 support by real people",
    ):
        assert promise in html
    assert "css/site.css" in html


def test_header_basket_count_follows_the_basket(client):
    product = ProductFactory()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2}, follow=False)
    html = client.get("/").content.decode()
    assert '<span class="badge">2<span class="visually-hidden"> items</span></span>' in html


@pytest.mark.parametrize("path", ["/basket/", "/accounts/login/", "/catalogue/", "/articles/"])
def test_storefront_pages_use_the_project_layout_not_oscars(client, path):
    html = client.get(path).content.decode()
    assert "css/site.css" in html
    assert "oscar/css/styles.css" not in html
    assert "jquery" not in html.lower()
    assert "bootstrap" not in html.lower()


def test_unknown_page_is_a_404_in_the_project_layout(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_demo_payment_mode_is_labelled(client, settings):
    settings.STRIPE_DEMO_MODE = True
    assert "payments are simulated" in client.get("/").content.decode()
    settings.STRIPE_DEMO_MODE = False
    assert "payments are simulated" not in client.get("/").content.decode()
