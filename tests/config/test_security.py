"""Security by default: production headers and cookies, login lockout, request ids."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.config.test_settings_profiles import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]

# Requests the real site through Django's test client in a fresh process started with the
# production profile, and reports status and headers.
PROBE = """
import django, json, sys
django.setup()
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
# Tables straight from the models: this probe needs the schema, not the migration history.
settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, verbosity=0)
from django.test import Client
client = Client()
result = {}
for path in sys.argv[1:]:
    secure = not path.startswith("http:")
    path = path.removeprefix("http:")
    response = client.get(path, secure=secure, HTTP_HOST="shop.example.com")
    result[("" if secure else "http:") + path] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: dict(morsel) | {"secure": morsel["secure"]}
            for name, morsel in response.cookies.items()
        },
    }
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def production_responses(tmp_path_factory):
    db = tmp_path_factory.mktemp("prod") / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_"))},
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{db}",
        "REDIS_URL": "",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    paths = ["/", "/accounts/login/", "/dashboard/login/", "http:/", "http:/healthz"]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_customer_pages_carry_every_security_header(production_responses, path):
    response = production_responses[path]
    assert response["status"] == 200
    headers = response["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "payment=()" in headers["Permissions-Policy"]
    csp = {
        directive.split()[0]: directive.split()[1:]
        for directive in headers["Content-Security-Policy"].split("; ")
    }
    assert csp["default-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["script-src"][0] == "'self'"
    assert all(source.startswith("'nonce-") for source in csp["script-src"][1:])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'", "https://checkout.stripe.com"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]


def test_only_the_dashboard_gets_the_looser_policy(production_responses):
    dashboard_csp = production_responses["/dashboard/login/"]["headers"]["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in dashboard_csp
    assert "frame-ancestors 'none'" in dashboard_csp


def test_cookies_are_secure_host_prefixed_and_lax(production_responses):
    cookies = production_responses["/accounts/login/"]["cookies"]
    csrf = cookies["__Host-csrftoken"]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    assert csrf["path"] == "/"
    assert not csrf["domain"]


def test_plain_http_is_redirected_to_https_but_health_checks_are_not(production_responses):
    redirect = production_responses["http:/"]
    assert redirect["status"] == 301
    assert redirect["headers"]["Location"] == "https://shop.example.com/"
    assert "Strict-Transport-Security" not in redirect["headers"]
    assert production_responses["http:/healthz"]["status"] == 200


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_echoes_a_given_one(client):
    response = client.get("/")
    assert len(response["X-Request-ID"]) >= 32
    given = client.get("/", HTTP_X_REQUEST_ID="3f1b6c1e9a0d4e3f8b2c7d6a5e4f3a2b")
    assert given["X-Request-ID"] == "3f1b6c1e9a0d4e3f8b2c7d6a5e4f3a2b"


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user(
        "reader", "reader@example.com", "correct-Horse-battery-9"
    )


def attempt_login(client, path, fields, email, password, address):
    return client.post(
        path, {fields[0]: email, fields[1]: password, **fields[2]}, REMOTE_ADDR=address
    )


LOGIN_FORMS = {
    "customer": (
        "/accounts/login/",
        ("login-username", "login-password", {"login_submit": "1"}),
    ),
    "dashboard": ("/dashboard/login/", ("username", "password", {})),
}


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_ten_failures_lock_that_username_from_that_address_only(client, customer, settings, form):
    path, fields = LOGIN_FORMS[form]
    for _ in range(10):
        response = attempt_login(client, path, fields, customer.email, "wrong", "203.0.113.7")
        assert response.status_code in (200, 429)
    locked = attempt_login(
        client, path, fields, customer.email, "correct-Horse-battery-9", "203.0.113.7"
    )
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()

    # The real customer, elsewhere, still signs in: the attacker cannot lock them out.
    elsewhere = attempt_login(
        client, path, fields, customer.email, "correct-Horse-battery-9", "198.51.100.4"
    )
    assert elsewhere.status_code == 302


def test_staff_can_unlock_a_locked_customer(client, customer):
    path, fields = LOGIN_FORMS["customer"]
    for _ in range(10):
        attempt_login(client, path, fields, customer.email, "wrong", "203.0.113.7")
    from django.core.management import call_command

    call_command("axes_reset_username", customer.email)
    response = attempt_login(
        client, path, fields, customer.email, "correct-Horse-battery-9", "203.0.113.7"
    )
    assert response.status_code == 302


def test_pillow_refuses_images_far_beyond_what_the_site_needs():
    from PIL import Image

    assert Image.MAX_IMAGE_PIXELS == 64_000_000
