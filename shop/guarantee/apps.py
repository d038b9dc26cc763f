"""App configuration of the money-back guarantee."""

from django.apps import AppConfig


class GuaranteeConfig(AppConfig):
    name = "shop.guarantee"
    label = "guarantee"
    verbose_name = "Money-back guarantee"
