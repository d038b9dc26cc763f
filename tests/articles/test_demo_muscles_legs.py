"""The demo library's leg and pelvic-floor muscles (issue 19), and every muscle's facts file."""

import re
import tomllib

import pytest

from articles import demo, demo_muscles
from articles.demo import CONTENT_DIR, load_library_demo
from articles.demo_muscles import legs
from articles.models import Article, Muscle
from painfinder.demo import ensure_pain_finder_demo
from painfinder.outline import MIDLINE, VIEW_HEIGHT, VIEW_WIDTH
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

LEGS = {muscle["slug"]: muscle for muscle in legs.MUSCLES}
FACTS_DIR = CONTENT_DIR / "facts"
REFERENCE_KEYS = {ref["key"] for ref in demo.REFERENCES + demo_muscles.REFERENCES}
REGION_SLUGS = {slug for slug, *_ in demo.REGIONS}


def _facts(slug: str) -> list[dict]:
    return tomllib.loads((FACTS_DIR / f"{slug}.toml").read_text(encoding="utf-8"))["fact"]


def test_each_leg_muscle_has_a_published_cited_article_with_its_map_data(client):
    load_library_demo()
    ensure_pain_finder_demo()

    for slug, data in LEGS.items():
        muscle = Muscle.objects.get(slug=slug)
        article = Article.objects.get(slug=slug)
        assert article.is_live and article.muscle == muscle, slug
        assert article.citations.exists(), slug
        kinds = set(muscle.referred_pain.values_list("kind", flat=True))
        assert "primary" in kinds, slug
        assert muscle.trigger_point_markers.count() == 2 * len(data["markers"]), slug

        response = client.get(article.get_absolute_url())
        assert response.status_code == 200, slug
        html = response.content.decode()
        assert re.search(r'<sup[^>]*>\s*<a[^>]*href="#ref-', html), slug
        for section in ("Where its trigger points send pain", "How to release it",
                        "Education, not diagnosis", "References"):  # fmt: skip
            assert section in html, (slug, section)


def test_the_ql_claw_is_linked_only_to_the_muscles_it_reaches():
    claw = ProductFactory(title="QL Claw", upc="QL-CLAW")
    load_library_demo()

    released = set(claw.released_muscles.values_list("slug", flat=True))
    reached = {slug for slug, data in LEGS.items() if data["ql_claw"]}
    assert reached == {"tensor-fasciae-latae"} | ({"gluteus-maximus"} & set(LEGS))
    assert reached <= released
    assert not (set(LEGS) - reached) & released
    linked = set(claw.library_articles.values_list("slug", flat=True))
    assert reached <= linked and not (set(LEGS) - reached) & linked


def test_articles_the_ql_claw_cannot_help_say_so_and_name_what_does(client):
    load_library_demo()
    for slug, data in LEGS.items():
        body = (CONTENT_DIR / f"{slug}.md").read_text(encoding="utf-8")
        if data["ql_claw"]:
            assert "### With the QL Claw" in body, slug
        else:
            assert "### The QL Claw is not the tool here" in body, slug
            assert "### What helps instead" in body, slug


def test_leg_articles_are_400_to_700_words_and_show_their_pattern_figure():
    for slug in LEGS:
        body = (CONTENT_DIR / f"{slug}.md").read_text(encoding="utf-8")
        assert 400 <= len(body.split()) <= 700, slug
        assert f"[[figure:{slug}-pattern]]" in body, slug


def test_leg_records_use_existing_regions_and_points_on_the_outline():
    for slug, data in LEGS.items():
        regions = {region for kind in data["pain"].values() for region in kind}
        assert regions <= REGION_SLUGS, slug
        assert data["markers"], slug
        for view, x, y, label in data["markers"]:
            assert view in ("front", "back") and label, slug
            assert MIDLINE < x <= VIEW_WIDTH and 0 <= y <= VIEW_HEIGHT, slug
        assert any(kind == "primary" for kind, _, _ in data["pain_zones"]), slug
        for kind, view, points in data["pain_zones"]:
            assert kind in ("primary", "spillover") and view in ("front", "back"), slug
            assert len(points) >= 3, slug
            assert all(MIDLINE <= x <= VIEW_WIDTH and 0 <= y <= VIEW_HEIGHT for x, y in points)


def test_every_demo_muscle_has_a_facts_file_whose_entries_name_a_known_source():
    slugs = {muscle["slug"] for muscle in demo.ALL_MUSCLES}
    assert {path.stem for path in FACTS_DIR.glob("*.toml")} >= slugs
    for slug in slugs:
        facts = _facts(slug)
        assert facts, slug
        for fact in facts:
            assert fact.get("text", "").strip(), (slug, fact)
            assert fact.get("source") in REFERENCE_KEYS, (slug, fact)
            assert fact.get("where", "").strip(), (slug, fact)


def test_every_source_an_article_cites_is_in_its_facts_file():
    for muscle in demo.ALL_MUSCLES:
        slug = muscle["slug"]
        cited = set(re.findall(r"\[@([A-Za-z0-9_-]+)\]", (CONTENT_DIR / f"{slug}.md").read_text()))
        assert cited <= {fact["source"] for fact in _facts(slug)}, slug


def test_leg_references_carry_the_address_they_were_read_at():
    for reference in legs.REFERENCES:
        assert reference["url"].startswith(("https://", "http://")), reference["key"]


def test_every_region_of_the_legs_and_pelvis_lists_at_least_two_muscles():
    legs_and_pelvis = {
        "sacrum-tailbone", "buttock", "side-of-hip", "back-of-thigh", "side-of-thigh", "calf",
        "groin", "front-of-thigh", "knee",
    }  # fmt: skip
    for region in legs_and_pelvis:
        muscles = [
            muscle["slug"]
            for muscle in demo.ALL_MUSCLES
            if any(region in slugs for slugs in muscle["pain"].values())
        ]
        assert len(muscles) >= 2, (region, muscles)
