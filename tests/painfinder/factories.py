"""The library's factories as the pain finder uses them: real region shapes, sortable names."""

import factory
from oscar.test.factories import ProductFactory

from articles.models import BodyRegion, Muscle
from painfinder.models import ReferredPainZone, TriggerPointMarker
from painfinder.outline import paired_path
from painfinder.shapes import REGION_DRAWINGS
from tests.articles import factories as library
from tests.articles.factories import ArticleFactory


class BodyRegionFactory(library.BodyRegionFactory):
    """A region drawn with the finder's real shape where it has one."""

    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    view = factory.LazyAttribute(
        lambda o: REGION_DRAWINGS[o.slug].view if o.slug in REGION_DRAWINGS else "back"
    )
    svg_path = factory.LazyAttribute(
        lambda o: REGION_DRAWINGS[o.slug].path if o.slug in REGION_DRAWINGS else "M0,0 L10,0 L5,8 Z"
    )
    position = factory.Sequence(lambda n: n)


class MuscleFactory(library.MuscleFactory):
    """Zero-padded names, so that sorting by name (the finder's tie-break) is creation order."""

    name = factory.Sequence(lambda n: f"Muscle {n:03d}")
    slug = factory.Sequence(lambda n: f"muscle-{n:03d}")


class ReferredPainFactory(library.ReferredPainFactory):
    muscle = factory.SubFactory(MuscleFactory)
    region = factory.SubFactory(BodyRegionFactory)


class TriggerPointMarkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TriggerPointMarker

    muscle = factory.SubFactory(MuscleFactory)
    view = "back"
    x = 130
    y = 219


# A zone over the right buttock and its mirror image, well inside the outline.
BUTTOCK_ZONE = paired_path([(116, 222), (134, 222), (137, 244), (128, 256), (112, 252)])


class ReferredPainZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferredPainZone

    muscle = factory.SubFactory(MuscleFactory)
    kind = "primary"
    view = "back"
    svg_path = BUTTOCK_ZONE


REGION_NAMES = {
    "neck": "Neck",
    "upper-back": "Upper back",
    "mid-back": "Mid back",
    "low-back": "Low back",
    "sacrum-tailbone": "Sacrum and tailbone",
    "buttock": "Buttock",
    "side-of-hip": "Side of the hip",
    "back-of-thigh": "Back of the thigh",
    "side-of-thigh": "Side of the thigh",
    "calf": "Calf",
    "groin": "Groin",
    "front-of-thigh": "Front of the thigh",
    "knee": "Knee",
}


def make_regions() -> dict[str, BodyRegion]:
    """Every region the finder draws, head to toe, with the project's shapes."""
    return {
        slug: BodyRegionFactory(slug=slug, name=name, position=position)
        for position, (slug, name) in enumerate(REGION_NAMES.items())
    }


def make_muscle(regions: dict[str, BodyRegion], *, primary=(), spillover=(), **fields) -> Muscle:
    muscle = MuscleFactory(**fields)
    for slug in primary:
        ReferredPainFactory(muscle=muscle, region=regions[slug], kind="primary")
    for slug in spillover:
        ReferredPainFactory(muscle=muscle, region=regions[slug], kind="spillover")
    return muscle


def make_library(regions: dict[str, BodyRegion]) -> dict[str, Muscle]:
    """The five muscles with the referred-pain data of the library's facts brief."""
    claw = ProductFactory(title="QL Claw")
    muscles = {
        "gluteus-medius": make_muscle(
            regions,
            name="Gluteus medius",
            slug="gluteus-medius",
            primary=["low-back", "sacrum-tailbone", "buttock"],
            spillover=["back-of-thigh", "side-of-thigh"],
            aggravating_activities="Walking and running\nClimbing stairs",
        ),
        "gluteus-minimus": make_muscle(
            regions,
            name="Gluteus minimus",
            slug="gluteus-minimus",
            primary=["buttock", "side-of-thigh", "back-of-thigh"],
            spillover=["calf"],
        ),
        "quadratus-lumborum": make_muscle(
            regions,
            name="Quadratus lumborum",
            slug="quadratus-lumborum",
            primary=["low-back", "side-of-hip", "sacrum-tailbone", "buttock"],
        ),
        "piriformis": make_muscle(
            regions,
            name="Piriformis",
            slug="piriformis",
            primary=["sacrum-tailbone", "buttock"],
            spillover=["back-of-thigh"],
        ),
        "iliopsoas": make_muscle(
            regions,
            name="Iliopsoas",
            slug="iliopsoas",
            primary=["low-back", "front-of-thigh", "groin"],
            spillover=["sacrum-tailbone", "buttock"],
        ),
    }
    for muscle in muscles.values():
        muscle.released_by.add(claw)
        ArticleFactory(title=f"{muscle.name}: the article", slug=muscle.slug, muscle=muscle)
    TriggerPointMarkerFactory(muscle=muscles["gluteus-medius"], view="back", x=130, y=219)
    return muscles
