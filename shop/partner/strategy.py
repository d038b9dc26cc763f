"""Oscar's default strategy (first stock record, no tax), with the shop's order limits.

The availability policy of each product learns, when a quantity is asked for, how many units
the signed-in customer already holds in unpaid orders: one query per request, made only when a
basket quantity is checked (never for a product card). Guests are counted at "Place order",
when their email is known (``shop.order.utils``).
"""

from oscar.apps.partner import strategy as oscar_strategy

from .availability import Available, StockRequired, Unavailable
from .holds import units_held_by_customer


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        strategy = Default(request)
        if request is None and user is not None and user.is_authenticated:
            strategy.user = user
        return strategy


class Default(oscar_strategy.Default):
    _held: dict[int, int] | None = None

    def units_held(self, product) -> int:
        """Units of the product in the customer's unpaid orders (0 for a guest)."""
        if self._held is None:
            self._held = units_held_by_customer(user=self.user) if self.user else {}
        return self._held.get(product.pk, 0)

    def availability_policy(self, product, stockrecord):
        if not stockrecord:
            return Unavailable()
        if not product.get_product_class().track_stock:
            return Available()
        return StockRequired(
            stockrecord.net_stock_level, held_by_customer=lambda: self.units_held(product)
        )
