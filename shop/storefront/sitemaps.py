"""Sitemap sections of the shop: static pages, policy pages and public products.

``config/urls.py`` serves them at /sitemap.xml together with the library's sections.
"""

from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")

STATIC_PAGES = (
    "storefront:home",
    "articles:index",
    "muscles:index",
    "catalogue:index",
    "guarantee:policy",
)


class StaticPageSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> tuple[str, ...]:
        return STATIC_PAGES

    def location(self, item: str) -> str:
        return reverse(item)


class PolicyPageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return FlatPage.objects.filter(registration_required=False).order_by("url")


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Product.objects.browsable().order_by("pk")

    def lastmod(self, item):
        return item.date_updated
