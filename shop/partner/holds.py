"""Stock held by orders waiting for payment, counted per customer.

An order allocates its units when it is placed, before payment (the order-first checkout), and
keeps them until it is paid or cancelled. These reads let the order limits
(``ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER``) count what one customer already holds.
"""

from django.conf import settings
from django.db.models import Q, Sum
from oscar.core.loading import get_model


def units_held_by_customer(*, user=None, email: str = "") -> dict[int, int]:
    """Units allocated to the customer's unpaid orders, by product id.

    The customer is the signed-in user and whoever ordered with the same email (case-insensitive,
    as a guest or signed in), so a second guest checkout with the same address counts too.
    One query.
    """
    Line = get_model("order", "Line")
    customer = Q()
    if user is not None and user.is_authenticated:
        customer |= Q(order__user=user)
        email = email or user.email
    email = (email or "").strip()
    if email:
        customer |= Q(order__guest_email__iexact=email) | Q(order__user__email__iexact=email)
    if not customer:
        return {}
    rows = (
        Line.objects.filter(
            customer,
            order__status=settings.OSCAR_INITIAL_ORDER_STATUS,
            num_allocated__gt=0,
            product__isnull=False,
        )
        .values("product_id")
        .annotate(units=Sum("num_allocated"))
        .order_by()
    )
    return {row["product_id"]: row["units"] for row in rows}
