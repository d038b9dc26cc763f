"""The shop's shipping methods: a zone's service priced by basket weight, free Standard over a
threshold (``SHIPPING_FREE_STANDARD_THRESHOLD``).

Weights are kilograms everywhere (shop/shipping/weights.py); this module is the one place that
reads them from products.
"""

from decimal import Decimal

from django.conf import settings
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from .exceptions import ParcelTooHeavy
from .models import ShippingService, ZoneService
from .weights import WEIGHT_ATTRIBUTE_CODE, weight_kg


def product_weight_kg(product) -> Decimal:
    """One unit of ``product`` in kg: its ``weight`` attribute, else the shop's default."""
    value = getattr(product.attr, WEIGHT_ATTRIBUTE_CODE, None)
    return weight_kg(settings.SHIPPING_DEFAULT_ITEM_WEIGHT_KG if value is None else value)


def basket_weight_kg(basket) -> Decimal:
    """The parcel's weight in kg (Oscar's ``Scale`` reads kilograms too, but through floats)."""
    if basket is None:
        return Decimal("0.000")
    return sum(
        (product_weight_kg(line.product) * line.quantity for line in basket.all_lines()),
        Decimal("0.000"),
    )


def heaviest_band_kg(zone_service: ZoneService) -> Decimal:
    bands = list(zone_service.bands.all())
    if not bands:
        raise ValueError(f"{zone_service} has no weight bands")
    return max(band.max_weight_kg for band in bands)


def charge_for_weight(zone_service: ZoneService, weight_kg: Decimal) -> Decimal:
    """The price of the lightest band that takes ``weight_kg``.

    Past the heaviest band there is no price: such a parcel is not sent (``ParcelTooHeavy``).
    An open-ended charge per extra kilogram once priced a 410 g tool, misread as 410 kg, at
    $1,651.95.
    """
    bands = sorted(zone_service.bands.all(), key=lambda band: band.max_weight_kg)
    if not bands:
        raise ValueError(f"{zone_service} has no weight bands")
    for band in bands:
        if weight_kg <= band.max_weight_kg:
            return band.charge
    raise ParcelTooHeavy(weight_kg=weight_kg, limit_kg=bands[-1].max_weight_kg)


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
