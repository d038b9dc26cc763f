"""Who may see an order's guarantee and its claims: the signed-in owner, the guest browser that
placed or looked up the order, or whoever holds a private link (the claim panel of an order page
links with the order's key, a claim's emails with the claim's key)."""

from django.http import Http404, HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac
from oscar.core.loading import get_model

from shop.order.remembered import is_remembered

Order = get_model("order", "Order")


def claim_access_key(claim) -> str:
    """The secret of a claim's private link (derived from SECRET_KEY, never stored)."""
    return salted_hmac("shop.guarantee.claim", claim.reference).hexdigest()[:32]


def order_access_key(order: Order) -> str:
    """The secret of an order's guarantee link, for pages that already proved access (Oscar's
    anonymous order page, reached by its own hash, does not remember the order in the session)."""
    return salted_hmac("shop.guarantee.order", str(order.number)).hexdigest()[:32]


def can_see_order(request: HttpRequest, order: Order, *, key: str | None = None) -> bool:
    """Whether this visitor may see ``order``: its private link's ``key`` (by default the
    address's ``?key=``), its signed-in owner, or the guest session that placed or looked it up."""
    if key is None:
        key = request.GET.get("key", "")
    if key and constant_time_compare(key, order_access_key(order)):
        return True
    if order.user_id is not None:
        return request.user.is_authenticated and order.user_id == request.user.id
    return is_remembered(request, order.number)


def require_order(request: HttpRequest, order: Order | None) -> Order:
    """The order if this visitor may see it; another customer's order is a 404, like none."""
    if order is None or not can_see_order(request, order):
        raise Http404("No such order")
    return order


def require_claim(request: HttpRequest, claim):
    if claim is None:
        raise Http404("No such claim")
    key = request.GET.get("key", "")
    if key and constant_time_compare(key, claim_access_key(claim)):
        return claim
    require_order(request, claim.order)
    return claim
