"""The page cache: anonymous pages from the cache, exact invalidation, nothing personal shared."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from articles import services as library_services
from articles.models import Comment
from shop.pagecache.middleware import CSRF_PLACEHOLDER
from tests.articles.factories import ArticleFactory, CommentFactory
from tests.factories import UserFactory, shop_product

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def fetch(client: Client, url: str, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304), (url, response.status_code)
    return response


def cache_state(client: Client, url: str) -> str | None:
    return fetch(client, url).headers.get("X-Page-Cache")


@pytest.fixture
def article():
    return ArticleFactory(title="Quadratus lumborum", slug="quadratus-lumborum")


@pytest.fixture
def product():
    return shop_product(title="QL Claw", price="39.00", stock=20)


def test_second_anonymous_request_is_served_from_the_cache(client, article):
    url = article.get_absolute_url()
    first = fetch(client, url)
    second = fetch(Client(), url)
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert "Quadratus lumborum" in second.content.decode()
    assert second.headers["ETag"] == first.headers["ETag"]


def test_editing_an_article_invalidates_library_pages_but_not_the_catalogue(
    client, article, product
):
    pages = [
        "/",
        reverse("articles:index"),
        article.get_absolute_url(),
        reverse("articles:feed"),
        reverse("catalogue:index"),
    ]
    for url in pages:
        fetch(client, url)
    article.title = "Quadratus lumborum, revised"
    library_services.save_article(article=article)

    for url in pages[:4]:
        response = fetch(Client(), url)
        assert response.headers["X-Page-Cache"] == "miss", url
        assert "Quadratus lumborum, revised" in response.content.decode(), url
    assert cache_state(Client(), reverse("catalogue:index")) == "hit"


def test_price_and_stock_changes_invalidate_the_catalogue_and_product_pages_only(
    client, article, product
):
    product_url = product.get_absolute_url()
    for url in ("/", reverse("catalogue:index"), product_url, reverse("articles:index")):
        fetch(client, url)
    stockrecord = product.stockrecords.get()
    stockrecord.price = Decimal("29.50")
    stockrecord.save()

    for url in ("/", reverse("catalogue:index"), product_url):
        response = fetch(Client(), url)
        assert response.headers["X-Page-Cache"] == "miss", url
    assert "29.50" in fetch(Client(), product_url).content.decode()
    assert cache_state(Client(), reverse("articles:index")) == "hit"

    # Stock: Oscar allocates with update() but sends post_save itself.
    stockrecord.allocate(20)
    assert "Out of stock" in fetch(Client(), product_url).content.decode()


def test_editing_a_product_invalidates_its_page(client, product):
    fetch(client, product.get_absolute_url())
    product.title = "QL Claw, second edition"
    product.save()
    assert "QL Claw, second edition" in fetch(Client(), product.get_absolute_url()).content.decode()


def test_approving_a_comment_in_bulk_invalidates_the_article_page(client, article):
    comment = CommentFactory(article=article, body="It really helped my back.")
    fetch(client, article.get_absolute_url())
    library_services.moderate_comments(comment_ids=[comment.pk], status=Comment.Status.APPROVED)
    assert (
        "It really helped my back." in fetch(Client(), article.get_absolute_url()).content.decode()
    )


def test_a_cached_page_never_carries_another_visitors_csrf_token(product):
    url = product.get_absolute_url()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html = fetch(first, url).content.decode()
    second_response = fetch(second, url)
    assert second_response.headers["X-Page-Cache"] == "hit"
    second_html = second_response.content.decode()
    assert CSRF_PLACEHOLDER not in second_html
    first_tokens, second_tokens = TOKEN.findall(first_html), TOKEN.findall(second_html)
    assert second_tokens and set(first_tokens).isdisjoint(second_tokens)

    # The token on the cached page works for the visitor who received it.
    response = second.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 1, "csrfmiddlewaretoken": second_tokens[0]},
    )
    assert response.status_code == 302
    # ... and another visitor's token does not (403: Django's CSRF check).
    third = Client(enforce_csrf_checks=True)
    fetch(third, url)
    stolen = third.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 1, "csrfmiddlewaretoken": second_tokens[0]},
    )
    assert stolen.status_code == 403


def test_a_basket_holder_gets_their_own_page_and_never_leaks_it(client, product):
    url = product.get_absolute_url()
    fetch(Client(), url)  # an anonymous copy is in the cache
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    own = fetch(client, url)
    assert own.headers.get("X-Page-Cache") is None
    assert '<span class="badge">2<span class="visually-hidden"> items' in own.content.decode()
    stranger = fetch(Client(), url)
    assert '<span class="badge">0<span class="visually-hidden"> items' in stranger.content.decode()


def test_signed_in_pages_are_neither_served_from_nor_stored_in_the_cache(client, article):
    user = UserFactory(email="reader@example.com")
    client.force_login(user)
    url = article.get_absolute_url()
    for _ in range(2):
        response = fetch(client, url)
        assert response.headers.get("X-Page-Cache") is None
    assert cache_state(Client(), url) == "miss"


def test_a_page_showing_a_message_is_not_cached(client, product):
    # Adding to the basket leaves a message for the next page; that page is personal.
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.cookies.pop("oscar_open_basket", None)
    response = fetch(client, reverse("catalogue:index"))
    assert response.headers.get("X-Page-Cache") is None
    assert cache_state(Client(), reverse("catalogue:index")) == "miss"


@pytest.mark.parametrize("page", ["detail", "feed"])
def test_conditional_get_answers_304_on_articles_and_the_feed(client, article, page):
    url = article.get_absolute_url() if page == "detail" else reverse("articles:feed")
    etag = fetch(client, url).headers["ETag"]
    assert Client().get(url, headers={"if-none-match": etag}).status_code == 304
    assert Client().get(url, headers={"if-none-match": '"stale"'}).status_code == 200

    article.title = "Renamed"
    library_services.save_article(article=article)
    assert Client().get(url, headers={"if-none-match": etag}).status_code == 200


def test_switched_off_by_setting(client, settings, article):
    settings.PAGE_CACHE_ENABLED = False
    fetch(client, article.get_absolute_url())
    assert cache_state(Client(), article.get_absolute_url()) is None
