"""The payment pages: Stripe's webhook, the customer's return from Stripe, the order's payment
page ("try paying again", "back to the basket") and the demo-payment stand-in for Stripe.

These views run outside the request transaction: the services commit step by step so that no
row lock is held while Stripe is called.
"""

import logging
import re
from datetime import UTC, datetime
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from shop.order.remembered import is_remembered

from .exceptions import OrderNotFoundYet, OrderNotPayable, PaymentProcessing
from .gateway import PaymentProviderError, SessionNotFound, WebhookRefused, verify_webhook
from .models import DemoCheckoutSession
from .selectors import payable_order
from .services import (
    Outcome,
    abandon_checkout,
    finalize_checkout_session,
    process_webhook_event,
    start_checkout,
)

Order = get_model("order", "Order")

logger = logging.getLogger(__name__)


def _owned_order(request: HttpRequest, number: str) -> Order:
    """The order, if this browser placed it or the signed-in customer owns it; else 404."""
    order = payable_order(number=number)
    if order is None:
        raise Http404("No such order")
    if order.user_id is not None:
        if request.user.is_authenticated and order.user_id == request.user.id:
            return order
    elif is_remembered(request, number):
        return order
    raise Http404("No such order")


def _restore_basket(request: HttpRequest, order: Order) -> None:
    """Put the order's lines (still on sale) back in the customer's basket."""
    for line in order.lines.select_related("product"):
        if line.product is not None and line.product.is_public:
            request.basket.add_product(line.product, line.quantity)


# ----------------------------------------------------------------------------------------------


# Stripe's ids are a prefix and letters, digits or underscores, 255 characters at most (the
# column's size); event types are dotted lower-case words.
EVENT_ID = re.compile(r"evt_[A-Za-z0-9_]{1,251}")
OBJECT_ID = re.compile(r"[A-Za-z0-9_]{1,255}")
EVENT_TYPE = re.compile(r"[a-z0-9_.]{1,100}")


def _has_event_shape(event) -> bool:
    """Whether a signed payload's id, type and object id are what Stripe sends, so that none
    can overflow a column or carry a NUL into the database (a 500 before)."""
    if not (isinstance(event, dict) and isinstance(event.get("data"), dict | None)):
        return False
    event_id, event_type = event.get("id"), event.get("type")
    obj = (event.get("data") or {}).get("object") or {}
    object_id = obj.get("id") if isinstance(obj, dict) else None
    return (
        isinstance(event_id, str)
        and EVENT_ID.fullmatch(event_id) is not None
        and isinstance(event_type, str)
        and EVENT_TYPE.fullmatch(event_type) is not None
        and (
            object_id in (None, "")
            or (isinstance(object_id, str) and bool(OBJECT_ID.fullmatch(object_id)))
        )
    )


