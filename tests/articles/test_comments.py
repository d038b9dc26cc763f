"""Comments: held for moderation, honeypot, rate limit, size limit, inert HTML."""

import pytest
from django.test import Client

from articles.models import Article, Comment
from articles.services import moderate_comments
from tests.articles.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def comment_data(**overrides) -> dict:
    return {"name": "Ann", "email": "ann@example.com", "body": "This helped my back.", **overrides}


def test_a_new_comment_waits_for_moderation_and_its_author_sees_so(client):
    article = ArticleFactory()
    response = client.post(article.get_absolute_url(), comment_data(), follow=True)
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING and len(comment.ip_hash) == 64
    html = response.content.decode()
    assert "awaiting moderation" in html.lower() and "This helped my back." in html
    # Other readers do not see it.
    client.logout()
    client.cookies.clear()
    assert "This helped my back." not in client.get(article.get_absolute_url()).content.decode()


def test_an_approved_comment_is_shown_without_the_email(client):
    comment = CommentFactory(status=Comment.Status.PENDING, email="secret@example.com")
    moderate_comments(comment_ids=[comment.pk], status=Comment.Status.APPROVED)
    html = client.get(comment.article.get_absolute_url()).content.decode()
    assert comment.body in html and "secret@example.com" not in html


def test_the_honeypot_catches_bots_without_telling_them(client):
    article = ArticleFactory()
    response = client.post(article.get_absolute_url(), comment_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_flood_from_one_address_gets_429_with_a_clear_message(client, settings):
    settings.LIBRARY_COMMENT_RATE_LIMIT = 3
    article = ArticleFactory()
    for n in range(3):
        assert (
            client.post(article.get_absolute_url(), comment_data(body=f"Note {n}")).status_code
            == 302
        )
    response = client.post(article.get_absolute_url(), comment_data(body="One too many"))
    assert response.status_code == 429
    assert "wait a few minutes" in response.content.decode()
    assert Comment.objects.count() == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (comment_data(body="x" * 3001), "at most 3000 characters"),
        (comment_data(email="not-an-email"), "valid email"),
        (comment_data(name=""), "This field is required"),
        (comment_data(body="   "), "This field is required"),
    ],
)
def test_bad_comments_get_a_400_with_the_reason(client, data, message):
    article = ArticleFactory()
    response = client.post(article.get_absolute_url(), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_on_an_unpublished_article_are_404(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert client.post(draft.get_absolute_url(), comment_data()).status_code == 404


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '"><svg onload=alert(1)>',
        '<a href="javascript:alert(1)">x</a>',
    ],
)
def test_html_in_comments_comes_out_as_text(client, payload):
    comment = CommentFactory(name=payload, body=payload)
    html = client.get(comment.article.get_absolute_url()).content.decode()
    section = html[html.index('id="comments"') :]
    assert payload not in section
    assert "&lt;" in section


def test_comment_form_needs_csrf():
    strict = Client(enforce_csrf_checks=True)
    article = ArticleFactory()
    assert strict.post(article.get_absolute_url(), comment_data()).status_code == 403
