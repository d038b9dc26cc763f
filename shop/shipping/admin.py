"""Admin of the shipping app: Oscar's models, the shop's zones, and where the shop ships.

Whether a country is a destination is Oscar's ``Country.is_shipping_country``; the country list
here lets staff switch it per country (the address form, rates and policy page follow at once).
"""

from django.contrib import admin
from oscar.apps.shipping.admin import *  # noqa: F403
from oscar.core.loading import get_model

from .models import ShippingZone, ZoneService, ZoneWeightBand


class ZoneWeightBandInline(admin.TabularInline):
    model = ZoneWeightBand


@admin.register(ZoneService)
class ZoneServiceAdmin(admin.ModelAdmin):
    list_display = ("zone", "service", "min_days", "max_days")
    inlines = [ZoneWeightBandInline]


@admin.register(ShippingZone)
class ShippingZoneAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_rest_of_world")
    filter_horizontal = ("countries",)


Country = get_model("address", "Country")
CoreCountryAdmin = type(admin.site._registry[Country])
admin.site.unregister(Country)


@admin.register(Country)
class CountryAdmin(CoreCountryAdmin):
    list_display = ["__str__", "iso_3166_1_a2", "is_shipping_country", "display_order"]
    list_editable = ["is_shipping_country"]
