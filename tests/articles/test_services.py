"""Services of the library: stored rendering, citation bookkeeping, renditions, moderation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles import services
from articles.exceptions import LibraryError
from articles.models import Article, Comment, Figure
from tests.articles.factories import ArticleFactory, CommentFactory, ReferenceFactory, png_bytes

pytestmark = pytest.mark.django_db


def test_the_page_shows_html_rendered_at_save_not_per_request(client):
    article = ArticleFactory(body="## Saved heading\n\ntext")
    Article.objects.filter(pk=article.pk).update(body="## Changed behind its back")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Saved heading" in html and "Changed behind its back" not in html


def test_citations_follow_the_body_when_it_is_edited():
    ReferenceFactory(key="a")
    ReferenceFactory(key="b")
    article = ArticleFactory(body="x [@a] y [@b]")
    assert list(article.citations.values_list("reference__key", "number")) == [("a", 1), ("b", 2)]
    article.body = "only [@b]"
    services.save_article(article=article)
    assert list(article.citations.values_list("reference__key", "number")) == [("b", 1)]


def test_new_renditions_rerender_the_articles_that_place_the_figure(
    django_capture_on_commit_callbacks,
):
    figure = Figure(key="diagram", caption="A diagram", alt_text="Diagram")
    upload = SimpleUploadedFile("d.png", png_bytes(900, 600), content_type="image/png")
    services.save_figure(figure=figure, upload=upload)
    article = ArticleFactory(body="[[figure:diagram]]")
    assert "webp" not in article.body_html
    with django_capture_on_commit_callbacks(execute=True):
        services.save_figure(
            figure=figure,
            upload=SimpleUploadedFile("d.png", png_bytes(900, 600), content_type="image/png"),
        )
    article.refresh_from_db()
    assert "480w" in article.body_html and "800w" in article.body_html


def test_scheduling_in_the_past_is_refused():
    with pytest.raises(LibraryError, match="future"):
        services.schedule_article(article=ArticleFactory(), at=timezone.now())


def test_moderation_rejects_unknown_statuses_and_counts_changes():
    comments = CommentFactory.create_batch(2, status=Comment.Status.PENDING)
    with pytest.raises(LibraryError):
        services.moderate_comments(comment_ids=[c.pk for c in comments], status="deleted")
    ids = [c.pk for c in comments]
    assert services.moderate_comments(comment_ids=ids, status=Comment.Status.APPROVED) == 2
    assert services.moderate_comments(comment_ids=ids, status=Comment.Status.APPROVED) == 0


def test_ip_is_stored_as_a_keyed_hash():
    assert services.hash_ip("203.0.113.5") != services.hash_ip("203.0.113.6")
    assert "203.0.113.5" not in services.hash_ip("203.0.113.5")
