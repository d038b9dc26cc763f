"""Storefront pages that belong to no single app: the home page, the health check and the
error handlers."""

import logging
import sys

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from articles.selectors import home_page_articles
from shop.catalogue.demo import QL_CLAW_UPC
from shop.catalogue.selectors import featured_products

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The tool, the promises, the pain finder entry, and the library's latest, featured and
    series articles."""

    template_name = "storefront/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        products = featured_products(limit=4)
        context.update(
            main_product=next((p for p in products if p.upc == QL_CLAW_UPC), None),
            featured_products=[p for p in products if p.upc != QL_CLAW_UPC][:3],
        )
        library = home_page_articles()
        # Each section is hidden while its list is empty.
        context.update(
            latest_articles=library.latest,
            featured_articles=library.featured,
            series=library.series,
            series_articles=library.series_articles,
        )
        return context


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: database unreachable")
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", timeout=10)
        return cache.get("healthz") == "ok"
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False


@transaction.non_atomic_requests
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Report whether the database and the cache answer: 200 when both do, 503 naming the rest."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    failed = sorted(name for name, ok in checks.items() if not ok)
    body = {
        "status": "ok" if not failed else "unavailable",
        "checks": {name: "ok" if ok else "unreachable" for name, ok in checks.items()},
        "failed": failed,
    }
    return JsonResponse(body, status=503 if failed else 200)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler: a database outage gets the plain 503 page, anything else the 500 page.

    Both templates are static, so they render when the database and the cache are gone.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 handler: the project's page, rendered without reading the request's body.

    Django's own handler runs the CSRF check again, which reads ``request.POST``; when the body
    was the reason for the 400 (a form declaring a charset other than UTF-8, which Django
    refuses on every read), that second read failed too and the visitor got a server error.
    (``RefuseNonUtf8FormsMiddleware`` now refuses that one earlier; any other body Django
    refuses the same way still gets this page.) The page needs no CSRF token: it posts nothing.
    """
    return render(request, "400.html", status=400)
