"""Comments: held for moderation, honeypot, rate limit, size limit, inert HTML."""

import socket

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
        (
            comment_data(body="x" * 3001),
            "Please keep your comment to 3000 characters or fewer (it has 3001 now).",
        ),
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


def test_the_flood_limit_counts_the_client_behind_the_proxies_not_the_proxy(client, settings):
    settings.LIBRARY_COMMENT_RATE_LIMIT = 2
    settings.TRUSTED_PROXY_COUNT = 1
    article = ArticleFactory()

    def send(forwarded_for: str, n: int) -> int:
        return client.post(
            article.get_absolute_url(),
            comment_data(body=f"Note {n}"),
            REMOTE_ADDR="10.0.0.2",  # the load balancer, the same for everyone
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code

    assert [send("203.0.113.7", n) for n in range(2)] == [302, 302]
    # A forged left-most entry does not get the same client a fresh count.
    assert send("6.6.6.6, 203.0.113.7", 3) == 429
    # Another reader behind the same proxy is not refused.
    assert send("198.51.100.4", 4) == 302
    hashes = set(Comment.objects.values_list("ip_hash", flat=True))
    assert len(hashes) == 2


def test_the_flood_limit_fails_open_when_the_cache_is_unreachable(client, settings):
    """Redis down: the comment is still taken (and held for moderation), never a 500."""
    article = ArticleFactory()
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    settings.LIBRARY_COMMENT_RATE_LIMIT = 1
    statuses = [
        client.post(article.get_absolute_url(), comment_data(body=f"Note {n}")).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 302]
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 3
