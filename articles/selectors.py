"""Reads of the library, each doing its own joins so that no page's query count grows."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from .models import Article, Citation, Comment, Figure, Muscle, ReferredPain, Series
from .rendering import FigureImage

Product = get_model("catalogue", "Product")


def _public_products() -> QuerySet:
    return Product.objects.filter(is_public=True).order_by("title")


def article_cards() -> QuerySet[Article]:
    """Live articles with what a card shows, newest first."""
    return (
        Article.objects.live()
        .select_related("muscle", "series", "hero")
        .prefetch_related("tags")
        .order_by("-publish_at", "-pk")
    )


@dataclass(frozen=True)
class HomePageArticles:
    latest: list[Article]
    featured: list[Article]
    series: Series | None
    series_articles: list[Article]


def home_page_articles(*, latest: int = 3, featured: int = 3) -> HomePageArticles:
    """What the home page shows of the library, each article once, in a fixed number of queries.

    The series comes first and keeps its articles; "Start here" shows featured articles outside
    it, and "Latest" the newest of the rest. A section left with nothing is hidden.
    """
    series = Series.objects.filter(slug=settings.LIBRARY_HOME_SERIES_SLUG).first()
    series_articles = (
        list(article_cards().filter(series=series).order_by("series_order", "-publish_at"))
        if series
        else []
    )
    outside_series = article_cards().exclude(pk__in=[article.pk for article in series_articles])
    # One query (and one tag prefetch) for both lists, featured first, so the count stays fixed.
    rows = list(outside_series.order_by("-featured", "-publish_at", "-pk")[: featured + latest])
    featured_articles = [article for article in rows if article.featured][:featured]
    latest_articles = [article for article in rows if not article.featured][:latest]
    return HomePageArticles(
        latest=latest_articles,
        featured=featured_articles,
        series=series if series_articles else None,
        series_articles=series_articles,
    )


def muscles_released_by(product) -> list[Muscle]:
    """The muscles a product releases, for its "What it releases" and "How to use it" sections.

    Each muscle's live articles, newest first, are in ``live_articles`` (the figures link them).
    """
    live_articles = Prefetch(
        "articles",
        queryset=Article.objects.live().order_by("-publish_at", "-pk"),
        to_attr="live_articles",
    )
    return list(product.released_muscles.order_by("name").prefetch_related(live_articles))


def filtered_article_cards(
    *,
    region: str | None = None,
    muscle: str | None = None,
    tag: str | None = None,
    series: str | None = None,
) -> QuerySet[Article]:
    articles = article_cards()
    if region:
        articles = articles.filter(muscle__referred_pain__region__slug=region)
    if muscle:
        articles = articles.filter(muscle__slug=muscle)
    if tag:
        articles = articles.filter(tags__slug=tag)
    if series:
        articles = articles.filter(series__slug=series).order_by("series_order", "-publish_at")
    return articles.distinct()


def article_page(*, slug: str, include_unpublished: bool = False) -> Article:
    """One article with everything its page shows; raises ``Article.DoesNotExist``."""
    articles = Article.objects.all() if include_unpublished else Article.objects.live()
    return (
        articles.select_related("muscle", "series", "hero", "hero__reference", "author")
        .prefetch_related(
            "tags",
            Prefetch("citations", queryset=Citation.objects.select_related("reference")),
            Prefetch("related_products", queryset=_public_products()),
            Prefetch(
                "muscle__referred_pain",
                queryset=ReferredPain.objects.select_related("region"),
            ),
            Prefetch("muscle__released_by", queryset=_public_products()),
        )
        .get(slug=slug)
    )


def products_for_article(article: Article) -> list:
    """The article's related products, or else the products that release its muscle."""
    products = list(article.related_products.all())
    if not products and article.muscle_id:
        products = list(article.muscle.released_by.all())
    return products


def related_articles(article: Article, *, limit: int = 3) -> list[Article]:
    """Other live articles on the same muscle, a region it refers to, or in the same series."""
    condition = Q()
    if article.muscle_id:
        condition |= Q(muscle_id=article.muscle_id)
        region_ids = [pain.region_id for pain in article.muscle.referred_pain.all()]
        if region_ids:
            condition |= Q(muscle__referred_pain__region_id__in=region_ids)
    if article.series_id:
        condition |= Q(series_id=article.series_id)
    if not condition:
        return []
    ids = (
        Article.objects.live()
        .filter(condition)
        .exclude(pk=article.pk)
        .values_list("pk", flat=True)
        .distinct()
    )
    return list(
        Article.objects.filter(pk__in=ids)
        .select_related("muscle")
        .order_by("-publish_at", "-pk")[:limit]
    )


def approved_comments(article: Article) -> QuerySet[Comment]:
    return article.comments.filter(status=Comment.Status.APPROVED)


def own_pending_comments(article: Article, comment_ids: Iterable[int]) -> list[Comment]:
    ids = [int(pk) for pk in comment_ids]
    if not ids:
        return []
    return list(article.comments.filter(pk__in=ids, status=Comment.Status.PENDING))


def muscles_with_referred_pain() -> QuerySet[Muscle]:
    return Muscle.objects.prefetch_related(
        Prefetch("referred_pain", queryset=ReferredPain.objects.select_related("region"))
    )


def muscle_page(*, slug: str) -> Muscle:
    return (
        muscles_with_referred_pain()
        .prefetch_related(Prefetch("released_by", queryset=_public_products()))
        .get(slug=slug)
    )


def figure_image(figure: Figure) -> FigureImage:
    """The renderer's view of a figure: URLs of the original and of its WebP renditions."""
    srcset = ", ".join(
        f"{default_storage.url(rendition['name'])} {rendition['width']}w"
        for rendition in figure.renditions
    )
    return FigureImage(
        src=figure.image.url,
        width=figure.width,
        height=figure.height,
        alt=figure.alt_text,
        caption=figure.caption,
        credit=figure.credit,
        reference_key=figure.reference.key if figure.reference_id else None,
        webp_srcset=srcset,
    )


def figure_images() -> dict[str, FigureImage]:
    return {
        figure.key: figure_image(figure) for figure in Figure.objects.select_related("reference")
    }
