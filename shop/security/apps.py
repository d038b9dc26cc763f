"""The security app: applies the image-size backstop once Django is ready."""

from django.apps import AppConfig
from django.conf import settings


class SecurityConfig(AppConfig):
    name = "shop.security"
    label = "security"
    verbose_name = "Security"

    def ready(self) -> None:
        from PIL import Image

        # Pillow refuses (DecompressionBombError) images larger than twice this; the site
        # needs nothing near its default of ~179 megapixels.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
