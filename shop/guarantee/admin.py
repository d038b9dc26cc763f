"""Developer admin of the guarantee (staff handle claims in the dashboard)."""

from django.contrib import admin

from .models import ClaimEvent, ClaimLine, GuaranteeClaim, GuaranteeTerms


@admin.register(GuaranteeTerms)
class GuaranteeTermsAdmin(admin.ModelAdmin):
    list_display = ("version", "window_days", "is_current", "created")


class ClaimLineInline(admin.TabularInline):
    model = ClaimLine
    extra = 0
    raw_id_fields = ("line",)


class ClaimEventInline(admin.TabularInline):
    model = ClaimEvent
    extra = 0
    readonly_fields = ("kind", "status", "message", "by", "internal", "created")


@admin.register(GuaranteeClaim)
class GuaranteeClaimAdmin(admin.ModelAdmin):
    list_display = ("reference", "order", "status", "amount", "currency", "created")
    list_filter = ("status",)
    search_fields = ("reference", "order__number")
    raw_id_fields = ("order",)
    readonly_fields = ("stripe_refund_id", "refund_attempt", "refund_error", "refunded_at")
    inlines = [ClaimLineInline, ClaimEventInline]
