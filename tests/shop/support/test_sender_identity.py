"""Nobody can write to support as another customer (issue 22).

A signed-in sender writes as their account; an order is linked only when the sender proves it
is theirs (they own it, their session placed or looked it up, or they hold its private link).
Any other order number is kept "unverified", and the agent sees nothing of that order's customer.
"""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.test.factories import ShippingAddressFactory, create_order

from shop.guarantee.access import order_access_key
from shop.guarantee.demo import ensure_guarantee_terms
from shop.guarantee.models import GuaranteeClaim
from shop.support import services
from shop.support.models import SupportRequest

from .helpers import contact_data, open_request

pytestmark = pytest.mark.django_db

CONTACT = "/contact/"


@pytest.fixture
def alice(db):
    """The victim: an account with two orders, a claim and an earlier support request."""
    user = get_user_model().objects.create_user(
        "alice", "alice@example.com", "pw-Alice-12345", first_name="Alice"
    )
    first = create_order(
        number="100001", user=user, shipping_address=ShippingAddressFactory(line1="7 Secret Lane")
    )
    create_order(number="100002", user=user)
    GuaranteeClaim.objects.create(
        reference="MBG-ALICE1",
        order=first,
        terms=ensure_guarantee_terms(),
        reason=GuaranteeClaim.Reason.NO_RELIEF,
        submission_key="k1",
        amount=Decimal("49.00"),
        currency="USD",
    )
    open_request(name="Alice", email="alice@example.com", user=user, message="Earlier question")
    return user


@pytest.fixture
def mallory(db):
    """A signed-in account with no orders at all."""
    return get_user_model().objects.create_user(
        "mallory", "mallory@example.com", "pw-Mallory-12345", first_name="Mal"
    )


def agent_page(agent_client, support_request) -> str:
    url = reverse("support_dashboard:request-detail", args=[support_request.reference])
    response = agent_client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_nothing_of_alice(html: str) -> None:
    assert "100002" not in html  # her other order
    assert "MBG-ALICE1" not in html  # her claim
    assert "Earlier question" not in html and "alice@example.com" not in html
    assert "7 Secret Lane" not in html
    assert reverse("dashboard:order-detail", kwargs={"number": "100001"}) not in html


def test_signed_in_sender_cannot_pose_as_another_customer(
    client, alice, mallory, agent, django_capture_on_commit_callbacks
):
    client.force_login(mallory)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CONTACT, contact_data(email="alice@example.com", order_number="100001", topic="order")
        )
    assert response.status_code == 302

    support_request = SupportRequest.objects.get(user=mallory)
    assert support_request.email == "mallory@example.com"  # the account's, not the typed one
    assert support_request.order is None
    assert support_request.unverified_order_number == "100001"
    confirmation = [m for m in mail.outbox if "We have your message" in m.subject]
    assert [m.to for m in confirmation] == [["mallory@example.com"]]

    agent_client = Client()
    agent_client.force_login(agent)
    html = agent_page(agent_client, support_request)
    assert "unverified" in html and "100001" in html
    assert_nothing_of_alice(html)

    # The agent's reply reaches the sender's own account and mailbox, never Alice's.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_as_staff(support_request=support_request, by=agent, body="Hello there")
    assert [m.to for m in mail.outbox] == [["mallory@example.com"]]


def test_contact_form_shows_a_signed_in_sender_their_account_email_only(client, mallory):
    client.force_login(mallory)
    html = client.get(CONTACT).content.decode()
    assert 'value="mallory@example.com"' in html
    assert "disabled" in html.split('name="email"')[1].split(">")[0]


def test_owner_signed_in_links_their_own_order(alice, agent_client):
    client = Client()
    client.force_login(alice)
    response = client.post(CONTACT, contact_data(order_number="100001", topic="order"))
    assert response.status_code == 302
    support_request = SupportRequest.objects.get(order__number="100001")
    assert support_request.unverified_order_number == ""
    assert support_request.email == "alice@example.com"
    html = agent_page(agent_client, support_request)
    assert "100002" in html and "MBG-ALICE1" in html and "Earlier question" not in html
    assert "Other requests" in html


def test_anonymous_email_and_number_that_match_are_no_proof(agent_client):
    client = Client()
    create_order(number="300001", guest_email="guest@example.com")
    create_order(number="300002", guest_email="guest@example.com")
    response = client.post(
        CONTACT, contact_data(email="guest@example.com", order_number="300001", topic="order")
    )
    assert response.status_code == 302
    support_request = SupportRequest.objects.get()
    assert support_request.order is None
    assert support_request.unverified_order_number == "300001"
    html = agent_page(agent_client, support_request)
    assert "unverified" in html
    assert "300002" not in html
    assert reverse("dashboard:order-detail", kwargs={"number": "300001"}) not in html


def test_guest_who_looked_the_order_up_links_it(agent_client):
    client = Client()
    create_order(number="300001", guest_email="guest@example.com")
    lookup = client.post(
        reverse("order:lookup"), {"number": "300001", "email": "guest@example.com"}
    )
    assert lookup.status_code == 200
    response = client.post(
        CONTACT, contact_data(email="guest@example.com", order_number="300001", topic="order")
    )
    assert response.status_code == 302
    support_request = SupportRequest.objects.get()
    assert support_request.order.number == "300001"
    assert support_request.unverified_order_number == ""
    html = agent_page(agent_client, support_request)
    assert reverse("dashboard:order-detail", kwargs={"number": "300001"}) in html


def test_private_link_of_the_order_proves_it_and_a_forged_key_does_not(client):
    order = create_order(number="300001", guest_email="guest@example.com")
    key = order_access_key(order)
    page = client.get(CONTACT, {"order": "300001", "key": key}).content.decode()
    assert 'value="300001"' in page and f'value="{key}"' in page

    forged = client.post(CONTACT, contact_data(order_number="300001", order_key="0" * 32))
    assert forged.status_code == 302
    assert SupportRequest.objects.get().unverified_order_number == "300001"

    proven = Client().post(CONTACT, contact_data(order_number="300001", order_key=key))
    assert proven.status_code == 302
    assert SupportRequest.objects.filter(order=order).count() == 1


def test_order_pages_link_the_contact_form_with_the_orders_key(client, alice):
    client.force_login(alice)
    order = alice.orders.get(number="100001")
    html = client.get(reverse("customer:order", kwargs={"order_number": "100001"})).content
    assert f"?order=100001&amp;key={order_access_key(order)}".encode() in html


def test_signed_in_customer_links_a_guest_order_through_its_private_link(client, mallory):
    order = create_order(number="300001", guest_email="mallory@example.com")
    client.force_login(mallory)
    key = order_access_key(order)
    page = client.get(CONTACT, {"order": "300001", "key": key}).content.decode()
    assert "Order 300001" in page
    response = client.post(CONTACT, contact_data(order_number="300001", order_key=key))
    assert response.status_code == 302
    assert SupportRequest.objects.get().order == order


def test_queue_marks_unverified_numbers_and_finds_them(agent_client):
    support_request = open_request(order_number="555555")
    response = agent_client.get(reverse("support_dashboard:request-list"), {"q": "555555"})
    assert [r.pk for r in response.context["support_requests"]] == [support_request.pk]
    assert "555555 <small>(unverified)</small>" in response.content.decode()
