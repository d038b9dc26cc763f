"""The pain finder app: the body map, the region → muscle finder and the referred-pain maps."""

from django.apps import AppConfig


class PainFinderConfig(AppConfig):
    name = "painfinder"
    verbose_name = "Pain finder"
    default_auto_field = "django.db.models.BigAutoField"
