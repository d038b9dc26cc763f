"""Fixtures of the pain-finder tests: the regions and the five demo muscles' referred pain."""

import pytest

from .factories import make_library, make_regions


@pytest.fixture
def regions(db):
    return make_regions()


@pytest.fixture
def library(regions):
    return make_library(regions)
