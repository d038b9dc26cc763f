"""Demo data for a first run: the Site, countries, the staff account and the policy pages.

Every step is idempotent, so ``manage.py load_demo`` can run on every start. Apps that bring
their own demo data add a step to ``DEMO_STEPS`` in the command.
"""

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

import pycountry
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from oscar.core.loading import get_model

from .staff_roles import ensure_staff_roles

Country = get_model("address", "Country")

STAFF_USERNAME = "staff"
STAFF_EMAIL = "staff@qlclaw.example"


@dataclass(frozen=True)
class StaffCredentials:
    email: str
    password: str | None  # None when the account already existed: its password is not changed.


def ensure_site() -> Site:
    domain = urlsplit(settings.SITE_URL).netloc or "127.0.0.1:8000"
    site, _ = Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME}
    )
    return site


def ensure_countries() -> int:
    """Add every ISO 3166 country as a shipping destination; return how many were added."""
    existing = set(Country.objects.values_list("iso_3166_1_a2", flat=True))
    missing = [
        Country(
            iso_3166_1_a2=country.alpha_2,
            iso_3166_1_a3=country.alpha_3,
            iso_3166_1_numeric=country.numeric,
            printable_name=country.name,
            name=getattr(country, "official_name", country.name),
            is_shipping_country=True,
        )
        for country in pycountry.countries
        if country.alpha_2 not in existing
    ]
    Country.objects.bulk_create(missing)
    return len(missing)


def ensure_staff_account(*, password: str | None = None) -> StaffCredentials:
    """Create the demo back-office account in every role; print-once password when new."""
    groups = ensure_staff_roles()
    user_model = get_user_model()
    user = user_model.objects.filter(username=STAFF_USERNAME).first()
    new_password = None
    if user is None:
        new_password = password or secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username=STAFF_USERNAME,
            email=STAFF_EMAIL,
            password=new_password,
            first_name="Demo",
            last_name="Staff",
        )
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(*groups.values())
    return StaffCredentials(email=user.email, password=new_password)


POLICY_PAGES: tuple[tuple[str, str, str], ...] = (
    (
        "/guarantee/",
        "30-day money-back guarantee",
        "<p>If the QL Claw does not help you, send us a claim within 30 days of delivery and we "
        "refund what you paid for it. You can open a claim from your order page or through the "
        "order lookup; no need to write to anyone.</p>",
    ),
    (
        "/policies/shipping/",
        "Shipping",
        "<p>We ship to every country, by Standard post or Fast tracked courier. Every parcel is "
        "tracked, and the price and delivery estimate for your address are shown at checkout "
        "before you pay.</p>",
    ),
    (
        "/policies/secure-checkout/",
        "Secure checkout",
        "<p>Every page of this site is served over an SSL-encrypted connection. Card payments "
        "are taken by Stripe on its own secure page: your card number never reaches our "
        "servers, and we never store it.</p>",
    ),
    (
        "/policies/support/",
        "Support, 24/7, by real people",
        "<p>Questions about your order, the tool or your back? Real people read every message, "
        "around the clock. Each message gets a reference and a private link where you can "
        "follow the conversation.</p>",
    ),
)


def ensure_policy_pages(site: Site) -> None:
    for url, title, content in POLICY_PAGES:
        page, _ = FlatPage.objects.update_or_create(
            url=url, defaults={"title": title, "content": content}
        )
        page.sites.set([site])
