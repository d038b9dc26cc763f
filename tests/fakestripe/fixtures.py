"""Pytest fixtures: the fake Stripe server, and the settings that point the shop at it."""

import pytest

from .server import SECRET_KEY, WEBHOOK_SECRET, FakeStripe


@pytest.fixture(scope="session")
def _fake_stripe_server():
    fake = FakeStripe().start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_stripe(_fake_stripe_server, settings):
    """A fresh fake Stripe, with the shop configured to use it (keys set: no demo mode)."""
    _fake_stripe_server.reset()
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = _fake_stripe_server.url
    settings.STRIPE_DEMO_MODE = False
    return _fake_stripe_server
