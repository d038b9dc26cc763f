"""Customer-entered names become one plain line before they reach an email (issue 22)."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from articles.models import Comment
from shop.security.names import single_line
from shop.support.models import SupportRequest
from tests.articles.factories import ArticleFactory
from tests.shop.checkout.fixtures import ADDRESSES, fill_basket
from tests.shop.support.helpers import contact_data

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Dana\r\nBcc: victim@example.com", "Dana Bcc: victim@example.com"),
        ("Dana\nReader", "Dana Reader"),
        ("\x00Dana\x1b[31m", "Dana [31m"),
        ("Dana\u2028Reader\u2029", "Dana Reader"),
        ("Ann\u202eredaeR", "Ann redaeR"),
        ("  Dana \t  Reader ", "Dana Reader"),
        ("José Müller-Łukasz 李", "José Müller-Łukasz 李"),
    ],
)
def test_single_line_drops_control_characters_and_keeps_letters(typed, kept):
    assert single_line(typed) == kept


def test_contact_form_name_with_crlf_reaches_no_email_line(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SUPPORT_STAFF_EMAILS = ["team@qlclaw.example"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/contact/", contact_data(name="Dana\r\nFrom: boss@qlclaw.example\r\n")
        )
    assert response.status_code == 302
    assert SupportRequest.objects.get().name == "Dana From: boss@qlclaw.example"
    staff = next(m for m in mail.outbox if m.to == ["team@qlclaw.example"])
    assert "\nFrom: boss@qlclaw.example" not in staff.body
    assert "From: Dana From: boss@qlclaw.example <dana@example.com>" in staff.body
    customer = next(m for m in mail.outbox if m.to == ["dana@example.com"])
    assert customer.body.startswith("Hello Dana From: boss@qlclaw.example,\n")
    for message in mail.outbox:
        assert all(
            "\n" not in value and "\r" not in value for value in message.extra_headers.values()
        )
        assert "\n" not in message.subject


def test_a_name_of_control_characters_only_is_refused(client):
    response = client.post("/contact/", contact_data(name="\r\n\t"))
    assert response.status_code == 400
    assert not SupportRequest.objects.exists()


def test_comment_name_is_one_line(client):
    article = ArticleFactory()
    client.post(
        article.get_absolute_url(),
        {"name": "Ann\r\nAdmin", "email": "ann@example.com", "body": "This helped my back."},
    )
    assert Comment.objects.get().name == "Ann Admin"


def test_shipping_name_and_address_are_one_line_each(client, product):
    fill_basket(client, product)
    client.post(reverse("checkout:index"), {"username": "g@example.com", "options": "anonymous"})
    response = client.post(
        reverse("checkout:shipping-address"),
        {
            "first_name": "Ada\r\nBcc",
            "last_name": "Love\nlace",
            "line1": "1 Main\r\nStreet",
            "country": "US",
            "phone_number": "",
            **ADDRESSES["US"],
        },
    )
    assert response.status_code == 302
    address = client.session["checkout_data"]["shipping"]["new_address_fields"]
    assert (address["first_name"], address["last_name"], address["line1"]) == (
        "Ada Bcc",
        "Love lace",
        "1 Main Street",
    )
