"""Private links to a conversation: signed tokens that name the request and its link version.

The token carries no expiry: it works for as long as the request exists, so a customer can
always come back before it is closed (and read it afterwards). Staff revoke every link sent so
far by bumping ``SupportRequest.link_version``; a tampered token fails its signature.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import SupportRequest

SALT = "shop.support.private-link"


def make_token(support_request: SupportRequest) -> str:
    return signing.dumps(
        {"ref": support_request.reference, "v": support_request.link_version},
        salt=SALT,
        compress=True,
    )


def private_link_path(support_request: SupportRequest) -> str:
    return reverse("support:conversation", kwargs={"token": make_token(support_request)})


def private_link_url(support_request: SupportRequest) -> str:
    return settings.SITE_URL + private_link_path(support_request)


def request_for_token(token: str) -> SupportRequest | None:
    """The request a token opens, or None when it is tampered with, malformed or revoked."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    support_request = SupportRequest.objects.filter(reference=payload.get("ref")).first()
    if support_request is None or support_request.link_version != payload.get("v"):
        return None
    return support_request
