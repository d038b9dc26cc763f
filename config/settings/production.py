"""Production profile (``DJANGO_ENV=production``): refuses unsafe values, hardens HTTP.

Every refusal names the variable to fix, so a failed deploy says what is wrong.
"""

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
from .content_security import (
    backoffice_path_prefixes,
    backoffice_policy,
    customer_policy,
    with_csp_middleware,
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

# Content-Security-Policy (django-csp): the policies live in content_security.py, where the
# browser test that walks the site for violations takes them from too.
STRIPE_CHECKOUT_ORIGIN = env.str("STRIPE_CHECKOUT_ORIGIN", default="https://checkout.stripe.com")
CONTENT_SECURITY_POLICY = customer_policy(
    stripe_checkout_origin=STRIPE_CHECKOUT_ORIGIN,
    extra_img_src=env.list("CSP_EXTRA_IMG_SRC", default=[]),
)
BACKOFFICE_PATH_PREFIXES = backoffice_path_prefixes(ADMIN_URL)
BACKOFFICE_CONTENT_SECURITY_POLICY = backoffice_policy(CONTENT_SECURITY_POLICY)
MIDDLEWARE = with_csp_middleware(MIDDLEWARE)
