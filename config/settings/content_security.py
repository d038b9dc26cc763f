"""The site's Content-Security-Policy (django-csp), in one importable place.

The production profile builds its settings from these functions; the browser test that walks
the site for CSP violations (tests/e2e/test_csp.py) applies the very same policy to its live
server, so the policy tested is the policy deployed.
"""

from csp.constants import NONCE, NONE, SELF

CSP_MIDDLEWARE = "shop.security.middleware.ScopedCSPMiddleware"


def customer_policy(*, stripe_checkout_origin: str, extra_img_src: list[str]) -> dict:
    """Customer pages: no inline script or style at all (a nonce is available for the rare case
    that needs one); forms may post to the site and to Stripe's hosted checkout, which the
    place-order redirect reaches."""
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *extra_img_src],
            "font-src": [SELF],
            "connect-src": [SELF],
            "form-action": [SELF, stripe_checkout_origin],
            "frame-ancestors": [NONE],
            "base-uri": [NONE],
            "object-src": [NONE],
        }
    }


def backoffice_policy(customer: dict) -> dict:
    """Oscar's dashboard and the Django admin ship inline scripts and styles: they, and only
    they, get 'unsafe-inline' (docs/security.md)."""
    return {
        "DIRECTIVES": {
            **customer["DIRECTIVES"],
            "script-src": [SELF, "'unsafe-inline'"],
            "style-src": [SELF, "'unsafe-inline'"],
            "form-action": [SELF],
        }
    }


def backoffice_path_prefixes(admin_url: str) -> list[str]:
    return ["/dashboard/", f"/{admin_url}"]


def with_csp_middleware(middleware: list[str]) -> list[str]:
    """The middleware list with the scoped CSP middleware right after SecurityMiddleware."""
    after = middleware.index("django.middleware.security.SecurityMiddleware") + 1
    return [*middleware[:after], CSP_MIDDLEWARE, *middleware[after:]]
