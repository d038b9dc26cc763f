"""The orders this browser placed or looked up, remembered in its session.

Guests have no account to prove an order is theirs, so the checkout, the payment pages, the
order lookup and the guarantee's access rules all ask this one list.
"""

from django.http import HttpRequest
from oscar.core.loading import get_model

Order = get_model("order", "Order")

SESSION_KEY = "payable_orders"
REMEMBERED_LIMIT = 20  # the latest orders only, so the session stays small


def remember_order(request: HttpRequest, order: Order) -> None:
    """Let this browser see and pay ``order`` (guests have no account to prove it)."""
    numbers = request.session.get(SESSION_KEY, [])
    if str(order.number) not in numbers:
        request.session[SESSION_KEY] = [*numbers[-(REMEMBERED_LIMIT - 1) :], str(order.number)]


def is_remembered(request: HttpRequest, number: str) -> bool:
    """Whether this browser placed or looked up the order with that number."""
    return str(number) in request.session.get(SESSION_KEY, [])