@csrf_exempt
@require_POST
@transaction.non_atomic_requests
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Receive a Stripe event: verify its signature on the raw body, then apply it once."""
    try:
        event = verify_webhook(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except WebhookRefused as refusal:
        logger.warning("Stripe webhook refused: %s", refusal.detail)
        return JsonResponse({"error": refusal.reason}, status=400)
    if not _has_event_shape(event):
        logger.warning("Stripe webhook refused: signed, but not shaped like a Stripe event")
        return JsonResponse({"error": "not an event"}, status=400)
    try:
        outcome = process_webhook_event(event=event)
    except OrderNotFoundYet as error:
        logger.info("Stripe webhook %s: %s (Stripe will retry)", event["id"], error)
        return JsonResponse({"error": "order not found yet"}, status=404)
    except (SessionNotFound, PaymentProviderError) as error:
        logger.warning("Stripe webhook %s: %s (Stripe will retry)", event["id"], error)
        return JsonResponse({"error": "payment provider unavailable"}, status=503)
    except (KeyError, TypeError, AttributeError) as error:
        logger.warning("Stripe webhook %s malformed: %r", event["id"], error)
        return JsonResponse({"error": "malformed event"}, status=400)
    return JsonResponse({"received": True, "outcome": outcome})


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentReturnView(View):
    """Stripe's ``success_url``: confirm the payment with Stripe, then thank the customer."""

    def get(self, request: HttpRequest) -> HttpResponse:
        session_id = request.GET.get("session_id", "")
        if not session_id or len(session_id) > 255:
            return render(request, "payment/return_invalid.html", status=400)
        try:
            result = finalize_checkout_session(session_id=session_id)
        except (SessionNotFound, OrderNotFoundYet):
            return render(request, "payment/return_invalid.html", status=404)
        except PaymentProviderError:
            logger.warning("Return from Stripe: session %s not confirmed yet", session_id)
            return render(request, "payment/return_pending.html", status=503)
        order = _owned_order(request, result.order.number)
        if order.status == "Paid":
            request.session["checkout_order_id"] = order.pk
            request.session.pop("checkout_data", None)  # Oscar's checkout session, now done
            return redirect("checkout:thank-you")
        if result.outcome == Outcome.NOT_PAID:
            return render(request, "payment/return_pending.html", {"order": order})
        messages.error(
            request,
            "This order could no longer be paid, so your payment is being refunded in full.",
        )
        return redirect("payment:order", order_number=order.number)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class OrderPaymentView(View):
    """An order's payment page: its state, and "pay now" while it waits for payment."""

    def get(self, request: HttpRequest, order_number: str) -> HttpResponse:
        order = _owned_order(request, order_number)
        return render(request, "payment/order_payment.html", {"order": order})

    def post(self, request: HttpRequest, order_number: str) -> HttpResponse:
        order = _owned_order(request, order_number)
        try:
            attempt = start_checkout(order=order, base_url=request.build_absolute_uri("/")[:-1])
        except PaymentProcessing:
            messages.info(
                request,
                "Your payment is still being processed by your bank. We email you as soon as it "
                "is confirmed; please do not pay again.",
            )
            return redirect("payment:order", order_number=order.number)
        except OrderNotPayable:
            order.refresh_from_db()
            if order.status == "Paid":
                request.session["checkout_order_id"] = order.pk
                return redirect("checkout:thank-you")
            messages.info(request, f"Order #{order.number} can no longer be paid.")
            return redirect("payment:order", order_number=order.number)
        except PaymentProviderError:
            logger.exception("Order #%s: could not open a checkout session", order.number)
            messages.error(
                request,
                "We could not reach the payment service; nothing has been charged. Please try "
                "again in a moment.",
            )
            return redirect("payment:order", order_number=order.number)
        return HttpResponseRedirect(attempt.checkout_url, status=303)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentCancelledView(View):
    """Stripe's ``cancel_url``: pay again, or go back to the basket (which cancels the order)."""

    def get(self, request: HttpRequest, order_number: str) -> HttpResponse:
        order = _owned_order(request, order_number)
        if order.status == "Paid":
            request.session["checkout_order_id"] = order.pk
            return redirect("checkout:thank-you")
        return render(request, "payment/cancelled.html", {"order": order})

    def post(self, request: HttpRequest, order_number: str) -> HttpResponse:
        order = _owned_order(request, order_number)
        try:
            cancelled = abandon_checkout(order=order)
        except PaymentProviderError:
            messages.error(request, "We could not reach the payment service. Please try again.")
            return redirect("payment:cancelled", order_number=order.number)
        order.refresh_from_db()
        if not cancelled and order.status == "Paid":
            request.session["checkout_order_id"] = order.pk
            return redirect("checkout:thank-you")
        if order.status == "Pending payment":
            messages.info(
                request,
                "Your payment is still being processed by your bank, so this order cannot be "
                "cancelled now. We email you as soon as it is confirmed.",
            )
            return redirect("payment:order", order_number=order.number)
        restored = request.session.get("restored_orders", [])
        if order.status == "Cancelled" and order.number not in restored:
            with transaction.atomic():
                _restore_basket(request, order)
            request.session["restored_orders"] = [*restored[-19:], order.number]
            messages.info(
                request,
                f"Order #{order.number} was not paid and has been cancelled. Your items are back "
                "in your basket.",
            )
        return redirect("basket:summary")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class DemoPaymentView(View):
    """Demo-payment mode only (no Stripe keys, never in production): stands in for Stripe's page."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.STRIPE_DEMO_MODE or settings.DJANGO_ENV == "production":
            raise Http404("Demo payments are off")
        return super().dispatch(request, *args, **kwargs)

    def _session(self, session_id: str) -> DemoCheckoutSession:
        session = DemoCheckoutSession.objects.filter(session_id=session_id).first()
        if session is None:
            raise Http404("No such payment session")
        return session

    def get(self, request: HttpRequest, session_id: str) -> HttpResponse:
        session = self._session(session_id)
        return render(
            request,
            "payment/demo_payment.html",
            {
                "session": session,
                "amount": Decimal(session.amount_total) / 100,
                "currency": session.currency.upper(),
            },
        )

    def post(self, request: HttpRequest, session_id: str) -> HttpResponse:
        session = self._session(session_id)
        updated = DemoCheckoutSession.objects.filter(
            pk=session.pk, status="open", expires_at__gt=datetime.now(tz=UTC)
        ).update(status="complete", payment_status="paid", payment_intent=f"demo_pi_{session.pk}")
        if not updated and session.payment_status != "paid":
            messages.error(request, "This demo payment session has expired.")
            return redirect(session.cancel_url)
        return HttpResponseRedirect(
            session.success_url.replace("{CHECKOUT_SESSION_ID}", session.session_id), status=303
        )
