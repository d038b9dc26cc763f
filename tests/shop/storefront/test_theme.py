"""Every customer page wears the project's theme and stays within the CSS + JS budget.

The list below walks the customer-facing pages (checkout excepted: its own tests own it). Each
must extend the project's layout, load no Bootstrap or jQuery, carry no inline script or style
attribute, and link at most ``STATIC_BUDGET_BYTES`` of CSS + JS once compressed.
"""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserAddressFactory, create_order

from shop.catalogue.demo import QL_CLAW_UPC
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"')
SCRIPT = re.compile(r"<script([^>]*)>", re.I)
# Markup of Oscar's default (Bootstrap) theme; none of it may reach a customer page.
OSCAR_THEME_MARKUP = re.compile(
    r'class="[^"]*\b(btn|btn-\w+|col-(?:sm|md|lg)-\d+|form-control|navbar|card-body|alert-\w+)\b'
)
PASSWORD = "a-long-demo-password-41"


@pytest.fixture
def demo_shop():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Product.objects.get(upc=QL_CLAW_UPC)


@pytest.fixture
def customer(client, demo_shop):
    user = UserFactory(email="reader@example.com")
    user.set_password(PASSWORD)
    user.save()
    return user


def anonymous_pages(product) -> list[str]:
    category = Category.objects.first()
    return [
        "/",
        reverse("catalogue:index"),
        category.get_absolute_url(),
        product.get_absolute_url(),
        reverse(
            "catalogue:reviews-list",
            kwargs={"product_slug": product.slug, "product_pk": product.pk},
        ),
        reverse("basket:summary"),
        reverse("sitesearch:results"),
        reverse("sitesearch:results") + "?q=claw",
        reverse("sitesearch:results") + "?q=zzzz",
        reverse("customer:login"),
        reverse("customer:register"),
        reverse("password-reset"),
        reverse("password-reset-done"),
        reverse("password-reset-complete"),
        reverse("password-reset-confirm", kwargs={"uidb64": "MQ", "token": "expired-token"}),
        reverse("offer:list"),
        "/guarantee/",
        "/policies/shipping/",
        "/policies/secure-checkout/",
        "/policies/support/",
        "/policies/privacy/",
        "/policies/terms/",
        "/no-such-page/",
    ]


def account_pages(user, product) -> list[str]:
    address = UserAddressFactory(user=user)
    order = create_order(user=user)
    return [
        reverse("customer:profile-view"),
        reverse("customer:profile-update"),
        reverse("customer:profile-delete"),
        reverse("customer:change-password"),
        reverse("customer:order-list"),
        reverse("customer:order", kwargs={"order_number": order.number}),
        reverse("customer:address-list"),
        reverse("customer:address-create"),
        reverse("customer:address-detail", kwargs={"pk": address.pk}),
        reverse("customer:address-delete", kwargs={"pk": address.pk}),
        reverse("customer:email-list"),
        reverse(
            "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
        ),
    ]


def compressed_size(url: str) -> int:
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"asset from outside the site: {url}"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"missing static file {url}"
    with open(found, "rb") as asset:
        return len(gzip.compress(asset.read(), compresslevel=9))


def assert_themed_and_in_budget(html: str, path: str) -> None:
    assert "css/site.css" in html, path
    lowered = html.lower()
    assert "bootstrap" not in lowered and "jquery" not in lowered, path
    assert "oscar/css" not in html and "oscar/js" not in html, path
    leftover = OSCAR_THEME_MARKUP.search(html)
    assert not leftover, f"Oscar's default markup on {path}: {leftover.group(0)}"
    assert " style=" not in html, f"inline style attribute on {path}"
    assets = STYLESHEET.findall(html)
    for attributes in SCRIPT.findall(html):
        if 'type="application/ld+json"' in attributes:
            continue
        src = re.search(r'src="([^"]+)"', attributes)
        assert src, f"inline <script> on {path}"
        assets.append(src.group(1))
    total = sum(compressed_size(url) for url in assets)
    assert total <= settings.STATIC_BUDGET_BYTES, f"{path}: {total} bytes of CSS+JS"


