"""Oscar apps whose customer-facing features this shop switches off or adjusts.

Wishlists, stock alerts and account notifications are not part of the shop: rather than leave
pages in Oscar's look behind, their URLs are not mounted at all (so every link to them is gone
too). The apps stay installed because Oscar's models and dashboard refer to them.

Registration signs the new customer in without ``authenticate()``: Oscar calls it without the
request, which django-axes' backend refuses, so every registration ended in a server error.
It is rate-limited as an action, on both pages that offer it (the register page and the
sign-in page's second form), and stores the email lower-cased (``shop/security/accounts.py``).

The page of one line of a customer's order had no template (a server error for its owner) and
looked the line up unchecked: it is the project's page, and a line that is not one of the
signed-in customer's is a 404.
"""

from django.conf import settings
from django.contrib.auth import login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django_ratelimit.core import is_ratelimited
from oscar.apps.customer import apps as customer_apps
from oscar.apps.customer.signals import user_registered
from oscar.apps.wishlists import apps as wishlists_apps
from oscar.core.loading import get_model

# URL names (and paths) of the account features that are switched off.
SWITCHED_OFF_PREFIXES = ("wishlists", "alerts", "notifications")


def _is_switched_off(pattern) -> bool:
    route = str(pattern.pattern)
    name = pattern.name or ""
    return route.startswith(SWITCHED_OFF_PREFIXES) or name.startswith(SWITCHED_OFF_PREFIXES)


class SignInAfterRegistration:
    """Oscar's ``register_user`` with the new account signed in directly: the password was
    set a moment ago, so there is nothing to authenticate, and django-axes' backend refuses an
    ``authenticate()`` call without the request."""

    def register_user(self, form):
        user = form.save()
        user_registered.send_robust(sender=self, request=self.request, user=user)
        if getattr(settings, "OSCAR_SEND_REGISTRATION_EMAIL", True):
            self.send_registration_email(user)
        login(self.request, user, backend="oscar.apps.customer.auth_backends.EmailBackend")
        return user


def registration_refused(request) -> HttpResponse | None:
    """The 429 page when this address has registered (or tried to) too often, else None.

    One counter for the action, whichever page the form was posted from.
    """
    if is_ratelimited(
        request, group="registration", key="ip", rate=settings.REGISTRATION_RATE, increment=True
    ):
        return render(request, "429.html", status=429)
    return None


class RateLimitedRegistrationPage:
    """The register page's post, counted against the registration limit."""

    def post(self, request, *args, **kwargs):
        return registration_refused(request) or super().post(request, *args, **kwargs)


class RateLimitedRegistrationOnSignInPage:
    """The sign-in page's registration form, counted against the same limit."""

    def validate_registration_form(self):
        return registration_refused(self.request) or super().validate_registration_form()


class OwnOrderLinePage:
    """One line of the signed-in customer's order, or a 404 (unknown line, another's order)."""

    template_name = "oscar/customer/order/line_detail.html"
    context_object_name = "line"

    def get_object(self, queryset=None):
        order = get_object_or_404(
            get_model("order", "Order"), user=self.request.user, number=self.kwargs["order_number"]
        )
        return get_object_or_404(
            order.lines.select_related("order", "product"), pk=self.kwargs["line_id"]
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "order": self.object.order}


class CustomerConfig(customer_apps.CustomerConfig):
    """Oscar's account pages without wishlists, stock alerts and notifications."""

    def ready(self) -> None:
        super().ready()
        from shop.security.accounts import RegistrationForm

        # Oscar loads its view classes here; the two that register new customers get the fixes.
        self.login_view = type(
            "AccountAuthView",
            (RateLimitedRegistrationOnSignInPage, SignInAfterRegistration, self.login_view),
            {"registration_form_class": RegistrationForm},
        )
        self.register_view = type(
            "AccountRegistrationView",
            (RateLimitedRegistrationPage, SignInAfterRegistration, self.register_view),
            {"form_class": RegistrationForm},
        )
        self.order_line_view = type(
            "AccountOrderLineView", (OwnOrderLinePage, self.order_line_view), {}
        )

    def get_urls(self):
        return [pattern for pattern in super().get_urls() if not _is_switched_off(pattern)]


class WishlistsConfig(wishlists_apps.WishlistsConfig):
    """Oscar's shared-wishlist page, not mounted."""

    def get_urls(self):
        return []
