"""The contact page: good input becomes a tracked request; every kind of bad input is refused
with a clear message and a 4xx, and nothing is saved."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from oscar.test.factories import create_order

from shop.support.models import SupportAttachment, SupportRequest

from .helpers import contact_data, old_stamp, pdf_bytes, png_bomb_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

CONTACT = "/contact/"


def post(client, data, **extra):
    return client.post(CONTACT, data, **extra)


def test_contact_page_has_the_form_and_the_header_links_to_it(client):
    response = client.get(CONTACT)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("name", "email", "topic", "order_number", "message", "attachments", "website"):
        assert f'name="{name}"' in html
    assert 'name="started" value="' in html
    assert 'enctype="multipart/form-data"' in html
    assert f'href="{reverse("support:contact")}">Support' in client.get("/").content.decode()
    for topic in ("Order question", "Product help", "Money-back guarantee", "Shipping", "Other"):
        assert topic in html


def test_sending_saves_a_request_and_emails_the_customer_and_staff(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SUPPORT_STAFF_EMAILS = ["team@qlclaw.example"]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_data())
    assert response.status_code == 302
    support_request = SupportRequest.objects.get()
    assert re.fullmatch(r"SR-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}", support_request.reference)
    assert support_request.status == SupportRequest.Status.NEW
    assert support_request.topic == "product"
    assert support_request.first_response_due_at - support_request.created_at == timedelta(hours=4)
    assert support_request.messages.get().body.startswith("My lower back hurts")

    sent_page = client.get(response["Location"]).content.decode()
    assert support_request.reference in sent_page

    to_customer, to_staff = sorted(
        mail.outbox, key=lambda message: message.to != ["dana@example.com"]
    )
    assert to_customer.to == ["dana@example.com"]
    assert support_request.reference in to_customer.subject
    assert "within 4 hours" in to_customer.body
    assert "/contact/c/" in to_customer.body
    html, mimetype = to_customer.alternatives[0]
    assert mimetype == "text/html" and support_request.reference in html
    assert to_staff.to == ["team@qlclaw.example"]
    assert "My lower back hurts" in to_staff.body


def test_attachments_are_stored_privately_with_their_checked_type(client, settings):
    response = post(
        client,
        contact_data(
            attachments=[
                upload("photo.png", png_bytes(), "image/png"),
                upload("receipt.pdf", pdf_bytes(), "application/pdf"),
            ]
        ),
    )
    assert response.status_code == 302
    attachments = list(SupportAttachment.objects.order_by("original_name"))
    assert [(a.original_name, a.content_type) for a in attachments] == [
        ("photo.png", "image/png"),
        ("receipt.pdf", "application/pdf"),
    ]
    private_root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    for attachment in attachments:
        path = Path(attachment.file.path).resolve()
        assert path.is_relative_to(private_root) and path.is_file()
        assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        with pytest.raises(ValueError):
            attachment.file.url  # noqa: B018  (private files have no public URL)


def test_an_order_number_with_its_email_is_kept_unverified_like_a_wrong_one(client):
    create_order(number="100001", guest_email="dana@example.com")
    create_order(number="100002", guest_email="someone.else@example.com")

    first = post(client, contact_data(order_number="100001", email="Dana@Example.com"))
    cache_free_client = client.__class__()
    second = post(cache_free_client, contact_data(order_number="100002"))

    # Anyone can type a number and its email: neither is linked, and the answer is the same.
    assert first.status_code == second.status_code == 302
    matching, wrong = SupportRequest.objects.order_by("created_at")
    assert (matching.order, matching.unverified_order_number) == (None, "100001")
    assert (wrong.order, wrong.unverified_order_number) == (None, "100002")


def test_signed_in_customer_gets_name_email_and_their_own_orders(client, customer):
    create_order(number="200001", user=customer)
    create_order(number="200002", guest_email="other@example.com")
    client.force_login(customer)
    html = client.get(CONTACT).content.decode()
    assert 'value="Dana Reader"' in html and 'value="dana@example.com"' in html
    assert "Order 200001" in html and "200002" not in html

    response = post(client, contact_data(order_number="200001"))
    assert response.status_code == 302
    support_request = SupportRequest.objects.get()
    assert support_request.user == customer and support_request.order.number == "200001"

    response = post(client, contact_data(order_number="200002"))
    assert response.status_code == 400
    assert SupportRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"name": ""}, "This field is required"),
        ({"email": "not-an-email"}, "Enter a valid email address"),
        ({"topic": "refund-now"}, "Select a valid choice"),
        ({"message": ""}, "Please write your message"),
        ({"message": "x" * 5001}, "Please keep your message under 5000 characters (it has 5001)"),
        ({"name": "n" * 121}, "at most 120 characters"),
        ({"order_number": "9" * 33}, "at most 32 characters"),
    ],
)
def test_invalid_fields_are_refused_with_a_message_and_400(client, overrides, expected):
    response = post(client, contact_data(**overrides))
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_filled_honeypot_is_refused(client):
    response = post(client, contact_data(website="https://spam.example"))
    assert response.status_code == 400
    assert "a field meant to stay empty was filled in" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_form_sent_too_fast_is_refused_and_works_after_a_wait(client):
    response = post(client, contact_data(started=old_stamp(seconds_ago=0.5)))
    assert response.status_code == 400
    assert "quicker than we expected from a person" in response.content.decode()
    assert not SupportRequest.objects.exists()
    assert post(client, contact_data(started=old_stamp(seconds_ago=5))).status_code == 302


@pytest.mark.parametrize("stamp", ["", "forged", old_stamp(seconds_ago=60 * 60 * 25)])
def test_missing_forged_or_stale_stamp_is_refused(client, stamp):
    response = post(client, contact_data(started=stamp))
    assert response.status_code == 400
    assert "This form has expired or was changed" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_rate_limit_per_ip(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_IP = "3/h"
    for n in range(3):
        assert post(client, contact_data(email=f"reader{n}@example.com")).status_code == 302
    response = post(client, contact_data(email="reader9@example.com"))
    assert response.status_code == 429
    assert "a lot of messages from your connection" in response.content.decode()
    # Another address is not affected.
    assert post(client, contact_data(), REMOTE_ADDR="203.0.113.9").status_code == 302
    assert SupportRequest.objects.count() == 4


def test_rate_limit_per_email(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_EMAIL = "2/h"
    for n in range(2):
        assert post(client, contact_data(), REMOTE_ADDR=f"203.0.113.{n}").status_code == 302
    response = post(client, contact_data(email="DANA@example.com"), REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 429
    assert "several messages from this email address" in response.content.decode()
    assert SupportRequest.objects.count() == 2


def test_more_than_three_attachments_are_refused(client):
    files = [upload(f"p{n}.png", png_bytes(), "image/png") for n in range(4)]
    response = post(client, contact_data(attachments=files))
    assert response.status_code == 400
    assert "Please attach at most 3 files (you chose 4)" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_oversized_attachment_is_refused(client):
    big = pdf_bytes() + b"0" * (5 * 1024 * 1024)
    response = post(client, contact_data(attachments=[upload("big.pdf", big)]))
    assert response.status_code == 400
    assert "each file can be at most 5.0\xa0MB" in response.content.decode()
    assert not SupportRequest.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("scan.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        ("photo.png", b"GIF89a-not-really-an-image", "image/png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "image/jpeg"),
        ("tool.exe", b"MZ\x90\x00\x03", "application/octet-stream"),
    ],
)
def test_fake_images_and_pdfs_are_refused(client, name, content, content_type):
    response = post(client, contact_data(attachments=[upload(name, content, content_type)]))
    assert response.status_code == 400
    assert "is not a picture (JPEG, PNG, GIF, WebP) or a PDF" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_image_bomb_is_refused(client):
    bomb = upload("bomb.png", png_bomb_bytes(), "image/png")
    response = post(client, contact_data(attachments=[bomb]))
    assert response.status_code == 400
    assert "is too large an image" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_image_over_the_pixel_limit_is_refused(client, settings):
    settings.SUPPORT_ATTACHMENT_MAX_PIXELS = 50
    response = post(client, contact_data(attachments=[upload("p.png", png_bytes((10, 10)))]))
    assert response.status_code == 400
    assert "too large an image (10 x 10 pixels)" in response.content.decode()


def test_get_and_post_only(client):
    assert client.put(CONTACT).status_code == 405


def test_sent_page_without_a_request_goes_back_to_the_form(client):
    response = client.get(reverse("support:sent"))
    assert response.status_code == 302 and response["Location"] == CONTACT


def test_rate_limit_per_ip_counts_the_client_behind_the_load_balancer(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_IP = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1

    def send(forwarded_for: str, n: int) -> int:
        return post(
            client,
            contact_data(email=f"reader{n}@example.com"),
            REMOTE_ADDR="10.0.0.2",  # the load balancer
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code

    assert [send("203.0.113.7", n) for n in range(2)] == [302, 302]
    assert send("6.6.6.6, 203.0.113.7", 2) == 429  # a forged entry does not reset the count
    assert send("198.51.100.4", 3) == 302  # another customer behind the same proxy
    assert SupportRequest.objects.count() == 3
