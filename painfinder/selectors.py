"""Reads of the pain finder: region shapes, muscle maps and the region → muscle ranking.

Every function does its own ``select_related``/``prefetch_related`` so the number of queries
does not grow with the number of muscles or regions.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from articles.models import Article, BodyRegion, Muscle, ReferredPain

from .exceptions import UnknownRegion
from .maps import (
    PRIMARY,
    ReferredPainMap,
    RegionShape,
    TriggerPointMark,
    ZoneShape,
    build_map,
)
from .models import ReferredPainZone, TriggerPointMarker

# Several regions join in one URL: /pain-finder/low-back+buttock/.
SLUG_SEPARATOR = "+"


def region_shape(region: BodyRegion) -> RegionShape:
    return RegionShape(slug=region.slug, name=region.name, view=region.view, path=region.svg_path)


def body_regions() -> QuerySet[BodyRegion]:
    """Every region, head to toe."""
    return BodyRegion.objects.order_by("position", "name")


def regions_from_slugs(slugs: Iterable[str]) -> list[BodyRegion]:
    """The regions named by ``slugs``, head to toe, each once; unknown slugs raise."""
    wanted = list(dict.fromkeys(slug for slug in slugs if slug))
    regions = list(body_regions().filter(slug__in=wanted))
    missing = sorted(set(wanted) - {region.slug for region in regions})
    if missing or not wanted:
        raise UnknownRegion(missing)
    return regions


def regions_path_segment(regions: Sequence[BodyRegion]) -> str:
    return SLUG_SEPARATOR.join(region.slug for region in regions)


def _is_prefetched(instance: Muscle, relation: str) -> bool:
    return relation in getattr(instance, "_prefetched_objects_cache", {})


def _marks(muscle: Muscle) -> list[TriggerPointMark]:
    return [
        TriggerPointMark(view=m.view, x=float(m.x), y=float(m.y), label=m.label)
        for m in muscle.trigger_point_markers.all()
    ]


def map_for_muscle(muscle: Muscle) -> ReferredPainMap:
    """The muscle's referred-pain map; uses prefetched relations when the caller made them."""
    links = (
        muscle.referred_pain.all()
        if _is_prefetched(muscle, "referred_pain")
        else muscle.referred_pain.select_related("region")
    )
    return build_map(
        muscle_name=muscle.name,
        muscle_slug=muscle.slug,
        zones=[(region_shape(link.region), link.kind) for link in links if link.region.svg_path],
        marks=_marks(muscle),
        shapes=[
            ZoneShape(kind=zone.kind, view=zone.view, path=zone.svg_path)
            for zone in muscle.referred_pain_zones.all()
        ],
    )


def muscles_with_maps() -> QuerySet[Muscle]:
    """Muscles with everything their map needs, in four queries whatever their number."""
    return Muscle.objects.prefetch_related(
        Prefetch(
            "referred_pain",
            queryset=ReferredPain.objects.select_related("region").order_by(
                "region__position", "region__name"
            ),
        ),
        Prefetch("trigger_point_markers", queryset=TriggerPointMarker.objects.order_by("pk")),
        Prefetch("referred_pain_zones", queryset=ReferredPainZone.objects.order_by("pk")),
    )


@dataclass(frozen=True)
class MuscleMatch:
    """A muscle that may explain the pain in the chosen regions, and how well."""

    muscle: Muscle
    primary_regions: tuple[BodyRegion, ...]
    spillover_regions: tuple[BodyRegion, ...]
    pain_map: ReferredPainMap
    article: Article | None

    @property
    def explained_count(self) -> int:
        return len(self.primary_regions) + len(self.spillover_regions)

    @property
    def products(self) -> list:
        return list(self.muscle.released_by.all())

    @property
    def rank(self) -> tuple[int, int, str]:
        """Sort key: more chosen places explained, then more of them primary, then by name."""
        return (-self.explained_count, -len(self.primary_regions), self.muscle.name.casefold())


def rank_muscles(regions: Sequence[BodyRegion]) -> list[MuscleMatch]:
    """Muscles whose trigger points refer pain to any of ``regions``, most likely first.

    Order: muscles that explain more of the chosen regions first; among those, the one with
    more of them in its primary zone; then by name. For one region this puts every muscle
    with its primary zone there before those that only spill over into it.
    """
    chosen = {region.pk for region in regions}
    live_articles = Article.objects.live().order_by("-publish_at", "-pk")
    muscles = (
        muscles_with_maps()
        .filter(referred_pain__region__in=chosen)
        .distinct()
        .prefetch_related(
            "released_by",
            Prefetch("articles", queryset=live_articles, to_attr="live_articles"),
        )
    )
    matches = []
    for muscle in muscles:
        links = [link for link in muscle.referred_pain.all() if link.region_id in chosen]
        matches.append(
            MuscleMatch(
                muscle=muscle,
                primary_regions=tuple(link.region for link in links if link.kind == PRIMARY),
                spillover_regions=tuple(link.region for link in links if link.kind != PRIMARY),
                pain_map=map_for_muscle(muscle),
                article=muscle.live_articles[0] if muscle.live_articles else None,
            )
        )
    matches.sort(key=lambda match: (match.rank, match.muscle.slug))
    return matches
