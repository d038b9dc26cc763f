"""A posted form declaring a character set other than UTF-8 is a 400 with the site's own page
on every POST endpoint, in the production and the development profile (issue 22).

Django refuses such a body each time ``request.POST`` is read; its 400 handler read it again
(through the CSRF check) and the development debug page too, so every endpoint answered 500.
"""

import pytest
from django.test import Client
from oscar.test.factories import create_order

from shop.support.links import private_link_path
from tests.articles.factories import ArticleFactory
from tests.factories import shop_product
from tests.shop.support.helpers import open_request

pytestmark = pytest.mark.django_db

UTF16_FORM = "application/x-www-form-urlencoded; charset=utf-16"
UTF16_MULTIPART = "multipart/form-data; boundary=BoUnDaRy; charset=utf-16"
MULTIPART_BODY = (
    b'--BoUnDaRy\r\nContent-Disposition: form-data; name="email"\r\n\r\n'
    b"a@example.com\r\n--BoUnDaRy--\r\n"
)


@pytest.fixture
def post_endpoints(settings, tmp_path) -> list[str]:
    """Every address of the site that takes a POST, with real objects behind its path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    article = ArticleFactory()
    product = shop_product(title="QL Claw")
    order = create_order(user=None)
    return [
        "/contact/",
        private_link_path(open_request()),
        article.get_absolute_url(),
        "/accounts/login/",
        "/accounts/register/",
        "/password-reset/",
        "/dashboard/login/",
        f"/basket/add/{product.pk}/",
        "/basket/",
        "/basket/vouchers/add/",
        f"/catalogue/{product.slug}_{product.pk}/reviews/add/",
        "/i18n/setlang/",
        "/orders/lookup/",
        "/stripe/webhook/",
        f"/checkout/payment/{order.number}/",
        f"/checkout/payment/{order.number}/cancelled/",
        f"/checkout/demo-payment/{order.number}/",
        "/checkout/",
        "/checkout/shipping-address/",
        "/checkout/shipping-method/",
        "/checkout/preview/",
        f"/guarantee/orders/{order.number}/",
    ]


def refused_with_the_sites_page(response) -> None:
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not understand that request" in page  # templates/400.html
    assert "UTF-8" in page


@pytest.mark.parametrize("debug", [False, True], ids=["production", "development"])
@pytest.mark.parametrize(
    ("content_type", "body"),
    [(UTF16_FORM, b"email=a%40example.com"), (UTF16_MULTIPART, MULTIPART_BODY)],
    ids=["urlencoded", "multipart"],
)
def test_a_form_in_utf16_is_a_400_on_every_post_endpoint(
    settings, post_endpoints, debug, content_type, body
):
    settings.DEBUG = debug
    browser = Client(enforce_csrf_checks=True)  # as a real browser: the CSRF check reads POST
    browser.get("/contact/")  # the CSRF cookie
    for path in post_endpoints:
        response = browser.post(path, body, content_type=content_type)
        refused_with_the_sites_page(response)


def test_the_charset_is_compared_without_regard_to_case(client):
    response = client.post("/contact/", b"name=Dana", content_type=UTF16_FORM.upper())
    refused_with_the_sites_page(response)
    accepted = client.post(
        "/contact/", b"name=Dana", content_type="application/x-www-form-urlencoded; charset=UTF-8"
    )
    assert accepted.status_code == 400  # the contact form again, with its errors
    assert accepted.context["form"].errors


def test_a_get_with_a_form_content_type_is_not_refused(client):
    response = client.get("/contact/", content_type=UTF16_FORM)
    assert response.status_code == 200


def test_the_400_handler_does_not_read_the_refused_body_again(settings):
    """Without the middleware, Django refuses the body itself: its own 400 handler then read the
    body again and failed; the project's handler renders the page without it."""
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("RefuseNonUtf8FormsMiddleware")
    ]
    browser = Client(enforce_csrf_checks=True)
    browser.get("/contact/")
    response = browser.post("/contact/", b"a=b", content_type=UTF16_FORM)
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()
