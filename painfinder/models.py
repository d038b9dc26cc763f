"""Pain-finder data the library does not hold: where each muscle's trigger points are drawn.

The library (``articles``) owns muscles, body regions and the referred-pain relation; the
finder adds only the marker positions on the body outline, in the outline's coordinates.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .outline import VIEW_HEIGHT, VIEW_WIDTH


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
