"""Referred-pain maps drawn from data, as SVG (through templates) and as PNG (with Pillow).

A map is built from plain values — the regions' shapes, which of them a muscle refers pain to
(primary zone or spillover) and where its trigger points lie — so the same function serves
the muscle and article pages, the pain finder and the Open Graph image, and nothing is drawn
by hand per muscle.
"""

import hashlib
import io
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageDraw, ImageFont

from articles.svgpath import Point, path_polygons

from .outline import VIEW_HEIGHT, VIEW_WIDTH, VIEWS, silhouette_paths

PRIMARY = "primary"
SPILLOVER = "spillover"
KIND_ORDER = (PRIMARY, SPILLOVER)

# Horizontal distance between the front and the back view in a two-view drawing.
VIEW_GAP = 20
MAP_WIDTH = 2 * VIEW_WIDTH + VIEW_GAP


@dataclass(frozen=True)
class RegionShape:
    """A body region as the maps need it."""

    slug: str
    name: str
    view: str
    path: str


@dataclass(frozen=True)
class TriggerPointMark:
    """A trigger point location, in the coordinates of one view of the outline."""

    view: str
    x: float
    y: float
    label: str = ""


@dataclass(frozen=True)
class Zone:
    region: RegionShape
    kind: str


@dataclass(frozen=True)
class MapView:
    name: str
    offset: int
    zones: tuple[Zone, ...]
    marks: tuple[TriggerPointMark, ...]


@dataclass(frozen=True)
class ReferredPainMap:
    """What one muscle's map shows: its zones by kind and its trigger points, on both views."""

    muscle_name: str
    muscle_slug: str
    zones: tuple[Zone, ...]
    marks: tuple[TriggerPointMark, ...] = field(default=())

    @property
    def views(self) -> tuple[MapView, ...]:
        return tuple(
            MapView(
                name=view,
                offset=index * (VIEW_WIDTH + VIEW_GAP),
                zones=tuple(zone for zone in self.zones if zone.region.view == view),
                marks=tuple(mark for mark in self.marks if mark.view == view),
            )
            for index, view in enumerate(VIEWS)
        )

    def regions_of_kind(self, kind: str) -> list[RegionShape]:
        return [zone.region for zone in self.zones if zone.kind == kind]

    @property
    def primary_regions(self) -> list[RegionShape]:
        return self.regions_of_kind(PRIMARY)

    @property
    def spillover_regions(self) -> list[RegionShape]:
        return self.regions_of_kind(SPILLOVER)

    @property
    def description(self) -> str:
        """The map in words, for screen readers and the image's alt text."""
        parts = [f"Where {self.muscle_name.lower()} trigger points refer pain."]
        for label, regions in (
            ("Primary zone", self.primary_regions),
            ("Spillover zone", self.spillover_regions),
        ):
            if regions:
                parts.append(f"{label}: {', '.join(r.name for r in regions)}.")
        if not self.zones:
            parts.append("No referred-pain zones recorded yet.")
        return " ".join(parts)

    def fingerprint(self) -> str:
        """Changes whenever anything drawn on the map changes (used as a cache key)."""
        digest = hashlib.sha256(repr((self.muscle_name, self.zones, self.marks)).encode())
        return digest.hexdigest()[:20]


def build_map(
    *,
    muscle_name: str,
    muscle_slug: str,
    zones: Iterable[tuple[RegionShape, str]],
    marks: Iterable[TriggerPointMark] = (),
) -> ReferredPainMap:
    """Assemble a map: primary zones first, then spillover, each group in the order given.

    A region listed under both kinds is drawn as primary only (the stronger statement).
    """
    by_slug: dict[str, Zone] = {}
    for region, kind in zones:
        if kind not in KIND_ORDER:
            raise ValueError(f"Unknown referred-pain kind: {kind!r}")
        known = by_slug.get(region.slug)
        if known is None or (known.kind == SPILLOVER and kind == PRIMARY):
            by_slug[region.slug] = Zone(region=region, kind=kind)
    ordered = sorted(by_slug.values(), key=lambda zone: KIND_ORDER.index(zone.kind))
    return ReferredPainMap(
        muscle_name=muscle_name, muscle_slug=muscle_slug, zones=tuple(ordered), marks=tuple(marks)
    )


# Pillow rendering -------------------------------------------------------------------------

OG_SIZE = (1200, 630)
_SUPERSAMPLE = 2
_COLOURS: Mapping[str, tuple[int, int, int]] = {
    "background": (255, 255, 255),
    "body": (228, 232, 238),
    "body_edge": (154, 165, 180),
    "primary": (184, 67, 15),
    "spillover_fill": (248, 214, 196),
    "spillover_hatch": (184, 67, 15),
    "mark": (29, 35, 48),
    "ink": (29, 35, 48),
    "muted": (74, 83, 99),
}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _scaled(points: list[Point], scale: float, origin: Point) -> list[Point]:
    return [(origin[0] + x * scale, origin[1] + y * scale) for x, y in points]


def _region_mask(size: tuple[int, int], polygons: list[list[Point]]) -> Image.Image:
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    for polygon in polygons:
        draw.polygon(polygon, fill=255)
    return mask


