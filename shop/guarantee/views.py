"""Customer pages of the guarantee: the policy, an order's guarantee and claim form, a claim."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from django_ratelimit.core import is_ratelimited
from oscar.core.loading import get_model

from . import selectors, services
from .access import claim_access_key, require_claim, require_order
from .exceptions import ClaimRefused
from .forms import ClaimForm
from .selectors import NoCurrentTerms

Order = get_model("order", "Order")


def policy(request: HttpRequest) -> HttpResponse:
    """The policy page: the terms in force (orders keep the version they were sold under)."""
    try:
        terms = selectors.current_terms()
    except NoCurrentTerms:
        terms = None
    return render(request, "guarantee/policy.html", {"terms": terms})


def _order(request: HttpRequest, number: str) -> Order:
    order = (
        Order.objects.select_related("guarantee_terms", "user")
        .prefetch_related("lines")
        .filter(number=number)
        .first()
    )
    return require_order(request, order)


def _rate_limited(request: HttpRequest) -> bool:
    # Per client address (behind the trusted proxies), failing open if the cache is down.
    return is_ratelimited(
        request,
        group="guarantee-claim",
        key="ip",
        rate=settings.GUARANTEE_CLAIM_RATE,
        increment=True,
    )


class OrderGuaranteeView(View):
    """An order's guarantee window, its claims, and the form to open one."""

    template_name = "guarantee/order.html"

    def _render(self, request, order, form=None, error="", status=200) -> HttpResponse:
        claimed = selectors.claimed_quantities(order=order)
        lines = list(order.lines.all())
        form = form or ClaimForm(lines=lines, claimed=claimed)
        claims = list(order.guarantee_claims.all())
        for claim in claims:
            claim.access_key = claim_access_key(claim)  # links work without a session too
        return render(
            request,
            self.template_name,
            {
                "order": order,
                "window": selectors.guarantee_window(order=order),
                "claims": claims,
                "form": form,
                "error": error,
                "claimable": any(line.quantity > claimed.get(line.pk, 0) for line in lines),
            },
            status=status,
        )

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        return self._render(request, _order(request, number))

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        order = _order(request, number)
        if _rate_limited(request):
            return self._render(
                request,
                order,
                error="Too many claims from your connection. Please wait.",
                status=429,
            )
        form = ClaimForm(
            request.POST,
            request.FILES,
            lines=list(order.lines.all()),
            claimed=selectors.claimed_quantities(order=order),
        )
        if not form.is_valid():
            return self._render(request, order, form=form, status=400)
        data = form.cleaned_data
        try:
            claim = services.open_claim(
                order=order,
                quantities=data["quantities"],
                reason=data["reason"],
                details=data["details"],
                submission_key=data["submission_key"],
                photos=data["photos"],
            )
        except ClaimRefused as refusal:
            return self._render(request, order, form=form, error=str(refusal), status=400)
        messages.success(request, f"Claim {claim.reference} received. We emailed you the details.")
        response = redirect("guarantee:claim", claim.reference)
        response["Location"] += f"?key={claim_access_key(claim)}"
        response.status_code = 303
        return response


def claim_detail(request: HttpRequest, reference: str) -> HttpResponse:
    claim = require_claim(request, selectors.customer_claim(reference=reference))
    return render(
        request,
        "guarantee/claim.html",
        {
            "claim": claim,
            "events": [e for e in claim.events.all() if not e.internal],
            "window": selectors.guarantee_window(order=claim.order),
        },
    )
