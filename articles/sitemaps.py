"""Sitemap sections of the library: live articles and muscle pages."""

from django.contrib.sitemaps import Sitemap

from .models import Article, Muscle


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.live().order_by("pk")

    def lastmod(self, item: Article):
        return item.updated_at


class MuscleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Muscle.objects.order_by("pk")
