"""The one unit of product weight in this shop: kilograms.

Oscar's shipping ``Scale`` reads the ``weight`` attribute as kilograms, so the catalogue stores
kilograms too (attribute "Weight (kg)", a float), and everything that reads a weight goes through
``weight_kg`` here. Grams once slipped in (410 for a 410 g tool, weighed as 410 kg); the limit
below makes such a number impossible to save from the dashboard.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

WEIGHT_ATTRIBUTE_CODE = "weight"
WEIGHT_ATTRIBUTE_NAME = "Weight (kg)"
WEIGHT_HELP_TEXT = "Packed weight in kilograms, e.g. 0.41 for 410 g. Shipping is charged from it."
# The heaviest single item a parcel carrier takes, and far above anything this shop sells.
MAX_PRODUCT_WEIGHT_KG = Decimal("30")
GRAM = Decimal("0.001")


def weight_kg(value) -> Decimal:
    """A stored weight (float, int, str or Decimal) as kilograms, to the gram.

    Through ``str`` so that a float such as 0.2 is 0.200 kg, not 0.2000000000000000111 kg,
    which would tip a basket of ten over a 2 kg band.
    """
    return Decimal(str(value)).quantize(GRAM)


def validate_product_weight_kg(value) -> None:
    """Refuse a weight no product of this shop can have, in words that name the unit."""
    try:
        kilograms = weight_kg(value)
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError("Enter the weight as a number of kilograms, e.g. 0.41.") from None
    if kilograms <= 0:
        raise ValidationError(
            "Enter a weight above 0 kg: shipping is charged by weight. Use at least 0.001 kg."
        )
    if kilograms > MAX_PRODUCT_WEIGHT_KG:
        raise ValidationError(
            f"{kilograms.normalize():f} kg is more than one item of this shop can weigh (at "
            f"most {MAX_PRODUCT_WEIGHT_KG} kg). The weight is in kilograms: 410 g is 0.41."
        )
