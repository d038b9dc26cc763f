"""The storefront: home page, site-wide layout context, health check, email outbox, demo data."""

from django.apps import AppConfig
from django.conf import settings


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    label = "storefront"
    verbose_name = "Storefront"

    def ready(self) -> None:
        from PIL import Image

        # Pillow refuses (DecompressionBombError) images larger than twice this; the site
        # needs nothing near its default of ~179 megapixels.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
