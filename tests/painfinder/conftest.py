"""Fixtures of the pain-finder tests: the regions and the five demo muscles' referred pain."""

import pytest
from oscar.test.factories import ProductFactory

from .factories import ArticleFactory, TriggerPointMarkerFactory, make_muscle, make_regions


@pytest.fixture
def regions(db):
    return make_regions()


@pytest.fixture
def library(regions):
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