def _hatch_mask(size: tuple[int, int], spacing: int, width: int) -> Image.Image:
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    for offset in range(-size[1], size[0], spacing):
        draw.line([(offset, size[1]), (offset + size[1], 0)], fill=255, width=width)
    return mask


def _draw_view(
    image: Image.Image, view: MapView, *, scale: float, origin: Point, hatch: Image.Image
) -> None:
    draw = ImageDraw.Draw(image)
    for path in silhouette_paths():
        for polygon in path_polygons(path):
            draw.polygon(
                _scaled(polygon, scale, origin),
                fill=_COLOURS["body"],
                outline=_COLOURS["body_edge"],
                width=max(1, round(scale)),
            )
    for zone in view.zones:
        if not zone.region.path:
            continue
        polygons = [_scaled(p, scale, origin) for p in path_polygons(zone.region.path)]
        mask = _region_mask(image.size, polygons)
        if zone.kind == PRIMARY:
            image.paste(_COLOURS["primary"], mask=mask)
        else:
            image.paste(_COLOURS["spillover_fill"], mask=mask)
            image.paste(_COLOURS["spillover_hatch"], mask=ImageChops.multiply(mask, hatch))
    draw = ImageDraw.Draw(image)
    for mark in view.marks:
        _draw_mark(draw, origin[0] + mark.x * scale, origin[1] + mark.y * scale, 6 * scale, scale)


def _draw_mark(draw: ImageDraw.ImageDraw, x: float, y: float, radius: float, scale: float) -> None:
    """A trigger point: a circled cross."""
    width = max(2, round(scale * 1.5))
    draw.ellipse(
        (x - radius, y - radius, x + radius, y + radius),
        fill=_COLOURS["background"],
        outline=_COLOURS["mark"],
        width=width,
    )
    arm = radius * 0.55
    for (x0, y0), (x1, y1) in (((-arm, -arm), (arm, arm)), ((arm, -arm), (-arm, arm))):
        draw.line((x + x0, y + y0, x + x1, y + y1), fill=_COLOURS["mark"], width=width)


def render_png(pain_map: ReferredPainMap, *, site_name: str = "QL Claw") -> bytes:
    """The map as a 1200x630 PNG for Open Graph: both views, the muscle's name and a legend."""
    factor = _SUPERSAMPLE
    size = (OG_SIZE[0] * factor, OG_SIZE[1] * factor)
    image = Image.new("RGB", size, _COLOURS["background"])
    scale = (OG_SIZE[1] - 40) / VIEW_HEIGHT * factor
    hatch = _hatch_mask(size, spacing=round(5 * scale), width=max(2, round(1.6 * scale)))
    for view in pain_map.views:
        origin = (40 * factor + view.offset * scale, 20 * factor)
        _draw_view(image, view, scale=scale, origin=origin, hatch=hatch)

    draw = ImageDraw.Draw(image)
    left = round((40 + MAP_WIDTH * scale / factor + 40) * factor)
    top = 70 * factor
    draw.text((left, top), "Referred pain", font=_font(30 * factor), fill=_COLOURS["muted"])
    # The muscle's name in the largest size that fits beside the drawing.
    available = size[0] - left - 30 * factor
    name_size = 54
    while (
        name_size > 24
        and draw.textlength(pain_map.muscle_name, font=_font(name_size * factor)) > available
    ):
        name_size -= 4
    draw.text(
        (left, top + 44 * factor),
        pain_map.muscle_name,
        font=_font(name_size * factor),
        fill=_COLOURS["ink"],
    )
    legend_top = top + 150 * factor
    swatch = 34 * factor
    legend = [
        (kind, label, ", ".join(region.name for region in regions))
        for kind, label, regions in (
            (PRIMARY, "Primary zone", pain_map.primary_regions),
            (SPILLOVER, "Spillover zone", pain_map.spillover_regions),
        )
        if regions
    ]
    if pain_map.marks:
        legend.append(("mark", "Trigger point", "where to look for the tender spot"))
    y = legend_top
    for kind, label, names in legend:
        box = (left, y, left + swatch, y + swatch)
        if kind == PRIMARY:
            draw.rectangle(box, fill=_COLOURS["primary"])
        elif kind == SPILLOVER:
            draw.rectangle(box, fill=_COLOURS["spillover_fill"])
            box_mask = _region_mask(
                size, [[(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]]
            )
            image.paste(_COLOURS["spillover_hatch"], mask=ImageChops.multiply(box_mask, hatch))
            draw = ImageDraw.Draw(image)
        else:
            _draw_mark(draw, box[0] + swatch / 2, box[1] + swatch / 2, swatch / 2, factor)
        text_left = left + swatch + 16 * factor
        draw.text((text_left, y), label, font=_font(28 * factor), fill=_COLOURS["ink"])
        # Wrapped so that long lists of regions stay inside the image.
        for line in textwrap.wrap(names, width=44):
            y += 30 * factor
            draw.text(
                (text_left, y + 8 * factor), line, font=_font(22 * factor), fill=_COLOURS["muted"]
            )
        y += 70 * factor
    draw.text(
        (left, OG_SIZE[1] * factor - 80 * factor),
        site_name,
        font=_font(30 * factor),
        fill=_COLOURS["ink"],
    )

    output = io.BytesIO()
    image.resize(OG_SIZE, Image.Resampling.LANCZOS).save(output, format="PNG", optimize=True)
    return output.getvalue()
