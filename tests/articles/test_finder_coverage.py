"""Every place the pain finder offers is answered by at least two demo muscles (issue 19)."""

from collections import Counter

from articles.demo import ALL_MUSCLES, ARTICLES, REGIONS
from articles.demo_muscles import ARTICLES as MORE_ARTICLES


def test_every_finder_region_lists_at_least_two_demo_muscles():
    muscles_per_region = Counter(
        region for record in ALL_MUSCLES for slugs in record["pain"].values() for region in slugs
    )
    thin = {slug: muscles_per_region[slug] for slug, *_ in REGIONS if muscles_per_region[slug] < 2}
    assert not thin, f"regions with fewer than two muscles: {thin}"


def test_every_demo_muscle_has_an_article():
    with_articles = {slug for slug, *_ in ARTICLES} | {slug for slug, _ in MORE_ARTICLES}
    assert with_articles == {record["slug"] for record in ALL_MUSCLES}
