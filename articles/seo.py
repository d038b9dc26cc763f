"""Structured data for search engines: schema.org ``Article`` and ``BreadcrumbList``."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from .models import Article


def breadcrumb_list(request: HttpRequest, trail: list[tuple[str, str]]) -> dict:
    """``trail`` is ``(name, path)`` from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, 1)
        ],
    }


def article_trail(article: Article) -> list[tuple[str, str]]:
    return [
        ("Home", "/"),
        ("Library", reverse("articles:index")),
        (article.title, article.get_absolute_url()),
    ]


def article_data(request: HttpRequest, article: Article) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "dateModified": article.updated_at.isoformat(),
        "author": {"@type": "Person" if article.author_id else "Organization",
                   "name": article.author_name},
        "publisher": {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME,
                      "url": request.build_absolute_uri("/")},
    }  # fmt: skip
    if article.publish_at:
        data["datePublished"] = article.publish_at.isoformat()
    if article.hero_id:
        data["image"] = request.build_absolute_uri(article.hero.image.url)
    if article.muscle_id:
        data["about"] = {"@type": "AnatomicalStructure", "name": article.muscle.name}
    citations = [citation.reference for citation in article.citations.all()]
    if citations:
        data["citation"] = [
            {"@type": "Book", "name": ref.title, "author": ref.authors,
             "datePublished": str(ref.year)}
            for ref in citations
        ]  # fmt: skip
    return data
