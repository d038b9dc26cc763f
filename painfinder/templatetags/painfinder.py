"""Template tags that draw referred-pain maps from data (presentation only)."""

import secrets

from django import template
from django.urls import reverse

from .. import selectors
from ..maps import MAP_WIDTH, ReferredPainMap
from ..outline import MIDLINE, VIEW_HEIGHT, silhouette_paths

register = template.Library()


@register.inclusion_tag("painfinder/includes/referred_pain_map.html")
def referred_pain_map(subject) -> dict:
    """Draw a muscle's referred-pain map: ``{% referred_pain_map muscle %}``.

    ``subject`` is a ``Muscle`` (its map is read from the database) or a ready
    ``ReferredPainMap`` (the pain finder builds them in bulk).
    """
    pain_map = (
        subject if isinstance(subject, ReferredPainMap) else selectors.map_for_muscle(subject)
    )
    return {
        "pain_map": pain_map,
        "outline_paths": silhouette_paths(),
        # Several maps can share a page: each needs its own ids for its title and hatching.
        "uid": f"pain-map-{pain_map.muscle_slug}-{secrets.token_hex(3)}",
        "width": MAP_WIDTH,
        "height": VIEW_HEIGHT + 16,
        "label_x": MIDLINE,
        "label_y": VIEW_HEIGHT + 12,
    }


@register.simple_tag(takes_context=True)
def muscle_map_image_url(context, muscle) -> str:
    """Absolute URL of the muscle's map as a PNG, for ``og:image``."""
    path = reverse("painfinder:muscle-map-image", kwargs={"slug": muscle.slug})
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path
