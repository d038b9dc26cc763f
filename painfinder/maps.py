"""Referred-pain maps drawn from data, as SVG (through templates) and as PNG (with Pillow).

A map is built from plain values — which regions a muscle refers pain to (primary zone or
spillover), the zones' shapes drawn over the outline like the references' charts, and where its
trigger points lie — so the same function serves the muscle and article pages, the pain finder,
the article figure and the Open Graph image, and nothing is drawn by hand per muscle. A muscle
whose zones are not drawn yet is shown with the whole regions it refers pain to instead.
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
class ZoneShape:
    """A referred-pain zone drawn as a shape on one view (path data in outline coordinates)."""

    kind: str
    view: str
    path: str


@dataclass(frozen=True)
class MapView:
    name: str
    offset: int
    zones: tuple[Zone, ...]
    marks: tuple[TriggerPointMark, ...]
    shapes: tuple[ZoneShape, ...] = ()


@dataclass(frozen=True)
class ReferredPainMap:
    """What one muscle's map shows: its zones by kind and its trigger points, on both views."""

    muscle_name: str
    muscle_slug: str
    zones: tuple[Zone, ...]
    marks: tuple[TriggerPointMark, ...] = field(default=())
    # Drawn in this order: spillover first, so the primary zone lies on top of it.
    shapes: tuple[ZoneShape, ...] = field(default=())

    @property
    def views(self) -> tuple[MapView, ...]:
        # With shapes on any view, regions are drawn on none: a half-drawn muscle must not
        # mix the chart on one view with blocks on the other.
        return tuple(
            MapView(
                name=view,
                offset=index * (VIEW_WIDTH + VIEW_GAP),
                zones=() if self.shapes else tuple(z for z in self.zones if z.region.view == view),
                marks=tuple(mark for mark in self.marks if mark.view == view),
                shapes=tuple(shape for shape in self.shapes if shape.view == view),
            )
            for index, view in enumerate(VIEWS)
        )

    def has_kind(self, kind: str) -> bool:
        return any(z.kind == kind for z in self.zones) or any(s.kind == kind for s in self.shapes)

    @property
    def has_primary(self) -> bool:
        return self.has_kind(PRIMARY)

    @property
    def has_spillover(self) -> bool:
        return self.has_kind(SPILLOVER)

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
        if not self.zones and not self.shapes:
            parts.append("No referred-pain zones recorded yet.")
        return " ".join(parts)

    @property
    def key(self) -> str:
        """How to read the drawing, in words: what each style of mark stands for."""
        parts = []
        if self.has_primary:
            parts.append("Solid areas: the primary zone, where the pain is usually felt.")
        if self.has_spillover:
            parts.append("Hatched areas: the spillover zone, where it sometimes extends.")
        if self.marks:
            parts.append("Circled crosses: the trigger points.")
        return " ".join(parts)

    def fingerprint(self) -> str:
        """Changes whenever anything drawn on the map changes (used as a cache key)."""
        digest = hashlib.sha256(
            repr((self.muscle_name, self.zones, self.marks, self.shapes)).encode()
        )
        return digest.hexdigest()[:20]


