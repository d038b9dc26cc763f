"""Developer admin for the guarantee terms (staff edit them in the back office)."""

from django.contrib import admin

from .models import GuaranteeTerms


@admin.register(GuaranteeTerms)
class GuaranteeTermsAdmin(admin.ModelAdmin):
    list_display = ("version", "window_days", "is_current", "created")
