"""A local fake of Stripe's HTTP API for the tests (see ``server.py``)."""

from .server import FakeStripe

__all__ = ["FakeStripe"]
