"""Rate limits on Oscar's public forms (password reset, registration), and the client address."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from shop.security.addresses import client_ip

pytestmark = pytest.mark.django_db


def test_password_reset_is_rate_limited_per_address(client):
    url = reverse("password-reset")
    for _ in range(5):
        response = client.post(url, {"email": "reader@example.com"}, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 302
    refused = client.post(url, {"email": "reader@example.com"}, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert "Please wait a little" in refused.content.decode()
    assert client.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200
    other = client.post(url, {"email": "reader@example.com"}, REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 302


def test_registration_is_rate_limited(client, settings):
    settings.REGISTRATION_RATE = "2/h"
    url = reverse("customer:register")
    statuses = [
        client.post(url, {"email": f"r{n}@example.com"}, REMOTE_ADDR="203.0.113.9").status_code
        for n in range(3)
    ]
    assert statuses[:2] == [200, 200]  # the form is shown again with its errors
    assert statuses[2] == 429


REGISTRATION_ON_SIGN_IN_PAGE = {
    "registration-password1": "pw-Long-12345",
    "registration-password2": "pw-Long-12345",
    "registration_submit": "Register",
}


def test_registering_through_the_sign_in_page_is_rate_limited_too(client, settings):
    settings.REGISTRATION_RATE = "3/h"
    statuses = [
        client.post(
            "/accounts/login/",
            {**REGISTRATION_ON_SIGN_IN_PAGE, "registration-email": f"r{n}@example.com"},
            REMOTE_ADDR="203.0.113.9",
        ).status_code
        for n in range(4)
    ]
    client.logout()
    assert statuses == [302, 302, 302, 429]  # three accounts made and signed in, then refused
    assert get_user_model().objects.filter(email__startswith="r").count() == 3


def test_both_registration_pages_share_one_counter(client, settings):
    settings.REGISTRATION_RATE = "2/h"
    address = {"REMOTE_ADDR": "203.0.113.9"}
    client.post("/accounts/register/", {"email": "a@example.com"}, **address)
    client.post(
        "/accounts/login/",
        {**REGISTRATION_ON_SIGN_IN_PAGE, "registration-email": "b@example.com"},
        **address,
    )
    client.logout()
    for path, data in [
        ("/accounts/register/", {"email": "c@example.com"}),
        ("/accounts/login/", {**REGISTRATION_ON_SIGN_IN_PAGE, "registration-email": "d@x.com"}),
    ]:
        refused = client.post(path, data, **address)
        assert refused.status_code == 429
        assert "Please wait a little" in refused.content.decode()
    assert not get_user_model().objects.filter(email="d@x.com").exists()


def test_signing_in_is_not_counted_as_registering(client, settings):
    settings.REGISTRATION_RATE = "1/h"
    get_user_model().objects.create_user("reader", "reader@example.com", "correct-Horse-9")
    for _ in range(3):
        response = client.post(
            "/accounts/login/",
            {
                "login-username": "reader@example.com",
                "login-password": "wrong",
                "login_submit": "1",
            },
            REMOTE_ADDR="203.0.113.9",
        )
        assert response.status_code == 200  # the form again, not the 429 page
    registered = client.post(
        "/accounts/register/",
        {"email": "new@example.com", "password1": "pw-Long-12345", "password2": "pw-Long-12345"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert registered.status_code == 302


def test_client_ip_trusts_only_the_configured_number_of_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # the forged left-most entry is ignored
