"""Production profile (``DJANGO_ENV=production``): refuses unsafe values, hardens HTTP.

Every refusal names the variable to fix, so a failed deploy says what is wrong.
"""

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .base import (
    ADMIN_URL,
    ALLOWED_HOSTS,
    DEBUG,
    INSECURE_DEFAULT_SECRET_KEY,
    MIDDLEWARE,
    SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    env,
)


def _refuse(variable: str, problem: str) -> None:
    raise ImproperlyConfigured(f"DJANGO_ENV=production: {variable} {problem}.")


if not SECRET_KEY or SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY:
    _refuse("DJANGO_SECRET_KEY", "is missing or is the development default; set a long random key")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    _refuse("DJANGO_SECRET_KEY", "is too weak; use at least 50 random characters")
if DEBUG:
    _refuse("DJANGO_DEBUG", "must be off (unset it or set it to 0)")
if not ALLOWED_HOSTS:
    _refuse("DJANGO_ALLOWED_HOSTS", "is empty; list the site's host names, comma-separated")
for _name, _value in (
    ("STRIPE_SECRET_KEY", STRIPE_SECRET_KEY),
    ("STRIPE_PUBLISHABLE_KEY", STRIPE_PUBLISHABLE_KEY),
    ("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET),
):
    if not _value:
        _refuse(_name, "is missing; demo payments are refused in production")

STRIPE_DEMO_MODE = False

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix pins the cookies to this exact host, over HTTPS, for every path.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_TRUSTED_ORIGINS = env.list(
    "DJANGO_CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS]
)

# Content-Security-Policy (django-csp). Customer pages: no inline script or style at all (a
# nonce is available for the rare case that needs one); forms may post to the site and to
# Stripe's hosted checkout, which the place-order redirect reaches.
STRIPE_CHECKOUT_ORIGIN = env.str("STRIPE_CHECKOUT_ORIGIN", default="https://checkout.stripe.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env.list("CSP_EXTRA_IMG_SRC", default=[])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, STRIPE_CHECKOUT_ORIGIN],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# Oscar's dashboard and the Django admin ship inline scripts and styles: they, and only they,
# get 'unsafe-inline' (docs/security.md).
BACKOFFICE_PATH_PREFIXES = ["/dashboard/", f"/{ADMIN_URL}"]
BACKOFFICE_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "form-action": [SELF],
    }
}
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1],
    "shop.storefront.security.ScopedCSPMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1 :],
]
