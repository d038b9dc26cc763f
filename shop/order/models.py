"""Oscar's order models, with the guarantee terms each order was sold under, the carrier and
tracking number of each shipment, and the shipping refunds staff make."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from oscar.apps.order.abstract_models import AbstractOrder, AbstractShippingEvent

# Only the payment services may take an order out of "Pending payment": "Paid" must mean the
# money arrived, and cancelling must release the stock. Staff cannot pick them in the dashboard.
SERVICE_ONLY_TRANSITIONS = {
    (settings.OSCAR_INITIAL_ORDER_STATUS, "Paid"),
    (settings.OSCAR_INITIAL_ORDER_STATUS, "Cancelled"),
}


class Order(AbstractOrder):
    guarantee_terms = models.ForeignKey(
        "guarantee.GuaranteeTerms",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        help_text="The money-back guarantee terms in force when the order was placed.",
    )

    _service_transition = False

    def available_statuses(self):
        statuses = super().available_statuses()
        if self._service_transition:
            return statuses
        return tuple(s for s in statuses if (self.status, s) not in SERVICE_ONLY_TRANSITIONS)

    def set_status_by_service(self, new_status: str) -> None:
        """Change the status from a service that did what the change means (payment recorded,
        stock released); the dashboard cannot make these changes."""
        self._service_transition = True
        try:
            self.set_status(new_status)
        finally:
            self._service_transition = False


class ShippingEvent(AbstractShippingEvent):
    """Oscar's shipping event ("Shipped", "Delivered") with what the customer needs to follow
    the parcel. A "Delivered" event names the shipment it completes (``delivers``)."""

    carrier = models.CharField(max_length=30, blank=True, help_text="A code of CARRIERS.")
    tracking_number = models.CharField(max_length=64, blank=True)
    delivers = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="delivery",
        help_text="The shipment this delivery completes.",
    )
    submission_key = models.CharField(
        max_length=64,
        blank=True,
        help_text="Sent with the staff form, so a second click finds this event.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(AbstractShippingEvent.Meta):
        permissions = [("record_shipment", "Can record shipments and deliveries")]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "submission_key"],
                condition=~Q(submission_key=""),
                name="one_shipping_event_per_submission",
            )
        ]


class ShippingRefund(models.Model):
    """Shipping money staff gave back on an order (whole or part), refunded through Stripe.

    The row is written before Stripe is called, so its amount counts against what can still be
    refunded while the call runs; it stays "pending" (with the error) when Stripe fails, and
    retrying it sends the same idempotency key, so Stripe never refunds it twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending (retry it)"
        REFUNDED = "refunded", "Refunded"

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="shipping_refunds"
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=12)
    reason = models.CharField(max_length=255, blank=True)
    submission_key = models.CharField(max_length=64)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    last_error = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "order"
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "submission_key"], name="one_shipping_refund_per_submission"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="shipping_refund_amount_gt_0"),
        ]

    def __str__(self) -> str:
        return f"Shipping refund of {self.amount} {self.currency} on order #{self.order.number}"

    @property
    def idempotency_key(self) -> str:
        return f"shipping-refund:{self.order.number}:{self.submission_key}"


from oscar.apps.order.models import *  # noqa: E402, F403
