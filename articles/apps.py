"""The trigger-point library: muscle articles, referred-pain data, references and comments."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Trigger-point library"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import search  # noqa: F401  (registers articles and muscles in the site search)
