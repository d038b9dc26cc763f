"""Serve anonymous pages from the cache until the content they show changes.

Only a request that cannot carry anything personal is served from (or stored in) the cache:
an anonymous GET/HEAD with no basket cookie, no messages and an empty session. Everything else,
and every response that sets a cookie, queues a message or writes the session, goes through
the view as usual. Entries are keyed by host, scheme, path and query string, the language and the
generation token of each kind of content the page shows (``PAGE_CACHE_RULES``), so publishing
or editing that content makes exactly those pages miss (``receivers``).

The one per-visitor thing an anonymous page may hold is a CSRF token (the comment form, the
add-to-basket form). It is taken out of the stored body and a fresh token for the current
visitor is put back in on every hit, so no visitor ever receives another visitor's token.

Every cached page carries an ETag of its stored body: a browser that already has it gets a 304.
"""

import functools
import hashlib
import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import _does_token_match, get_token
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from . import generations

CSRF_PLACEHOLDER = "__PAGECACHE_CSRF_TOKEN__"
# A masked CSRF token is 64 letters and digits; candidates are checked against the secret.
_TOKEN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_MAX_QUERY_LENGTH = 256
_STORED_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Link")


@functools.cache
def _compiled_rules(rules: tuple) -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    return tuple((re.compile(pattern), tuple(kinds)) for pattern, kinds in rules)


def kinds_for_path(path: str) -> tuple[str, ...] | None:
    """The kinds of content the page at ``path`` shows (first matching rule), or None."""
    for pattern, kinds in _compiled_rules(tuple(settings.PAGE_CACHE_RULES)):
        if pattern.match(path):
            return kinds
    return None


def _is_anonymous_and_impersonal(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if len(request.META.get("QUERY_STRING", "")) > _MAX_QUERY_LENGTH:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.OSCAR_BASKET_COOKIE_OPEN in cookies or "messages" in cookies:
        return False
    # A signed-in visitor, or an anonymous session holding messages or checkout state, is
    # personal; only an empty anonymous session is safe.
    return settings.SESSION_COOKIE_NAME not in cookies or not (
        request.user.is_authenticated or request.session.keys()
    )


def _cache_key(request: HttpRequest, kinds: tuple[str, ...]) -> str:
    tokens = generations.current(kinds=kinds)
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        get_language() or "",
        *(f"{kind}={tokens[kind]}" for kind in sorted(tokens)),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _without_csrf_tokens(request: HttpRequest, body: bytes) -> bytes:
    """Replace every masked form of this visitor's CSRF secret in ``body`` by the placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret or not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return body
    text = body.decode()

    def replace(match: re.Match) -> str:
        token = match.group(0)
        return CSRF_PLACEHOLDER if _does_token_match(token, secret) else token

    return _TOKEN_CANDIDATE.sub(replace, text).encode()


def _personalised(request: HttpRequest, stored_body: bytes) -> bytes:
    if CSRF_PLACEHOLDER.encode() not in stored_body:
        return stored_body
    # get_token() marks the cookie for CsrfViewMiddleware to set on the way out.
    return stored_body.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())


def _finish(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    response.headers["ETag"] = etag
    # Browsers revalidate (and get a 304); shared proxies keep nothing (the body holds a token).
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))
    return get_conditional_response(request, etag=etag, response=response)


class PageCacheMiddleware:
    """Whole-page cache for anonymous visitors; sits inside the CSRF, auth and message layers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        kinds = kinds_for_path(request.path)
        if kinds is None or not _is_anonymous_and_impersonal(request):
            return self.get_response(request)

        key = _cache_key(request, kinds)
        entry = cache.get(key)
        if entry is not None:
            response = HttpResponse(_personalised(request, entry["body"]), status=200)
            for name, value in entry["headers"].items():
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            return _finish(request, response, entry["etag"])

        response = self.get_response(request)
        if not self._storable(request, response):
            return response
        body = _without_csrf_tokens(request, response.content)
        etag = _etag(body)
        headers = {name: response.headers[name] for name in _STORED_HEADERS if name in response}
        cache.set(
            key,
            {"body": body, "headers": headers, "etag": etag},
            timeout=settings.PAGE_CACHE_SECONDS,
        )
        response.headers["X-Page-Cache"] = "miss"
        return _finish(request, response, etag)

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if response.cookies or response.has_header("Cache-Control"):
            # A cookie of its own, or a view that chose its caching: leave it alone.
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and getattr(messages, "added_new", False):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        return getattr(request, "user", None) is None or not request.user.is_authenticated
