"""The demo app: holds the ``load_demo`` management command."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "shop.demo"
    label = "demo"
    verbose_name = "Demo data"
