"""Site search at /search/: ranking, grouping, bad input and a flat query count.

Runs on whichever database the suite runs on: PostgreSQL full-text search or the SQLite
fallback, so the ranking rule is checked on both.
"""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.sitesearch.registry import SearchableKind, site_search
from shop.sitesearch.selectors import MAX_QUERY_LENGTH, RESULTS_PER_KIND, clean_query, search
from tests.factories import ProductFactory, bulk_products, shop_product

pytestmark = pytest.mark.django_db

SEARCH_URL = "/search/"


def result_titles(query: str) -> list[str]:
    groups = search(clean_query(query))
    return [result.title for group in groups for result in group.results]


def test_search_lives_at_slash_search():
    assert reverse("sitesearch:results") == SEARCH_URL


def test_a_title_match_ranks_above_a_body_match():
    shop_product(title="Travel pouch", description="<p>Carries the claw and the balls.</p>")
    shop_product(title="Claw", description="<p>A hooked self-massage tool.</p>")
    shop_product(title="Wall chart", description="<p>Muscles of the hip.</p>")
    assert result_titles("claw") == ["Claw", "Travel pouch"]


def test_words_are_matched_in_any_order_and_case():
    shop_product(title="Massage ball pair", description="<p>Firm rubber.</p>")
    assert result_titles("RUBBER massage") == ["Massage ball pair"]


def test_hidden_products_are_never_found():
    ProductFactory(title="Secret claw prototype", is_public=False)
    assert result_titles("claw") == []


def test_results_page_groups_products_with_price_and_count(client):
    shop_product(title="QL Claw", price="49.00")
    html = client.get(SEARCH_URL, {"q": "claw"}).content.decode()
    assert 'Products <span class="count">(1)</span>' in html
    assert "QL Claw" in html and "$49.00" in html


@pytest.mark.parametrize("query", ["", "   ", "?!*", "\t\n"])
def test_empty_queries_get_a_calm_prompt(client, query):
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()


def test_nothing_found_says_so_and_offers_the_pain_finder(client):
    shop_product(title="QL Claw")
    html = client.get(SEARCH_URL, {"q": "xylophone"}).content.decode()
    assert "Nothing matches" in html and "/pain-finder/" in html


@pytest.mark.parametrize(
    "query",
    [
        "claw' OR 1=1 --",
        "'; DROP TABLE catalogue_product; --",
        "claw & | ! ( ) : * <->",
        '"unbalanced quote',
        "%_%",
        "<script>alert(1)</script>",
        "ﾃｽﾄ 🦴 ç",
    ],
)
def test_odd_and_hostile_queries_are_answered_safely(client, query):
    shop_product(title="QL Claw")
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert ProductFactory._meta.model.objects.filter(title="QL Claw").exists()


def test_a_nul_byte_in_the_query_is_a_400_that_says_why(client):
    # Refused for every address by RefuseNulBytesMiddleware, before the search sees it.
    response = client.get(SEARCH_URL, {"q": "claw\x00nul"})
    assert response.status_code == 400
    assert "a NUL byte" in response.content.decode()


def test_sql_like_strings_do_not_match_everything():
    shop_product(title="QL Claw")
    shop_product(title="Wall chart")
    assert result_titles("x' OR '1'='1") == []


def test_a_very_long_query_is_cut_and_the_page_says_so(client):
    shop_product(title="QL Claw")
    response = client.get(SEARCH_URL, {"q": "claw " * 2000})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"first {MAX_QUERY_LENGTH} characters" in html
    assert "QL Claw" in html


def test_query_cleaning_drops_control_characters_and_squashes_spaces():
    cleaned = clean_query("  claw\x00\x07   ball \u200b ")
    assert cleaned.text == "claw ball"
    assert not cleaned.was_cut


def test_results_page_query_count_is_the_same_for_5_and_300_products(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SEARCH_URL, {"q": "filler"}).status_code == 200
        return len(captured)

    bulk_products(5, title="Filler claw")  # a page that is not full
    client.get(SEARCH_URL, {"q": "filler"})  # warm the session, basket and thumbnails
    few = queries()
    bulk_products(295, title="Filler claw")
    client.get(SEARCH_URL, {"q": "filler"})
    assert queries() == few


@pytest.mark.parametrize("count", [1, RESULTS_PER_KIND - 1, RESULTS_PER_KIND, RESULTS_PER_KIND + 3])
def test_the_total_counts_every_match_whether_or_not_the_page_is_full(count):
    bulk_products(count, title="Filler claw")
    [group] = search(clean_query("filler"))
    assert len(group.results) == min(count, RESULTS_PER_KIND)
    assert group.total == count


def test_another_app_plugs_a_kind_in_with_a_registration(client):
    """The way the library adds articles and muscles: register a kind, results appear."""
    FlatPage.objects.create(url="/claw-care/", title="Caring for your claw", content="Wash it.")
    site_search.register(
        SearchableKind(
            key="pages",
            label="Pages",
            queryset=FlatPage.objects.all,
            fields=(("title", "A"), ("content", "B")),
            template="sitesearch/results/product.html",
            order=10,
        )
    )
    try:
        shop_product(title="QL Claw")
        groups = search(clean_query("claw"))
        assert [group.kind.label for group in groups] == ["Pages", "Products"]
        assert groups[0].results[0].title == "Caring for your claw"
    finally:
        site_search.unregister("pages")


def test_a_kind_needs_weighted_fields():
    with pytest.raises(ValueError, match="weight"):
        SearchableKind(
            key="x", label="X", queryset=FlatPage.objects.all, fields=(("title", "Z"),), template=""
        )
