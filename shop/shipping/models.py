"""Shipping zones and their rates, kept in the database so staff can change prices without a deploy.

A zone groups destination countries (one zone is the "rest of the world" and catches every country
no other zone lists). Each zone offers the shop's services (Standard, Fast tracked) with a delivery
estimate and a price per weight band. Oscar's own shipping models stay available below.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q


class ShippingService(models.TextChoices):
    STANDARD = "standard", "Standard"
    FAST_TRACKED = "fast-tracked", "Fast tracked"


class ShippingZone(models.Model):
    name = models.CharField(max_length=100)
    code = models.SlugField(max_length=50, unique=True)
    countries = models.ManyToManyField("address.Country", blank=True, related_name="+")
    is_rest_of_world = models.BooleanField(
        default=False, help_text="Serves every country that no other zone lists."
    )

    class Meta:
        ordering = ["name"]
        app_label = "shipping"
        constraints = [
            models.UniqueConstraint(
                fields=["is_rest_of_world"],
                condition=Q(is_rest_of_world=True),
                name="one_rest_of_world_zone",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ZoneService(models.Model):
    """One service (Standard or Fast tracked) offered to one zone, with its delivery estimate.

    The estimate here is the only one: checkout, the confirmation email and the shipping policy
    page all read it. Its bands price parcels up to the heaviest band's weight; a heavier basket
    is not offered this service (see ``shop/shipping/quotes.py``).
    """

    zone = models.ForeignKey(ShippingZone, on_delete=models.CASCADE, related_name="services")
    service = models.CharField(max_length=20, choices=ShippingService.choices)
    min_days = models.PositiveSmallIntegerField()
    max_days = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["zone", "service"]
        app_label = "shipping"
        constraints = [
            models.UniqueConstraint(fields=["zone", "service"], name="one_service_per_zone"),
            models.CheckConstraint(
                condition=Q(max_days__gte=models.F("min_days")), name="estimate_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_service_display()} to {self.zone}"

    @property
    def estimate(self) -> str:
        """The delivery estimate as customers read it, e.g. "3 to 6 business days"."""
        if self.min_days == self.max_days:
            return f"{self.min_days} business days"
        return f"{self.min_days} to {self.max_days} business days"


class ZoneWeightBand(models.Model):
    """The price of a service for parcels up to ``max_weight_kg`` (kilograms, like product
    weights: shop/shipping/weights.py)."""

    zone_service = models.ForeignKey(ZoneService, on_delete=models.CASCADE, related_name="bands")
    max_weight_kg = models.DecimalField(
        max_digits=6, decimal_places=3, validators=[MinValueValidator(Decimal("0.001"))]
    )
    charge = models.DecimalField(
        max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0.00"))]
    )

    class Meta:
        ordering = ["zone_service", "max_weight_kg"]
        app_label = "shipping"
        constraints = [
            models.UniqueConstraint(
                fields=["zone_service", "max_weight_kg"], name="one_band_per_weight"
            )
        ]

    def __str__(self) -> str:
        return f"up to {self.max_weight_kg} kg: {self.charge}"


from oscar.apps.shipping.models import *  # noqa: E402, F403
