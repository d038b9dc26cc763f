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
