"""App configuration of the money-back guarantee."""

from django.apps import AppConfig


class GuaranteeConfig(AppConfig):
    name = "shop.guarantee"
    label = "guarantee"
    verbose_name = "Money-back guarantee"

    def ready(self) -> None:
        from shop.payment.signals import refund_recorded

        # The services enqueue these by name; importing registers them in this process too,
        # where they run when tasks are eager (no REDIS_URL).
        from . import (
            receivers,
            tasks,  # noqa: F401
        )

        refund_recorded.connect(receivers.reconcile_recorded_refund, dispatch_uid="guarantee")
