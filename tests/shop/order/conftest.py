"""Fixtures of the order tests."""

import pytest
from django.test import Client

from tests.shop.order.staff import staff_in


@pytest.fixture
def handler() -> Client:
    """A member of the Order handler role, signed in."""
    return staff_in("Order handler")