def test_every_anonymous_customer_page_is_themed_and_in_budget(client, demo_shop, settings):
    settings.DEBUG = False
    client.post(reverse("basket:add", kwargs={"pk": demo_shop.pk}), {"quantity": 1})
    for path in anonymous_pages(demo_shop):
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        assert_themed_and_in_budget(response.content.decode(), path)


def test_every_account_page_is_themed_and_in_budget(client, customer, demo_shop):
    client.force_login(customer)
    for path in account_pages(customer, demo_shop):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        html = response.content.decode()
        assert_themed_and_in_budget(html, path)
        assert 'aria-label="Your account"' in html


def test_budget_check_fails_for_a_page_over_the_budget(settings):
    settings.STATIC_BUDGET_BYTES = 100
    html = '<link rel="stylesheet" href="/static/css/site.css">'
    with pytest.raises(AssertionError, match="bytes of CSS"):
        assert_themed_and_in_budget(html, "/")


def test_signed_in_customer_gets_a_themed_page_from_the_password_reset(client, customer):
    client.force_login(customer)
    response = client.get(reverse("password-reset"))
    assert response.status_code == 403
    assert_themed_and_in_budget(response.content.decode(), "password reset, signed in")
    assert "already signed in" in response.content.decode()


def test_budget_check_refuses_oscars_markup():
    with pytest.raises(AssertionError, match="Oscar's default markup"):
        assert_themed_and_in_budget('css/site.css <a class="btn btn-primary">', "/")


def test_budget_check_refuses_inline_scripts_and_styles():
    with pytest.raises(AssertionError, match="inline <script>"):
        assert_themed_and_in_budget("css/site.css <script>alert(1)</script>", "/")
    with pytest.raises(AssertionError, match="inline style"):
        assert_themed_and_in_budget('css/site.css <p style="color:red">', "/")


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/wishlists/",
        "/wishlists/abc/",
        "/accounts/alerts/",
        "/accounts/notifications/inbox/",
        "/accounts/notifications/",
    ],
)
def test_switched_off_features_have_no_pages(client, customer, path):
    client.force_login(customer)
    assert client.get(path).status_code == 404


def test_account_pages_do_not_link_switched_off_features(client, customer):
    client.force_login(customer)
    html = client.get(reverse("customer:profile-view")).content.decode()
    for word in ("wishlist", "alerts", "notifications"):
        assert word not in html.lower()


def test_signing_in_with_the_themed_form_works(client, customer):
    response = client.post(
        reverse("customer:login"),
        {"login-username": customer.email, "login-password": PASSWORD, "login_submit": "Log In"},
    )
    assert response.status_code == 302
    assert client.get(reverse("customer:profile-view")).status_code == 200


def test_wrong_password_shows_the_error_in_the_form(client, customer):
    response = client.post(
        reverse("customer:login"),
        {"login-username": customer.email, "login-password": "wrong", "login_submit": "Log In"},
    )
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()


def test_another_customers_order_is_a_404(client, customer):
    other_order = create_order(user=UserFactory())
    client.force_login(customer)
    url = reverse("customer:order", kwargs={"order_number": other_order.number})
    assert client.get(url).status_code == 404


def test_error_pages_use_the_theme_and_500_is_plain(client, settings):
    settings.DEBUG = False
    bad_host = client.get("/", headers={"host": "attacker.example"})
    assert bad_host.status_code == 400
    assert "css/site.css" in bad_host.content.decode()
    assert "could not understand" in bad_host.content.decode()

    strict = Client(enforce_csrf_checks=True)
    expired = strict.post(reverse("customer:login"), {"login-username": "x"})
    assert expired.status_code == 403
    assert "Your form expired" in expired.content.decode()
    assert "css/site.css" in expired.content.decode()

    assert "do not have access" in render_to_string("403.html")
    plain = render_to_string("500.html")
    assert "Something went wrong" in plain and "{%" not in plain and "{{" not in plain
