"""Context every storefront page needs: site URL, navigation and the payment mode banner."""

from django.conf import settings
from django.http import HttpRequest

from .navigation import main_navigation


def site(request: HttpRequest) -> dict:
    return {
        "SITE_URL": settings.SITE_URL,
        "main_navigation": [
            (label, href, request.path.startswith(href)) for label, href in main_navigation()
        ],
        "payments_in_demo_mode": settings.STRIPE_DEMO_MODE,
    }
