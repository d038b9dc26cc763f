"""Pain-finder data the library does not hold: how each muscle's map is drawn.

The library (``articles``) owns muscles, body regions and the referred-pain relation (which
regions, primary or spillover: what the finder answers from); the finder adds the drawing on
the body outline, in the outline's coordinates: trigger-point markers, and the referred-pain
zones as shapes like the references' charts.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from articles.models import ReferredPain
from articles.svgpath import InvalidPathData, path_polygons, validate_path_data

from .outline import VIEW_HEIGHT, VIEW_WIDTH, in_the_view, on_the_body


def validate_zone_path(data: str) -> None:
    """Well-formed path data whose shapes lie in the view and each on the body."""
    try:
        validate_path_data(data)
    except InvalidPathData as error:
        raise ValidationError(f"This is not valid SVG path data. {error}") from error
    polygons = path_polygons(data)
    if not polygons:
        raise ValidationError("The path draws no area: close each shape with at least 3 points.")
    for number, polygon in enumerate(polygons, start=1):
        if not all(in_the_view(point) for point in polygon):
            raise ValidationError(
                f"Shape {number} leaves the view: keep x from 0 to {VIEW_WIDTH} and y from 0 to "
                f"{VIEW_HEIGHT}."
            )
        centre = (
            sum(x for x, _ in polygon) / len(polygon),
            sum(y for _, y in polygon) / len(polygon),
        )
        if not on_the_body(centre):
            raise ValidationError(
                f"Shape {number} is centred at ({centre[0]:.0f}, {centre[1]:.0f}), off the body "
                "outline: draw each zone over the part of the body where the pain is felt."
            )


class TriggerPointMarker(models.Model):
    """A trigger point location marked on a muscle's referred-pain map."""

    class View(models.TextChoices):
        FRONT = "front", "Front"
        BACK = "back", "Back"

    muscle = models.ForeignKey(
        "articles.Muscle", on_delete=models.CASCADE, related_name="trigger_point_markers"
    )
    view = models.CharField(max_length=5, choices=View.choices)
    x = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(VIEW_WIDTH)],
        help_text=f"From the left edge of the view (0 to {VIEW_WIDTH}; the midline is at 100).",
    )
    y = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(VIEW_HEIGHT)],
        help_text=f"From the top of the head (0 to {VIEW_HEIGHT}).",
    )
    label = models.CharField(max_length=80, blank=True, help_text="E.g. 'upper fibres'.")

    class Meta:
        ordering = ["muscle", "view", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(x__gte=0, x__lte=VIEW_WIDTH, y__gte=0, y__lte=VIEW_HEIGHT),
                name="trigger_point_marker_on_the_outline",
            )
        ]

    def __str__(self) -> str:
        return f"{self.muscle}: {self.get_view_display().lower()} ({self.x}, {self.y})"


class ReferredPainZone(models.Model):
    """One referred-pain zone of a muscle drawn as a shape on a view of the outline.

    A muscle's zones replace the whole-region blocks on its map; a muscle without any is
    still drawn with the regions it refers pain to.
    """

    class View(models.TextChoices):
        FRONT = "front", "Front"
        BACK = "back", "Back"

    muscle = models.ForeignKey(
        "articles.Muscle", on_delete=models.CASCADE, related_name="referred_pain_zones"
    )
    kind = models.CharField(max_length=10, choices=ReferredPain.Kind.choices)
    view = models.CharField(max_length=5, choices=View.choices)
    svg_path = models.TextField(
        "shape (SVG path data)",
        validators=[validate_zone_path],
        help_text=f"In the outline's coordinates (x 0 to {VIEW_WIDTH}, midline 100; y 0 to "
        f"{VIEW_HEIGHT}); one subpath per side of the body.",
    )

    class Meta:
        ordering = ["muscle", "kind", "view", "pk"]

    def __str__(self) -> str:
        return (
            f"{self.muscle}: {self.get_kind_display().lower()}, {self.get_view_display().lower()}"
        )
