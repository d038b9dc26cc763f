"""A support request shows the staff member the customer's guarantee claims, with their status."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from shop.backoffice.roles import ensure_staff_roles
from shop.guarantee.models import GuaranteeClaim
from shop.support import services as support_services
from tests.shop.checkout.fixtures import make_product
from tests.shop.guarantee.helpers import claim_form, paid_order

pytestmark = pytest.mark.django_db(transaction=True)


def test_support_request_page_lists_the_customers_claims(client, fake_stripe, shop_data):
    order = paid_order(client, make_product(), fake_stripe, email="dana@example.com")
    response = client.post(
        reverse("guarantee:order", args=[order.number]),
        claim_form(order, {order.lines.get().pk: 1}),
    )
    assert response.status_code == 303
    claim = GuaranteeClaim.objects.get(order=order)
    stranger = paid_order(Client(), make_product(), fake_stripe, email="eve@example.com")

    request = support_services.open_support_request(
        name="Dana Reader",
        email="dana@example.com",
        topic="guarantee",
        message="Where do I send the claw back?",
        order_number=order.number,
        proven_order=order,  # the guest's own session placed it
    )
    agent = get_user_model().objects.create_user(
        "agent", "agent@qlclaw.example", "pw-Agent-12345", is_staff=True
    )
    agent.groups.add(ensure_staff_roles()["Support agent"])
    staff = Client()
    staff.force_login(agent)
    html = staff.get(
        reverse("support_dashboard:request-detail", args=[request.reference])
    ).content.decode()
    assert claim.reference in html
    assert claim.get_status_display() in html
    assert stranger.number not in html
