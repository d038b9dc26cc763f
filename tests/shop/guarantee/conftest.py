"""Fixtures of the guarantee tests: a staff client in the "Order handler" role."""

import pytest
from django.test import Client
from oscar.test.factories import UserFactory

from shop.backoffice.roles import ensure_staff_roles


@pytest.fixture
def staff_user(db):
    user = UserFactory(is_staff=True, email="handler@example.com")
    user.groups.add(ensure_staff_roles()["Order handler"])
    return user


@pytest.fixture
def staff_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client
