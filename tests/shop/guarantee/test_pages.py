"""The guarantee's pages: the policy, the order panel, the staff queue and its permissions."""

from datetime import timedelta

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.test.factories import UserFactory

from shop.guarantee.models import GuaranteeClaim, GuaranteeTerms
from shop.guarantee.services import make_terms_current, resume_stalled_refunds
from tests.shop.guarantee.helpers import claim_form, paid_order, payment_intent

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_policy_page_shows_the_current_terms_instead_of_the_flatpage(client, shop_data):
    page = FlatPage.objects.create(url="/guarantee/", title="Old", content="Old flatpage text")
    page.sites.add(Site.objects.get_current())
    new = GuaranteeTerms.objects.create(
        version=2, window_days=45, refund_time_text="within 3 days", body="Version two words."
    )
    make_terms_current(terms=new)
    response = client.get("/guarantee/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Our 45-day money-back guarantee" in body
    assert "Version two words." in body and "within 3 days" in body
    assert "Old flatpage text" not in body


def test_the_policy_page_without_terms_is_not_an_error(client, db):
    assert client.get("/guarantee/").status_code == 200


def test_the_lookup_page_shows_the_window_and_the_claim_button(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    order.set_status("Being processed")
    order.set_status("Shipped")
    response = Client().post(
        reverse("order:lookup"), {"number": order.number, "email": order.email}
    )
    body = response.content.decode()
    last_day = (timezone.now() + timedelta(days=30)).strftime("%-d %B %Y")
    assert f"Money-back guarantee: claimable until {last_day}" in body
    assert reverse("guarantee:order", args=[order.number]) in body


def test_an_ended_window_shows_its_date_and_no_form(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    order.set_status("Being processed")
    order.set_status("Shipped")
    order.status_changes.filter(new_status="Shipped").update(date_created="2020-01-01T10:00Z")
    response = client.get(reverse("guarantee:order", args=[order.number]))
    body = response.content.decode()
    assert "Money-back guarantee: ended on 31 January 2020" in body
    assert "Send my claim" not in body


def make_claims(client, product, fake_stripe, first: int, count: int) -> None:
    for index in range(first, first + count):
        order = paid_order(client, product, fake_stripe, email=f"buyer{index}@example.com")
        if index % 2:
            order.user = UserFactory(email=f"buyer{index}@example.com")
            order.save()
            client.force_login(order.user)
        client.post(
            reverse("guarantee:order", args=[order.number]),
            claim_form(order, {order.lines.get().pk: 1}),
        )
        client.logout()
    assert GuaranteeClaim.objects.count() == first + count


def test_the_queue_filters_by_status_and_age_and_its_queries_stay_flat(
    client, product, fake_stripe, staff_client
):
    url = reverse("guarantee_dashboard:claim-list")
    make_claims(client, product, fake_stripe, 0, 2)
    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url).status_code == 200
    make_claims(client, product, fake_stripe, 2, 4)
    with CaptureQueriesContext(connection) as large:
        response = staff_client.get(url)
    assert response.content.decode().count('data-status="submitted"') == 6
    assert len(large.captured_queries) == len(small.captured_queries)

    first = GuaranteeClaim.objects.order_by("pk").first()
    GuaranteeClaim.objects.filter(pk=first.pk).update(status="rejected")
    GuaranteeClaim.objects.filter(pk=first.pk).update(created=timezone.now() - timedelta(days=9))
    body = staff_client.get(url, {"status": "rejected"}).content.decode()
    assert first.reference in body and body.count("data-status=") == 1
    body = staff_client.get(url, {"older_than": 7}).content.decode()
    assert body.count("data-status=") == 1
    assert staff_client.get(url, {"older_than": "soon"}).status_code == 200


def test_staff_without_the_order_handler_role_get_403(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    client.post(
        reverse("guarantee:order", args=[order.number]),
        claim_form(order, {order.lines.get().pk: 1}),
    )
    claim = GuaranteeClaim.objects.get()
    bare = Client()
    bare.force_login(UserFactory(is_staff=True))
    assert bare.get(reverse("guarantee_dashboard:claim-list")).status_code == 403
    action = reverse("guarantee_dashboard:claim-action", args=[claim.reference])
    assert bare.post(action, {"action": "approve"}).status_code == 403
    claim.refresh_from_db()
    assert claim.status == "submitted"


def test_the_dashboard_menu_offers_guarantee_claims(staff_client, db):
    body = staff_client.get(reverse("dashboard:index")).content.decode()
    assert "Guarantee claims" in body
    assert reverse("guarantee_dashboard:claim-list") in body


def test_an_unknown_claim_is_404_for_staff_and_customers(staff_client, client, db):
    assert (
        staff_client.get(reverse("guarantee_dashboard:claim-detail", args=["MB-NOPE22"]))
    ).status_code == 404
    assert client.get(reverse("guarantee:claim", args=["MB-NOPE22"])).status_code == 404


def test_a_refund_whose_worker_was_lost_is_resumed_once(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    client.post(
        reverse("guarantee:order", args=[order.number]),
        claim_form(order, {order.lines.get().pk: 1}),
    )
    claim = GuaranteeClaim.objects.get()
    # What approval leaves behind when the worker running its refund task is lost.
    GuaranteeClaim.objects.filter(pk=claim.pk).update(status="refunding", refund_attempt=1)
    assert resume_stalled_refunds() == 0  # too recent: its worker may still be on it
    GuaranteeClaim.objects.filter(pk=claim.pk).update(updated=timezone.now() - timedelta(hours=1))
    assert resume_stalled_refunds() == 1
    assert resume_stalled_refunds() == 0
    claim.refresh_from_db()
    assert claim.status == "refunded"
    intent = payment_intent(fake_stripe, order)
    assert len([r for r in fake_stripe.refunds.values() if r["payment_intent"] == intent]) == 1


def test_staff_publish_a_new_terms_version_and_old_orders_keep_theirs(staff_client, shop_data):
    create = reverse("guarantee_dashboard:terms-create")
    form = staff_client.get(create)
    assert form.status_code == 200
    assert shop_data.refund_time_text in form.content.decode()  # prefilled from the current
    fields = {
        "window_days": 60,
        "refund_time_text": "within 3 business days",
        "body": "Sixty days to decide.",
        "return_instructions": "",
        "return_address": "",
    }
    refused = staff_client.post(create, {**fields, "requires_return": "on"})
    assert refused.status_code == 400
    assert "Say where the items go" in refused.content.decode()
    assert staff_client.post(create, {**fields, "publish": "on"}).status_code == 303
    new = GuaranteeTerms.objects.get(version=2)
    assert new.is_current
    shop_data.refresh_from_db()
    assert not shop_data.is_current
    assert "Sixty days to decide." in staff_client.get("/guarantee/").content.decode()
    publish = reverse("guarantee_dashboard:terms-publish", args=[shop_data.pk])
    assert staff_client.post(publish).status_code == 303
    shop_data.refresh_from_db()
    assert shop_data.is_current
    listing = staff_client.get(reverse("guarantee_dashboard:terms-list")).content.decode()
    assert 'data-version="2"' in listing and 'data-version="1"' in listing


def test_staff_without_the_role_cannot_change_the_terms(shop_data):
    bare = Client()
    bare.force_login(UserFactory(is_staff=True))
    create = reverse("guarantee_dashboard:terms-create")
    assert (
        bare.post(create, {"window_days": 1, "refund_time_text": "x", "body": "x"}).status_code
        == 403
    )
    assert GuaranteeTerms.objects.count() == 1


def test_the_account_order_page_shows_the_guarantee_panel_to_its_owner(
    client, product, fake_stripe
):
    order = paid_order(client, product, fake_stripe)
    owner = UserFactory()
    order.user = owner
    order.save()
    owner_client = Client()
    owner_client.force_login(owner)
    url = reverse("customer:order", kwargs={"order_number": order.number})
    body = owner_client.get(url).content.decode()
    assert "Money-back guarantee: not dispatched yet" in body
    link = reverse("guarantee:order", args=[order.number])
    assert link in body
    assert owner_client.get(link).status_code == 200
