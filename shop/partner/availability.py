"""Availability wording of the shop: "In stock", "Only 3 left", "Out of stock".

Overrides Oscar's ``StockRequired`` policy (loaded through ``get_class``) so that product
pages, cards and the basket speak the same plain words, and refusals say what the customer can
still do.
"""

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

    def __init__(self, num_available: int | None) -> None:
        self.num_available = max(num_available or 0, 0)

    @property
    def is_low(self) -> bool:
        return 0 < self.num_available <= settings.SHOP_LOW_STOCK_THRESHOLD

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        if self.num_available <= 0:
            return False, str(_("Sorry, this product is out of stock."))
        if quantity > self.num_available:
            return False, ngettext(
                "Sorry, only %(count)d is left in stock: you can buy at most %(count)d.",
                "Sorry, only %(count)d are left in stock: you can buy at most %(count)d.",
                self.num_available,
            ) % {"count": self.num_available}
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
