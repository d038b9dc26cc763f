"""Demo data of the pain finder: region shapes that fit its outline, and trigger-point markers.

Runs after the library's demo step (``articles.demo``), which creates the regions and muscles.
It redraws the regions it knows (as the library's step resets their other data) and marks
trigger points only on muscles that have none yet, so running it twice leaves the same rows.
"""

from articles import demo_muscles
from articles.models import BodyRegion, Muscle

from .models import TriggerPointMarker
from .outline import mirror
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


def ensure_pain_finder_demo() -> None:
    """The pain finder's demo step; call it after the library's."""
    ensure_region_drawings()
    ensure_trigger_point_markers()
