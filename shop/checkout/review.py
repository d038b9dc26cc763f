"""What the review page showed, carried to "Place order" so that a price change is never
applied silently.

The review page puts a signed summary of the order (total, shipping charge, each line's
quantity and unit price) in its form; "Place order" compares it with the order as it would be
placed now. When they differ, the review is shown again with the new amounts, and only a
submission of that new review places the order.
"""

from dataclasses import dataclass

from django.core import signing
from oscar.templatetags.currency_filters import currency as format_currency

SALT = "shop.checkout.review"


@dataclass(frozen=True)
class ReviewChange:
    """Why the order differs from the review the customer confirmed, in words for them."""

    message: str


def review_summary(*, basket, shipping_charge, order_total) -> dict:
    """The amounts the customer confirms: the total, the shipping charge, and each line."""
    return {
        "currency": order_total.currency,
        "total": str(order_total.incl_tax),
        "shipping": str(shipping_charge.incl_tax),
        "lines": [
            [line.pk, line.quantity, str(line.unit_price_incl_tax)] for line in basket.all_lines()
        ],
    }


def review_token(summary: dict) -> str:
    return signing.dumps(summary, salt=SALT, compress=True)


def review_change(*, token: str, summary: dict) -> ReviewChange | None:
    """None when the order is what the review showed; else what to tell the customer."""
    try:
        shown = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        shown = None
    if shown == summary:
        return None
    now = format_currency(summary["total"], summary["currency"])
    if not isinstance(shown, dict) or shown.get("currency") != summary["currency"]:
        return ReviewChange(
            f"Please check your order: the total is {now}. Place it again if you agree."
        )
    before = format_currency(shown.get("total"), summary["currency"])
    if before != now:
        return ReviewChange(
            f"The total of your order changed since you reviewed it: it is now {now} (it was "
            f"{before}). Please check the order below and place it again if you agree."
        )
    return ReviewChange(
        "A price in your order changed since you reviewed it (the total is still "
        f"{now}). Please check the order below and place it again if you agree."
    )
