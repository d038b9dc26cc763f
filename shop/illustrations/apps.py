"""The illustrations app: its static figures, template tags and ``draw_illustrations``."""

from django.apps import AppConfig


class IllustrationsConfig(AppConfig):
    name = "shop.illustrations"
    label = "illustrations"
    verbose_name = "Illustrations"
