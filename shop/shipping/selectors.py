"""Reads of the shipping app: which zone serves a destination, what a basket can be sent with,
where the shop ships, and which country a visitor's address form starts with."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.translation.trans_real import parse_accept_lang_header
from oscar.core.loading import get_model

from .methods import ZoneServiceMethod, basket_weight_kg, heaviest_band_kg
from .models import ShippingService, ShippingZone, ZoneService, ZoneWeightBand

Country = get_model("address", "Country")


def _zones() -> QuerySet[ShippingZone]:
    services = ZoneService.objects.prefetch_related(
        Prefetch("bands", queryset=ZoneWeightBand.objects.order_by("max_weight_kg"))
    )
    return ShippingZone.objects.prefetch_related(Prefetch("services", queryset=services))


def zone_for_country(country_code: str | None) -> ShippingZone | None:
    """Return the zone listing ``country_code`` (ISO alpha-2), else the rest-of-world zone."""
    zone = None
    if country_code:
        zone = _zones().filter(countries__iso_3166_1_a2=country_code).first()
    return zone or _zones().filter(is_rest_of_world=True).first()


def zones_for_policy() -> list[ShippingZone]:
    """Every zone with its services, bands and countries: the named zones, then the rest of
    the world. Countries the shop does not ship to are left out of each zone's list."""
    shipped = Country.objects.filter(is_shipping_country=True).order_by("printable_name")
    zones = _zones().prefetch_related(Prefetch("countries", queryset=shipped))
    return sorted(zones, key=lambda zone: (zone.is_rest_of_world, zone.pk))


def unshipped_countries() -> QuerySet:
    """The destinations the shop does not ship to, by name."""
    return Country.objects.filter(is_shipping_country=False).order_by("printable_name")


def default_shipping_country(request) -> Country | None:
    """The country a new address form starts with: the visitor's, as far as we can tell.

    Today that is the region of the browser's preferred languages (``de-DE`` -> Germany, in the
    order of preference), else the shop's home country (``SHIPPING_ESTIMATE_COUNTRY``). When
    markets exist, the visitor's market names the country and feeds this one function.
    """
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "") if request is not None else ""
    regions = []
    for tag, _quality in parse_accept_lang_header(header):
        for subtag in tag.split("-")[1:]:
            if len(subtag) == 2 and subtag.isalpha():
                regions.append(subtag.upper())
                break
    candidates = [*regions, settings.SHIPPING_ESTIMATE_COUNTRY]
    found = {
        country.iso_3166_1_a2: country
        for country in Country.objects.filter(
            iso_3166_1_a2__in=candidates, is_shipping_country=True
        )
    }
    return next((found[code] for code in candidates if code in found), None)


@dataclass
class ShippingOptions:
    """What a basket can be sent with to one destination, and why not when nothing fits."""

    country: Country | None
    weight_kg: Decimal
    methods: list[ZoneServiceMethod] = field(default_factory=list)
    # For the buyer, when no method is offered for a reason they can act on.
    refusal: str = ""
    # The heaviest band, when the basket is past it (a sign of bad product data).
    too_heavy_for_kg: Decimal | None = None


def shipping_options(*, basket, country_code: str | None) -> ShippingOptions:
    """The zone's services that can take ``basket`` to ``country_code``, Standard first."""
    country = Country.objects.filter(iso_3166_1_a2=country_code).first() if country_code else None
    weight = basket_weight_kg(basket)
    options = ShippingOptions(country=country, weight_kg=weight)
    if country_code and (country is None or not country.is_shipping_country):
        name = country.printable_name if country else "that destination"
        options.refusal = (
            f"We do not ship to {name}. Please choose another address: our shipping policy "
            "lists where we ship."
        )
        return options
    zone = zone_for_country(country_code)
    if zone is None:
        return options
    services = sorted(
        (zs for zs in zone.services.all() if zs.bands.all()),
        key=lambda zs: zs.service != ShippingService.STANDARD,  # Standard first
    )
    fitting = [zs for zs in services if weight <= heaviest_band_kg(zs)]
    options.methods = [ZoneServiceMethod(zone_service) for zone_service in fitting]
    if services and not fitting:
        limit = max(heaviest_band_kg(zs) for zs in services)
        options.too_heavy_for_kg = limit
        options.refusal = (
            f"We cannot ship this basket to {country.printable_name if country else 'you'}: "
            f"it weighs {weight.normalize():f} kg, more than the {limit.normalize():f} kg we "
            "send in one parcel. Please remove some items, or ask our support team about a "
            "larger order."
        )
    return options
