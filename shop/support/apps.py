"""The support app: contact page, tracked requests, conversations and private attachments."""

from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "shop.support"
    label = "support"
    verbose_name = "Support"
    default_auto_field = "django.db.models.BigAutoField"
