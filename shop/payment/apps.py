"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.payment.apps as oscar_apps


class PaymentConfig(oscar_apps.PaymentConfig):
    name = "shop.payment"

    def ready(self) -> None:
        super().ready()
        # The services enqueue these by name; importing registers them in this process too,
        # where they run when tasks are eager (no REDIS_URL).
        from . import tasks  # noqa: F401
