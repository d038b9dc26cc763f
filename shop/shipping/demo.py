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

# zone code -> (name, countries, rest of world, {service: (min days, max days, extra per kg,
# ((max kg, charge), ...))})
ZONES = {
    "us": (
        "United States",
        ["US"],
        False,
        {
            ShippingService.STANDARD: (3, 6, "1.50", (("0.5", "5.95"), ("2", "8.95"))),
            ShippingService.FAST_TRACKED: (1, 2, "3.00", (("0.5", "14.95"), ("2", "19.95"))),
        },
    ),
    "north-america": (
        "Canada and Mexico",
        ["CA", "MX"],
        False,
        {
            ShippingService.STANDARD: (5, 10, "3.00", (("0.5", "9.95"), ("2", "14.95"))),
            ShippingService.FAST_TRACKED: (2, 4, "5.00", (("0.5", "24.95"), ("2", "34.95"))),
        },
    ),
    "europe": (
        "Europe",
        EUROPE,
        False,
        {
            ShippingService.STANDARD: (6, 12, "4.00", (("0.5", "12.95"), ("2", "19.95"))),
            ShippingService.FAST_TRACKED: (3, 5, "6.00", (("0.5", "29.95"), ("2", "39.95"))),
        },
    ),
    "rest-of-world": (
        "Rest of the world",
        [],
        True,
        {
            ShippingService.STANDARD: (8, 20, "5.00", (("0.5", "14.95"), ("2", "24.95"))),
            ShippingService.FAST_TRACKED: (3, 7, "8.00", (("0.5", "34.95"), ("2", "49.95"))),
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
        for service, (min_days, max_days, extra, bands) in services.items():
            zone_service, _ = ZoneService.objects.update_or_create(
                zone=zone,
                service=service,
                defaults={
                    "min_days": min_days,
                    "max_days": max_days,
                    "extra_kg_charge": Decimal(extra),
                },
            )
            for max_kg, charge in bands:
                ZoneWeightBand.objects.update_or_create(
                    zone_service=zone_service,
                    max_weight_kg=Decimal(max_kg),
                    defaults={"charge": Decimal(charge)},
                )
        zones.append(zone)
    return zones
