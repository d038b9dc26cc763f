"""The pain finder's pages: the map as plain links, the ranking, combined regions, bad URLs."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import ArticleFactory, make_muscle

pytestmark = pytest.mark.django_db


def _muscle_order(response) -> list[str]:
    return re.findall(r'<h2 id="match-([-a-z0-9]+)"', response.content.decode())


def test_index_draws_every_region_as_a_named_link_on_the_map_and_in_the_list(client, regions):
    response = client.get("/pain-finder/")

    assert response.status_code == 200
    html = response.content.decode()
    for slug, region in regions.items():
        href = f'href="/pain-finder/{slug}/"'
        # One link on the map (an SVG <a> named for the region) and one in the plain list.
        assert html.count(href) == 2, slug
        assert re.search(
            rf'<a class="body-map__region"\s+{href}\s+aria-label="{region.name}"', html
        )
    assert html.count('class="body-map__view"') == 2  # the front and the back view


def test_index_has_the_not_a_diagnosis_note_with_red_flags(client, regions):
    html = client.get("/pain-finder/").content.decode()

    assert "This is not a diagnosis" in html
    for red_flag in ("fall", "fever", "saddle", "bladder", "weak", "at night", "cancer"):
        assert red_flag in html


def test_header_shows_pain_finder(client, regions):
    html = client.get("/").content.decode()

    assert '<a href="/pain-finder/"' in html


def test_one_region_lists_primary_muscles_before_spillover_ones(client, library):
    response = client.get("/pain-finder/buttock/")

    assert response.status_code == 200
    order = _muscle_order(response)
    primary = {"gluteus-medius", "gluteus-minimus", "quadratus-lumborum", "piriformis"}
    assert set(order[:4]) == primary
    assert order[4:] == ["iliopsoas"]  # its buttock pain is only spillover
    assert order[:4] == sorted(order[:4])  # ties by name


def test_a_region_no_muscle_refers_to_says_so(client, library):
    response = client.get("/pain-finder/neck/")

    assert response.status_code == 200
    assert _muscle_order(response) == []
    assert "No muscle in the library sends pain here yet" in response.content.decode()


def test_combined_regions_rank_muscles_that_explain_more_of_them_first(client, library):
    response = client.get("/pain-finder/low-back+groin/")

    assert response.status_code == 200
    order = _muscle_order(response)
    # Iliopsoas refers to both; medius and QL to the low back only; the rest to neither.
    assert order == ["iliopsoas", "gluteus-medius", "quadratus-lumborum"]


def test_primary_counts_break_ties_between_muscles_explaining_as_many_regions(client, library):
    # Medius, QL and piriformis have both regions in their primary zone, iliopsoas has both
    # as spillover only, and minimus explains the buttock alone.
    order = _muscle_order(client.get("/pain-finder/sacrum-tailbone+buttock/"))

    assert order == [
        "gluteus-medius",
        "piriformis",
        "quadratus-lumborum",
        "iliopsoas",
        "gluteus-minimus",
    ]


def test_each_result_links_its_article_and_the_product_and_shows_its_map(client, library):
    html = client.get("/pain-finder/buttock/").content.decode()

    assert 'href="/articles/gluteus-medius/"' in html
    assert "Release it with the QL Claw" in html
    assert "Walking and running" in html  # aggravating activities
    assert html.count('class="pain-map"') == 5


def test_a_draft_article_is_not_linked(client, regions):
    muscle = make_muscle(regions, name="Secret", slug="secret", primary=["calf"])
    ArticleFactory(slug="secret-draft", muscle=muscle, status="draft")

    html = client.get("/pain-finder/calf/").content.decode()

    assert "Secret" in html
    assert "secret-draft" not in html


def test_region_order_and_repeats_redirect_to_the_canonical_address(client, library):
    response = client.get("/pain-finder/buttock+low-back+buttock/")

    assert response.status_code == 301
    assert response["Location"] == "/pain-finder/low-back+buttock/"


@pytest.mark.parametrize(
    "url",
    [
        "/pain-finder/elbow/",
        "/pain-finder/low-back+elbow/",
        "/pain-finder/low-back++buttock/",
        "/pain-finder/LOW-BACK/",
        "/pain-finder/?region=elbow",
        "/pain-finder/maps/nobody.png",
    ],
)
def test_unknown_regions_and_muscles_are_404(client, library, url):
    assert client.get(url).status_code == 404


def test_the_form_sends_several_regions_to_their_combined_page(client, library):
    response = client.get("/pain-finder/", {"region": ["buttock", "low-back"]})

    assert response.status_code == 302
    assert response["Location"] == "/pain-finder/low-back+buttock/"


def test_the_form_without_a_ticked_region_says_what_to_do(client, regions):
    response = client.get("/pain-finder/?region=")

    assert response.status_code == 400
    assert "Tick at least one place where it hurts." in response.content.decode()


def test_results_offer_plain_links_to_add_and_remove_regions(client, library):
    html = client.get("/pain-finder/low-back+buttock/").content.decode()

    assert 'href="/pain-finder/low-back/"' in html  # without the buttock
    assert 'href="/pain-finder/buttock/"' in html  # without the low back
    assert 'href="/pain-finder/low-back+buttock+calf/"' in html  # add the calf


def _finder_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_finder_query_count_is_the_same_with_5_and_100_muscles(client, regions):
    def add_muscles(count: int, start: int) -> None:
        for number in range(start, start + count):
            muscle = make_muscle(
                regions,
                name=f"Muscle {number:03d}",
                slug=f"muscle-{number:03d}",
                primary=["low-back"],
                spillover=["buttock", "calf"],
            )
            ArticleFactory(slug=f"article-{number:03d}", muscle=muscle)

    add_muscles(5, 0)
    few = _finder_queries(client, "/pain-finder/low-back+buttock/")
    add_muscles(95, 5)
    many = _finder_queries(client, "/pain-finder/low-back+buttock/")

    assert few == many
    assert (
        client.get("/pain-finder/low-back+buttock/").content.decode().count('class="muscle-match"')
        == 100
    )


def test_map_image_is_a_png_sized_for_open_graph(client, library):
    response = client.get(reverse("painfinder:muscle-map-image", args=["gluteus-medius"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert "max-age" in response["Cache-Control"]
