"""Django's own admin: mounted only at the non-default ADMIN_URL, and for staff only."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

ADMIN = f"/{settings.ADMIN_URL}"


def test_the_admin_is_not_at_the_default_path(client):
    assert settings.ADMIN_URL.strip("/") != "admin"
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404


def test_visitors_are_sent_to_the_admin_login(client):
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{ADMIN}login/")


def test_a_signed_in_customer_does_not_get_in(client):
    customer = get_user_model().objects.create_user(
        "reader", "reader@example.com", "pw-Reader-12345"
    )
    client.force_login(customer)
    response = client.get(f"{ADMIN}auth/user/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{ADMIN}login/")
    # Signing in at the admin's own form with a customer account is refused too.
    client.logout()
    refused = client.post(
        f"{ADMIN}login/", {"username": "reader@example.com", "password": "pw-Reader-12345"}
    )
    assert refused.status_code == 200
    assert "staff account" in refused.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_staff_get_in(client):
    staff = get_user_model().objects.create_superuser(
        "boss", "boss@qlclaw.example", "pw-Boss-12345"
    )
    client.force_login(staff)
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert "Site administration" in response.content.decode()


ROLE_PAGES = {
    "Editor": "flatpages/flatpage/",
    "Order handler": "guarantee/guaranteeclaim/",
    "Support agent": "order/order/",
}


@pytest.fixture
def staff_in_role():
    from shop.backoffice.roles import ensure_staff_roles

    groups = ensure_staff_roles()

    def make(role):
        user = get_user_model().objects.create_user(
            role.replace(" ", "-").lower(), f"{role[0].lower()}@qlclaw.example", "pw-Staff-12345"
        )
        user.is_staff = True
        user.save()
        user.groups.add(groups[role])
        return user

    return make


@pytest.mark.parametrize("role", ROLE_PAGES)
def test_no_staff_role_gets_into_the_admin(client, staff_in_role, role):
    """Issue 22: every role could edit its apps' models there, around the services."""
    staff = staff_in_role(role)
    client.force_login(staff)
    for path in ("", ROLE_PAGES[role], f"{ROLE_PAGES[role]}add/"):
        response = client.get(f"{ADMIN}{path}")
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{ADMIN}login/")
    assert client.post(f"{ADMIN}{ROLE_PAGES[role]}add/", {}).status_code == 302
    # The role still works in the dashboard.
    assert client.get("/dashboard/").status_code == 200
    # Signing in at the admin's form with the role's account is refused with the reason.
    client.logout()
    refused = client.post(
        f"{ADMIN}login/", {"username": staff.username, "password": "pw-Staff-12345"}
    )
    assert refused.status_code == 200
    assert "for the site&#x27;s developers" in refused.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_a_superuser_gets_into_every_model_page(client):
    boss = get_user_model().objects.create_superuser("boss", "boss@qlclaw.example", "pw-B-12345")
    client.force_login(boss)
    for path in ROLE_PAGES.values():
        assert client.get(f"{ADMIN}{path}").status_code == 200, path


@pytest.fixture
def paid_sale(db):
    from decimal import Decimal

    from oscar.test.factories import create_order

    order = create_order(user=None)
    order.total_incl_tax = Decimal("123.45")
    order.save()
    return order


@pytest.mark.parametrize(
    ("role", "sees_revenue"),
    [("Order handler", True), ("Editor", False), ("Support agent", False)],
)
def test_only_order_handlers_see_the_dashboards_revenue(
    client, staff_in_role, paid_sale, role, sees_revenue
):
    client.force_login(staff_in_role(role))
    response = client.get("/dashboard/")
    assert response.status_code == 200
    page = response.content.decode()
    for figure in ("Total Orders", "Total Customers", "$123.45", "Latest Orders"):
        assert (figure in page) is sees_revenue, figure


def test_a_superuser_sees_the_revenue(client, paid_sale):
    boss = get_user_model().objects.create_superuser("boss", "boss@qlclaw.example", "pw-B-12345")
    client.force_login(boss)
    page = client.get("/dashboard/").content.decode()
    assert "Total Orders" in page
    assert "$123.45" in page
