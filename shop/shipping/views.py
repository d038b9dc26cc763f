"""The shipping policy page: the staff-written text, then the zones, delivery estimates, prices
and the places the shop does not ship to, all read from the shipping data that checkout uses."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.shortcuts import get_current_site
from django.views.generic import TemplateView

from .models import ShippingService, ShippingZone, ZoneService
from .selectors import unshipped_countries, zones_for_policy

POLICY_URL = "/policies/shipping/"


@dataclass(frozen=True)
class ZoneRates:
    """One zone as the policy prints it: its services (with estimates) and a row per band."""

    zone: ShippingZone
    services: list[ZoneService]
    bands: list[tuple[str, list[Decimal | None]]]  # ("0.5" kg, charge per service)


def zone_rates(zone: ShippingZone) -> ZoneRates:
    order = [value for value, _ in ShippingService.choices]
    services = sorted(
        (zs for zs in zone.services.all() if zs.bands.all()), key=lambda zs: order.index(zs.service)
    )
    charges = {
        (zs.pk, band.max_weight_kg): band.charge for zs in services for band in zs.bands.all()
    }
    weights = sorted({weight for _, weight in charges})
    bands = [
        (f"{weight.normalize():f}", [charges.get((zs.pk, weight)) for zs in services])
        for weight in weights
    ]
    return ZoneRates(zone=zone, services=services, bands=bands)


class ShippingPolicyView(TemplateView):
    template_name = "shipping/policy.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["flatpage"] = FlatPage.objects.filter(
            url=POLICY_URL, sites=get_current_site(self.request)
        ).first()
        ctx["zones"] = [zone_rates(zone) for zone in zones_for_policy()]
        ctx["unshipped_countries"] = list(unshipped_countries())
        ctx["currency"] = settings.OSCAR_DEFAULT_CURRENCY
        ctx["free_standard_threshold"] = settings.SHIPPING_FREE_STANDARD_THRESHOLD
        return ctx
