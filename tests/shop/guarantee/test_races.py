"""Races on PostgreSQL: two staff approving one claim at once, two claims for the last units."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from shop.guarantee.models import GuaranteeClaim
from tests.shop.guarantee.helpers import claim_form, paid_order, payment_intent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks, it serialises every writer instead",
    ),
]


def at_once(calls) -> list:
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call) -> None:
        try:
            barrier.wait()
            results.append(call())
        except BaseException as error:  # reported below; a thread must not die silently
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_two_staff_approving_at_once_refund_once(client, product, fake_stripe, staff_user):
    order = paid_order(client, product, fake_stripe)
    url = reverse("guarantee:order", args=[order.number])
    client.post(url, claim_form(order, {order.lines.get().pk: 1}))
    claim = GuaranteeClaim.objects.get()
    staff = []
    for _ in range(2):
        staff_client = Client()
        staff_client.force_login(staff_user)
        staff.append(staff_client)
    action = reverse("guarantee_dashboard:claim-action", args=[claim.reference])
    codes = at_once([lambda c=c: c.post(action, {"action": "approve"}).status_code for c in staff])
    assert codes == [303, 303]
    claim.refresh_from_db()
    assert claim.status == GuaranteeClaim.Status.REFUNDED
    intent = payment_intent(fake_stripe, order)
    refunds = [r for r in fake_stripe.refunds.values() if r["payment_intent"] == intent]
    # Not dispatched yet: a full refund, shipping included.
    assert [r["amount"] for r in refunds] == [int(order.total_incl_tax * 100)]
    assert claim.events.filter(status="refunding").count() == 1


def test_two_claims_for_the_same_units_at_once_make_one(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    url = reverse("guarantee:order", args=[order.number])
    line = order.lines.get()
    codes = at_once(
        [
            lambda key=key: client.post(url, claim_form(order, {line.pk: 1}, key=key)).status_code
            for key in ("a", "b")
        ]
    )
    assert sorted(codes) == [303, 400]
    assert GuaranteeClaim.objects.count() == 1
