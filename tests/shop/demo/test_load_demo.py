"""manage.py load_demo: idempotent demo data and a staff account that opens the dashboard."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list]:
    """Every row of every project and Oscar model, as comparable values."""
    rows = {}
    for model in apps.get_models():
        if not model._meta.managed or model._meta.label in {"sessions.Session", "admin.LogEntry"}:
            continue
        rows[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return rows


def test_load_demo_twice_leaves_the_same_rows(settings):
    settings.SITE_URL = "https://shop.example.com"
    run_load_demo()
    first = snapshot()
    run_load_demo()
    assert snapshot() == first
    assert Site.objects.get().domain == "shop.example.com"
    assert len(first["address.Country"]) > 240


def test_password_is_printed_once_and_staff_account_opens_the_dashboard(client):
    first_output = run_load_demo()
    match = re.search(r"email (\S+), password (\S+)", first_output)
    assert match, first_output
    email, password = match.groups()

    second_output = run_load_demo()
    assert password not in second_output

    user = get_user_model().objects.get(email=email)
    assert user.is_staff and not user.is_superuser

    # Oscar's dashboard login form (email authentication backend) with the printed password.
    response = client.post("/dashboard/login/", {"username": email, "password": password})
    assert response.status_code == 302
    for path in ("/dashboard/", "/dashboard/orders/", "/dashboard/catalogue/", "/dashboard/pages/"):
        assert client.get(path).status_code == 200, path


def test_staff_account_without_roles_is_refused_by_the_dashboard(client):
    user = get_user_model().objects.create_user("bare", "bare@example.com", "pw-Bare-12345")
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get("/dashboard/orders/").status_code == 403
