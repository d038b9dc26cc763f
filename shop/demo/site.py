"""Demo data of the site itself: the Site, countries, the staff account and the policy pages.

Every step is idempotent, so ``manage.py load_demo`` can run on every start. Apps that bring
their own demo data keep it in their own ``demo.py``; the command calls each step in order.
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

from shop.backoffice.roles import ensure_staff_roles
from shop.shipping.destinations import NOT_SHIPPED_TO_BY_DEFAULT

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
    """Add every ISO 3166 country; return how many were added.

    Each is a shipping destination unless it is on the shop's default list of places it does
    not ship to; countries already there keep the flag staff gave them.
    """
    existing = set(Country.objects.values_list("iso_3166_1_a2", flat=True))
    missing = [
        Country(
            iso_3166_1_a2=country.alpha_2,
            iso_3166_1_a3=country.alpha_3,
            iso_3166_1_numeric=country.numeric,
            printable_name=country.name,
            name=getattr(country, "official_name", country.name),
            is_shipping_country=country.alpha_2 not in NOT_SHIPPED_TO_BY_DEFAULT,
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


SHIPPING_POLICY_TEXT = (
    "<p>Every parcel is tracked, and you get the tracking link by email when it leaves us.</p>"
    "<h2>Two ways to ship</h2>"
    "<ul><li><strong>Standard</strong>: tracked post.</li>"
    "<li><strong>Fast tracked</strong>: express courier.</li></ul>"
    "<p>The price depends on the destination zone and the weight of the parcel. You see the "
    "exact price and the delivery estimate for your address at checkout, before you pay.</p>"
    "<h2>Customs</h2>"
    "<p>Outside the United States, your country may charge import duties or taxes on "
    "delivery. We declare the real value of every parcel.</p>"
)

POLICY_PAGES: tuple[tuple[str, str, str], ...] = (
    (
        "/policies/shipping/",
        "Shipping",
        # The page adds the zones, delivery estimates, prices and the places we do not ship to
        # from the shipping data itself (shop/shipping/views.py): no number is written here.
        SHIPPING_POLICY_TEXT,
    ),
    (
        "/policies/secure-checkout/",
        "Secure checkout",
        "<p>Every page of this site is served over an SSL-encrypted (HTTPS) connection: what "
        "you type travels scrambled, so nobody on the way can read it.</p>"
        "<h2>Your card never reaches us</h2>"
        "<p>Card payments are handled by Stripe, a payment provider certified to the highest "
        "level of the card industry's security standard (PCI DSS Level 1). You type your card "
        "details into Stripe's secure form; our servers only ever learn whether the payment "
        "went through, never your card number, and we never store it.</p>"
        "<h2>Extra checks by your bank</h2>"
        "<p>Your bank may ask you to confirm the payment in its app or with a code (3-D "
        "Secure). That step protects you if someone else tries to use your card.</p>",
    ),
    (
        "/policies/support/",
        "Support, 24/7, by real people",
        "<p>Questions about an order, the tool or how to use it on a stubborn spot? Real "
        "people read every message, around the clock, every day of the year.</p>"
        "<h2>How to reach us</h2>"
        "<p>Write to us through the contact page. Each message gets a reference and a private "
        "link where you can follow the conversation and reply; if you have an account, your "
        "requests are listed there too.</p>"
        "<h2>How fast we answer</h2>"
        "<p>We aim to answer every message within a few hours, night or day.</p>"
        "<h2>What we cannot do</h2>"
        "<p>We can explain how the tool works and where trigger points usually are, but we "
        "cannot diagnose pain. See a clinician about pain that is severe, new, or comes with "
        "numbness, weakness, fever or problems with bladder or bowel.</p>",
    ),
    (
        "/policies/privacy/",
        "Privacy",
        "<p>We collect only what we need to sell you the tool, deliver it and help you, and we "
        "never sell your data.</p>"
        "<h2>What we keep</h2>"
        "<ul><li>Your name, email address and delivery address, to fulfil and support your "
        "orders.</li><li>Your order history and support conversations, for as long as tax "
        "law and our guarantee need them.</li><li>Comments and reviews you choose to post; "
        "your email address is never shown.</li></ul>"
        "<h2>Who else sees it</h2>"
        "<p>Stripe processes your payment; the carrier that delivers your parcel receives "
        "your delivery address. Nobody else receives your personal data from us.</p>"
        "<h2>Cookies</h2>"
        "<p>We use only the cookies the site needs to work: your basket, your sign-in and a "
        "security token for forms. No advertising or tracking cookies.</p>"
        "<h2>Your rights</h2>"
        "<p>You can see, correct or delete your account data from your account pages, or ask "
        "support to export or erase it.</p>",
    ),
    (
        "/policies/terms/",
        "Terms of sale",
        "<p>These terms apply when you buy from the QL Claw shop.</p>"
        "<h2>Prices and payment</h2>"
        "<p>Prices are in US dollars. The price and shipping cost shown at checkout are the "
        "ones you pay; your card is charged when you place the order.</p>"
        "<h2>Stock</h2>"
        "<p>We sell only what is in stock. If something goes wrong and we cannot ship an "
        "item, we tell you and refund it in full.</p>"
        "<h2>Returns and refunds</h2>"
        '<p>The <a href="/guarantee/">30-day money-back guarantee</a> explains how to '
        "get your money back. It adds to, and never replaces, your rights under the law of "
        "your country.</p>"
        "<h2>Using the tool safely</h2>"
        "<p>The QL Claw is for self-massage of healthy muscle. Do not use it on bruises, "
        "broken skin, varicose veins or over the spine itself, and ask a clinician first if "
        "you are pregnant, take blood thinners or have a condition affecting your bones or "
        "blood vessels. The library's articles are education, not diagnosis.</p>",
    ),
)


# The guarantee's policy is the versioned terms page of shop/guarantee at this address; demo
# data of earlier releases also made a flatpage there, which nothing could ever show.
RETIRED_POLICY_PAGES = ("/guarantee/",)


def ensure_policy_pages(site: Site) -> None:
    """Create the policy pages that are missing; pages staff have edited are left alone."""
    FlatPage.objects.filter(url__in=RETIRED_POLICY_PAGES).delete()
    for url, title, content in POLICY_PAGES:
        page, _ = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content}
        )
        page.sites.set([site])
