"""App configuration of the money-back guarantee."""

from django.apps import AppConfig


class GuaranteeConfig(AppConfig):
    name = "shop.guarantee"
    label = "guarantee"
    verbose_name = "Money-back guarantee"

    def ready(self) -> None:
        from shop.payment.signals import refund_recorded

        from . import receivers

        refund_recorded.connect(receivers.reconcile_recorded_refund, dispatch_uid="guarantee")
