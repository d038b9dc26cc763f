"""The stored search vectors of articles, muscles and products (PostgreSQL only).

A trigger keeps each kind's ``search_document`` equal to the weighted vector of the kind's
fields, whatever writes the row: ``save()``, a bulk ``update()`` or raw SQL. If a kind's fields
change without a migration reinstalling its trigger, the first test fails.
"""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils import timezone

from articles.models import Article, Muscle
from shop.sitesearch.registry import search_vector, site_search
from shop.sitesearch.selectors import clean_query, search
from tests.factories import shop_product

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="stored search vectors are PostgreSQL's"
    ),
]


def make_rows() -> None:
    muscle = Muscle.objects.create(
        name="Gluteus medius",
        slug="gluteus-medius",
        other_names="glute med",
        body_area="Hip",
        summary="Holds the pelvis level when walking.",
        actions="Abducts the hip.",
        trigger_point_locations="Below the iliac crest.",
        aggravating_activities="Running",
    )
    Article.objects.create(
        title="The hidden hip muscle",
        slug="hidden-hip",
        muscle=muscle,
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now(),
        summary="Low back pain that starts in the hip.",
        body="Pressing the **tender spot** reproduces the ache.",
    )
    shop_product(title="QL Claw", description="<p>Reaches the quadratus lumborum.</p>")


def article_slugs(query: str) -> list[str]:
    groups = search(clean_query(query))
    return [row.slug for group in groups if group.kind.key == "articles" for row in group.results]


@pytest.mark.parametrize("kind", site_search.kinds(), ids=lambda kind: kind.key)
def test_the_stored_vector_is_the_weighted_vector_of_the_kinds_fields(kind):
    make_rows()
    rows = kind.queryset().annotate(expected=search_vector(kind.fields))
    pairs = list(rows.values_list(kind.document, "expected"))
    assert pairs, f"no {kind.key} to compare"
    for stored, expected in pairs:
        assert stored == expected


def test_an_edit_by_bulk_update_is_found_at_once():
    make_rows()
    assert article_slugs("zygomatic") == []
    Article.objects.filter(slug="hidden-hip").update(title="Zygomatic surprises")
    assert article_slugs("zygomatic") == ["hidden-hip"]
    assert article_slugs("hidden") == []


def test_raw_sql_writes_keep_the_vector_current():
    make_rows()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_muscle SET other_names = %s WHERE slug = %s",
            ["hip stabiliser", "gluteus-medius"],
        )
    muscles = Muscle.objects.filter(search_document=SearchQuery("stabiliser", config="english"))
    assert [muscle.slug for muscle in muscles] == ["gluteus-medius"]
