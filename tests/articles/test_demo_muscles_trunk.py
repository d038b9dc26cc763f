"""The back, trunk and neck muscles of the demo library: articles, sources, maps (issue 19)."""

import re
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command

from articles import demo
from articles.demo_muscles import trunk
from articles.models import Article, Muscle
from painfinder.outline import VIEW_HEIGHT, VIEW_WIDTH
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

TRUNK = [muscle["slug"] for muscle in trunk.MUSCLES]
BY_SLUG = {muscle["slug"]: muscle for muscle in trunk.MUSCLES}
KNOWN_SOURCES = {"travell2019", "davies2013"} | {ref["key"] for ref in trunk.REFERENCES}
FACTS_DIR = demo.CONTENT_DIR / "facts"
REGION_SLUGS = {slug for slug, *_ in demo.REGIONS}


def _facts(slug: str) -> list[dict]:
    return tomllib.loads((FACTS_DIR / f"{slug}.toml").read_text(encoding="utf-8"))["fact"]


def _body(slug: str) -> str:
    return (demo.CONTENT_DIR / f"{slug}.md").read_text(encoding="utf-8")


def test_the_trunk_muscles_are_the_ones_the_brief_names_in_order():
    assert TRUNK[:1] == ["trapezius"]
    assert [slug for slug, _ in trunk.ARTICLES] == TRUNK
    assert set(trunk.ARTICLE_SUMMARIES) == set(TRUNK)
    assert all(len(text) <= 400 for text in trunk.ARTICLE_SUMMARIES.values())


@pytest.mark.parametrize("slug", TRUNK)
def test_every_fact_has_text_a_known_source_and_where_it_was_read(slug):
    facts = _facts(slug)
    assert facts, slug
    for fact in facts:
        assert fact["text"].strip() and fact["where"].strip(), fact
        assert fact["source"] in KNOWN_SOURCES, fact
    # Every work the article cites has at least one fact read in it.
    cited = set(re.findall(r"\[@([\w-]+)\]", _body(slug)))
    assert cited, slug
    assert cited <= {fact["source"] for fact in facts}, cited - {f["source"] for f in facts}


@pytest.mark.parametrize("slug", TRUNK)
def test_the_article_follows_the_library_sections_at_the_agreed_length(slug):
    body = _body(slug)
    for heading in ("## Where its trigger points send pain", "## Symptoms and what sets them off",
                    "## How to release it", "### Afterwards"):  # fmt: skip
        assert heading in body, (slug, heading)
    assert f"[[figure:{slug}-pattern]]" in body
    assert 400 <= len(body.split()) <= 700, (slug, len(body.split()))
    if not BY_SLUG[slug]["ql_claw"]:
        assert "QL Claw is not the tool for this muscle" in body, slug


@pytest.mark.parametrize("slug", TRUNK)
def test_the_record_draws_on_known_regions_and_inside_the_outline(slug):
    data = BY_SLUG[slug]
    assert data["pain"]["primary"], slug
    assert set(data["pain"]["primary"]) | set(data["pain"]["spillover"]) <= REGION_SLUGS
    assert data["markers"] and data["pain_zones"]
    for view, x, y, label in data["markers"]:
        assert view in {"front", "back"} and label
        assert VIEW_WIDTH / 2 < x <= VIEW_WIDTH and 0 <= y <= VIEW_HEIGHT
    kinds = set()
    for kind, view, points in data["pain_zones"]:
        kinds.add(kind)
        assert kind in {"primary", "spillover"} and view in {"front", "back"}
        assert len(points) >= 3
        assert all(VIEW_WIDTH / 2 <= x <= VIEW_WIDTH and 0 <= y <= VIEW_HEIGHT for x, y in points)
    assert "primary" in kinds
    assert data.get("figure_reference", "travell2019") in KNOWN_SOURCES


def test_load_demo_publishes_each_trunk_article_with_citations_map_and_markers(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    for slug in TRUNK:
        article = Article.objects.get(slug=slug)
        assert article.is_live and article.muscle.slug == slug
        assert article.citations.exists()
        muscle = article.muscle
        assert muscle.referred_pain.filter(kind="primary").exists()
        assert muscle.trigger_point_markers.count() == 2 * len(BY_SLUG[slug]["markers"])
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        html = response.content.decode()
        assert "Education, not diagnosis" in html and 'class="pain-map"' in html
        # The diagram credits the source its pattern was read in, not a book not read for it.
        figure_key = BY_SLUG[slug].get("figure_reference", "travell2019")
        assert article.cited_references.filter(key=figure_key).exists()


def test_the_ql_claw_is_linked_only_to_the_muscles_it_reaches():
    claw = ProductFactory(title="QL Claw", upc=demo.QL_CLAW_UPC)
    demo.load_library_demo()

    for slug in TRUNK:
        muscle = Muscle.objects.get(slug=slug)
        linked = muscle.released_by.filter(pk=claw.pk).exists()
        in_article = Article.objects.get(slug=slug).related_products.filter(pk=claw.pk).exists()
        assert linked is in_article is BY_SLUG[slug]["ql_claw"], slug


def test_the_neck_and_back_regions_each_name_at_least_two_muscles():
    counts = {slug: 0 for slug in ("neck", "upper-back", "mid-back")}
    for data in demo.ALL_MUSCLES:
        for region in {*data["pain"]["primary"], *data["pain"]["spillover"]}:
            if region in counts:
                counts[region] += 1
    assert all(count >= 2 for count in counts.values()), counts


def test_the_facts_folder_holds_a_file_for_every_trunk_muscle():
    files = {path.stem for path in Path(FACTS_DIR).glob("*.toml")}
    assert set(TRUNK) <= files
