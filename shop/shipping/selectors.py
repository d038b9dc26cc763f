"""Which zone serves a destination, with its services and bands in one go."""

from django.db.models import Prefetch

from .models import ShippingZone, ZoneService, ZoneWeightBand


def zone_for_country(country_code: str | None) -> ShippingZone | None:
    """Return the zone listing ``country_code`` (ISO alpha-2), else the rest-of-world zone."""
    services = ZoneService.objects.prefetch_related(
        Prefetch("bands", queryset=ZoneWeightBand.objects.order_by("max_weight_kg"))
    )
    zones = ShippingZone.objects.prefetch_related(Prefetch("services", queryset=services))
    zone = None
    if country_code:
        zone = zones.filter(countries__iso_3166_1_a2=country_code).first()
    return zone or zones.filter(is_rest_of_world=True).first()
