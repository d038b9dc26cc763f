"""The shop's shipping methods: a zone's service priced by basket weight, free Standard over a
threshold (``SHIPPING_FREE_STANDARD_THRESHOLD``)."""

import math
from decimal import Decimal

from django.conf import settings
from oscar.apps.shipping.methods import Base
from oscar.apps.shipping.scales import Scale
from oscar.core import prices

from .models import ShippingService, ZoneService


def basket_weight_kg(basket) -> Decimal:
    """Weight of the basket from the products' ``weight`` attribute (kg), with a default."""
    scale = Scale(attribute_code="weight", default_weight=settings.SHIPPING_DEFAULT_ITEM_WEIGHT_KG)
    return scale.weigh_basket(basket)


def charge_for_weight(zone_service: ZoneService, weight_kg: Decimal) -> Decimal:
    """The band price for ``weight_kg``; above the heaviest band, its price plus a per-kg charge."""
    bands = list(zone_service.bands.all())
    if not bands:
        raise ValueError(f"{zone_service} has no weight bands")
    for band in bands:
        if weight_kg <= band.max_weight_kg:
            return band.charge
    heaviest = bands[-1]
    extra_kg = math.ceil(weight_kg - heaviest.max_weight_kg)
    return heaviest.charge + zone_service.extra_kg_charge * extra_kg


class ZoneServiceMethod(Base):
    """Standard or Fast tracked to the zone of the shipping address."""

    def __init__(self, zone_service: ZoneService) -> None:
        self.zone_service = zone_service
        self.code = zone_service.service
        self.name = zone_service.get_service_display()
        self.estimate = zone_service.estimate
        self.description = f"Delivered in {self.estimate}, tracked"

    def is_free_for(self, basket) -> bool:
        threshold = settings.SHIPPING_FREE_STANDARD_THRESHOLD
        return (
            self.code == ShippingService.STANDARD
            and threshold is not None
            and basket.total_incl_tax >= threshold
        )

    def calculate(self, basket) -> prices.Price:
        if self.is_free_for(basket):
            charge = Decimal("0.00")
        else:
            charge = charge_for_weight(self.zone_service, basket_weight_kg(basket))
        # Prices in this shop include any tax; shipping carries none of its own.
        return prices.Price(currency=basket.currency, excl_tax=charge, tax=Decimal("0.00"))
