"""Public library pages: publication rules, filters, detail content, SEO files, flat queries."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ReferredPain
from tests.articles.factories import (
    ArticleFactory,
    BodyRegionFactory,
    CommentFactory,
    MuscleFactory,
    ReferenceFactory,
    ReferredPainFactory,
    SeriesFactory,
    TagFactory,
)
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_drafts_and_future_articles_never_appear_to_the_public(client):
    live = ArticleFactory(title="Live one")
    draft = ArticleFactory(title="Draft one", status=Article.Status.DRAFT)
    future = ArticleFactory(
        title="Future one",
        status=Article.Status.SCHEDULED,
        publish_at=timezone.now() + timedelta(days=2),
    )
    index = html_of(client, reverse("articles:index"))
    assert "Live one" in index and "Draft one" not in index and "Future one" not in index
    html_of(client, live.get_absolute_url())
    html_of(client, draft.get_absolute_url(), 404)
    html_of(client, future.get_absolute_url(), 404)
    assert "Future one" not in html_of(client, reverse("articles:feed"))
    assert future.get_absolute_url() not in html_of(client, "/sitemap.xml")


def test_a_scheduled_article_goes_live_when_its_time_passes(client):
    article = ArticleFactory(
        status=Article.Status.SCHEDULED, publish_at=timezone.now() + timedelta(hours=1)
    )
    html_of(client, article.get_absolute_url(), 404)
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    html_of(client, article.get_absolute_url())


def test_list_is_newest_first_and_paginated(client, settings):
    settings.LIBRARY_ARTICLES_PER_PAGE = 2
    now = timezone.now()
    for days, title in ((3, "Oldest"), (2, "Middle"), (1, "Newest")):
        ArticleFactory(title=title, publish_at=now - timedelta(days=days))
    first = html_of(client, reverse("articles:index"))
    assert first.index("Newest") < first.index("Middle") and "Oldest" not in first
    assert "Oldest" in html_of(client, reverse("articles:index") + "?page=2")
    html_of(client, reverse("articles:index") + "?page=9", 404)


def test_filters_by_region_muscle_tag_and_series(client):
    groin = BodyRegionFactory(slug="groin", name="Groin")
    psoas = MuscleFactory(slug="iliopsoas", name="Iliopsoas")
    ReferredPainFactory(muscle=psoas, region=groin)
    tag, series = TagFactory(slug="sitting"), SeriesFactory(slug="five")
    ArticleFactory(title="Psoas article", muscle=psoas, series=series, tags=[tag])
    ArticleFactory(title="Other article")
    for query in ("region=groin", "muscle=iliopsoas", "tag=sitting", "series=five"):
        html = html_of(client, reverse("articles:index") + "?" + query)
        assert "Psoas article" in html and "Other article" not in html, query
    html_of(client, reverse("articles:index") + "?region=nowhere", 404)
    assert "Psoas article" in html_of(client, tag.get_absolute_url())
    assert "Psoas article" in html_of(client, series.get_absolute_url())


def test_article_page_shows_toc_citations_referred_pain_products_and_disclaimer(client):
    ReferenceFactory(key="travell2019", title="The Trigger Point Manual")
    ReferenceFactory(key="unused", title="A book nobody cites")
    muscle = MuscleFactory(name="Quadratus lumborum", aggravating_activities="Coughing\nLifting")
    ReferredPainFactory(muscle=muscle, region=BodyRegionFactory(name="Side of the hip"))
    ReferredPainFactory(
        muscle=muscle, region=BodyRegionFactory(name="Calf"), kind=ReferredPain.Kind.SPILLOVER
    )
    claw = ProductFactory(title="QL Claw")
    muscle.released_by.add(claw)
    article = ArticleFactory(muscle=muscle, body="## Function\n\nIt bends [@travell2019].\n")
    html = html_of(client, article.get_absolute_url())
    assert '<a href="#function">Function</a>' in html
    assert 'href="#ref-travell2019"' in html and 'id="ref-travell2019"' in html
    assert "The Trigger Point Manual" in html and "A book nobody cites" not in html
    assert "Side of the hip" in html and "Calf" in html and "Coughing" in html
    assert "Release it with the QL Claw" in html and claw.get_absolute_url() in html
    assert "Education, not diagnosis" in html and "bladder" in html
    assert "min read" in html


def test_related_products_win_over_the_muscles_products(client):
    muscle = MuscleFactory()
    muscle.released_by.add(ProductFactory(title="Muscle tool"))
    article = ArticleFactory(muscle=muscle)
    article.related_products.add(ProductFactory(title="Chosen bundle"))
    html = html_of(client, article.get_absolute_url())
    assert "Chosen bundle" in html and "Muscle tool" not in html


def test_related_articles_share_muscle_region_or_series(client):
    region = BodyRegionFactory()
    first, second = MuscleFactory(), MuscleFactory()
    ReferredPainFactory(muscle=first, region=region)
    ReferredPainFactory(muscle=second, region=region)
    article = ArticleFactory(muscle=first)
    ArticleFactory(title="Same region article", muscle=second)
    ArticleFactory(title="Unrelated article")
    html = html_of(client, article.get_absolute_url())
    assert "Same region article" in html and "Unrelated article" not in html


def test_json_ld_parses_as_article_and_breadcrumbs(client):
    ReferenceFactory(key="travell2019")
    article = ArticleFactory(title='Quotes " and </script> in a title', body="x [@travell2019]")
    html = html_of(client, article.get_absolute_url())
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = {block["@type"]: block for block in map(json.loads, blocks)}
    assert data["Article"]["headline"] == 'Quotes " and </script> in a title'
    assert data["Article"]["citation"][0]["@type"] == "Book"
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Library", article.title]
    assert crumbs[-1]["item"].endswith(article.get_absolute_url())
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert 'property="og:title"' in html and 'name="twitter:card"' in html


def test_feed_is_valid_atom(client):
    ArticleFactory(title="Feed article")
    root = ET.fromstring(client.get(reverse("articles:feed")).content)
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert [e.text for e in root.findall("atom:entry/atom:title", ns)] == ["Feed article"]


def test_sitemap_lists_articles_muscles_products_and_pages(client):
    article = ArticleFactory(muscle=MuscleFactory(slug="piriformis"))
    product = ProductFactory(title="QL Claw")
    hidden = ProductFactory(title="Prototype", is_public=False)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {
        loc.text.replace("http://example.com", "") for loc in root.findall("s:url/s:loc", ns)
    }
    expected = {article.get_absolute_url(), "/muscles/piriformis/", product.get_absolute_url(),
                "/", "/articles/", "/muscles/", "/catalogue/"}  # fmt: skip
    assert expected <= locations
    assert hidden.get_absolute_url() not in locations


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /dashboard/" in response.content.decode()


def test_muscle_pages_show_facts_and_articles(client):
    muscle = MuscleFactory(name="Piriformis", slug="piriformis")
    ArticleFactory(title="Piriformis article", muscle=muscle)
    assert "Piriformis" in html_of(client, reverse("muscles:index"))
    html = html_of(client, muscle.get_absolute_url())
    assert "Piriformis article" in html and "Walking" in html
    html_of(client, "/muscles/nope/", 404)


def _make_articles(count: int, muscle, series, tags, region_product) -> None:
    for _ in range(count):
        article = ArticleFactory(muscle=muscle, series=series, tags=tags)
        article.related_products.add(region_product)
        CommentFactory(article=article)


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the session and the basket
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_and_detail_query_counts_are_the_same_with_5_and_200_articles(client):
    ReferenceFactory(key="travell2019")
    muscle = MuscleFactory()
    for _ in range(3):
        ReferredPainFactory(muscle=muscle)
    series, tags, product = SeriesFactory(), [TagFactory(), TagFactory()], ProductFactory()
    _make_articles(5, muscle, series, tags, product)
    target = ArticleFactory(muscle=muscle, series=series, tags=tags, body="x [@travell2019]")
    CommentFactory.create_batch(3, article=target)
    urls = [reverse("articles:index"), target.get_absolute_url(), muscle.get_absolute_url(),
            series.get_absolute_url(), tags[0].get_absolute_url()]  # fmt: skip
    few = {url: count_queries(client, url) for url in urls}
    _make_articles(195, muscle, series, tags, product)
    CommentFactory.create_batch(20, article=target)
    many = {url: count_queries(client, url) for url in urls}
    assert many == few


def test_the_reference_list_ends_each_part_with_one_full_stop(client):
    ReferenceFactory(
        key="travell2019", authors="Donnelly JM, et al.", title="The Manual", edition="3rd ed."
    )
    ReferenceFactory(key="davies2013", authors="Davies C", title="Workbook", edition="3rd edition")
    ReferenceFactory(key="plain2001", authors="Plain P", title="No edition")
    article = ArticleFactory(body="One [@travell2019], two [@davies2013], three [@plain2001].\n")
    html = html_of(client, article.get_absolute_url())
    references = html.split('id="references-heading"')[1].split("</section>")[0]
    assert ".." not in references
    assert "Donnelly JM, et al. <cite>The Manual</cite>, 3rd ed.\n" in references
    assert "Davies C. <cite>Workbook</cite>, 3rd edition.\n" in references
    assert "Plain P. <cite>No edition</cite>.\n" in references
