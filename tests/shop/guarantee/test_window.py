"""The guarantee window: from delivery, else dispatch; open before dispatch; days end in the
shop's time zone; an order keeps the window of the terms it was sold under."""

from datetime import UTC, date, datetime, timedelta

import pytest
from oscar.test.factories import create_order

from shop.guarantee.demo import ensure_guarantee_terms
from shop.guarantee.models import GuaranteeTerms
from shop.guarantee.selectors import guarantee_window
from shop.guarantee.services import make_terms_current
from tests.shop.guarantee.helpers import record_shipping_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def order():
    terms = ensure_guarantee_terms()
    order = create_order()
    order.guarantee_terms = terms
    order.save()
    return order


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_window_runs_from_delivery(order):
    record_shipping_event(order, "Shipped", at(2026, 3, 1, 10))
    record_shipping_event(order, "Delivered", at(2026, 3, 4, 15))
    window = guarantee_window(order=order, now=at(2026, 3, 10))
    assert window.starts_from == "delivery"
    assert window.last_day == date(2026, 4, 3)


def test_without_delivery_the_window_runs_from_dispatch(order):
    record_shipping_event(order, "Shipped", at(2026, 3, 1, 10))
    window = guarantee_window(order=order, now=at(2026, 3, 10))
    assert (window.starts_from, window.last_day) == ("dispatch", date(2026, 3, 31))


def test_a_status_change_to_delivered_counts_as_the_recorded_delivery(order):
    order.status_changes.create(old_status="Shipped", new_status="Delivered")
    order.status_changes.update(date_created=at(2026, 5, 2, 8))
    assert guarantee_window(order=order).last_day == date(2026, 6, 1)


def test_an_undispatched_order_can_always_be_claimed(order):
    window = guarantee_window(order=order, now=at(2030, 1, 1))
    assert not window.dispatched
    assert window.is_open


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        (at(2026, 4, 2, 23, 59), True),  # the day before the last day
        (at(2026, 4, 3, 23, 59, 59), True),  # the last day, to its end
        (at(2026, 4, 4, 0, 0), False),  # the day after
    ],
)
def test_the_last_day_is_claimable_to_its_end(order, now, is_open):
    record_shipping_event(order, "Delivered", at(2026, 3, 4, 15))
    assert guarantee_window(order=order, now=now).is_open is is_open


def test_days_are_counted_in_the_shops_time_zone(order, settings):
    # 03:30 UTC on 5 March is still 4 March in Los Angeles: the window counts from 4 March.
    settings.GUARANTEE_TIME_ZONE = "America/Los_Angeles"
    record_shipping_event(order, "Delivered", at(2026, 3, 5, 3, 30))
    window = guarantee_window(order=order)
    assert window.last_day == date(2026, 4, 3)
    la_midnight = at(2026, 4, 4, 7)  # 00:00 on 4 April in Los Angeles (PDT, UTC-7)
    assert guarantee_window(order=order, now=la_midnight - timedelta(seconds=1)).is_open
    assert not guarantee_window(order=order, now=la_midnight).is_open
    settings.GUARANTEE_TIME_ZONE = "UTC"
    assert guarantee_window(order=order).last_day == date(2026, 4, 4)


def test_terms_changed_after_the_order_keep_the_old_window(order):
    record_shipping_event(order, "Delivered", at(2026, 3, 4, 15))
    shorter = GuaranteeTerms.objects.create(
        version=2, window_days=14, refund_time_text="soon", body="v2"
    )
    make_terms_current(terms=shorter)
    order.refresh_from_db()
    assert guarantee_window(order=order).last_day == date(2026, 4, 3)
    assert order.guarantee_terms.version == 1
