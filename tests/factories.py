"""Factories shared by the tests: Oscar's own where it has them, ours on top."""

from oscar.test.factories import (  # noqa: F401  (re-exported for the tests)
    CategoryFactory,
    ProductClassFactory,
    ProductFactory,
    StockRecordFactory,
    UserFactory,
)
