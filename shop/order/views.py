"""Guest order status: look an order up by its number and the email it was placed with."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View
from django_ratelimit.core import is_ratelimited

from .forms import OrderLookupForm
from .remembered import remember_order
from .selectors import order_for_lookup

NOT_FOUND = "We found no order with that number and email address. Check both and try again."


class OrderLookupView(View):
    template_name = "order/lookup.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": OrderLookupForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        # Per client address (behind the trusted proxies), failing open if the cache is down.
        if is_ratelimited(
            request,
            group="order-lookup",
            key="ip",
            rate=settings.ORDER_LOOKUP_RATE,
            increment=True,
        ):
            return render(
                request,
                self.template_name,
                {
                    "form": OrderLookupForm(),
                    "error": "Too many lookups from your connection. Please wait a few minutes.",
                },
                status=429,
            )
        form = OrderLookupForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        order = order_for_lookup(
            number=form.cleaned_data["number"], email=form.cleaned_data["email"]
        )
        if order is None:
            return render(
                request, self.template_name, {"form": form, "error": NOT_FOUND}, status=404
            )
        remember_order(request, order)
        return render(request, "order/lookup_result.html", {"order": order})
