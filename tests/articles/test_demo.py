"""The library's demo content: complete articles, linked to the QL Claw where it reaches."""

import re

import pytest

from articles import demo, demo_muscles
from articles.demo import load_library_demo
from articles.models import Article, BodyRegion, Figure, Muscle, Reference
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

FIVE = {"gluteus-medius", "gluteus-minimus", "quadratus-lumborum", "piriformis", "iliopsoas"}
ALL = {muscle["slug"] for muscle in demo.ALL_MUSCLES}
# The muscles the QL Claw reaches: the first five and those of demo_muscles that say so.
REACHED = FIVE | {muscle["slug"] for muscle in demo_muscles.MUSCLES if muscle["ql_claw"]}


def test_demo_has_complete_cited_articles_with_figures(client):
    load_library_demo()
    assert FIVE <= ALL
    assert set(Muscle.objects.values_list("slug", flat=True)) == ALL
    assert set(Reference.objects.values_list("key", flat=True)) == {
        reference["key"] for reference in demo.REFERENCES + demo_muscles.REFERENCES
    }
    assert BodyRegion.objects.count() >= 13
    for article in Article.objects.all():
        assert article.is_live
        if article.slug in FIVE:
            assert article.series.slug == "five-muscles-behind-low-back-pain"
            assert article.citations.count() == 2
        else:
            assert article.series is None and article.citations.exists()
        assert article.figures.exists() and article.hero_id
        html = client.get(article.get_absolute_url()).content.decode()
        for section in ("Where its trigger points send pain", "How to release it", "QL Claw",
                        "Education, not diagnosis", "References"):  # fmt: skip
            assert section in html, (article.slug, section)
    for muscle in Muscle.objects.all():
        kinds = set(muscle.referred_pain.values_list("kind", flat=True))
        assert "primary" in kinds, muscle
    assert Figure.objects.count() == 2 * len(ALL)
    assert all(figure.renditions for figure in Figure.objects.all())


def test_demo_links_the_ql_claw_when_the_catalogue_has_it():
    claw = ProductFactory(title="QL Claw", upc="QL-CLAW")
    load_library_demo()
    assert set(claw.released_muscles.values_list("slug", flat=True)) == REACHED
    assert set(claw.library_articles.values_list("slug", flat=True)) == REACHED


def test_demo_without_the_product_skips_linking_and_runs_twice_the_same():
    load_library_demo()
    first = list(Article.objects.values_list("slug", "body_html", "updated_at").order_by("slug"))
    load_library_demo()
    assert (
        list(Article.objects.values_list("slug", "body_html", "updated_at").order_by("slug"))
        == first
    )
    assert not Muscle.objects.filter(released_by__isnull=False).exists()
    assert Figure.objects.count() == 2 * len(ALL)


def test_every_toc_and_citation_link_of_the_demo_articles_lands(client):
    load_library_demo()
    for article in Article.objects.all():
        html = client.get(article.get_absolute_url()).content.decode()
        targets = set(re.findall(r'href="#([^"]+)"', html))
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        assert targets, article.slug
        assert targets <= ids, (article.slug, targets - ids)
        # Every reference in the list links back to a citation in the text.
        for key in re.findall(r'<li id="ref-([\w-]+)"', html):
            assert f'id="cite-{key}-1"' in html
