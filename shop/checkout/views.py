"""Oscar's checkout, order first: "Place order" creates the order (pending payment, stock
allocated under row locks, basket submitted) and only then sends the customer to Stripe.

Only the classes that change are overridden: the gateway hands the request to its sign-in form,
the address form starts at the visitor's country, choosing a saved address refuses ids that are
not the customer's with a 404 (and one we no longer ship to with a message), the shipping-method
step says why a basket cannot be shipped, the payment-method
step goes straight to the preview (Stripe's hosted page collects the card), and the preview shows
the money-back guarantee terms in force and places the order.

"Place order" is rate-limited per client address (``ORDER_PLACEMENT_RATE``); it places the
order only if the amounts are those the review page showed (``review.py``), and a voucher that
can no longer be used, or a basket past the order limits, is refused with a message and the
basket kept.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django_ratelimit.core import is_ratelimited
from oscar.apps.checkout import views as oscar_views
from oscar.core.loading import get_model

from shop.guarantee.selectors import NoCurrentTerms, current_terms
from shop.order.exceptions import (
    InsufficientStock,
    OrderLimitExceeded,
    UnableToPlaceOrder,
    VoucherUnavailable,
)
from shop.order.remembered import remember_order
from shop.order.utils import lock_and_check_vouchers
from shop.payment.gateway import PaymentProviderError
from shop.payment.services import OrderNotPayable, complete_free_order, start_checkout
from shop.shipping.selectors import default_shipping_country, shipping_options

from .review import review_change, review_summary, review_token

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

logger = logging.getLogger(__name__)


class IndexView(oscar_views.IndexView):
    """The gateway: an email to check out as a guest, or a returning customer's sign-in."""

    def get_form_kwargs(self):
        # Oscar builds the sign-in form without the request, and django-axes' backend refuses
        # an authenticate() call without it: every sign-in here ended in a server error. With the
        # request, a sign-in here also counts towards the login lockout.
        return {**super().get_form_kwargs(), "request": self.request}


class ShippingAddressView(oscar_views.ShippingAddressView):
    def get_initial(self):
        initial = super().get_initial() or {}
        if not initial.get("country"):
            # Not the first country of the list (Afghanistan): the visitor's own.
            country = default_shipping_country(self.request)
            if country is not None:
                initial = {**initial, "country": country}
        return initial

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.request.user.is_authenticated:
            # Saved addresses we no longer ship to are not offered; say why they are missing.
            ctx["unshipped_addresses"] = self.request.user.addresses.filter(
                country__is_shipping_country=False
            ).select_related("country")
        return ctx

    def post(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and "address_id" in request.POST):
            return super().post(request, *args, **kwargs)
        # "Ship to this address": Oscar looked the id up unchecked, so an id that is not a number
        # or not one of the customer's addresses on offer ended in a server error.
        try:
            address_id = int(request.POST["address_id"])
        except ValueError:
            raise Http404("No such address") from None
        address = get_object_or_404(request.user.addresses.select_related("country"), pk=address_id)
        if request.POST.get("action") != "ship_to":
            return HttpResponseBadRequest("Unknown action")
        if not address.country.is_shipping_country:
            messages.error(
                request,
                f"We do not ship to {address.country.printable_name}, so we cannot send your "
                "order to that saved address. Please choose or enter another one.",
            )
            return redirect("checkout:shipping-address")
        self.checkout_session.ship_to_user_address(address)
        return redirect(self.get_success_url())


class ShippingMethodView(oscar_views.ShippingMethodView):
    def get(self, request, *args, **kwargs):
        # Oscar says only "Shipping is unavailable for your chosen address" when no method is
        # offered; when the reason is one the buyer can act on (a destination we do not ship to,
        # a basket too heavy for one parcel), say it.
        session = self.checkout_session
        if request.basket.is_shipping_required() and session.is_shipping_address_set():
            address = self.get_shipping_address(request.basket)
            if address is not None:
                options = shipping_options(basket=request.basket, country_code=address.country_id)
                if options.refusal:
                    messages.error(request, options.refusal)
                    return redirect("checkout:shipping-address")
        return super().get(request, *args, **kwargs)


