"""The email outbox app.

Its label stays ``storefront``: the outbox was born in the storefront app, and the label is what
names its table (``storefront_outgoingemail``), its migrations and its content type, so keeping
it moves the code without moving any data.
"""

from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "shop.outbox"
    label = "storefront"
    verbose_name = "Email outbox"

    def ready(self) -> None:
        # The services enqueue the delivery task by name; importing the module registers it in
        # this process too, where it runs when tasks are eager (no REDIS_URL).
        from . import tasks  # noqa: F401
