"""Operations on orders that payment events trigger: cancelling an unpaid order."""

import logging

from django.conf import settings
from django.db import transaction
from oscar.core.loading import get_model

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
StockRecord = get_model("partner", "StockRecord")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Voucher = get_model("voucher", "Voucher")
VoucherApplication = get_model("voucher", "VoucherApplication")

logger = logging.getLogger(__name__)

PENDING = settings.OSCAR_INITIAL_ORDER_STATUS
PAID = "Paid"
CANCELLED = "Cancelled"


def _release_discounts(order: Order) -> None:
    """Give back the voucher and offer usage the order recorded when it was placed.

    Vouchers are locked before offers, the order in which placement touches them.
    """
    discounts = list(order.discounts.all())
    applications = list(VoucherApplication.objects.filter(order=order))
    voucher_ids = {d.voucher_id for d in discounts if d.voucher_id} | {
        a.voucher_id for a in applications
    }
    vouchers = {
        v.pk: v
        for v in Voucher.objects.select_for_update().filter(pk__in=voucher_ids).order_by("pk")
    }
    offers = {
        o.pk: o
        for o in ConditionalOffer.objects.select_for_update()
        .filter(pk__in={d.offer_id for d in discounts if d.offer_id})
        .order_by("pk")
    }
    for discount in discounts:
        offer = offers.get(discount.offer_id)
        if offer is not None:
            offer.num_applications = max(0, offer.num_applications - discount.frequency)
            offer.total_discount = max(0, offer.total_discount - discount.amount)
            offer.num_orders = max(0, offer.num_orders - 1)
        voucher = vouchers.get(discount.voucher_id)
        if voucher is not None:
            voucher.total_discount = max(0, voucher.total_discount - discount.amount)
    for application in applications:
        voucher = vouchers[application.voucher_id]
        voucher.num_orders = max(0, voucher.num_orders - 1)
        application.delete()
    for voucher in vouchers.values():
        voucher.save()
    for offer in offers.values():
        offer.save()


@transaction.atomic
def cancel_pending_order(*, order: Order, reason: str) -> bool:
    """Cancel an order still waiting for payment: release its stock and its voucher usage.

    Returns False (and changes nothing) when the order is no longer pending, e.g. paid already.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != PENDING:
        return False
    lines = list(order.lines.select_related("stockrecord__product").order_by("stockrecord_id"))
    # Lock the stock records in the same order as placement does.
    list(
        StockRecord.objects.select_for_update()
        .filter(pk__in=[line.stockrecord_id for line in lines if line.stockrecord_id])
        .order_by("pk")
    )
    for line in lines:
        if line.stockrecord_id and line.num_allocated:
            line.cancel_allocation(line.num_allocated)
    _release_discounts(order)
    order.set_status_by_service(CANCELLED)
    OrderNote.objects.create(order=order, note_type=OrderNote.SYSTEM, message=reason)
    logger.info("Order #%s cancelled: %s", order.number, reason)
    return True
