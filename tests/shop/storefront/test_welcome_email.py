"""The welcome email says what the account is for, and it is the first entry of the account's
email history (where every later email to the customer joins it)."""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_the_welcome_email_says_what_the_account_is_for(client):
    response = client.post(
        "/accounts/register/",
        {"email": "new@example.com", "password1": "pw-Long-12345", "password2": "pw-Long-12345"},
    )
    assert response.status_code == 302
    (welcome,) = mail.outbox
    assert welcome.subject == "Your QL Claw account is ready"
    for promise in ("Your orders", "money-back guarantee", "Support", "every message we send"):
        assert promise in welcome.body
    assert "http://testserver/accounts/orders/" in welcome.body
    assert 'href="http://testserver/contact/requests/"' in welcome.alternatives[0][0]
    history = client.get("/accounts/emails/").content.decode()
    assert "Your QL Claw account is ready" in history
