"""Developer admin of the shipping app: Oscar's models and the shop's zones."""

from django.contrib import admin
from oscar.apps.shipping.admin import *  # noqa: F403

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
