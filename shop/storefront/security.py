"""Content-Security-Policy scoped by area of the site.

Customer pages get the strict policy of settings.CONTENT_SECURITY_POLICY (no inline script or
style). Oscar's dashboard and Django's admin run inline scripts and styles of their own, so they
alone get settings.BACKOFFICE_CONTENT_SECURITY_POLICY; the path prefixes are
settings.BACKOFFICE_PATH_PREFIXES.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_backoffice(request):
            parts.config = settings.BACKOFFICE_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_backoffice(request: HttpRequest) -> bool:
    return request.path_info.startswith(tuple(settings.BACKOFFICE_PATH_PREFIXES))
