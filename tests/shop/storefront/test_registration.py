"""Registration creates the account and signs the customer in (django-axes' backend in place)."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_registering_on_the_register_page_signs_the_customer_in(client):
    response = client.post(
        "/accounts/register/",
        {"email": "new@example.com", "password1": "pw-Long-12345", "password2": "pw-Long-12345"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="new@example.com")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/accounts/profile/").status_code == 200


def test_registering_on_the_sign_in_page_signs_the_customer_in(client):
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": "other@example.com",
            "registration-password1": "pw-Long-12345",
            "registration-password2": "pw-Long-12345",
            "registration_submit": "Register",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="other@example.com")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_weak_password_is_refused_with_the_reason(client):
    response = client.post(
        "/accounts/register/",
        {"email": "weak@example.com", "password1": "123", "password2": "123"},
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not get_user_model().objects.filter(email="weak@example.com").exists()
