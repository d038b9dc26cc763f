"""Presentation of an order's shipments: the customer's list, and staff's panel of forms."""

from django import template

from shop.order.forms import ShipmentForm, ShippingRefundForm

from ..selectors import order_fulfilment, shipping_refundable, shipping_refunded

register = template.Library()


@register.inclusion_tag("order/includes/shipments.html")
def order_shipments(order):
    """The parcels of an order and what is still to ship, for the customer's order pages."""
    return {"order": order, "fulfilment": order_fulfilment(order=order)}


@register.inclusion_tag("oscar/dashboard/orders/fulfilment_panel.html", takes_context=True)
def fulfilment_panel(context, order):
    """Staff's shipments table with the one-step shipment form and the shipping refund form."""
    fulfilment = order_fulfilment(order=order)
    user = context["request"].user
    return {
        "order": order,
        "fulfilment": fulfilment,
        "csrf_token": context.get("csrf_token"),
        "can_ship": user.has_perm("order.record_shipment"),
        "can_refund": user.has_perm("order.add_shippingrefund"),
        "shipment_form": ShipmentForm(pending=fulfilment.pending),
        "refund_form": ShippingRefundForm(initial={"amount": shipping_refundable(order=order)}),
        "shipping_refundable": shipping_refundable(order=order),
        "shipping_refunded": shipping_refunded(order=order),
        "shipping_refunds": list(order.shipping_refunds.all()),
    }
