"""The Library menu of Oscar's dashboard: editor access, articles, figures, moderation."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, BodyRegion, Comment, Figure, Muscle
from shop.backoffice.roles import ensure_staff_roles
from tests.articles.factories import (
    ArticleFactory,
    BodyRegionFactory,
    CommentFactory,
    ReferenceFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"library_dashboard:{name}", args=args)


@pytest.fixture
def editor(client):
    """A staff member in the Editor role only: no order permissions."""
    user = get_user_model().objects.create_user("ed", "ed@example.com", "pw-Editor-123")
    user.is_staff = True
    user.save()
    user.groups.add(ensure_staff_roles()["Editor"])
    client.force_login(user)
    return user


def article_form(**overrides) -> dict:
    return {
        "title": "New article",
        "slug": "new-article",
        "summary": "Summary.",
        "body": "## Function\n\nIt works [@travell2019].",
        "status": Article.Status.DRAFT,
        "series_order": 0,
        **overrides,
    }


def test_an_editor_sees_the_library_menu_and_every_page_but_not_orders(client, editor):
    html = client.get("/dashboard/").content.decode()
    assert "Library" in html and url("library-article-list") in html
    for name in (
        "library-article-list",
        "library-article-create",
        "library-muscle-list",
        "library-muscle-create",
        "library-region-list",
        "library-reference-list",
        "library-figure-list",
        "library-figure-create",
        "library-comment-list",
        "library-series-list",
        "library-series-create",
        "library-tag-create",
    ):
        assert client.get(url(name)).status_code == 200, name
    assert client.get("/dashboard/orders/").status_code == 403


def test_staff_without_library_permissions_get_403(client):
    user = get_user_model().objects.create_user("bare", "bare@example.com", "pw-Bare-12345")
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get(url("library-article-list")).status_code == 403
    assert client.get(url("library-comment-list")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_dashboard_login(client):
    response = client.get(url("library-article-list"))
    assert response.status_code == 302 and "/dashboard/login/" in response["Location"]


def test_creating_an_article_renders_and_stores_its_html(client, editor):
    ReferenceFactory(key="travell2019")
    response = client.post(url("library-article-create"), article_form())
    article = Article.objects.get(slug="new-article")
    assert response.status_code == 302
    assert 'href="#ref-travell2019"' in article.body_html
    assert article.toc[0]["id"] == "function"
    assert article.author == editor
    assert list(article.cited_references.values_list("key", flat=True)) == ["travell2019"]


def test_an_unknown_reference_or_figure_is_a_form_error(client, editor):
    response = client.post(url("library-article-create"), article_form(body="Cites [@ghost1999]."))
    assert response.status_code == 400
    assert "Unknown reference key(s): ghost1999" in response.content.decode()
    response = client.post(url("library-article-create"), article_form(body="[[figure:nope]]"))
    assert "Unknown figure key(s): nope" in response.content.decode()
    assert not Article.objects.exists()


def test_a_draft_preview_looks_like_the_public_page(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT, body="## Secret heading\n\ntext")
    response = client.get(url("library-article-preview", draft.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="secret-heading">Secret heading</h2>' in html
    assert "Education, not diagnosis" in html and "Preview: draft" in html
    assert 'name="robots" content="noindex"' in html


def test_publish_now_and_schedule(client, editor):
    article = ArticleFactory(status=Article.Status.DRAFT, publish_at=None)
    client.post(url("library-article-publish", article.pk))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.is_live

    later = ArticleFactory(status=Article.Status.DRAFT, publish_at=None)
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    client.post(url("library-article-publish", later.pk), {"publish_at": when})
    later.refresh_from_db()
    assert later.status == Article.Status.SCHEDULED and not later.is_live

    past = (timezone.localtime() - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url("library-article-publish", later.pk), {"publish_at": past}, follow=True
    )
    assert "must be in the future" in response.content.decode()


def test_scheduling_in_the_form_needs_a_future_time(client, editor):
    ReferenceFactory(key="travell2019")
    response = client.post(
        url("library-article-create"), article_form(status=Article.Status.SCHEDULED)
    )
    assert response.status_code == 400
    assert "A scheduled article needs a publish time." in response.content.decode()


def test_muscle_with_referred_pain_rows(client, editor):
    region = BodyRegionFactory()
    data = {
        "name": "Piriformis", "slug": "piriformis", "body_area": "Buttock", "summary": "s",
        "actions": "a", "trigger_point_locations": "t", "aggravating_activities": "Sitting",
        "referred_pain-TOTAL_FORMS": "1", "referred_pain-INITIAL_FORMS": "0",
        "referred_pain-0-region": region.pk, "referred_pain-0-kind": "primary",
    }  # fmt: skip
    assert client.post(url("library-muscle-create"), data).status_code == 302
    assert Muscle.objects.get().referred_pain.get().region == region


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not an image", "not an image we can read"),
        (png_bytes(fmt="GIF"), "GIF images are not accepted"),
    ],
)
def test_a_bad_figure_upload_is_a_400_with_the_reason(client, editor, content, message):
    upload = SimpleUploadedFile("x.png", content, content_type="image/png")
    response = client.post(
        url("library-figure-create"),
        {"key": "x", "caption": "c", "alt_text": "a", "upload": upload},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Figure.objects.exists()


def test_a_good_figure_upload_is_stored(client, editor):
    upload = SimpleUploadedFile("d.png", png_bytes(50, 40), content_type="image/png")
    response = client.post(
        url("library-figure-create"),
        {"key": "d", "caption": "c", "alt_text": "a", "upload": upload},
    )
    assert response.status_code == 302
    figure = Figure.objects.get()
    assert (figure.key, figure.width, figure.height) == ("d", 50, 40)


def test_bulk_approve_and_reject(client, editor):
    keep, drop, other = CommentFactory.create_batch(3, status=Comment.Status.PENDING)
    response = client.get(url("library-comment-list"))
    assert keep.body in response.content.decode()
    client.post(url("library-comment-list"), {"action": "approve", "comments": [keep.pk, other.pk]})
    client.post(url("library-comment-list"), {"action": "spam", "comments": [drop.pk]})
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {keep.pk: "approved", other.pk: "approved", drop.pk: "spam"}
    response = client.post(url("library-comment-list"), {"action": "approve"})
    assert response.status_code == 400
    assert "Select at least one comment." in response.content.decode()


def test_editors_create_series_and_tags_for_articles(client, editor):
    client.post(url("library-series-create"), {"title": "Hips", "slug": "hips"})
    client.post(url("library-tag-create"), {"name": "Sitting", "slug": "sitting"})
    html = client.get(url("library-series-list")).content.decode()
    assert "Hips" in html and "Sitting" in html


def test_a_malformed_region_path_is_refused_and_nothing_is_saved(client, editor):
    form = {"name": "Knee", "slug": "knee", "view": "front", "position": 5}
    response = client.post(url("library-region-create"), {**form, "svg_path": "M0 0 X 5"})
    assert response.status_code in (200, 400)
    assert "svg_path" in response.context["form"].errors
    assert not BodyRegion.objects.filter(slug="knee").exists()
    response = client.post(url("library-region-create"), {**form, "svg_path": "M10 10 L20 20 Z"})
    assert response.status_code == 302
    assert BodyRegion.objects.get(slug="knee").svg_path == "M10 10 L20 20 Z"
