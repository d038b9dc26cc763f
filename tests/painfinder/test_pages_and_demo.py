"""The map on the library's pages, the PNG following the data, and the demo step."""

import pytest
from django.core.management import call_command

from articles.models import BodyRegion
from painfinder.demo import TRIGGER_POINTS, ensure_pain_finder_demo
from painfinder.models import TriggerPointMarker
from painfinder.shapes import REGION_DRAWINGS

from .factories import BodyRegionFactory, make_muscle

pytestmark = pytest.mark.django_db


def test_article_and_muscle_pages_draw_the_muscles_map(client, library):
    for url in ("/articles/gluteus-medius/", "/muscles/gluteus-medius/"):
        html = client.get(url).content.decode()
        assert html.count('class="pain-map"') == 1, url
        assert 'data-region="low-back" data-kind="primary"' in html, url
        assert 'data-region="back-of-thigh" data-kind="spillover"' in html, url
        assert 'data-region="calf"' not in html, url


def test_the_muscle_page_shares_its_map_image(client, library):
    html = client.get("/muscles/gluteus-medius/").content.decode()

    assert (
        '<meta property="og:image" content="http://testserver/pain-finder/maps/gluteus-medius.png">'
        in html
    )


def test_the_map_image_changes_when_the_muscles_regions_change(client, library, regions):
    url = "/pain-finder/maps/piriformis.png"
    before = client.get(url)

    library["piriformis"].referred_pain.filter(region__slug="buttock").update(kind="spillover")
    after = client.get(url)

    assert before["ETag"] != after["ETag"]
    assert before.content != after.content


def test_demo_step_redraws_the_library_regions_and_marks_trigger_points(regions):
    BodyRegion.objects.filter(slug="buttock").update(view="front", svg_path="M0,0 L1,1 L0,1 Z")
    medius = make_muscle(regions, name="Gluteus medius", slug="gluteus-medius", primary=["buttock"])

    ensure_pain_finder_demo()
    rows = sorted(TriggerPointMarker.objects.values_list("muscle__slug", "view", "x", "y"))
    ensure_pain_finder_demo()  # idempotent

    buttock = BodyRegion.objects.get(slug="buttock")
    assert (buttock.view, buttock.svg_path) == ("back", REGION_DRAWINGS["buttock"].path)
    assert sorted(TriggerPointMarker.objects.values_list("muscle__slug", "view", "x", "y")) == rows
    ((_, x, y, _),) = TRIGGER_POINTS["gluteus-medius"]
    assert {(float(m.x), float(m.y)) for m in medius.trigger_point_markers.all()} == {
        (x, y),
        (200 - x, y),
    }


def test_demo_step_leaves_unknown_regions_alone(db):
    own = BodyRegionFactory(slug="elbow", view="front", svg_path="M0,0 L1,1 L0,1 Z")

    ensure_pain_finder_demo()

    own.refresh_from_db()
    assert own.svg_path == "M0,0 L1,1 L0,1 Z"


def test_load_demo_runs_the_pain_finder_step(regions):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (
        BodyRegion.objects.get(slug="side-of-hip").svg_path == REGION_DRAWINGS["side-of-hip"].path
    )
