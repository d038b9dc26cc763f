"""Fixtures for the shop's tests."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Product images, thumbnails and private files (attachments, claim photos) go to a
    throw-away directory, not the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
