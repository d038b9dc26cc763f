"""The product page: availability, adding to the basket, reviews, JSON-LD, flat query count."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import (
    ProductFactory,
    ProductReviewFactory,
    UserFactory,
    bulk_products,
    shop_product,
)

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
ProductReview = get_model("reviews", "ProductReview")


def product_html(client, product) -> str:
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("stock", "message", "can_add"),
    [(50, "In stock", True), (3, "Only 3 left", True), (0, "Out of stock", False)],
)
def test_availability_is_stated_plainly(client, stock, message, can_add):
    product = shop_product(stock=stock)
    html = product_html(client, product)
    assert message in html
    add_url = reverse("basket:add", kwargs={"pk": product.pk})
    assert (f'action="{add_url}"' in html) is can_add


def test_out_of_stock_product_cannot_be_added_and_says_why(client):
    product = shop_product(stock=0)
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}, follow=True
    )
    assert "Sorry, this product is out of stock." in response.content.decode()
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0


def test_more_than_the_stock_cannot_be_added_and_says_how_many_can(client):
    product = shop_product(stock=3)
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 4}, follow=True
    )
    assert "only 3 are left in stock: you can buy at most 3." in response.content.decode()
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0

    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 3})
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 3


def test_nonsense_quantity_is_refused_with_a_message_not_a_500(client):
    product = shop_product()
    for quantity in ("abc", "-2", "99999999999999999999"):
        response = client.post(
            reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}
        )
        assert response.status_code == 302
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0


def test_product_page_has_price_description_specs_and_promises(client):
    product = shop_product(title="QL Claw", price="49.00", description="<p>Hooked tool.</p>")
    product.product_class.attributes.create(name="Material", code="material", type="text")
    product.attr.material = "Nylon"
    product.save()
    html = product_html(client, product)
    assert "$49.00" in html
    assert "Hooked tool." in html
    assert "Material" in html and "Nylon" in html
    for path in ("/guarantee/", "/policies/shipping/", "/policies/secure-checkout/"):
        assert f'href="{path}"' in html


def test_what_it_releases_is_hidden_while_no_muscle_is_linked(client):
    html = product_html(client, shop_product())
    assert "What it releases" not in html


def test_reviews_wait_for_moderation_and_approved_ones_make_the_average(client, settings):
    assert settings.OSCAR_MODERATE_REVIEWS
    product = shop_product()
    customer = UserFactory()
    client.force_login(customer)
    response = client.post(
        reverse(
            "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
        ),
        {"title": "Found the spot", "score": 4, "body": "It reached the muscle I could not."},
    )
    assert response.status_code == 302
    review = ProductReview.objects.get(product=product)
    assert review.status == ProductReview.FOR_MODERATION
    assert "Found the spot" not in product_html(client, product)

    review.status = ProductReview.APPROVED
    review.save()
    ProductReviewFactory(
        product=product, user=UserFactory(), score=2, title="Too firm", status=1, body="Hard."
    )
    html = product_html(client, product)
    assert "Found the spot" in html and "Too firm" in html
    assert "Average 3.0 out of 5, from 2 reviews" in html
    rating = json_ld(html)["aggregateRating"]
    assert rating["ratingValue"] == "3.0" and rating["reviewCount"] == 2


def test_anonymous_visitors_cannot_post_reviews(client):
    product = shop_product()
    url = reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )
    client.post(
        url, {"title": "Spam", "score": 5, "body": "Buy now", "name": "x", "email": "x@x.x"}
    )
    assert not ProductReview.objects.exists()


def test_json_ld_describes_the_product_and_its_offer(client):
    product = shop_product(title="QL Claw", price="49.00", stock=2)
    data = json_ld(product_html(client, product))
    assert data["@type"] == "Product" and data["name"] == "QL Claw"
    assert data["offers"] == {
        "@type": "Offer",
        "price": "49.00",
        "priceCurrency": "USD",
        "availability": "https://schema.org/LimitedAvailability",
        "url": "http://testserver" + product.get_absolute_url(),
    }
    assert "aggregateRating" not in data


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    product = shop_product(title="</script><script>alert(1)</script>")
    html = product_html(client, product)
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_hidden_product_is_a_404(client):
    product = ProductFactory(is_public=False)
    assert client.get(product.get_absolute_url()).status_code == 404


def test_product_views_are_counted_after_the_response(client, django_capture_on_commit_callbacks):
    product = shop_product()
    with (
        CaptureQueriesContext(connection) as captured,
        django_capture_on_commit_callbacks(execute=False) as callbacks,
    ):
        assert client.get(product.get_absolute_url()).status_code == 200
    assert not any("analytics_" in query["sql"] for query in captured.captured_queries)
    assert not ProductRecord.objects.exists()
    for callback in callbacks:
        callback()  # what happens once the request's transaction commits: the task runs
    assert ProductRecord.objects.get(product=product).num_views == 1


def test_product_page_query_count_does_not_grow_with_the_catalogue(client):
    product = shop_product()
    for score in (3, 4, 5):
        ProductReviewFactory(product=product, user=UserFactory(), score=score, status=1)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(product.get_absolute_url()).status_code == 200
        return len(captured)

    bulk_products(4)
    client.get(product.get_absolute_url())  # warm the session, basket and thumbnails
    few = queries()
    bulk_products(295)
    for _ in range(20):
        ProductReviewFactory(product=product, user=UserFactory(), score=4, status=1)
    client.get(product.get_absolute_url())
    assert queries() == few


def test_description_html_is_sanitized(client):
    product = shop_product(
        description='<p onclick="steal()">Firm <strong>grip</strong></p><script>steal()</script>'
    )
    html = product_html(client, product)
    assert "<strong>grip</strong>" in html
    assert "steal()" not in html


def test_what_it_releases_links_each_muscle_it_is_given():
    """The lead passes the library's ``product.released_muscles``; the include needs only these."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    muscle = SimpleNamespace(
        name="Quadratus lumborum", summary="Deep low-back muscle.", get_absolute_url="/m/ql/"
    )
    html = render_to_string("catalogue/partials/releases.html", {"released_muscles": [muscle]})
    assert "What it releases" in html
    assert '<a href="/m/ql/">Quadratus lumborum</a>' in html
