"""The site's URLs plus two that fail on purpose, so a browser test sees the real 500 and 503
pages as the server answers them (with their headers), not a copy."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config import urls as site_urls

handler500 = site_urls.handler500


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a deliberate failure for the 500 page")


def database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError("a deliberate outage for the 503 page")


urlpatterns = [
    path("__test__/crash/", crash),
    path("__test__/database-gone/", database_gone),
    *site_urls.urlpatterns,
]
