"""The site search app: one search over every kind the other apps register."""

from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "shop.sitesearch"
    label = "sitesearch"
    verbose_name = "Site search"
