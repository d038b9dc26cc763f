"""The staff reply email greets the customer once, whether or not the agent wrote a greeting."""

import pytest
from django.core import mail

from shop.support import services

from .helpers import open_request

pytestmark = pytest.mark.django_db


def reply_email(agent, capture, body: str):
    support_request = open_request(name="Jürgen Müller")
    mail.outbox.clear()
    with capture(execute=True):
        services.reply_as_staff(support_request=support_request, by=agent, body=body)
    [email] = mail.outbox
    return email.body, email.alternatives[0][0]


@pytest.mark.parametrize(
    "body",
    ["Hello Jürgen,\n\nTry the glutes.", "hi Jürgen! Try the glutes.", "Dear Mr Müller, try it."],
)
def test_an_agents_own_greeting_is_the_only_one(agent, django_capture_on_commit_callbacks, body):
    text, html = reply_email(agent, django_capture_on_commit_callbacks, body)
    assert "Hello Jürgen Müller" not in text and "Hello Jürgen Müller" not in html
    assert text.startswith(body.split("\n")[0])
    assert text.lower().count("hello") + text.lower().count("dear") + text.count("hi ") == 1


def test_a_reply_without_greeting_gets_the_emails_own(agent, django_capture_on_commit_callbacks):
    text, html = reply_email(agent, django_capture_on_commit_callbacks, "Try the glutes.")
    assert text.startswith("Hello Jürgen Müller,\n\nTry the glutes.")
    assert html.startswith("<p>Hello Jürgen Müller,</p>")
    assert html.count("Hello") == 1
    # A word that merely starts like a greeting is not one.
    text, _html = reply_email(agent, django_capture_on_commit_callbacks, "History says: rest.")
    assert text.startswith("Hello Jürgen Müller,")
