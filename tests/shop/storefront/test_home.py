"""The home page: the tool, the promises, the pain finder entry, and a flat query count."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.catalogue.demo import QL_CLAW_UPC
from tests.articles.factories import ArticleFactory, SeriesFactory
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


ARTICLE_LINK = re.compile(r'href="(/articles/(?!series/)[\w-]+/)"')


def test_each_article_appears_once_on_the_home_page(client, settings):
    series = SeriesFactory(slug=settings.LIBRARY_HOME_SERIES_SLUG, title="The five muscles")
    in_series = [
        ArticleFactory(series=series, series_order=order, featured=(order == 1))
        for order in range(1, 4)
    ]
    featured = ArticleFactory(featured=True, title="A featured article outside the series")
    others = [ArticleFactory(title=f"Another article {n}") for n in range(2)]
    html = client.get("/").content.decode()
    links = ARTICLE_LINK.findall(html)
    assert len(links) == len(set(links)), links
    assert set(links) == {a.get_absolute_url() for a in [*in_series, featured, *others]}
    # The series keeps its own articles, marking where to start; the other sections get the rest.
    series_section = html.split('id="series-heading"')[1].split("</section>")[0]
    assert series_section.count("Start here") == 1
    start_here = html.split('id="featured-heading"')[1].split("</section>")[0]
    assert ARTICLE_LINK.findall(start_here) == [featured.get_absolute_url()]
    latest = html.split('id="latest-heading"')[1].split("</section>")[0]
    assert set(ARTICLE_LINK.findall(latest)) == {a.get_absolute_url() for a in others}


def test_sections_left_empty_by_the_series_are_hidden(client, settings):
    series = SeriesFactory(slug=settings.LIBRARY_HOME_SERIES_SLUG)
    ArticleFactory(series=series, series_order=1, featured=True)
    ArticleFactory(series=series, series_order=2)
    html = client.get("/").content.decode()
    assert 'id="series-heading"' in html
    assert "Latest articles" not in html and 'id="featured-heading"' not in html


def test_the_demo_home_page_links_each_article_once(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    links = ARTICLE_LINK.findall(client.get("/").content.decode())
    assert len(links) >= 5
    assert len(links) == len(set(links)), links


def promise_blocks(client, path: str) -> int:
    return client.get(path).content.decode().count('aria-label="Our promises"')


def test_the_promises_appear_once_on_each_page(client):
    claw = shop_product(title="QL Claw", price="49.00", upc=QL_CLAW_UPC)
    for path in ("/", claw.get_absolute_url(), "/basket/", "/articles/", "/guarantee/"):
        assert promise_blocks(client, path) == 1, path
    client.post(f"/basket/add/{claw.pk}/", {"quantity": 1})
    basket = client.get("/basket/").content.decode()
    assert basket.count('aria-label="Our promises"') == 1
    # With items, the basket shows them beside the checkout button, not in the footer.
    footer = basket.split('<footer class="site-footer">')[1]
    assert 'aria-label="Our promises"' not in footer
