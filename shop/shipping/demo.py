"""Demo shipping zones and rates: domestic US, Canada/Mexico, Europe and the rest of the world."""

from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from .models import ShippingService, ShippingZone, ZoneService, ZoneWeightBand

Country = get_model("address", "Country")

EUROPE = [
    "AD",
    "AL",
    "AT",
    "BA",
    "BE",
    "BG",
    "BY",
    "CH",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FO",
    "FR",
    "GB",
    "GI",
    "GR",
    "HR",
    "HU",
    "IE",
    "IS",
    "IT",
    "LI",
    "LT",
    "LU",
    "LV",
    "MC",
    "MD",
    "ME",
    "MK",
    "MT",
    "NL",
    "NO",
    "PL",
    "PT",
    "RO",
    "RS",
    "SE",
    "SI",
    "SK",
    "SM",
    "UA",
    "VA",
]

# zone code -> (name, countries, rest of world, {service: (min days, max days,
# ((max kg, charge in USD), ...))}). Business days from dispatch. The heaviest band (30 kg) is the
# heaviest parcel the carriers take; docs/checkout.md prints this table and the money audit test
# (tests/shop/checkout/test_money_audit.py) holds the buyer to it.
BANDS_KG = ("0.5", "2", "5", "10", "30")
ZONES = {
    "us": (
        "United States",
        ["US"],
        False,
        {
            ShippingService.STANDARD: (3, 6, ("5.95", "8.95", "12.95", "18.95", "39.95")),
            ShippingService.FAST_TRACKED: (1, 2, ("14.95", "19.95", "29.95", "44.95", "89.95")),
        },
    ),
    "north-america": (
        "Canada and Mexico",
        ["CA", "MX"],
        False,
        {
            ShippingService.STANDARD: (5, 10, ("9.95", "14.95", "24.95", "39.95", "79.95")),
            ShippingService.FAST_TRACKED: (2, 4, ("24.95", "34.95", "49.95", "74.95", "149.95")),
        },
    ),
    "europe": (
        "Europe",
        EUROPE,
        False,
        {
            ShippingService.STANDARD: (6, 12, ("12.95", "19.95", "32.95", "49.95", "99.95")),
            ShippingService.FAST_TRACKED: (3, 5, ("29.95", "39.95", "59.95", "89.95", "179.95")),
        },
    ),
    "rest-of-world": (
        "Rest of the world",
        [],
        True,
        {
            ShippingService.STANDARD: (8, 20, ("14.95", "24.95", "39.95", "59.95", "119.95")),
            ShippingService.FAST_TRACKED: (
                3,
                7,
                ("34.95", "49.95", "74.95", "109.95", "219.95"),
            ),
        },
    ),
}


@transaction.atomic
def ensure_shipping_zones() -> list[ShippingZone]:
    """Create or refresh the demo zones, services and bands (running it twice changes nothing)."""
    zones = []
    for code, (name, countries, rest_of_world, services) in ZONES.items():
        zone, _ = ShippingZone.objects.update_or_create(
            code=code, defaults={"name": name, "is_rest_of_world": rest_of_world}
        )
        zone.countries.set(Country.objects.filter(iso_3166_1_a2__in=countries))
        for service, (min_days, max_days, charges) in services.items():
            zone_service, _ = ZoneService.objects.update_or_create(
                zone=zone,
                service=service,
                defaults={"min_days": min_days, "max_days": max_days},
            )
            for max_kg, charge in zip(BANDS_KG, charges, strict=True):
                ZoneWeightBand.objects.update_or_create(
                    zone_service=zone_service,
                    max_weight_kg=Decimal(max_kg),
                    defaults={"charge": Decimal(charge)},
                )
        zones.append(zone)
    return zones
