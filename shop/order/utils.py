"""Order placement that cannot oversell: stock is checked and allocated under row locks, the
order limits against hoarding are applied, and vouchers are checked under their row locks."""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from oscar.apps.order.utils import OrderCreator as CoreOrderCreator
from oscar.core.loading import get_model

from shop.partner.holds import units_held_by_customer

from .exceptions import InsufficientStock, OrderLimitExceeded, VoucherUnavailable

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


def check_order_limits(*, basket, user, email: str) -> None:
    """Refuse a basket with more units of a product than one order may hold, or than the
    customer may hold in unpaid orders (this basket included).

    Run after ``lock_and_check_stock``: the stock records are locked, so two orders of the same
    customer for the same product are counted one after the other.
    """
    wanted: dict[int, int] = defaultdict(int)
    titles: dict[int, str] = {}
    for line in basket.all_lines():
        if line.product_id:
            wanted[line.product_id] += line.quantity
            titles[line.product_id] = line.product.get_title()
    per_order = settings.ORDER_MAX_UNITS_PER_PRODUCT
    for product_id, quantity in wanted.items():
        if quantity > per_order:
            raise OrderLimitExceeded(
                f"You can order at most {per_order} of “{titles[product_id]}” in one order. "
                "Please lower the quantity in your basket."
            )
    held = units_held_by_customer(user=user, email=email)
    per_customer = settings.ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER
    for product_id, quantity in wanted.items():
        already = held.get(product_id, 0)
        if already and already + quantity > per_customer:
            raise OrderLimitExceeded(
                f"You already have {already} of “{titles[product_id]}” in orders waiting for "
                f"payment, and we hold at most {per_customer} for one customer. Please pay for "
                "those orders first, or lower the quantity in your basket."
            )


def lock_and_check_vouchers(basket, user) -> None:
    """Lock the basket's vouchers (in primary-key order) and refuse one that can no longer be
    used, with a message, where Oscar raises a bare ``ValueError`` (a server error).

    The lock is held until the order commits: of two baskets with the same single-use voucher,
    the second waits here and then sees the first one's use.
    """
    vouchers = basket.vouchers.select_for_update(of=("self",)).order_by("pk")
    for voucher in vouchers:
        if not voucher.is_active():
            continue  # the basket ignores it, and Oscar takes it off
        available, reason = voucher.is_available_to_user(user=user)
        if not available:
            raise VoucherUnavailable(
                f"{reason} (code “{voucher.code}”), so its discount no longer applies. We "
                "took it off your basket: please check the new total before you order.",
                voucher=voucher,
            )


class OrderCreator(CoreOrderCreator):
    def place_order(self, basket, *args, **kwargs):
        with transaction.atomic():
            lock_and_check_stock(basket)
            user = kwargs.get("user")
            email = kwargs.get("guest_email") or getattr(user, "email", "") or ""
            check_order_limits(basket=basket, user=user, email=email)
            lock_and_check_vouchers(basket, user)
            return super().place_order(basket, *args, **kwargs)
