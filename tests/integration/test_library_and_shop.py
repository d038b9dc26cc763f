"""The library and the shop cross-linked: product → muscles, home → articles, one search box."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from shop.sitesearch.selectors import clean_query, search
from tests.articles.factories import ArticleFactory, MuscleFactory, SeriesFactory
from tests.factories import shop_product

pytestmark = pytest.mark.django_db


def test_product_page_lists_the_muscles_it_releases_with_links(client):
    product = shop_product(title="QL Claw")
    medius = MuscleFactory(name="Gluteus medius", slug="gluteus-medius")
    MuscleFactory(name="Unrelated muscle", slug="unrelated")
    medius.released_by.add(product)
    html = client.get(product.get_absolute_url()).content.decode()
    assert 'href="/muscles/gluteus-medius/"' in html
    assert "Unrelated muscle" not in html


def test_product_page_without_muscles_hides_the_section(client):
    product = shop_product(title="Travel pouch")
    html = client.get(product.get_absolute_url()).content.decode()
    assert "/muscles/" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_home_shows_featured_latest_and_the_series(client, settings):
    series = SeriesFactory(title="The five muscles", slug="five-muscles")
    settings.LIBRARY_HOME_SERIES_SLUG = "five-muscles"
    featured = ArticleFactory(title="The QL and your back", featured=True)
    in_series = ArticleFactory(title="Gluteus medius", series=series, series_order=1)
    draft = ArticleFactory(title="Unfinished draft", status=Article.Status.DRAFT)
    html = client.get("/").content.decode()
    assert featured.get_absolute_url() in html
    assert in_series.get_absolute_url() in html
    assert "The five muscles" in html
    assert draft.title not in html


def test_home_query_count_does_not_grow_with_the_library(client, settings):
    settings.PAGE_CACHE_ENABLED = False  # measure the page itself, not a cache hit

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    ArticleFactory.create_batch(2, featured=True)
    client.get("/")
    few = count()
    ArticleFactory.create_batch(30)
    assert count() == few


def test_one_search_finds_articles_muscles_and_products_together(client):
    ArticleFactory(title="Piriformis and sitting", summary="Why long drives hurt.")
    MuscleFactory(name="Piriformis", slug="piriformis", summary="A deep hip rotator.")
    shop_product(title="Piriformis ball", description="<p>For the deep hip.</p>")
    groups = {group.kind.key: group for group in search(clean_query("piriformis"))}
    assert set(groups) == {"articles", "muscles", "products"}
    html = client.get("/search/", {"q": "piriformis"}).content.decode()
    assert "Piriformis and sitting" in html
    assert 'href="/muscles/piriformis/"' in html
    assert "Piriformis ball" in html


def test_an_article_title_match_beats_a_body_match():
    ArticleFactory(title="Sitting all day", body="## Why\n\nThe piriformis tightens.\n")
    ArticleFactory(title="Piriformis release", body="## How\n\nPress, then stretch.\n")
    groups = {group.kind.key: group for group in search(clean_query("piriformis"))}
    assert [article.title for article in groups["articles"].results] == [
        "Piriformis release",
        "Sitting all day",
    ]


def test_drafts_are_not_found():
    ArticleFactory(title="Secret piriformis draft", status=Article.Status.DRAFT)
    groups = {group.kind.key for group in search(clean_query("piriformis"))}
    assert "articles" not in groups
