"""In two real browsers: the page cache never hands one visitor's page to another.

An anonymous visitor's copy of a page is served from the cache to other anonymous visitors;
a basket holder and a signed-in customer always get their own page, and nothing of theirs
(basket count, account link, CSRF token) reaches the anonymous visitor.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.articles.factories import ArticleFactory
from tests.factories import shop_product

pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def badge(page) -> str:
    # The count, without the "items" that only screen readers hear.
    return page.locator(".header-basket .badge").inner_text().split()[0]


def open_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_basket_holder_and_signed_in_customer_never_share_pages(page, browser, live_server):
    product = shop_product(title="QL Claw", stock=10)
    article = ArticleFactory(title="Quadratus lumborum", slug="quadratus-lumborum")
    get_user_model().objects.create_user(
        "reader", "reader@example.com", "pw-Reader-12345", first_name="Robin"
    )
    product_url = product.get_absolute_url()

    # Anonymous visitor A: the first visit fills the cache, the second is served from it.
    assert page.goto(product_url).headers.get("x-page-cache") == "miss"
    stranger = open_page(browser, live_server)
    assert stranger.goto(product_url).headers.get("x-page-cache") == "hit"
    assert badge(stranger) == "0"

    # A puts the product in the basket from the (cached) page: the CSRF token on it is A's own.
    with page.expect_navigation():
        page.get_by_role("button", name="Add to basket").click()
    assert badge(page) == "1"
    response = page.goto(product_url)
    assert response.headers.get("x-page-cache") is None
    assert badge(page) == "1"

    # The stranger still gets the anonymous page: no basket count, no token of A's.
    response = stranger.goto(product_url)
    assert response.headers.get("x-page-cache") == "hit"
    assert badge(stranger) == "0"
    assert set(TOKEN.findall(page.content())).isdisjoint(TOKEN.findall(stranger.content()))

    # A signed-in customer gets their own article page, never cached ...
    reader = open_page(browser, live_server)
    reader.goto("/accounts/login/")
    reader.locator("input[name=login-username]").fill("reader@example.com")
    reader.locator("input[name=login-password]").fill("pw-Reader-12345")
    reader.locator("button[name=login_submit]").click()
    reader.wait_for_load_state()
    response = reader.goto(article.get_absolute_url())
    assert response.headers.get("x-page-cache") is None
    assert reader.get_by_role("link", name="Account").count() == 1

    # ... and the next anonymous visitor does not see it.
    response = stranger.goto(article.get_absolute_url())
    assert response.headers.get("x-page-cache") == "miss"
    assert stranger.get_by_role("link", name="Account").count() == 0
    assert stranger.get_by_role("link", name="Sign in").count() == 1
