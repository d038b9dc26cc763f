"""The customer's way back into a request: the private link and the account, with replies and
attachments that no stranger can read."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from shop.support import services
from shop.support.links import make_token, private_link_path
from shop.support.models import SupportAttachment, SupportMessage, SupportRequest

from .helpers import contact_data, open_request, pdf_bytes, png_bytes, reply_data, upload

pytestmark = pytest.mark.django_db


def link_from_email(message) -> str:
    return re.search(r"https?://\S+(/contact/c/\S+/)", message.body).group(1)


def test_private_link_from_the_confirmation_email_opens_the_conversation(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/contact/", contact_data())
    confirmation = next(m for m in mail.outbox if m.to == ["dana@example.com"])
    stranger = client.__class__()
    response = stranger.get(link_from_email(confirmation))
    assert response.status_code == 200
    html = response.content.decode()
    support_request = SupportRequest.objects.get()
    assert support_request.reference in html
    assert "We are on it" in html
    assert "My lower back hurts when I stand up" in html
    assert 'name="robots" content="noindex"' in html


def test_internal_notes_are_never_shown_to_the_customer(client, agent):
    support_request = open_request()
    services.add_internal_note(
        support_request=support_request, by=agent, body="Customer sounds like a reseller."
    )
    services.reply_as_staff(support_request=support_request, by=agent, body="Hello from Sam.")
    html = client.get(private_link_path(support_request)).content.decode()
    assert "Hello from Sam." in html
    assert "Waiting for your reply" in html
    assert "reseller" not in html


@pytest.mark.parametrize(
    "token",
    ["nonsense", "eyJyZWYiOiJTUi0yMjIyMjIiLCJ2IjoxfQ:1abcde:forgedsignature"],
)
def test_malformed_or_forged_link_is_404(client, token):
    open_request()
    assert client.get(reverse("support:conversation", kwargs={"token": token})).status_code == 404


def test_tampered_link_is_404(client):
    support_request = open_request()
    token = make_token(support_request)
    other = open_request(email="eve@example.com")
    # Swap one character of the payload: the signature no longer matches.
    tampered = ("A" if token[1] != "A" else "B").join([token[:1], token[2:]])
    assert tampered != token
    assert (
        client.get(reverse("support:conversation", kwargs={"token": tampered})).status_code == 404
    )
    # A token signed for another purpose (salt) does not open a request either.
    from django.core import signing

    foreign = signing.dumps({"ref": other.reference, "v": 1})
    assert client.get(reverse("support:conversation", kwargs={"token": foreign})).status_code == 404


def test_revoked_link_is_404_and_the_new_one_works(client, django_capture_on_commit_callbacks):
    support_request = open_request()
    old_path = private_link_path(support_request)
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_private_link(support_request=support_request, send_new_link=True)
    assert client.get(old_path).status_code == 404
    new_link = mail.outbox[-1]
    assert "no longer work" in new_link.body
    assert client.get(link_from_email(new_link)).status_code == 200


def test_customer_reply_with_attachment_reopens_a_resolved_request(
    client, agent, settings, django_capture_on_commit_callbacks
):
    settings.SUPPORT_STAFF_EMAILS = ["team@qlclaw.example"]
    support_request = open_request()
    services.reply_as_staff(support_request=support_request, by=agent, body="Try the glutes.")
    services.change_status(support_request=support_request, status="resolved")
    path = private_link_path(support_request)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            path,
            reply_data(
                message="It came back after a week.",
                attachments=[upload("x.png", png_bytes(), "image/png")],
            ),
        )
    assert response.status_code == 302 and response["Location"] == path
    support_request.refresh_from_db()
    assert support_request.status == SupportRequest.Status.OPEN
    assert support_request.resolved_at is None
    reply = support_request.messages.last()
    assert reply.kind == "customer" and reply.attachments.count() == 1
    # The agent who answered is told (not the whole team).
    assert [m.to for m in mail.outbox] == [["agent@qlclaw.example"]]
    assert "It came back after a week." in mail.outbox[0].body
    assert "It came back after a week." in client.get(path).content.decode()


def test_reply_to_a_new_request_keeps_it_new(client):
    support_request = open_request()
    client.post(private_link_path(support_request), reply_data())
    support_request.refresh_from_db()
    assert support_request.status == SupportRequest.Status.NEW
    assert support_request.messages.count() == 2


def test_reply_is_refused_on_a_closed_request(client):
    support_request = open_request()
    services.change_status(support_request=support_request, status="closed")
    path = private_link_path(support_request)
    assert "send us a new message" in client.get(path).content.decode()
    response = client.post(path, reply_data())
    assert response.status_code == 409
    assert "This request is closed" in response.content.decode()
    assert support_request.messages.count() == 1


@pytest.mark.parametrize(
    ("overrides", "status", "expected"),
    [
        ({"message": ""}, 400, "Please write your message"),
        ({"website": "spam"}, 400, "a field meant to stay empty"),
        ({"started": "forged"}, 400, "This form has expired"),
        ({"attachments": [upload("a.pdf", b"not a pdf")]}, 400, "is not a picture"),
    ],
)
def test_bad_replies_are_refused(client, overrides, status, expected):
    support_request = open_request()
    response = client.post(private_link_path(support_request), reply_data(**overrides))
    assert response.status_code == status
    assert expected in response.content.decode()
    assert support_request.messages.count() == 1


def test_replies_are_rate_limited_per_ip(client, settings):
    settings.SUPPORT_RATE_LIMIT_PER_IP = "2/h"
    path = private_link_path(open_request())
    assert client.post(path, reply_data()).status_code == 302
    assert client.post(path, reply_data()).status_code == 302
    assert client.post(path, reply_data()).status_code == 429


def request_with_attachment(**fields) -> tuple[SupportRequest, SupportAttachment]:
    from shop.support.attachments import check_attachment

    support_request = services.open_support_request(
        name="Dana",
        email=fields.pop("email", "dana@example.com"),
        topic="order",
        message="See the receipt.",
        attachments=[check_attachment(upload("receipt.pdf", pdf_bytes()))],
        **fields,
    )
    return support_request, SupportAttachment.objects.get(message__request=support_request)


def test_attachment_downloads_through_the_private_link(client):
    support_request, attachment = request_with_attachment()
    url = reverse(
        "support:conversation-attachment",
        kwargs={"token": make_token(support_request), "pk": attachment.pk},
    )
    assert url in client.get(private_link_path(support_request)).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="receipt.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_attachment_download_is_refused_to_strangers(client, customer):
    support_request, attachment = request_with_attachment(email="victim@example.com")
    other = open_request(email="eve@example.com")
    # Eve's own valid link does not open the victim's file.
    url = reverse(
        "support:conversation-attachment", kwargs={"token": make_token(other), "pk": attachment.pk}
    )
    assert client.get(url).status_code == 404
    # Nor does a forged token, nor the account URL for someone who does not own it.
    bad = reverse("support:conversation-attachment", kwargs={"token": "x:y:z", "pk": attachment.pk})
    assert client.get(bad).status_code == 404
    account_url = reverse(
        "support:my-request-attachment",
        kwargs={"reference": support_request.reference, "pk": attachment.pk},
    )
    assert client.get(account_url).status_code == 302  # anonymous: sign in first
    client.force_login(customer)
    assert client.get(account_url).status_code == 404
    # A staff member without the support role cannot read it in the dashboard either.
    staff = get_user_model().objects.create_user("bare", "bare@example.com", "pw", is_staff=True)
    client.force_login(staff)
    staff_url = reverse(
        "support_dashboard:request-attachment",
        kwargs={"reference": support_request.reference, "pk": attachment.pk},
    )
    assert client.get(staff_url).status_code == 403


def test_attachment_of_an_internal_note_is_not_served_to_the_customer(client, agent):
    support_request, attachment = request_with_attachment()
    note = services.add_internal_note(support_request=support_request, by=agent, body="note")
    attachment.message = note
    attachment.save()
    url = reverse(
        "support:conversation-attachment",
        kwargs={"token": make_token(support_request), "pk": attachment.pk},
    )
    assert client.get(url).status_code == 404
    assert note.kind == SupportMessage.Kind.NOTE


def test_my_support_requests_lists_only_my_own(client, customer):
    client.force_login(customer)
    client.post("/contact/", contact_data())
    theirs = open_request(email="eve@example.com")
    mine = SupportRequest.objects.get(user=customer)

    response = client.get(reverse("support:my-requests"))
    html = response.content.decode()
    assert response.status_code == 200
    assert mine.reference in html and theirs.reference not in html
    # The account menu has the tab, on every account page.
    profile = client.get(reverse("customer:profile-view")).content.decode()
    assert f'href="{reverse("support:my-requests")}"' in profile

    detail = client.get(reverse("support:my-request", kwargs={"reference": mine.reference}))
    assert detail.status_code == 200 and "We are on it" in detail.content.decode()
    other = client.get(reverse("support:my-request", kwargs={"reference": theirs.reference}))
    assert other.status_code == 404

    response = client.post(
        reverse("support:my-request", kwargs={"reference": mine.reference}), reply_data()
    )
    assert response.status_code == 302
    assert mine.messages.count() == 2


def test_account_pages_need_a_signed_in_customer(client):
    support_request = open_request()
    assert client.get(reverse("support:my-requests")).status_code == 302
    url = reverse("support:my-request", kwargs={"reference": support_request.reference})
    assert client.get(url).status_code == 302


def test_conversation_query_count_does_not_grow_with_the_thread(client, agent):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from shop.support.attachments import check_attachment

    def queries_for(replies: int) -> int:
        support_request = open_request(email=f"thread{replies}@example.com")
        for _ in range(replies):
            services.add_customer_reply(
                support_request=support_request,
                body="More detail.",
                attachments=[check_attachment(upload("p.png", png_bytes(), "image/png"))],
            )
            services.reply_as_staff(support_request=support_request, by=agent, body="Answer.")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(private_link_path(support_request)).status_code == 200
        return len(captured)

    assert queries_for(1) == queries_for(6)
