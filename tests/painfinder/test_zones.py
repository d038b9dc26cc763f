"""Referred-pain zones as shapes: stored, validated, drawn on every map, loaded by the demo."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.test.factories import UserFactory
from PIL import Image

from articles.demo import ALL_MUSCLES, load_library_demo
from articles.models import Article, Figure, Muscle
from painfinder.demo import ensure_pain_finder_demo, zone_rows
from painfinder.maps import (
    CHART_WIDTH,
    KIND_ORDER,
    OG_SIZE,
    RegionShape,
    TriggerPointMark,
    ZoneShape,
    build_map,
    render_chart_png,
    render_png,
)
from painfinder.models import ReferredPainZone, validate_zone_path
from painfinder.outline import VIEW_HEIGHT, VIEW_WIDTH, VIEWS, paired_path
from painfinder.shapes import REGION_DRAWINGS
from shop.backoffice.roles import ensure_staff_roles

from .factories import (
    BUTTOCK_ZONE,
    ArticleFactory,
    ReferredPainZoneFactory,
    TriggerPointMarkerFactory,
    make_muscle,
)

THIGH_ZONE = paired_path([(108, 262), (136, 262), (138, 300), (126, 318), (106, 310)])
ACCENT = (184, 67, 15)
BODY = (228, 232, 238)


def _draw_medius(library) -> Muscle:
    medius = library["gluteus-medius"]
    ReferredPainZoneFactory(muscle=medius, kind="primary", svg_path=BUTTOCK_ZONE)
    ReferredPainZoneFactory(muscle=medius, kind="spillover", svg_path=THIGH_ZONE)
    return medius


def _card(html: str, slug: str) -> str:
    return html.split(f'id="match-{slug}"')[1].split("</article>")[0]


# Pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_muscle_with_zones_is_drawn_with_its_shapes_not_its_regions(client, library, regions):
    _draw_medius(library)

    for url in ("/articles/gluteus-medius/", "/muscles/gluteus-medius/"):
        html = client.get(url).content.decode()
        assert f'data-kind="primary" d="{BUTTOCK_ZONE}"' in html, url
        assert re.search(
            rf'data-kind="spillover" d="{re.escape(THIGH_ZONE)}" fill="url\(#[-\w]+-hatch\)"',
            html,
        ), url
        assert "data-region=" not in html, url  # no whole-region block
        assert regions["low-back"].svg_path not in html, url
        # The legend still names the regions in words.
        assert (
            "Primary zone</strong> (solid):\n        Low back, Sacrum and tailbone, Buttock" in html
        )

    card = _card(client.get("/pain-finder/buttock/").content.decode(), "gluteus-medius")
    assert f'd="{BUTTOCK_ZONE}"' in card and "data-region=" not in card


@pytest.mark.django_db
def test_a_muscle_without_zones_keeps_its_region_blocks(client, library, regions):
    _draw_medius(library)

    html = client.get("/muscles/piriformis/").content.decode()
    card = _card(client.get("/pain-finder/buttock/").content.decode(), "piriformis")

    for drawing in (html, card):
        assert 'data-region="buttock" data-kind="primary"' in drawing
        assert f'd="{regions["buttock"].svg_path}"' in drawing
        assert "pain-zone--shape" not in drawing and "clip-path" not in drawing


@pytest.mark.django_db
def test_the_map_image_follows_the_zone_shapes(client, library):
    medius = _draw_medius(library)
    url = "/pain-finder/maps/gluteus-medius.png"
    before = client.get(url)

    medius.referred_pain_zones.filter(kind="spillover").delete()
    after = client.get(url)

    assert before["ETag"] != after["ETag"] and before.content != after.content


# The SVG and its legend --------------------------------------------------------------------

REGION = RegionShape("buttock", "Buttock", "back", REGION_DRAWINGS["buttock"].path)


def _map(**overrides):
    fields = {
        "muscle_name": "Gluteus medius",
        "muscle_slug": "gluteus-medius",
        "zones": [(REGION, "primary")],
        "marks": [TriggerPointMark(view="back", x=130, y=219)],
        "shapes": [
            ZoneShape(kind="primary", view="back", path=BUTTOCK_ZONE),
            ZoneShape(kind="spillover", view="back", path=THIGH_ZONE),
        ],
    }
    return build_map(**{**fields, **overrides})


def _render(pain_map) -> str:
    return Template("{% load painfinder %}{% referred_pain_map pain_map %}").render(
        Context({"pain_map": pain_map})
    )


def test_the_svg_is_an_image_with_a_title_a_description_and_a_legend_in_words():
    html = _render(_map())

    title_id, desc_id = re.search(
        r'role="img" aria-labelledby="([-\w]+)" aria-describedby="([-\w]+)"', html
    ).groups()
    assert f'<title id="{title_id}">Where gluteus medius trigger points refer pain.' in html
    assert (
        f'<desc id="{desc_id}">Solid areas: the primary zone, where the pain is usually felt. '
        "Hatched areas: the spillover zone, where it sometimes extends. Circled crosses: the "
        "trigger points.</desc>"
    ) in html
    # Text, not colour only: each style is named next to its swatch.
    assert "<strong>Primary zone</strong> (solid):\n        Buttock" in html
    assert "<strong>Spillover zone</strong> (hatched)</li>" in html  # drawn, no region named
    assert "<strong>Trigger point</strong> (circled cross)" in html
    assert html.count('class="trigger-point"') == 1


def test_shapes_are_clipped_to_the_body_with_spillover_under_primary():
    html = _render(_map())

    clip_id = re.search(r'<clipPath id="([-\w]+-body)">', html).group(1)
    assert html.count(f'clip-path="url(#{clip_id})"') == 1  # the back view's zones
    kinds = re.findall(r'class="pain-zone pain-zone--(\w+) pain-zone--shape"', html)
    assert kinds == ["spillover", "primary"]
    ids = re.findall(r' id="([^"]+)"', html + _render(_map()))
    assert len(ids) == len(set(ids))


def test_with_shapes_on_one_view_no_region_is_drawn_on_either():
    front, back = _map(zones=[(REGION, "primary")]).views

    assert front.zones == () and back.zones == ()
    assert [s.kind for s in back.shapes] == ["spillover", "primary"] and front.shapes == ()
    assert [r.slug for r in _map().primary_regions] == ["buttock"]


def test_an_unknown_shape_kind_is_an_error():
    with pytest.raises(ValueError, match="Unknown referred-pain kind"):
        _map(shapes=[ZoneShape(kind="often", view="back", path=BUTTOCK_ZONE)])


def test_the_fingerprint_changes_with_the_shapes():
    assert _map().fingerprint() != _map(shapes=_map().shapes[:1]).fingerprint()


# The pictures --------------------------------------------------------------------------------


def _og_pixel(image, view_index: int, point):
    scale = (OG_SIZE[1] - 40) / VIEW_HEIGHT
    x = 40 + (view_index * (VIEW_WIDTH + 20) + point[0]) * scale
    return image.getpixel((round(x), round(20 + point[1] * scale)))


def test_png_paints_the_shapes_not_the_regions_and_nothing_off_the_body():
    off_the_edge = ZoneShape(kind="primary", view="back", path="M140,160 L190,160 L190,180 Z")
    low_back = RegionShape("low-back", "Low back", "back", REGION_DRAWINGS["low-back"].path)
    pain_map = _map(
        zones=[(low_back, "primary")],
        marks=[],
        shapes=[ZoneShape(kind="primary", view="back", path=BUTTOCK_ZONE), off_the_edge],
    )

    image = Image.open(io.BytesIO(render_png(pain_map))).convert("RGB")

    inside = _og_pixel(image, 1, (125, 238))
    assert inside[0] > 150 and inside[2] < 60  # the zone shape, solid
    assert _og_pixel(image, 1, (100, 195)) == BODY  # the low back region is not painted
    assert _og_pixel(image, 1, (185, 165)) == (255, 255, 255)  # clipped to the figure
    assert _og_pixel(image, 0, (125, 238)) == BODY  # the front view has no zone


def test_the_article_chart_draws_both_views_and_a_legend():
    image = Image.open(io.BytesIO(render_chart_png(_map(marks=[])))).convert("RGB")

    assert image.width == CHART_WIDTH and image.height > 2 * VIEW_HEIGHT
    left = (CHART_WIDTH - (2 * VIEW_WIDTH + 20) * 2) / 2
    x, y = left + (VIEW_WIDTH + 20 + 125) * 2, 20 + 238 * 2
    assert image.getpixel((round(x), y)) == ACCENT
    assert image.getpixel((round(left + 125 * 2), y)) == BODY  # front view untouched


# Validation ----------------------------------------------------------------------------------

BAD_PATHS = [
    ("M120,230 L130", "This is not valid SVG path data."),
    ("M120,230 L130,230 Z", "The path draws no area"),
    ("M190,10 L260,10 L255,20 Z", "Shape 1 leaves the view"),
    (f"{BUTTOCK_ZONE} M170,300 L180,300 L175,310 Z", "Shape 3 is centred at (175, 303)"),
]


@pytest.mark.parametrize(("path", "message"), BAD_PATHS)
def test_a_zone_path_that_is_malformed_or_off_the_body_is_refused(path, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        validate_zone_path(path)


def test_every_zone_the_project_can_draw_is_accepted():
    validate_zone_path(BUTTOCK_ZONE)
    validate_zone_path(THIGH_ZONE)


@pytest.fixture
def editor(client):
    ensure_staff_roles()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return user


def _shape_form(path: str, kind: str = "primary", view: str = "back") -> dict:
    return {
        "zones-TOTAL_FORMS": "0",
        "zones-INITIAL_FORMS": "0",
        "markers-TOTAL_FORMS": "0",
        "markers-INITIAL_FORMS": "0",
        "shapes-TOTAL_FORMS": "1",
        "shapes-INITIAL_FORMS": "0",
        "shapes-0-kind": kind,
        "shapes-0-view": view,
        "shapes-0-svg_path": path,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "message"), BAD_PATHS)
def test_the_dashboard_refuses_a_bad_zone_with_a_message(client, editor, library, path, message):
    muscle = library["piriformis"]
    url = reverse("painfinder_dashboard:muscle-update", args=[muscle.pk])

    response = client.post(url, _shape_form(path))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReferredPainZone.objects.filter(muscle=muscle).exists()
    assert muscle.referred_pain.count() == 3  # untouched


@pytest.mark.django_db
def test_the_dashboard_refuses_an_unknown_kind_or_view(client, editor, library):
    url = reverse("painfinder_dashboard:muscle-update", args=[library["piriformis"].pk])

    response = client.post(url, _shape_form(BUTTOCK_ZONE, kind="often", view="side"))

    assert response.status_code == 400
    assert response.content.decode().count("Select a valid choice") == 2
    assert not ReferredPainZone.objects.exists()


@pytest.mark.django_db
def test_an_editor_draws_a_zone_and_every_map_shows_it(client, editor, library):
    muscle = library["piriformis"]
    url = reverse("painfinder_dashboard:muscle-update", args=[muscle.pk])
    assert "Zone shapes" in client.get(url).content.decode()

    response = client.post(url, _shape_form(f"  {BUTTOCK_ZONE}\n", kind="spillover"))

    assert response.status_code == 302
    zone = ReferredPainZone.objects.get(muscle=muscle)
    assert (zone.kind, zone.view) == ("spillover", "back")
    html = client.get("/muscles/piriformis/").content.decode()
    assert f'data-kind="spillover" d="{zone.svg_path}"' in html
    listing = client.get(reverse("painfinder_dashboard:muscle-list")).content.decode()
    assert "None: drawn as whole regions" in listing  # the four muscles not drawn yet


# Ranking -------------------------------------------------------------------------------------


def _muscle_order(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r'<h2 id="match-([-a-z0-9]+)"', response.content.decode())


@pytest.fixture
def ranked(regions):
    for slug, primary, spillover in (
        ("golf", ["calf"], []),
        ("foxtrot", [], ["low-back"]),
        ("delta", ["low-back"], ["buttock"]),
        ("charlie", ["low-back", "buttock"], []),
        ("bravo", [], ["low-back", "buttock", "calf"]),
        ("alpha", ["low-back"], []),
    ):
        make_muscle(
            regions, name=slug.capitalize(), slug=slug, primary=primary, spillover=spillover
        )


@pytest.mark.django_db
def test_one_place_ranks_primary_zones_first_then_by_name(client, ranked):
    assert _muscle_order(client.get("/pain-finder/low-back/")) == [
        "alpha",
        "charlie",
        "delta",
        "bravo",
        "foxtrot",
    ]


@pytest.mark.django_db
def test_several_places_rank_by_how_many_are_covered_then_primary_then_name(client, ranked):
    assert _muscle_order(client.get("/pain-finder/low-back+buttock+calf/")) == [
        "bravo",  # all three, as spillover
        "charlie",  # two, both primary
        "delta",  # two, one primary
        "alpha",  # one primary; tied with golf, first by name
        "golf",
        "foxtrot",  # one, spillover only
    ]
    assert _muscle_order(client.get("/pain-finder/buttock+calf/")) == [
        "bravo",
        "charlie",
        "golf",
        "delta",
    ]


@pytest.mark.django_db
def test_ticked_checkboxes_choose_several_places_without_javascript(client, ranked):
    response = client.get("/pain-finder/", {"region": ["calf", "low-back", "buttock"]})
    assert response.status_code == 302
    assert response["Location"] == "/pain-finder/low-back+buttock+calf/"

    html = client.get(response["Location"]).content.decode()
    # The results page offers the same form again, with the chosen places ticked.
    ticked = re.findall(r'<input type="checkbox" name="region" value="([-a-z]+)" checked>', html)
    assert ticked == ["low-back", "buttock", "calf"]


# Query counts ----------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_counts_stay_flat_with_5_and_20_drawn_muscles(client, editor, regions):
    def add(count: int, start: int) -> None:
        for number in range(start, start + count):
            muscle = make_muscle(
                regions,
                name=f"Muscle {number:03d}",
                slug=f"muscle-{number:03d}",
                primary=["buttock"],
                spillover=["low-back"],
            )
            ReferredPainZoneFactory(muscle=muscle, kind="primary", svg_path=BUTTOCK_ZONE)
            ReferredPainZoneFactory(muscle=muscle, kind="spillover", svg_path=THIGH_ZONE)
            TriggerPointMarkerFactory(muscle=muscle)
            ArticleFactory(slug=f"article-{number:03d}", muscle=muscle)

    urls = ["/pain-finder/low-back+buttock/", reverse("painfinder_dashboard:muscle-list")]
    add(5, 0)
    for url in urls:  # the first request also fills caches (site, session)
        client.get(url)
    few = [_queries(client, url) for url in urls]
    add(15, 5)
    many = [_queries(client, url) for url in urls]

    assert few == many
    html = client.get(urls[0]).content.decode()
    assert html.count('class="muscle-match"') == 20
    assert html.count(f'd="{BUTTOCK_ZONE}"') == 20


# Demo data -----------------------------------------------------------------------------------


def test_every_demo_muscle_with_referred_pain_has_zone_shapes_of_its_kinds():
    for record in ALL_MUSCLES:
        kinds = {kind for kind, slugs in record["pain"].items() if slugs}
        if not kinds:
            continue
        rows = zone_rows(record)  # validates each path: in the view, on the body
        assert rows, f"{record['slug']} has referred pain but no pain_zones"
        # Every kind the finder answers from is drawn; a drawing may also show spillover the
        # finder has no region for (the temple of the trapezius, say).
        assert kinds <= {kind for kind, _, _ in rows}, record["slug"]
        assert {view for _, view, _ in rows} <= set(VIEWS), record["slug"]
        assert {kind for kind, _, _ in rows} <= set(KIND_ORDER), record["slug"]


@pytest.mark.django_db
def test_the_demo_draws_every_muscles_zones_and_figure_once():
    load_library_demo()
    ensure_pain_finder_demo()
    zones = sorted(ReferredPainZone.objects.values_list("pk", "muscle__slug", "kind", "view"))
    figures = dict(Figure.objects.values_list("key", "image"))

    ensure_pain_finder_demo()  # idempotent: nothing is redrawn

    assert sorted(ReferredPainZone.objects.values_list("pk", "muscle__slug", "kind", "view")) == (
        zones
    )
    assert dict(Figure.objects.values_list("key", "image")) == figures
    for muscle in Muscle.objects.filter(referred_pain__isnull=False).distinct():
        assert muscle.referred_pain_zones.exists(), muscle.slug
    # The article's figure is the map drawn from the zones, with its renditions.
    figure = Figure.objects.get(key="gluteus-medius-pattern")
    assert "gluteus-medius-pattern-" in figure.image.name and figure.renditions
    assert "(solid)" in figure.caption and "hatched" in figure.caption
    article = Article.objects.get(slug="gluteus-medius")
    assert figure.image.url in article.body_html


@pytest.mark.django_db
def test_the_demo_redraws_a_zone_edited_away_from_its_record():
    load_library_demo()
    ensure_pain_finder_demo()
    medius = Muscle.objects.get(slug="gluteus-medius")
    medius.referred_pain_zones.update(svg_path=BUTTOCK_ZONE)

    ensure_pain_finder_demo()

    record = next(r for r in ALL_MUSCLES if r["slug"] == "gluteus-medius")
    assert list(medius.referred_pain_zones.values_list("kind", "view", "svg_path")) == (
        zone_rows(record)
    )
