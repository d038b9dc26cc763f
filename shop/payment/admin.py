"""Developer admin of the payment app: Oscar's models and the Stripe records (read-mostly)."""

from django.contrib import admin
from oscar.apps.payment.admin import *  # noqa: F403

from .models import PaymentAttempt, PaymentIssue, StripeRefund, StripeWebhookEvent


@admin.register(PaymentAttempt)
class PaymentAttemptAdmin(admin.ModelAdmin):
    list_display = ("order", "number", "status", "amount", "currency", "created", "paid_at")
    list_filter = ("status",)
    search_fields = ("order__number", "stripe_session_id", "payment_intent_id")
    readonly_fields = [f.name for f in PaymentAttempt._meta.fields]


@admin.register(StripeWebhookEvent)
class StripeWebhookEventAdmin(admin.ModelAdmin):
    list_display = ("event_id", "type", "object_id", "outcome", "received")
    search_fields = ("event_id", "object_id")


@admin.register(PaymentIssue)
class PaymentIssueAdmin(admin.ModelAdmin):
    list_display = ("order", "kind", "stripe_object_id", "created", "resolved")
    list_filter = ("kind", "resolved")


@admin.register(StripeRefund)
class StripeRefundAdmin(admin.ModelAdmin):
    list_display = ("refund_id", "order", "amount", "currency", "status", "created")