class PaymentMethodView(oscar_views.PaymentMethodView):
    # Stripe's hosted page collects the payment method: there is nothing to choose here.
    success_url = reverse_lazy("checkout:preview")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """The preview and "Place order". Runs outside the request transaction so that the order
    commits before Stripe is called."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        try:
            ctx["guarantee_terms"] = current_terms()
        except NoCurrentTerms:
            ctx["guarantee_terms"] = None
        if ctx.get("order_total") is not None and ctx.get("shipping_charge") is not None:
            ctx["review_token"] = review_token(
                review_summary(
                    basket=ctx["basket"],
                    shipping_charge=ctx["shipping_charge"],
                    order_total=ctx["order_total"],
                )
            )
        return ctx

    def handle_place_order_submission(self, request):
        if is_ratelimited(
            request,
            group="place-order",
            key="ip",
            rate=settings.ORDER_PLACEMENT_RATE,
            increment=True,
        ):
            return render(request, "429.html", status=429)
        submission = self.build_submission()
        try:
            terms = current_terms()
        except NoCurrentTerms:
            logger.error("Checkout refused: no guarantee terms are current")
            return self.render_preview(
                request, error="The shop cannot take orders right now. Please try again later."
            )
        if request.POST.get("guarantee_terms_version") != str(terms.version):
            # The customer must have seen the terms the order records.
            return self.render_preview(
                request,
                error="Our money-back guarantee terms have changed. Please read them again "
                "before placing your order.",
            )
        submission["order_kwargs"]["guarantee_terms"] = terms
        basket = submission["basket"]
        try:
            # Before the amounts: a voucher used up meanwhile changes the total too, and the
            # customer should hear why.
            with transaction.atomic():
                lock_and_check_vouchers(basket, submission["user"])
        except VoucherUnavailable as error:
            return self.refuse_voucher(request, basket=basket, error=error)
        change = review_change(
            token=request.POST.get("review_token", ""),
            summary=review_summary(
                basket=basket,
                shipping_charge=submission["shipping_charge"],
                order_total=submission["order_total"],
            ),
        )
        if change is not None:
            return self.render_preview(request, error=change.message)
        try:
            with transaction.atomic():
                # One "Place order" per basket: a double click waits here for the first one.
                locked = Basket.objects.select_for_update().get(pk=basket.pk)
                if locked.status != Basket.OPEN:
                    order = Order.objects.filter(basket_id=basket.pk).first()
                    if order is None:
                        return redirect("basket:summary")
                    remember_order(request, order)
                    return redirect("payment:order", order_number=order.number)
                order_number = self.generate_order_number(basket)
                self.checkout_session.set_order_number(order_number)
                order = self.place_order(
                    order_number=order_number,
                    user=submission["user"],
                    basket=basket,
                    shipping_address=submission["shipping_address"],
                    shipping_method=submission["shipping_method"],
                    shipping_charge=submission["shipping_charge"],
                    order_total=submission["order_total"],
                    billing_address=submission["billing_address"],
                    surcharges=submission["surcharges"],
                    **submission["order_kwargs"],
                )
                basket.submit()
        except (InsufficientStock, OrderLimitExceeded) as error:
            messages.error(request, str(error))
            return redirect("basket:summary")
        except VoucherUnavailable as error:
            return self.refuse_voucher(request, basket=basket, error=error)
        except UnableToPlaceOrder as error:
            logger.warning("Order placement refused: %s", error)
            return self.render_preview(request, error=str(error))
        logger.info("Order #%s placed, pending payment", order.number)
        remember_order(request, order)

        if complete_free_order(order=order):
            return self.show_thank_you(order)
        try:
            attempt = start_checkout(order=order, base_url=request.build_absolute_uri("/")[:-1])
        except PaymentProviderError:
            logger.exception("Order #%s: could not open a checkout session", order.number)
            messages.error(
                request,
                "We could not reach the payment service. Your order is saved and nothing has "
                "been charged: please try paying again in a moment.",
            )
            return redirect("payment:order", order_number=order.number)
        except OrderNotPayable:
            return redirect("payment:order", order_number=order.number)
        return HttpResponseRedirect(attempt.checkout_url, status=303)

    def refuse_voucher(self, request, *, basket, error: VoucherUnavailable):
        """Back to the basket, kept but without the voucher that can no longer be used."""
        basket.vouchers.remove(error.voucher)
        messages.error(request, str(error))
        return redirect("basket:summary")

    def show_thank_you(self, order):
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.pk
        return redirect(reverse("checkout:thank-you"))
