"""Rate limits on Oscar's public forms (password reset, registration), and the client address."""

import pytest
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
    settings.RATE_LIMITED_FORMS = {**settings.RATE_LIMITED_FORMS, "customer:register": "2/h"}
    url = reverse("customer:register")
    statuses = [
        client.post(url, {"email": f"r{n}@example.com"}, REMOTE_ADDR="203.0.113.9").status_code
        for n in range(3)
    ]
    assert statuses[:2] == [200, 200]  # the form is shown again with its errors
    assert statuses[2] == 429


def test_client_ip_trusts_only_the_configured_number_of_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # the forged left-most entry is ignored
