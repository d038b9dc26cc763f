"""One account per email address, whatever its letter case: sign-in, the lockout, registration
and the database agree (issue 22: the lockout was bypassed by changing the case)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

pytestmark = pytest.mark.django_db

PASSWORD = "correct-Horse-battery-9"
LOGIN_FORMS = {
    "customer": ("/accounts/login/", ("login-username", "login-password", {"login_submit": "1"})),
    "dashboard": ("/dashboard/login/", ("username", "password", {})),
}


@pytest.fixture
def victim():
    return get_user_model().objects.create_user("victim", "victim@example.com", PASSWORD)


def sign_in(client, form, email, password, address="203.0.113.7"):
    path, (email_field, password_field, extra) = LOGIN_FORMS[form]
    return client.post(
        path, {email_field: email, password_field: password, **extra}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_a_locked_account_stays_locked_in_another_letter_case(client, victim, form):
    for _ in range(10):
        sign_in(client, form, "victim@example.com", "wrong")
    for variant in (
        "VICTIM@example.com",
        "Victim@Example.com",
        "victim@EXAMPLE.COM",
        " victim@example.com ",
    ):
        locked = sign_in(client, form, variant, PASSWORD)
        assert locked.status_code == 429, variant
        assert "Too many sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_every_letter_case_counts_against_one_limit(client, victim, form):
    variants = [
        "victim@example.com",
        "VICTIM@example.com",
        "Victim@Example.Com",
        "victim@EXAMPLE.COM",
    ]
    for attempt in range(9):
        response = sign_in(client, form, variants[attempt % len(variants)], "wrong")
        assert response.status_code == 200  # the form again: not locked before the tenth
    assert sign_in(client, form, "VICTIM@EXAMPLE.COM", "wrong").status_code == 429
    assert sign_in(client, form, "victim@example.com", PASSWORD).status_code == 429


def test_the_account_signs_in_in_any_letter_case(client, victim):
    response = sign_in(client, "customer", "VICTIM@Example.COM", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(victim.pk)


def test_signing_in_clears_the_failures_counted_under_the_email(client, victim):
    for _ in range(9):
        sign_in(client, "customer", "Victim@example.com", "wrong")
    assert sign_in(client, "customer", "victim@example.com", PASSWORD).status_code == 302
    client.logout()
    for _ in range(9):
        assert sign_in(client, "customer", "victim@example.com", "wrong").status_code == 200
    assert sign_in(client, "customer", "victim@example.com", PASSWORD).status_code == 302


REGISTRATION = {"password1": "pw-Long-12345", "password2": "pw-Long-12345"}


@pytest.mark.parametrize("email", ["Alice@Example.com", "ALICE@EXAMPLE.COM", " alice@example.com"])
def test_registering_an_existing_email_in_another_case_is_refused(client, email):
    get_user_model().objects.create_user("alice", "alice@example.com", PASSWORD)
    response = client.post("/accounts/register/", {"email": email, **REGISTRATION})
    assert response.status_code == 200
    assert "An account with this email address already exists" in response.content.decode()
    assert get_user_model().objects.filter(email__iexact="alice@example.com").count() == 1


def test_the_sign_in_pages_registration_form_refuses_it_too(client):
    get_user_model().objects.create_user("alice", "alice@example.com", PASSWORD)
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": "Alice@Example.com",
            "registration-password1": "pw-Long-12345",
            "registration-password2": "pw-Long-12345",
            "registration_submit": "Register",
        },
    )
    assert response.status_code == 200
    assert "An account with this email address already exists" in response.content.decode()
    assert get_user_model().objects.filter(email__iexact="alice@example.com").count() == 1


def test_a_new_account_keeps_its_email_lower_cased(client):
    response = client.post(
        "/accounts/register/", {"email": "New.Reader@Example.COM", **REGISTRATION}
    )
    assert response.status_code == 302
    assert get_user_model().objects.get().email == "new.reader@example.com"
    client.logout()
    assert sign_in(client, "customer", "New.Reader@Example.COM", "pw-Long-12345").status_code == 302


def test_the_database_refuses_two_accounts_differing_only_by_case():
    users = get_user_model().objects
    users.create_user("alice", "alice@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        users.create_user("alice2", "ALICE@example.com")
    # Accounts without an email (a superuser made on the command line) are not one address.
    users.create_user("admin1", "")
    users.create_user("admin2", "")
    assert users.count() == 3
