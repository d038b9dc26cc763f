"""Stock follows the order's shipments and status when staff change them in the dashboard.

Oscar allocates stock at checkout but never turns the allocation into consumption, nor gives it
back when a paid order is cancelled. Here shipping consumes it (the units leave the warehouse):
each recorded shipment consumes the units it carries, and moving the order to "Shipped" consumes
whatever is still allocated. Cancelling a paid order releases it. Cancelling an unpaid order
goes through ``shop.order.services.cancel_pending_order``, which the dashboard cannot call.
"""

from django.db import transaction
from oscar.apps.order.processing import EventHandler as CoreEventHandler
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")

SHIPPED = "Shipped"
CANCELLED = "Cancelled"


def _lock_stock(lines) -> None:
    """Same lock order as checkout: the stock records, by primary key."""
    list(
        StockRecord.objects.select_for_update()
        .filter(pk__in=[line.stockrecord_id for line in lines if line.stockrecord_id])
        .order_by("pk")
    )


class EventHandler(CoreEventHandler):
    def handle_shipping_event(self, order, event_type, lines, line_quantities, **kwargs):
        """Record a shipping event with its carrier and tracking number; a "Shipped" event
        consumes the allocation of the units it carries.

        Keyword arguments: ``carrier``, ``tracking_number``, ``submission_key``, ``delivers``
        (the shipment a delivery completes) and ``reference`` (Oscar's notes).
        """
        with transaction.atomic():
            _lock_stock(lines)
            self.validate_shipping_event(order, event_type, lines, line_quantities, **kwargs)
            event = ShippingEvent.objects.create(
                order=order,
                event_type=event_type,
                notes=kwargs.get("reference", ""),
                carrier=kwargs.get("carrier", ""),
                tracking_number=kwargs.get("tracking_number", ""),
                submission_key=kwargs.get("submission_key", ""),
                delivers=kwargs.get("delivers"),
                recorded_by=self.user if getattr(self.user, "pk", None) else None,
            )
            for line, quantity in zip(lines, line_quantities, strict=True):
                ShippingEventQuantity.objects.create(event=event, line=line, quantity=quantity)
                if event_type.name == SHIPPED and line.stockrecord_id and line.num_allocated:
                    line.consume_allocation(min(quantity, line.num_allocated))
        return event

    def handle_order_status_change(self, order, new_status, note_msg=None):
        with transaction.atomic():
            lines = list(order.lines.order_by("stockrecord_id"))
            _lock_stock(lines)
            super().handle_order_status_change(order, new_status, note_msg)
            for line in lines:
                if not line.stockrecord_id or not line.num_allocated:
                    continue
                if new_status == SHIPPED:
                    line.consume_allocation(line.num_allocated)
                elif new_status == CANCELLED:
                    line.cancel_allocation(line.num_allocated)
