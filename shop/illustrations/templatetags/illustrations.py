"""Template tags showing the QL Claw's static figures: its parts and how to use it per muscle."""

from functools import cache

from django import template

from .. import how_to, ql_claw
from ..figures import Figure, figure

register = template.Library()


@cache
def _how_to_figure(slug: str) -> Figure:
    record = how_to.BY_SLUG[slug]
    return figure(how_to.drawing(record), caption=record.caption)


@cache
def _parts_figure() -> Figure:
    return figure(
        ql_claw.parts_drawing(),
        caption="The ramp rests against the tailbone as a stable base; the trigger presses into "
        "the muscle. 32 cm long, 14 cm wide, 9 cm high.",
    )


@register.simple_tag
def ql_claw_parts_figure() -> Figure:
    return _parts_figure()


@register.simple_tag
def how_to_figures(muscles) -> list[tuple[object, Figure]]:
    """(muscle, figure) for each of ``muscles`` that has a how-to record, in their order."""
    return [
        (muscle, _how_to_figure(muscle.slug)) for muscle in muscles if muscle.slug in how_to.BY_SLUG
    ]


@register.simple_tag
def how_to_figure(muscle) -> Figure | None:
    """The muscle's how-to figure, if it has one and a public product releases it.

    ``muscle.released_by`` is prefetched by the pages that show the release panel.
    """
    if not muscle or getattr(muscle, "slug", None) not in how_to.BY_SLUG:
        return None
    if not list(muscle.released_by.all()):
        return None
    return _how_to_figure(muscle.slug)
