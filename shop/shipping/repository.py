"""Shipping methods offered for a basket: the services of the destination's zone that can take
it, and the guard that tells staff when a basket's shipping looks wrong."""

from oscar.apps.shipping.methods import Free
from oscar.apps.shipping.repository import Repository as CoreRepository

from .selectors import default_shipping_country, shipping_options
from .services import alert_staff_of_unusual_shipping


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
        if shipping_addr is None:
            # The basket page's estimate, before an address is known: the visitor's country.
            country = default_shipping_country(kwargs.get("request"))
            return shipping_options(
                basket=basket, country_code=country.iso_3166_1_a2 if country else None
            ).methods
        options = shipping_options(basket=basket, country_code=shipping_addr.country_id)
        alert_staff_of_unusual_shipping(basket=basket, options=options)
        return options.methods
