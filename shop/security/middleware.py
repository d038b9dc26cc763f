"""Site-wide security middleware: the scoped Content-Security-Policy, rate limits on Oscar's
public forms, and the refusal of NUL bytes in addresses.

Content-Security-Policy scoped by area of the site:
Customer pages get the strict policy of settings.CONTENT_SECURITY_POLICY (no inline script or
style). Oscar's dashboard and Django's admin run inline scripts and styles of their own, so they
alone get settings.BACKOFFICE_CONTENT_SECURITY_POLICY; the path prefixes are
settings.BACKOFFICE_PATH_PREFIXES.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render


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


class RateLimitedFormsMiddleware:
    """Limit POSTs to the views named in settings.RATE_LIMITED_FORMS, per client address.

    For Oscar's own forms that the project does not fork (password reset; registration is
    limited as an action in ``oscar_apps.py``, since two pages offer it); a refusal is the 429
    page. Counts live in the cache and fail open when it is down.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        from django_ratelimit.core import is_ratelimited

        match = request.resolver_match
        rate = settings.RATE_LIMITED_FORMS.get(match.view_name if match else "")
        if request.method != "POST" or rate is None:
            return None
        if is_ratelimited(request, group=match.view_name, key="ip", rate=rate, increment=True):
            return render(request, "429.html", status=429)
        return None


class RefuseNulBytesMiddleware:
    """Answer 400 to a request whose path or query string carries a NUL character.

    No page of the site has a use for one, and PostgreSQL refuses NUL in text, so letting it
    reach a lookup (a slug in the path, a filter in the query) would turn a typo or a probe into
    a server error. Posted forms are covered by Django's own form fields, which refuse NUL with
    a message next to the field.
    """

    message = "The address contains a character no page of this site accepts (a NUL byte)."

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return render(request, "400.html", {"reason": self.message}, status=400)
        return self.get_response(request)


class RefuseNonUtf8FormsMiddleware:
    """Answer 400 to a posted form that declares a character set other than UTF-8.

    Django refuses such a body (an urlencoded form has no charset but UTF-8) each time anything
    reads ``request.POST`` or ``request.FILES``, and several things read it after the first
    refusal: the CSRF check run again by Django's 400 handler, and the debug page in
    development. Refusing here, before any of them, answers with the site's 400 page in every
    profile. A multipart form is decoded with its declared charset; one declaring another than
    UTF-8 comes from no browser of ours and is refused the same way.
    """

    message = "Forms must be sent in the UTF-8 character encoding; this one declared another."
    form_types = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        charset = request.encoding
        if (
            request.method == "POST"
            and request.content_type in self.form_types
            and charset is not None
            and charset.lower() != "utf-8"
        ):
            return render(request, "400.html", {"reason": self.message}, status=400)
        return self.get_response(request)
