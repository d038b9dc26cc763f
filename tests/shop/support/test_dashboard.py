"""The support queue in Oscar's dashboard: access by role, filters, counts, metrics, the
request page's actions and canned replies."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.test.factories import create_order

from shop.support import services
from shop.support.links import private_link_path
from shop.support.models import CannedReply, SupportRequest

from .helpers import open_request

pytestmark = pytest.mark.django_db

QUEUE = reverse("support_dashboard:request-list")


def detail_url(support_request) -> str:
    return reverse(
        "support_dashboard:request-detail", kwargs={"reference": support_request.reference}
    )


def action_url(support_request) -> str:
    return reverse(
        "support_dashboard:request-action", kwargs={"reference": support_request.reference}
    )


def test_agent_sees_the_support_menu_and_the_queue(agent_client):
    support_request = open_request()
    response = agent_client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert support_request.reference in html
    dashboard = agent_client.get("/dashboard/").content.decode()
    assert QUEUE in dashboard and "Support" in dashboard


def test_staff_without_the_support_role_is_refused_and_has_no_menu(client):
    staff = get_user_model().objects.create_user("bare", "bare@example.com", "pw", is_staff=True)
    client.force_login(staff)
    support_request = open_request()
    for url in (QUEUE, detail_url(support_request), reverse("support_dashboard:canned-reply-list")):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(action_url(support_request), {"action": "note", "body": "x"}).status_code == 403
    )
    assert not support_request.messages.filter(kind="note").exists()
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code in (200, 403)
    assert QUEUE not in dashboard.content.decode()


def test_customers_and_visitors_cannot_open_the_queue(client, customer):
    assert client.get(QUEUE).status_code == 302  # to the dashboard login
    client.force_login(customer)
    assert client.get(QUEUE).status_code in (302, 403)


def test_counts_per_status(agent_client):
    open_request()
    open_request(email="b@example.com")
    services.change_status(support_request=open_request(email="c@example.com"), status="resolved")
    counts = agent_client.get(QUEUE).context["counts"]
    assert counts == {"new": 2, "open": 0, "waiting": 0, "resolved": 1, "closed": 0}


def test_filters_and_search(agent_client, agent):
    now = timezone.now()
    create_order(number="300001", guest_email="ann@example.com")
    ann = open_request(name="Ann", email="ann@example.com", topic="order", order_number="300001")
    bob = open_request(name="Bob", email="bob@example.com", topic="shipping")
    old = services.open_support_request(
        name="Old",
        email="old@example.com",
        topic="other",
        message="hi",
        now=now - timedelta(days=4),
    )
    services.assign(support_request=bob, assignee=agent)

    def listed(**params) -> set[str]:
        response = agent_client.get(QUEUE, params)
        assert response.status_code == 200
        return {r.reference for r in response.context["support_requests"]}

    assert listed() == {ann.reference, bob.reference, old.reference}
    assert listed(status="open") == {bob.reference}
    assert listed(topic="order") == {ann.reference}
    assert listed(assignee="me") == {bob.reference}
    assert listed(assignee=str(agent.pk)) == {bob.reference}
    assert listed(assignee="none") == {ann.reference, old.reference}
    assert listed(older_than="3d") == {old.reference}
    assert listed(breached="on") == {old.reference}
    assert listed(q=ann.reference) == {ann.reference}
    assert listed(q=ann.reference[3:].lower()) == {ann.reference}
    assert listed(q="bob@example") == {bob.reference}
    assert listed(q="300001") == {ann.reference}
    # Nonsense filter values are a form error, not a 500: the whole queue is shown.
    assert listed(status="bogus", older_than="99y") == {ann.reference, bob.reference, old.reference}


def test_breaching_requests_are_highlighted_with_the_metrics(agent_client, settings):
    settings.SUPPORT_FIRST_RESPONSE_TARGET_HOURS = 4
    now = timezone.now()
    late = services.open_support_request(
        name="Late",
        email="late@example.com",
        topic="other",
        message="hi",
        now=now - timedelta(hours=6),
    )
    open_request()
    answered = services.open_support_request(
        name="Quick",
        email="q@example.com",
        topic="other",
        message="hi",
        now=now - timedelta(hours=8),
    )
    answered.first_response_at = answered.created_at + timedelta(hours=2, minutes=5)
    answered.save()
    html = agent_client.get(QUEUE).content.decode()
    week = html[html.index('data-window="7"') : html.index('data-window="30"')]
    assert '<td class="median">2 h 05 min</td>' in week
    row = html[html.index(late.reference) - 400 : html.index(late.reference)]
    assert "table-danger breaching" in row
    assert html.count("table-danger breaching") == 1
    assert "target 4 h 00 min" in html
    assert 'id="waiting-past-target">1<' in html


def test_queue_query_count_does_not_grow_with_the_requests(agent_client, agent):
    def queries_for(n: int) -> int:
        for i in range(n):
            support_request = open_request(email=f"r{n}-{i}@example.com")
            services.assign(support_request=support_request, assignee=agent)
        with CaptureQueriesContext(connection) as captured:
            assert agent_client.get(QUEUE).status_code == 200
        return len(captured)

    assert queries_for(3) == queries_for(20)


def test_staff_reply_is_emailed_and_waits_on_the_customer(
    agent_client, client, django_capture_on_commit_callbacks
):
    support_request = open_request()
    with django_capture_on_commit_callbacks(execute=True):
        response = agent_client.post(
            action_url(support_request), {"action": "reply", "body": "Put it under the glute."}
        )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == SupportRequest.Status.WAITING
    assert support_request.first_response_at is not None
    [email] = mail.outbox
    assert email.to == ["dana@example.com"] and "Put it under the glute." in email.body
    page = agent_client.get(detail_url(support_request)).content.decode()
    assert "Put it under the glute." in page and "Waiting on customer" in page


def test_internal_note_is_shown_to_staff_only(
    agent_client, client, django_capture_on_commit_callbacks
):
    support_request = open_request()
    with django_capture_on_commit_callbacks(execute=True):
        agent_client.post(
            action_url(support_request), {"action": "note", "body": "Refund likely; check stock."}
        )
    assert mail.outbox == []
    assert "Refund likely" in agent_client.get(detail_url(support_request)).content.decode()
    assert "Refund likely" not in client.get(private_link_path(support_request)).content.decode()


def test_assign_to_self_and_to_another_agent(agent_client, agent):
    other = get_user_model().objects.create_user("kim", "kim@qlclaw.example", "pw", is_staff=True)
    other.groups.add(*agent.groups.all())
    support_request = open_request()
    agent_client.post(action_url(support_request), {"action": "assign_me"})
    support_request.refresh_from_db()
    assert support_request.assignee == agent and support_request.status == "open"
    agent_client.post(action_url(support_request), {"action": "assign", "assignee": other.pk})
    support_request.refresh_from_db()
    assert support_request.assignee == other
    # Someone who is not an agent cannot be given the request.
    outsider = get_user_model().objects.create_user("out", "out@example.com", "pw")
    response = agent_client.post(
        action_url(support_request), {"action": "assign", "assignee": outsider.pk}
    )
    assert response.status_code == 400
    support_request.refresh_from_db()
    assert support_request.assignee == other


def test_status_change_and_bad_actions(agent_client):
    support_request = open_request()
    assert (
        agent_client.post(
            action_url(support_request), {"action": "status", "status": "resolved"}
        ).status_code
        == 302
    )
    support_request.refresh_from_db()
    assert support_request.status == "resolved" and support_request.resolved_at
    assert (
        agent_client.post(
            action_url(support_request), {"action": "status", "status": "bogus"}
        ).status_code
        == 400
    )
    assert (
        agent_client.post(action_url(support_request), {"action": "reply", "body": ""}).status_code
        == 400
    )
    assert agent_client.post(action_url(support_request), {"action": "explode"}).status_code == 400
    assert agent_client.get(action_url(support_request)).status_code == 405
    missing = reverse("support_dashboard:request-detail", kwargs={"reference": "SR-NOPE22"})
    assert agent_client.get(missing).status_code == 404


def test_revoking_the_private_link_from_the_dashboard(agent_client, client):
    support_request = open_request()
    old = private_link_path(support_request)
    agent_client.post(action_url(support_request), {"action": "revoke"})
    assert client.get(old).status_code == 404


def test_request_page_shows_the_signed_in_senders_orders_and_other_requests(agent_client, customer):
    create_order(number="400001", user=customer)
    create_order(number="400003", user=customer)
    create_order(number="400002", guest_email="dana@example.com")
    support_request = open_request(user=customer, order_number="400001")
    earlier = open_request(user=customer)
    typed_email_only = open_request()
    html = agent_client.get(detail_url(support_request)).content.decode()
    assert reverse("dashboard:order-detail", kwargs={"number": "400001"}) in html
    assert "400003" in html and earlier.reference in html
    # Matched only by an email anyone could type: not shown as the customer's.
    assert "400002" not in html and typed_email_only.reference not in html


def test_canned_replies_are_managed_and_prefill_the_reply(agent_client):
    response = agent_client.post(
        reverse("support_dashboard:canned-reply-create"),
        {"title": "Parcel", "body": "Your parcel is on its way."},
    )
    assert response.status_code == 302
    canned = CannedReply.objects.get()
    agent_client.post(
        reverse("support_dashboard:canned-reply-update", kwargs={"pk": canned.pk}),
        {"title": "Parcel", "body": "Your parcel is on its way, tracked."},
    )
    canned.refresh_from_db()
    assert canned.body.endswith("tracked.")
    support_request = open_request()
    html = agent_client.get(detail_url(support_request), {"canned": canned.pk}).content.decode()
    assert "Your parcel is on its way, tracked.</textarea>" in html
    assert (
        "Parcel"
        in agent_client.get(reverse("support_dashboard:canned-reply-list")).content.decode()
    )
    agent_client.post(reverse("support_dashboard:canned-reply-delete", kwargs={"pk": canned.pk}))
    assert not CannedReply.objects.exists()


def test_staff_download_attachment(agent_client):
    from shop.support.attachments import check_attachment

    from .helpers import pdf_bytes, upload

    support_request = services.open_support_request(
        name="Dana",
        email="dana@example.com",
        topic="order",
        message="Receipt attached.",
        attachments=[check_attachment(upload("r.pdf", pdf_bytes()))],
    )
    attachment = support_request.messages.get().attachments.get()
    url = reverse(
        "support_dashboard:request-attachment",
        kwargs={"reference": support_request.reference, "pk": attachment.pk},
    )
    assert url in agent_client.get(detail_url(support_request)).content.decode()
    response = agent_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
