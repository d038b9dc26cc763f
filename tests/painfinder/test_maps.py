"""Referred-pain maps drawn from plain data, as SVG markup and as a PNG."""

import io
import re

import pytest
from django.template import Context, Template
from PIL import Image

from articles.svgpath import path_polygons, validate_path_data
from painfinder.maps import OG_SIZE, RegionShape, TriggerPointMark, build_map, render_png
from painfinder.outline import VIEW_HEIGHT, VIEW_WIDTH, silhouette_paths
from painfinder.shapes import REGION_DRAWINGS

REGIONS = {
    slug: RegionShape(slug=slug, name=slug.replace("-", " ").capitalize(), view=d.view, path=d.path)
    for slug, d in REGION_DRAWINGS.items()
}


def medius_map(**overrides):
    fields = {
        "muscle_name": "Gluteus medius",
        "muscle_slug": "gluteus-medius",
        "zones": [
            (REGIONS["back-of-thigh"], "spillover"),
            (REGIONS["low-back"], "primary"),
            (REGIONS["buttock"], "primary"),
            (REGIONS["side-of-thigh"], "spillover"),
        ],
        "marks": [TriggerPointMark(view="back", x=130, y=219)],
    }
    return build_map(**{**fields, **overrides})


def test_primary_zones_come_before_spillover_in_the_given_order():
    pain_map = medius_map()

    assert [r.slug for r in pain_map.primary_regions] == ["low-back", "buttock"]
    assert [r.slug for r in pain_map.spillover_regions] == ["back-of-thigh", "side-of-thigh"]
    assert pain_map.description == (
        "Where gluteus medius trigger points refer pain. Primary zone: Low back, Buttock. "
        "Spillover zone: Back of thigh, Side of thigh."
    )


def test_a_region_given_as_both_kinds_is_drawn_once_as_primary():
    pain_map = medius_map(
        zones=[(REGIONS["buttock"], "spillover"), (REGIONS["buttock"], "primary")]
    )

    assert [(z.region.slug, z.kind) for z in pain_map.zones] == [("buttock", "primary")]


def test_an_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="Unknown referred-pain kind"):
        medius_map(zones=[(REGIONS["buttock"], "sometimes")])


def test_zones_are_split_between_the_views_they_are_drawn_on():
    front, back = medius_map().views

    assert [z.region.slug for z in front.zones] == ["side-of-thigh"]
    assert [z.region.slug for z in back.zones] == ["low-back", "buttock", "back-of-thigh"]
    assert len(back.marks) == 1 and not front.marks


def _render(pain_map) -> str:
    return Template("{% load painfinder %}{% referred_pain_map pain_map %}").render(
        Context({"pain_map": pain_map})
    )


def test_svg_map_contains_exactly_the_muscles_regions_with_their_styles():
    html = _render(medius_map())

    zones = re.findall(r'<path class="pain-zone pain-zone--(\w+)" data-region="([-a-z]+)"', html)
    assert sorted(zones) == sorted(
        [
            ("primary", "low-back"),
            ("primary", "buttock"),
            ("spillover", "back-of-thigh"),
            ("spillover", "side-of-thigh"),
        ]
    )
    # Spillover is hatched with the map's own pattern; primary is solid (filled by the stylesheet).
    hatch_id = re.search(r'<pattern id="([-\w]+-hatch)"', html).group(1)
    assert html.count(f'fill="url(#{hatch_id})"') == 2
    assert html.count('class="trigger-point"') == 1
    assert 'transform="translate(130 219)"' in html
    assert html.count('class="body-outline"') == 2 * len(silhouette_paths())


def test_svg_map_is_an_image_with_a_text_alternative():
    html = _render(medius_map())

    title_id = re.search(r'role="img" aria-labelledby="([-\w]+)"', html).group(1)
    assert f'<title id="{title_id}">Where gluteus medius trigger points refer pain.' in html
    assert "Primary zone</strong> (solid):" in html


def test_two_maps_on_one_page_do_not_share_ids():
    html = _render(medius_map()) + _render(medius_map())

    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_region_names_are_escaped_in_the_map():
    hostile = RegionShape("calf", "<script>alert(1)</script>", "back", REGION_DRAWINGS["calf"].path)

    html = _render(medius_map(zones=[(hostile, "primary")]))

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def _pixel(image: Image.Image, view_index: int, point) -> tuple[int, int, int]:
    """The colour at an outline point of a view, in the PNG's layout."""
    scale = (OG_SIZE[1] - 40) / VIEW_HEIGHT
    x = 40 + (view_index * (VIEW_WIDTH + 20) + point[0]) * scale
    y = 20 + point[1] * scale
    return image.getpixel((round(x), round(y)))


def _inside(slug: str):
    """A point well inside a region: the mean of its first subpath's vertices."""
    polygon = path_polygons(REGION_DRAWINGS[slug].path)[0]
    return (
        sum(x for x, _ in polygon) / len(polygon),
        sum(y for _, y in polygon) / len(polygon),
    )


def test_png_map_paints_primary_solid_spillover_hatched_and_nothing_else():
    image = Image.open(io.BytesIO(render_png(medius_map(marks=[])))).convert("RGB")

    assert image.size == OG_SIZE
    primary = _pixel(image, 1, _inside("low-back"))
    assert primary[0] > 150 and primary[2] < 60  # the accent colour, solid
    # Hatching: along a horizontal line across the spillover zone both the stripes and the
    # light background show.
    x0, y0 = _inside("back-of-thigh")
    colours = {_pixel(image, 1, (x0 + dx / 2, y0)) for dx in range(-10, 10)}
    assert any(c[2] < 90 for c in colours) and any(c[2] > 150 for c in colours)
    # A region the muscle does not refer to keeps the body's colour.
    assert _pixel(image, 1, _inside("calf")) == (228, 232, 238)
    assert _pixel(image, 0, _inside("knee")) == (228, 232, 238)


def test_every_project_region_drawing_is_valid_and_lies_on_the_figure():
    for slug, drawing in REGION_DRAWINGS.items():
        validate_path_data(drawing.path)
        for polygon in path_polygons(drawing.path):
            for x, y in polygon:
                assert 0 <= x <= VIEW_WIDTH and 0 <= y <= VIEW_HEIGHT, slug


def test_the_project_draws_every_region_the_issue_names():
    required = {
        "neck", "upper-back", "mid-back", "low-back", "sacrum-tailbone", "buttock",
        "side-of-hip", "groin", "front-of-thigh", "side-of-thigh", "back-of-thigh", "knee", "calf",
    }  # fmt: skip
    assert required <= set(REGION_DRAWINGS)
    # Paired regions are drawn on both sides of the body: two subpaths, mirror images.
    for slug in ("buttock", "groin", "calf", "knee"):
        left, right = path_polygons(REGION_DRAWINGS[slug].path)
        assert min(x for x, _ in left) >= 100 >= max(x for x, _ in right)


def test_a_region_not_drawn_yet_is_named_in_the_legend_but_not_drawn():
    undrawn = RegionShape("elbow", "Elbow", "front", "")

    html = _render(medius_map(zones=[(undrawn, "primary"), (REGIONS["calf"], "spillover")]))
    png = render_png(medius_map(zones=[(undrawn, "primary")]))

    assert "Primary zone</strong> (solid):\n        Elbow" in html
    assert 'data-region="elbow"' not in html
    assert 'data-region="calf"' in html
    assert png.startswith(b"\x89PNG")
