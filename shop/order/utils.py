"""Order placement that cannot oversell: stock is checked and allocated under row locks."""

from collections import defaultdict

from django.db import transaction
from oscar.apps.order.utils import OrderCreator as CoreOrderCreator
from oscar.core.loading import get_model

from .exceptions import InsufficientStock

StockRecord = get_model("partner", "StockRecord")


def lock_and_check_stock(basket) -> None:
    """Lock the basket's stock records (in primary-key order, so concurrent checkouts cannot
    deadlock) and refuse the order when any has fewer free units than the basket needs.

    The locks are held until the transaction ends, so the allocation that follows sees the
    numbers checked here: two shoppers can never both take the last unit.
    """
    needed: dict[int, int] = defaultdict(int)
    titles: dict[int, str] = {}
    for line in basket.all_lines():
        if line.stockrecord_id and line.product.get_product_class().track_stock:
            needed[line.stockrecord_id] += line.quantity
            titles[line.stockrecord_id] = line.product.get_title()
    if not needed:
        return
    locked = (
        StockRecord.objects.select_for_update(of=("self",))
        .filter(pk__in=needed)
        .order_by("pk")
        .only("pk", "num_in_stock", "num_allocated")
    )
    for record in locked:
        if record.net_stock_level < needed[record.pk]:
            available = max(record.net_stock_level, 0)
            raise InsufficientStock(
                f"Sorry, only {available} of “{titles[record.pk]}” left in stock. "
                "Please update your basket."
            )


class OrderCreator(CoreOrderCreator):
    def place_order(self, basket, *args, **kwargs):
        with transaction.atomic():
            lock_and_check_stock(basket)
            return super().place_order(basket, *args, **kwargs)
