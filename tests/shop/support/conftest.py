"""Fixtures of the support tests: private files in a temporary folder, staff agents."""

import pytest
from django.contrib.auth import get_user_model

from shop.backoffice.roles import ensure_staff_roles


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def agent(db):
    """A staff member in the "Support agent" role, as load_demo and real staff get it."""
    user = get_user_model().objects.create_user(
        "agent", "agent@qlclaw.example", "pw-Agent-12345", first_name="Sam", is_staff=True
    )
    user.groups.add(ensure_staff_roles()["Support agent"])
    return user


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user(
        "dana", "dana@example.com", "pw-Dana-12345", first_name="Dana", last_name="Reader"
    )
