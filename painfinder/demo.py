"""Demo data of the pain finder: region shapes, zone shapes, trigger points, article figures.

Runs after the library's demo step (``articles.demo``), which creates the regions and muscles.
It redraws the regions it knows (as the library's step resets their other data), draws each demo
muscle's referred-pain zones from the "pain_zones" of its record, marks trigger points only on
muscles that have none yet, and redraws the referred-pain figure of each article from the map, so
running it twice leaves the same rows and files.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from articles import demo_muscles
from articles.demo import ALL_MUSCLES
from articles.models import BodyRegion, Figure, Muscle
from articles.services import refresh_figure_renditions

from . import selectors
from .maps import render_chart_png
from .models import ReferredPainZone, TriggerPointMarker, validate_zone_path
from .outline import mirror, paired_path
from .shapes import REGION_DRAWINGS

# Right-side trigger points, in outline coordinates; the demo marks both sides.
TRIGGER_POINTS: dict[str, tuple[tuple[str, float, float, str], ...]] = {
    "gluteus-medius": (("back", 130, 219, "just below the iliac crest"),),
    "gluteus-minimus": (("back", 134, 238, "deep in the upper outer buttock"),),
    "quadratus-lumborum": (("back", 124, 196, "between the lowest rib and the pelvis"),),
    "piriformis": (("back", 119, 246, "midway from the sacrum to the hip"),),
    "iliopsoas": (("front", 121, 222, "inside the front of the pelvis"),),
}
TRIGGER_POINTS |= {muscle["slug"]: muscle["markers"] for muscle in demo_muscles.MUSCLES}


def ensure_region_drawings() -> int:
    """Give the library's regions the shapes drawn for this outline; return how many exist."""
    updated = 0
    for slug, drawing in REGION_DRAWINGS.items():
        updated += BodyRegion.objects.filter(slug=slug).update(
            view=drawing.view, svg_path=drawing.path
        )
    return updated


def ensure_trigger_point_markers() -> int:
    """Mark the demo muscles' trigger points (both sides) where none are marked yet."""
    created = 0
    muscles = Muscle.objects.filter(slug__in=TRIGGER_POINTS).exclude(
        trigger_point_markers__isnull=False
    )
    for muscle in muscles:
        for view, x, y, label in TRIGGER_POINTS[muscle.slug]:
            ((left_x, _),) = mirror([(x, y)])
            for marker_x in (x, left_x):
                TriggerPointMarker.objects.create(
                    muscle=muscle, view=view, x=marker_x, y=y, label=label
                )
                created += 1
    return created


def zone_rows(record: dict) -> list[tuple[str, str, str]]:
    """(kind, view, path) of a demo record's zones: each right-side outline smoothed, mirrored."""
    rows = []
    for kind, view, points in record.get("pain_zones", ()):
        path = paired_path(points)
        validate_zone_path(path)
        rows.append((kind, view, path))
    return rows


def ensure_referred_pain_zones() -> int:
    """Give each demo muscle the zones of its record; return how many muscles were redrawn."""
    redrawn = 0
    muscles = Muscle.objects.in_bulk([record["slug"] for record in ALL_MUSCLES], field_name="slug")
    for record in ALL_MUSCLES:
        muscle = muscles.get(record["slug"])
        wanted = zone_rows(record)
        if muscle is None or not wanted:
            continue
        current = list(
            muscle.referred_pain_zones.order_by("pk").values_list("kind", "view", "svg_path")
        )
        if current != wanted:
            muscle.referred_pain_zones.all().delete()
            ReferredPainZone.objects.bulk_create(
                ReferredPainZone(muscle=muscle, kind=kind, view=view, svg_path=path)
                for kind, view, path in wanted
            )
            redrawn += 1
    return redrawn


def ensure_referred_pain_figures() -> int:
    """Redraw each drawn muscle's "<slug>-pattern" figure from its map; return how many changed.

    The file is named after the map's fingerprint, so an unchanged map is not drawn again; the
    articles that place the figure are re-rendered with its new renditions.
    """
    redrawn = 0
    figures = Figure.objects.in_bulk(
        [f"{record['slug']}-pattern" for record in ALL_MUSCLES], field_name="key"
    )
    for muscle in selectors.muscles_with_maps().filter(slug__in=[r["slug"] for r in ALL_MUSCLES]):
        figure = figures.get(f"{muscle.slug}-pattern")
        pain_map = selectors.map_for_muscle(muscle)
        if figure is None or not pain_map.shapes:
            continue
        stem = f"{muscle.slug}-pattern-{pain_map.fingerprint()[:12]}"
        if figure.image.name.rsplit("/", 1)[-1].startswith(stem):
            continue
        for rendition in figure.renditions:
            default_storage.delete(rendition["name"])
        figure.image.delete(save=False)
        png = render_chart_png(pain_map)
        figure.image.save(f"{stem}.png", ContentFile(png), save=False)
        figure.width, figure.height = figure.image.width, figure.image.height
        name = muscle.name.lower()
        figure.caption = (
            f"Where {name} trigger points send pain: the primary zone (solid) and the "
            "spillover zone (hatched); circled crosses mark the trigger points."
        )
        figure.alt_text = (
            f"Front and back outlines of a body with the {name} referred-pain zones drawn "
            "over them. " + pain_map.description.split(". ", 1)[-1]
        )[:300]
        figure.save()
        refresh_figure_renditions(figure=figure)
        redrawn += 1
    return redrawn


def ensure_pain_finder_demo() -> None:
    """The pain finder's demo step; call it after the library's."""
    ensure_region_drawings()
    ensure_referred_pain_zones()
    ensure_trigger_point_markers()
    ensure_referred_pain_figures()
