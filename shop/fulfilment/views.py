"""Staff views of fulfilment. Each action is posted from the order page; a refused action or
bad input comes back as this form with its message (400), never a server error.

Access is checked per URL by ``FulfilmentDashboardConfig.permissions_map``; the rules live in
``shop.fulfilment.services``.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from shop.order.exceptions import FulfilmentRefused
from shop.order.forms import ShipmentForm, ShippingRefundForm
from shop.order.selectors import orders_holding_stock
from shop.payment.gateway import PaymentProviderError
from shop.payment.services import abandon_checkout

from . import selectors
from . import services as fulfilment

Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")

FORM_TEMPLATE = "oscar/dashboard/orders/fulfilment_form.html"


def _order(number: str) -> Order:
    return get_object_or_404(Order, number=number)


def _order_page(order: Order) -> str:
    return reverse("dashboard:order-detail", args=[order.number]) + "#fulfilment"


def _form_page(request, *, order, form, title: str, action: str, status: int) -> HttpResponse:
    return render(
        request,
        FORM_TEMPLATE,
        {"order": order, "form": form, "title": title, "action": action},
        status=status,
    )


def record_shipment(request: HttpRequest, number: str) -> HttpResponse:
    order = _order(number)
    pending = selectors.order_fulfilment(order=order).pending
    action = reverse("fulfilment_dashboard:record-shipment", args=[order.number])
    title = f"Record a shipment of order #{order.number}"
    if request.method != "POST":
        form = ShipmentForm(pending=pending)
        return _form_page(request, order=order, form=form, title=title, action=action, status=200)
    form = ShipmentForm(request.POST, pending=pending)
    if form.is_valid():
        try:
            event = fulfilment.record_shipment(
                order=order,
                carrier=form.cleaned_data["carrier"],
                tracking_number=form.cleaned_data["tracking_number"],
                quantities=form.quantities(),
                submission_key=form.cleaned_data["submission_key"],
                by=request.user,
            )
        except FulfilmentRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Shipment {event.tracking_number} recorded; the customer is emailed the link.",
            )
            return redirect(_order_page(order))
    elif order.shipping_events.filter(
        submission_key=request.POST.get("submission_key", "")
    ).exists():
        # A second click after the first recorded everything: the form has no lines left.
        messages.info(request, "That shipment was recorded already.")
        return redirect(_order_page(order))
    return _form_page(request, order=order, form=form, title=title, action=action, status=400)


@require_POST
def mark_delivered(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    order = _order(number)
    shipment = ShippingEvent.objects.filter(order=order, pk=pk).first()
    if shipment is None:
        raise Http404("No such shipment on this order")
    try:
        fulfilment.mark_delivered(shipment=shipment, by=request.user)
    except FulfilmentRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Delivery recorded; the customer is emailed.")
    return redirect(_order_page(order))


def refund_shipping(request: HttpRequest, number: str) -> HttpResponse:
    order = _order(number)
    action = reverse("fulfilment_dashboard:refund-shipping", args=[order.number])
    title = f"Refund shipping of order #{order.number}"
    if request.method != "POST":
        form = ShippingRefundForm(initial={"amount": selectors.shipping_refundable(order=order)})
        return _form_page(request, order=order, form=form, title=title, action=action, status=200)
    form = ShippingRefundForm(request.POST)
    if form.is_valid():
        try:
            refund = fulfilment.refund_shipping(
                order=order,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                submission_key=form.cleaned_data["submission_key"],
                by=request.user,
            )
        except FulfilmentRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Refunded {refund.amount} {refund.currency} of shipping to the card."
            )
            return redirect(_order_page(order))
    return _form_page(request, order=order, form=form, title=title, action=action, status=400)


def held_stock(request: HttpRequest) -> HttpResponse:
    """Unpaid orders holding stock: what each holds and for how long."""
    return render(
        request,
        "oscar/dashboard/orders/held_stock.html",
        {"orders": orders_holding_stock(), "now": timezone.now()},
    )


@require_POST
def release_held_stock(request: HttpRequest, number: str) -> HttpResponse:
    """Cancel an unpaid order and give its stock back, unless its payment came first."""
    order = _order(number)
    try:
        released = abandon_checkout(
            order=order, reason=f"Staff ({request.user.email}) released the held stock."
        )
    except PaymentProviderError:
        messages.error(request, "We could not reach Stripe to close the payment. Try again.")
        return redirect("fulfilment_dashboard:held-stock")
    if released:
        messages.success(request, f"Order #{order.number} cancelled; its stock is released.")
    else:
        messages.warning(
            request,
            f"Order #{order.number} was not released: it is paid, or a payment is processing.",
        )
    return redirect("fulfilment_dashboard:held-stock")
