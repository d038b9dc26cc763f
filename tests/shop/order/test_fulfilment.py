"""Staff record shipments and deliveries from the dashboard order page; the customer is told.

A shipment with a tracking number emails the customer once however often the form is posted,
shows on the account order page and the guest lookup with the carrier's tracking link, and a
partial shipment leaves the rest pending (order "Being processed", the rest of the stock still
allocated). Only order handlers and superusers may do it.
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.outbox.models import OutgoingEmail
from tests.shop.guarantee.helpers import paid_order
from tests.shop.order.staff import staff_in

pytestmark = pytest.mark.django_db

ShippingEvent = get_model("order", "ShippingEvent")
Order = get_model("order", "Order")
CommunicationEmail = get_model("communication", "Email")

KEY = "first-click-key-0123456789"
TRACKING = "1Z999AA10123456784"
UPS_LINK = f"https://www.ups.com/track?tracknum={TRACKING}"


@pytest.fixture
def order(client, product, fake_stripe):
    return paid_order(client, product, fake_stripe, quantity=2, email="buyer@example.com")


def ship(staff, order, *, units=None, key=KEY, carrier="ups", tracking=TRACKING):
    line = order.lines.get()
    return staff.post(
        reverse("fulfilment_dashboard:record-shipment", args=[order.number]),
        {
            "submission_key": key,
            "carrier": carrier,
            "tracking_number": tracking,
            f"quantity_{line.pk}": line.quantity if units is None else units,
        },
    )


def shipping_emails(order):
    return [m for m in mail.outbox if m.subject.endswith("is on its way")]


def test_a_shipment_emails_the_tracking_link_once_however_often_it_is_posted(
    handler, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = ship(handler, order)
    with django_capture_on_commit_callbacks(execute=True):
        second = ship(handler, order)  # the second click of a double click

    assert first.status_code == 302 and second.status_code == 302
    assert ShippingEvent.objects.filter(order=order, event_type__name="Shipped").count() == 1
    sent = shipping_emails(order)
    assert len(sent) == 1
    assert sent[0].to == ["buyer@example.com"]
    assert UPS_LINK in sent[0].body
    assert f'href="{UPS_LINK}"' in sent[0].alternatives[0][0]
    assert OutgoingEmail.objects.filter(subject__endswith="is on its way").count() == 1
    order.refresh_from_db()
    assert order.status == "Shipped"


def test_a_partial_shipment_leaves_the_rest_pending(handler, order, product):
    assert ship(handler, order, units=1).status_code == 302
    order.refresh_from_db()
    assert order.status == "Being processed"
    record = product.stockrecords.get()
    # One unit left the warehouse; the other is still held for this order.
    assert (record.num_in_stock, record.num_allocated) == (9, 1)

    page = handler.get(reverse("dashboard:order-detail", args=[order.number]))
    assert page.status_code == 200
    assert "Still to ship:</strong> 1 \u00d7 QL Claw" in page.content.decode()

    assert (
        ship(
            handler, order, units=1, key="second-parcel-key-012345", tracking="JD014600003"
        ).status_code
        == 302
    )
    order.refresh_from_db()
    assert order.status == "Shipped"
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (8, 0)


def test_the_guest_lookup_shows_each_parcel_and_what_is_still_to_ship(handler, order):
    ship(handler, order, units=1)
    response = Client().post(
        reverse("order:lookup"), {"number": order.number, "email": "buyer@example.com"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="{UPS_LINK}"' in body
    assert "with UPS, on its way" in body
    assert "Not shipped yet" in body and "1 \u00d7 QL Claw" in body


def test_the_account_order_page_shows_the_parcel_and_the_delivery(
    handler, order, django_capture_on_commit_callbacks
):
    customer = UserFactory(email="buyer@example.com")
    Order.objects.filter(pk=order.pk).update(user=customer)
    ship(handler, order)
    shipment = ShippingEvent.objects.get(order=order)
    url = reverse("fulfilment_dashboard:mark-delivered", args=[order.number, shipment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert handler.post(url).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert handler.post(url).status_code == 302  # a second click records nothing more

    order.refresh_from_db()
    assert order.status == "Delivered"
    assert ShippingEvent.objects.filter(order=order, event_type__name="Delivered").count() == 1
    arrived = [m for m in mail.outbox if m.subject.endswith("has arrived")]
    assert len(arrived) == 1
    assert "you can claim your money back until" in arrived[0].body

    account = Client()
    account.force_login(customer)
    body = account.get(reverse("customer:order", args=[order.number])).content.decode()
    assert f'href="{UPS_LINK}"' in body
    assert "delivered " in body
    # The guarantee window now runs from the delivery.
    assert "days from delivery on" in body


def test_every_email_to_the_customer_is_in_the_account_email_history(
    handler, order, django_capture_on_commit_callbacks
):
    customer = UserFactory(email="buyer@example.com")
    Order.objects.filter(pk=order.pk).update(user=customer)
    order.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        ship(handler, order)
    account = Client()
    account.force_login(customer)
    body = account.get(reverse("customer:email-list")).content.decode()
    assert f"Your QL Claw order #{order.number} is on its way" in body
    email = CommunicationEmail.objects.get(user=customer, subject__endswith="is on its way")
    detail = account.get(reverse("customer:email-detail", kwargs={"email_id": email.pk}))
    assert UPS_LINK in detail.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"units": 3}, "Ensure this value is less than or equal to 2."),
        ({"units": "two"}, "Enter a whole number."),
        ({"units": -1}, "Ensure this value is greater than or equal to 0."),
        ({"units": 0}, "Enter how many units of at least one line are shipped."),
        ({"carrier": "pigeon"}, "Select a valid choice."),
        ({"tracking": "   "}, "This field is required."),
        ({"key": ""}, "reload the order page and try again"),
    ],
)
def test_bad_shipment_input_is_a_form_error_and_records_nothing(handler, order, changes, message):
    response = ship(handler, order, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ShippingEvent.objects.filter(order=order).exists()
    order.refresh_from_db()
    assert order.status == "Paid"


def test_an_unpaid_order_cannot_ship(handler, client, product):
    from tests.shop.payment.helpers import pending_order

    unpaid, _attempt = pending_order(client, product)
    response = ship(handler, unpaid, units=1)
    assert response.status_code == 400
    assert "is pending payment: only a paid order" in response.content.decode()
    assert not ShippingEvent.objects.filter(order=unpaid).exists()


@pytest.mark.parametrize("role", ["Support agent", "Editor", None])
def test_only_order_handlers_may_ship_or_mark_delivered(role, handler, order):
    other = staff_in(role)
    assert ship(other, order).status_code == 403
    ship(handler, order)
    shipment = ShippingEvent.objects.get(order=order)
    url = reverse("fulfilment_dashboard:mark-delivered", args=[order.number, shipment.pk])
    assert other.post(url).status_code == 403
    assert not ShippingEvent.objects.filter(order=order, event_type__name="Delivered").exists()


def test_a_superuser_may_ship(order):
    assert ship(staff_in(None, superuser=True), order).status_code == 302
    assert ShippingEvent.objects.filter(order=order).count() == 1


def test_the_dashboard_order_page_offers_the_form_to_handlers_only(handler, order):
    url = reverse("dashboard:order-detail", args=[order.number])
    assert 'id="shipment-form"' in handler.get(url).content.decode()
    agent_page = staff_in("Support agent").get(url)
    assert agent_page.status_code == 200
    assert 'id="shipment-form"' not in agent_page.content.decode()


def test_the_order_pages_query_count_does_not_grow_with_shipments(
    handler, client, product, fake_stripe, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    order = paid_order(client, product, fake_stripe, quantity=4, email="buyer@example.com")
    lookup = {"number": order.number, "email": "buyer@example.com"}
    ship(handler, order, units=1, key="parcel-one-key-0123456789")
    with CaptureQueriesContext(connection) as one:
        Client().post(reverse("order:lookup"), lookup)
    ship(handler, order, units=1, key="parcel-two-key-0123456789", tracking="T2")
    ship(handler, order, units=1, key="parcel-three-key-012345678", tracking="T3")
    with CaptureQueriesContext(connection) as three:
        Client().post(reverse("order:lookup"), lookup)
    assert len(three) == len(one)


def test_the_email_history_holds_order_claim_and_support_emails_but_not_staff_ones(
    order, django_capture_on_commit_callbacks
):
    from shop.guarantee.services import open_claim
    from shop.order.emails import send_order_confirmation
    from shop.support.services import open_support_request

    customer = UserFactory(email="buyer@example.com")
    Order.objects.filter(pk=order.pk).update(user=customer)
    order.refresh_from_db()
    line = order.lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        send_order_confirmation(order=order)
        claim = open_claim(
            order=order,
            quantities={line.pk: 1},
            reason="no_relief",
            details="",
            submission_key="claim-key-0123456789",
        )
        request = open_support_request(
            name="Buyer",
            email="buyer@example.com",
            topic="order",
            message="Where is my parcel?",
            order_number=order.number,
            user=customer,
        )
    subjects = set(
        CommunicationEmail.objects.filter(user=customer).values_list("subject", flat=True)
    )
    assert subjects == {
        f"Your QL Claw order #{order.number} is confirmed",
        f"Money-back claim {claim.reference}: we received your claim",
        f"We have your message [{request.reference}]",
    }
    # Staff's copy of the new request went out, but is nobody's account history.
    assert any(m.subject.startswith("New support request") for m in mail.outbox)
    account = Client()
    account.force_login(customer)
    body = account.get(reverse("customer:email-list")).content.decode()
    for subject in subjects:
        assert subject in body