def build_map(
    *,
    muscle_name: str,
    muscle_slug: str,
    zones: Iterable[tuple[RegionShape, str]],
    marks: Iterable[TriggerPointMark] = (),
    shapes: Iterable[ZoneShape] = (),
) -> ReferredPainMap:
    """Assemble a map: primary zones first, then spillover, each group in the order given.

    A region listed under both kinds is drawn as primary only (the stronger statement). Zone
    shapes, when given, are drawn instead of the regions (spillover under primary); the regions
    still name the zones in words.
    """
    shapes = tuple(shapes)
    for shape in shapes:
        if shape.kind not in KIND_ORDER:
            raise ValueError(f"Unknown referred-pain kind: {shape.kind!r}")
    drawing_order = sorted(shapes, key=lambda shape: -KIND_ORDER.index(shape.kind))
    by_slug: dict[str, Zone] = {}
    for region, kind in zones:
        if kind not in KIND_ORDER:
            raise ValueError(f"Unknown referred-pain kind: {kind!r}")
        known = by_slug.get(region.slug)
        if known is None or (known.kind == SPILLOVER and kind == PRIMARY):
            by_slug[region.slug] = Zone(region=region, kind=kind)
    ordered = sorted(by_slug.values(), key=lambda zone: KIND_ORDER.index(zone.kind))
    return ReferredPainMap(
        muscle_name=muscle_name,
        muscle_slug=muscle_slug,
        zones=tuple(ordered),
        marks=tuple(marks),
        shapes=tuple(drawing_order),
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


def _areas(view: MapView) -> list[tuple[str, str]]:
    """(kind, path data) of what is painted on a view: the zone shapes, else the regions."""
    if view.shapes:
        return [(shape.kind, shape.path) for shape in view.shapes]
    return [(zone.kind, zone.region.path) for zone in view.zones if zone.region.path]


def _draw_view(
    image: Image.Image, view: MapView, *, scale: float, origin: Point, hatch: Image.Image
) -> None:
    draw = ImageDraw.Draw(image)
    body = [
        _scaled(polygon, scale, origin)
        for path in silhouette_paths()
        for polygon in path_polygons(path)
    ]
    edge = max(1, round(scale))
    for polygon in body:
        draw.polygon(polygon, fill=_COLOURS["body"], outline=_COLOURS["body_edge"], width=edge)
    # Shapes are clipped to the figure, as the SVG clips them, so a zone drawn up to the edge of
    # the body never spills onto the background.
    on_body = _region_mask(image.size, body) if view.shapes else None
    for kind, path in _areas(view):
        polygons = [_scaled(p, scale, origin) for p in path_polygons(path)]
        mask = _region_mask(image.size, polygons)
        if on_body is not None:
            mask = ImageChops.multiply(mask, on_body)
        if kind == PRIMARY:
            image.paste(_COLOURS["primary"], mask=mask)
        else:
            image.paste(_COLOURS["spillover_fill"], mask=mask)
            image.paste(_COLOURS["spillover_hatch"], mask=ImageChops.multiply(mask, hatch))
    draw = ImageDraw.Draw(image)
    for polygon in body:
        draw.polygon(polygon, outline=_COLOURS["body_edge"], width=edge)
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


def _legend_rows(pain_map: ReferredPainMap) -> list[tuple[str, str, str]]:
    """(kind, label, what it covers) for each line of a picture's legend, in words."""
    rows = [
        (kind, label, ", ".join(region.name for region in regions))
        for kind, label, present, regions in (
            (PRIMARY, "Primary zone (solid)", pain_map.has_primary, pain_map.primary_regions),
            (
                SPILLOVER,
                "Spillover zone (hatched)",
                pain_map.has_spillover,
                pain_map.spillover_regions,
            ),
        )
        if present
    ]
    if pain_map.marks:
        rows.append(("mark", "Trigger point", "where to look for the tender spot"))
    return rows


def _draw_swatch(
    image: Image.Image,
    kind: str,
    corner: Point,
    swatch: int,
    hatch: Image.Image,
    factor: float,
) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    draw = ImageDraw.Draw(image)
    box = (corner[0], corner[1], corner[0] + swatch, corner[1] + swatch)
    if kind == PRIMARY:
        draw.rectangle(box, fill=_COLOURS["primary"])
    elif kind == SPILLOVER:
        draw.rectangle(box, fill=_COLOURS["spillover_fill"])
        box_mask = _region_mask(
            image.size, [[(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]]
        )
        image.paste(_COLOURS["spillover_hatch"], mask=ImageChops.multiply(box_mask, hatch))
        draw = ImageDraw.Draw(image)
    else:
        _draw_mark(draw, box[0] + swatch / 2, box[1] + swatch / 2, swatch / 2, factor)
    return image, draw


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
    legend = _legend_rows(pain_map)
    y = legend_top
    for kind, label, names in legend:
        image, draw = _draw_swatch(image, kind, (left, y), swatch, hatch, factor)
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


CHART_WIDTH = 960
_CHART_SCALE = 2
_CHART_MARGIN = 60


def render_chart_png(pain_map: ReferredPainMap) -> bytes:
    """The map as an article figure: both views side by side, the legend in words below."""
    scale = _CHART_SCALE
    legend = _legend_rows(pain_map)
    names_lines = [textwrap.wrap(names, width=58) or [""] for _, _, names in legend]
    views_bottom = 20 + VIEW_HEIGHT * scale
    legend_top = views_bottom + 70
    height = legend_top + sum(40 + 30 * len(lines) for lines in names_lines) + 30
    image = Image.new("RGB", (CHART_WIDTH, height), _COLOURS["background"])
    hatch = _hatch_mask(image.size, spacing=5 * scale, width=max(2, round(1.6 * scale)))
    left = (CHART_WIDTH - MAP_WIDTH * scale) / 2
    for view in pain_map.views:
        origin = (left + view.offset * scale, 20)
        _draw_view(image, view, scale=scale, origin=origin, hatch=hatch)
        draw = ImageDraw.Draw(image)
        draw.text(
            (origin[0] + VIEW_WIDTH / 2 * scale, views_bottom + 12),
            view.name.capitalize(),
            font=_font(28),
            fill=_COLOURS["ink"],
            anchor="mt",
        )
    y = legend_top
    swatch = 30
    for (kind, label, _), lines in zip(legend, names_lines, strict=True):
        image, draw = _draw_swatch(image, kind, (_CHART_MARGIN, y), swatch, hatch, 1)
        text_left = _CHART_MARGIN + swatch + 16
        draw.text((text_left, y), label, font=_font(26), fill=_COLOURS["ink"])
        for line in lines:
            y += 30
            draw.text((text_left, y + 4), line, font=_font(22), fill=_COLOURS["muted"])
        y += 40
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
