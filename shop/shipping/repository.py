"""Shipping methods offered for a basket: the services of the destination's zone."""

from django.conf import settings
from oscar.apps.shipping.repository import Repository as CoreRepository

from .methods import ZoneServiceMethod
from .models import ShippingService
from .selectors import zone_for_country


class Repository(CoreRepository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        # Before an address is known (basket page estimate) price for the shop's home country.
        country_code = (
            shipping_addr.country_id if shipping_addr else settings.SHIPPING_ESTIMATE_COUNTRY
        )
        zone = zone_for_country(country_code)
        if zone is None:
            return []
        services = sorted(
            (zs for zs in zone.services.all() if zs.bands.all()),
            key=lambda zs: zs.service != ShippingService.STANDARD,  # Standard first
        )
        return [ZoneServiceMethod(zone_service) for zone_service in services]
