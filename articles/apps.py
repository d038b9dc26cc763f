"""The trigger-point library: muscle articles, referred-pain data, references and comments."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Trigger-point library"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The services enqueue these by name; importing registers them in this process too,
        # where they run when tasks are eager (no REDIS_URL).
        from . import (
            search,  # noqa: F401  (registers articles and muscles in the site search)
            tasks,  # noqa: F401
        )
