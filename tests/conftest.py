"""Fixtures shared by the whole suite."""

import pytest
from django.core.cache import cache

from config.celery import app as celery_app

pytest_plugins = ["tests.fakestripe.fixtures", "tests.shop.checkout.fixtures"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hashing strength is Django's business; tests that log in many times need speed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Each test starts with an empty cache (Redis in the PostgreSQL run, so rate limits reset)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _eager_tasks():
    """Run Celery tasks in-process, even when REDIS_URL points Celery at a real broker.

    The one test that needs a real worker switches this off itself (tests/config/test_celery.py).
    """
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous
