"""The home page: the tool, the promises, the pain finder entry, and a flat query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.catalogue.demo import QL_CLAW_UPC
from tests.factories import bulk_products, shop_product

pytestmark = pytest.mark.django_db


def test_home_shows_the_tool_with_its_price_and_the_pain_finder_entry(client):
    claw = shop_product(title="QL Claw", price="49.00", upc=QL_CLAW_UPC)
    html = client.get("/").content.decode()
    assert claw.get_absolute_url() in html
    assert "$49.00" in html
    assert 'href="/pain-finder/"' in html and "Where does it hurt?" in html


def test_article_sections_are_hidden_until_the_library_fills_them(client):
    html = client.get("/").content.decode()
    assert "Latest articles" not in html and "Start here" not in html


def test_home_without_products_still_works(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Shop the QL Claw" in response.content.decode()


def test_home_query_count_is_the_same_for_5_and_300_products(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    shop_product(title="QL Claw", upc=QL_CLAW_UPC)
    bulk_products(4)
    client.get("/")  # warm the session, basket and thumbnails
    few = queries()
    bulk_products(295)
    client.get("/")
    assert queries() == few


def test_article_and_series_partials_render_what_the_library_will_pass():
    """The lead wires the library's objects into these includes; they need only these fields."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    article = SimpleNamespace(
        title="Gluteus medius", summary="The hip's side stabiliser.", get_absolute_url="/a/gm/"
    )
    series = SimpleNamespace(
        title="The five low-back-pain muscles", description="", get_absolute_url="/s/five/"
    )
    html = render_to_string(
        "storefront/partials/series.html", {"series": series, "series_articles": [article]}
    )
    assert "The five low-back-pain muscles" in html and 'href="/a/gm/"' in html
    html = render_to_string(
        "storefront/partials/article_list.html",
        {"articles": [article], "heading": "Latest articles", "heading_id": "latest"},
    )
    assert "Latest articles" in html and "The hip&#x27;s side stabiliser." in html
