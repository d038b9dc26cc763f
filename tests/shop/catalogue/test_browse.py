"""The catalogue's browse page lists products from the database (no haystack index needed)."""

import pytest
from django.urls import reverse

from tests.factories import CategoryFactory, ProductFactory, bulk_products

pytestmark = pytest.mark.django_db


def test_catalogue_lists_a_product_made_with_oscars_factories(client):
    product = ProductFactory(title="QL Claw")
    response = client.get(reverse("catalogue:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "QL Claw" in html
    assert product.get_absolute_url() in html


def test_catalogue_hides_products_that_are_not_public(client):
    ProductFactory(title="Secret prototype", is_public=False)
    assert "Secret prototype" not in client.get(reverse("catalogue:index")).content.decode()


def test_category_page_lists_its_products_only(client):
    category = CategoryFactory(name="Accessories")
    inside = ProductFactory(title="Travel pouch")
    inside.categories.add(category)
    ProductFactory(title="Unrelated thing")
    html = client.get(category.get_absolute_url()).content.decode()
    assert "Travel pouch" in html
    assert "Unrelated thing" not in html


def test_page_beyond_the_last_is_a_404(client):
    ProductFactory()
    assert client.get(reverse("catalogue:index"), {"page": 99}).status_code == 404
    assert client.get(reverse("catalogue:index"), {"page": "abc"}).status_code == 404


def test_browse_query_count_is_the_same_for_5_and_300_products(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("catalogue:index")).status_code == 200
        return len(captured)

    bulk_products(5)
    client.get(reverse("catalogue:index"))  # warm the session, basket and thumbnails
    few = queries_for_page()
    bulk_products(295)
    client.get(reverse("catalogue:index"))
    many = queries_for_page()
    assert many == few
