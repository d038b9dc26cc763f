"""Stock follows the order's status when staff change it in the dashboard.

Oscar allocates stock at checkout but never turns the allocation into consumption, nor gives it
back when a paid order is cancelled. Here shipping consumes it (the units leave the warehouse)
and cancelling a paid order releases it. Cancelling an unpaid order goes through
``shop.order.services.cancel_pending_order``, which the dashboard cannot call.
"""

from django.db import transaction
from oscar.apps.order.processing import EventHandler as CoreEventHandler
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")

SHIPPED = "Shipped"
CANCELLED = "Cancelled"


class EventHandler(CoreEventHandler):
    def handle_order_status_change(self, order, new_status, note_msg=None):
        with transaction.atomic():
            lines = list(order.lines.order_by("stockrecord_id"))
            # Same lock order as checkout: the stock records, by primary key.
            list(
                StockRecord.objects.select_for_update()
                .filter(pk__in=[line.stockrecord_id for line in lines if line.stockrecord_id])
                .order_by("pk")
            )
            super().handle_order_status_change(order, new_status, note_msg)
            for line in lines:
                if not line.stockrecord_id or not line.num_allocated:
                    continue
                if new_status == SHIPPED:
                    line.consume_allocation(line.num_allocated)
                elif new_status == CANCELLED:
                    line.cancel_allocation(line.num_allocated)
