"""Shipping methods offered for a basket: the services of the destination's zone."""

from django.conf import settings
from oscar.apps.shipping.methods import Free
from oscar.apps.shipping.repository import Repository as CoreRepository

from .methods import ZoneServiceMethod
from .models import ShippingService
from .selectors import zone_for_country


class PricedAtCheckout(Free):
    """The basket's estimate when no zone serves the destination (e.g. before ``load_demo``).

    It is never offered as a method: checkout lists only the zone's services, so no order can be
    placed without a real rate.
    """

    code = "priced-at-checkout"
    name = "priced at checkout"


class Repository(CoreRepository):
    def get_default_shipping_method(self, basket, shipping_addr=None, **kwargs):
        methods = self.get_shipping_methods(basket, shipping_addr=shipping_addr, **kwargs)
        if not methods:
            return PricedAtCheckout()
        return min(methods, key=lambda method: method.calculate(basket).incl_tax)

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
