"""Availability wording of the shop: "In stock", "Only 3 left", "Out of stock".

Overrides Oscar's ``StockRequired`` policy (loaded through ``get_class``) so that product
pages, cards and the basket speak the same plain words, and refusals say what the customer can
still do. It also applies the order limits against stock hoarding: at most
``ORDER_MAX_UNITS_PER_PRODUCT`` units of a product in one order, and at most
``ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER`` in the customer's unpaid orders and basket together.
"""

from collections.abc import Callable

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.partner.availability import Available, Base, Unavailable

__all__ = ["Available", "Base", "StockRequired", "Unavailable"]


class StockRequired(Base):
    """Sell only what is in stock; warn when few units remain."""

    CODE_IN_STOCK = "instock"
    CODE_LOW_STOCK = "lowstock"
    CODE_OUT_OF_STOCK = "outofstock"

    def __init__(
        self, num_available: int | None, held_by_customer: Callable[[], int] | None = None
    ) -> None:
        self.num_available = max(num_available or 0, 0)
        self.held_by_customer = held_by_customer

    @property
    def is_low(self) -> bool:
        return 0 < self.num_available <= settings.SHOP_LOW_STOCK_THRESHOLD

    @property
    def is_available_to_buy(self) -> bool:
        # In stock, whoever asks: what one customer already holds is counted when they ask for
        # a quantity, not on every product card.
        return self.num_available > 0

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        if self.num_available <= 0:
            return False, str(_("Sorry, this product is out of stock."))
        per_order = settings.ORDER_MAX_UNITS_PER_PRODUCT
        if quantity > per_order:
            return False, _("You can order at most %(count)d of this product in one order.") % {
                "count": per_order
            }
        if quantity > self.num_available:
            return False, ngettext(
                "Sorry, only %(count)d is left in stock: you can buy at most %(count)d.",
                "Sorry, only %(count)d are left in stock: you can buy at most %(count)d.",
                self.num_available,
            ) % {"count": self.num_available}
        if self.held_by_customer is not None:
            held = self.held_by_customer()
            per_customer = settings.ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER
            if held and held + quantity > per_customer:
                return False, _(
                    "You already have %(held)d of this product in orders waiting for payment, "
                    "and we hold at most %(limit)d for one customer. Please pay for those "
                    "orders first."
                ) % {"held": held, "limit": per_customer}
        return True, ""

    @property
    def code(self) -> str:
        if self.num_available <= 0:
            return self.CODE_OUT_OF_STOCK
        return self.CODE_LOW_STOCK if self.is_low else self.CODE_IN_STOCK

    @property
    def message(self) -> str:
        if self.num_available <= 0:
            return str(_("Out of stock"))
        if self.is_low:
            return _("Only %(count)d left") % {"count": self.num_available}
        return str(_("In stock"))

    @property
    def short_message(self) -> str:
        return self.message
