"""Business operations of the library: rendering and publishing articles, figures, comments."""

import hashlib
import hmac
from datetime import datetime

from celery import signature
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from shop.pagecache.receivers import content_changed
from shop.security.addresses import client_ip

from .exceptions import CommentFlood, LibraryError
from .images import image_size, make_webp_renditions, stripped_copy
from .models import Article, Citation, Comment, Figure, Reference
from .rendering import RenderedArticle, render_markdown
from .selectors import figure_images

# Background work is enqueued by the task's name after commit: the tasks import this module,
# never the other way round.
MAKE_FIGURE_RENDITIONS_TASK = "articles.tasks.make_figure_renditions"


def render_body(body: str) -> RenderedArticle:
    """Render Markdown against the library's references and figures (raises on unknown keys)."""
    return render_markdown(
        body,
        reference_keys=set(Reference.objects.values_list("key", flat=True)),
        figures=figure_images,
    )


@transaction.atomic
def save_article(*, article: Article, touch: bool = True) -> Article:
    """Render the body, store the HTML, the TOC and what it cites and shows, then save."""
    rendered = render_body(article.body)
    article.body_html = rendered.html
    article.toc = rendered.toc
    article.reading_minutes = rendered.reading_minutes
    if touch:
        article.updated_at = timezone.now()
    article.save()
    references = {ref.key: ref for ref in Reference.objects.filter(key__in=rendered.cited_keys)}
    wanted = [(references[key].pk, number) for number, key in enumerate(rendered.cited_keys, 1)]
    current = list(article.citations.order_by("number").values_list("reference_id", "number"))
    if current != wanted:
        article.citations.all().delete()
        Citation.objects.bulk_create(
            Citation(article=article, reference_id=ref_id, number=number)
            for ref_id, number in wanted
        )
    article.figures.set(Figure.objects.filter(key__in=rendered.figure_keys))
    return article


def publish_article(*, article: Article, at: datetime | None = None) -> Article:
    """Make an article public now (or keep an earlier publication date)."""
    now = timezone.now()
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.publish_at = at
    elif article.publish_at is None or article.publish_at > now:
        article.publish_at = now
    article.save(update_fields=["status", "publish_at"])
    return article


def schedule_article(*, article: Article, at: datetime) -> Article:
    """Publish an article automatically at a future time."""
    if at <= timezone.now():
        raise LibraryError("A scheduled time must be in the future; publish now instead.")
    article.status = Article.Status.SCHEDULED
    article.publish_at = at
    article.save(update_fields=["status", "publish_at"])
    return article


@transaction.atomic
def save_figure(*, figure: Figure, upload=None) -> Figure:
    """Store a figure (its upload checked and stripped of EXIF); renditions follow after commit."""
    if upload is not None:
        cleaned = stripped_copy(upload, name=upload.name)
        figure.width, figure.height = image_size(cleaned)
        figure.image.save(cleaned.name, cleaned, save=False)
        figure.renditions = []
    figure.save()
    if upload is not None:
        figure_id = figure.pk
        transaction.on_commit(
            lambda: signature(MAKE_FIGURE_RENDITIONS_TASK, kwargs={"figure_id": figure_id}).delay()
        )
    return figure


@transaction.atomic
def refresh_figure_renditions(*, figure: Figure) -> Figure:
    """Make the WebP renditions and re-render the articles that place the figure."""
    figure.renditions = make_webp_renditions(figure.image.name)
    figure.save(update_fields=["renditions"])
    for article in figure.placed_in.all():
        save_article(article=article, touch=False)
    return figure


def hash_ip(ip: str) -> str:
    """A keyed hash of the address: enough to rate-limit and spot floods, useless if leaked."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


def _check_comment_rate(request: HttpRequest) -> None:
    # django-ratelimit counts per client address (shop.security.addresses.client_ip, so it
    # sees through TRUSTED_PROXY_COUNT proxies) in the shared cache, and lets the comment through
    # when the cache is down (RATELIMIT_FAIL_OPEN): moderation still holds every comment.
    rate = f"{settings.LIBRARY_COMMENT_RATE_LIMIT}/{settings.LIBRARY_COMMENT_RATE_WINDOW}s"
    if is_ratelimited(request, group="library:comment", key="ip", rate=rate, increment=True):
        raise CommentFlood(
            "You have sent several comments in a short time. Please wait a few minutes and try "
            "again."
        )


def post_comment(
    *, article: Article, name: str, email: str, body: str, request: HttpRequest
) -> Comment:
    """Hold a reader's comment for moderation; refuse floods from one address."""
    if not article.is_live:
        raise LibraryError("Comments are open on published articles only.")
    _check_comment_rate(request)
    return Comment.objects.create(
        article=article, name=name, email=email, body=body, ip_hash=hash_ip(client_ip(request))
    )


def moderate_comments(*, comment_ids: list[int], status: str) -> int:
    """Set the status of many comments at once; return how many changed."""
    if status not in Comment.Status.values:
        raise LibraryError(f"Unknown comment status {status!r}.")
    changed = (
        Comment.objects.filter(pk__in=comment_ids).exclude(status=status).update(status=status)
    )
    # update() sends no signal: tell the page cache that article pages changed.
    content_changed(kind="library")
    return changed
