"""Why a basket cannot be shipped, in words a buyer can act on."""

from decimal import Decimal


class ShippingUnavailable(Exception):
    """No service of the shop can take this basket to this destination."""


class ParcelTooHeavy(ShippingUnavailable):
    """The basket weighs more than the heaviest band of the service."""

    def __init__(self, *, weight_kg: Decimal, limit_kg: Decimal) -> None:
        super().__init__(f"{weight_kg} kg is past the heaviest band ({limit_kg} kg)")
        self.weight_kg = weight_kg
        self.limit_kg = limit_kg
