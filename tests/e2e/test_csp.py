"""Every customer page and the dashboard in the real browser under the production
Content-Security-Policy: any violation the browser reports fails the test.

The production profile cannot serve a live test server (it refuses to start without its
secrets and redirects to HTTPS), so the test applies the production policy itself: the same
functions config/settings/production.py builds it from, and the same middleware.
"""

import re
from dataclasses import dataclass, field
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from articles.models import Article, BodyRegion, Muscle
from config.settings.content_security import (
    backoffice_path_prefixes,
    backoffice_policy,
    customer_policy,
    with_csp_middleware,
)
from shop.catalogue.demo import QL_CLAW_UPC
from shop.demo.site import POLICY_PAGES, STAFF_EMAIL
from shop.guarantee.models import GuaranteeClaim
from shop.support.links import private_link_path
from shop.support.services import open_support_request
from tests.shop.guarantee.helpers import paid_order, record_shipping_event

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
STAFF_PASSWORD = "pw-Staff-CSP-12345"
CUSTOMER_EMAIL = "reader@example.com"
CUSTOMER_PASSWORD = "pw-Reader-12345"

# Reports each violation to the test as it happens, so one during a navigation is not lost.
RECORD_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} `
    + `in ${event.documentURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""


@dataclass
class Walk:
    """The pages seen and the violations the browser reported on them."""

    violations: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)


def _inner_handler(live_server) -> WSGIHandler:
    handler = live_server.thread.httpd.get_app()
    while type(handler) is not WSGIHandler:
        handler = handler.application
    return handler


@pytest.fixture
def production_csp(settings, live_server):
    """The production CSP on the live server: settings, then its middleware chain reloaded."""
    settings.CONTENT_SECURITY_POLICY = customer_policy(
        stripe_checkout_origin="https://checkout.stripe.com", extra_img_src=[]
    )
    settings.BACKOFFICE_CONTENT_SECURITY_POLICY = backoffice_policy(
        settings.CONTENT_SECURITY_POLICY
    )
    settings.BACKOFFICE_PATH_PREFIXES = backoffice_path_prefixes(settings.ADMIN_URL)
    settings.MIDDLEWARE = with_csp_middleware(settings.MIDDLEWARE)
    settings.ROOT_URLCONF = "tests.e2e.error_urls"
    handler = _inner_handler(live_server)
    handler.load_middleware()
    yield
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "CSP" not in m]
    handler.load_middleware()


@pytest.fixture
def demo_site(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    monkeypatch.setenv("DEMO_STAFF_PASSWORD", STAFF_PASSWORD)
    call_command("load_demo", stdout=StringIO())
    return Product.objects.get(upc=QL_CLAW_UPC)


def open_walker(browser, live_server, walk: Walk):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.expose_function("reportCspViolation", lambda report: walk.violations.append(report))
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and walk.violations.append(f"console: {message.text} ({page.url})")
        ),
    )
    return context, page


def _landed(page, walk: Walk, response, path: str, *, status: int, backoffice: bool) -> None:
    assert response is not None, path
    assert response.status == status, f"{path}: {response.status}"
    page.wait_for_load_state("networkidle")
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy, f"{path} has no CSP: {policy!r}"
    assert ("'unsafe-inline'" in policy) is backoffice, f"{path}: {policy}"
    walk.visited.append(path)


def visit(page, walk: Walk, path: str, *, status: int = 200, backoffice: bool = False) -> None:
    _landed(page, walk, page.goto(path), path, status=status, backoffice=backoffice)


def click_through(page, walk: Walk, control, *, status: int = 200) -> None:
    """Click a link or a form's button: the page the browser lands on (after any redirect) is
    checked like a visited one."""
    with page.expect_navigation() as navigation:
        control.click()
    landed = urlsplit(page.url)
    path = f"{landed.path}?{landed.query}" if landed.query else landed.path
    _landed(page, walk, navigation.value, path, status=status, backoffice=False)


def assert_the_recorder_works(page, walk: Walk) -> None:
    """A control: an inline style added by a script must be reported, then the walk starts."""
    page.goto("/")
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'p {}';"
        " document.head.append(s); }"
    )
    page.wait_for_timeout(300)
    assert any("style-src" in violation for violation in walk.violations), walk.violations
    walk.violations.clear()


def sign_in(page, *, url: str, email: str, password: str, form: str) -> None:
    page.goto(url)
    page.locator(f"{form} input[name$=username]").fill(email)
    page.locator(f"{form} input[name$=password]").fill(password)
    page.locator(f"{form} [type=submit]").click()
    page.wait_for_load_state()


def test_customer_pages_report_no_csp_violation(browser, live_server, production_csp, demo_site):
    product = demo_site
    article = Article.objects.filter(status=Article.Status.PUBLISHED).first()
    muscle = Muscle.objects.first()
    region = BodyRegion.objects.first()
    order = create_order(user=None)
    support_request = open_support_request(
        name="Dana", email="dana@example.com", topic="product", message="Where does it go?"
    )
    walk = Walk()
    context, page = open_walker(browser, live_server, walk)
    assert_the_recorder_works(page, walk)

    anonymous = [
        "/",
        "/articles/",
        f"/articles/?tag={article.tags.first().slug}" if article.tags.exists() else "/articles/",
        article.get_absolute_url(),
        "/articles/feed/",
        "/muscles/",
        muscle.get_absolute_url(),
        "/pain-finder/",
        f"/pain-finder/{region.slug}/",
        "/catalogue/",
        product.get_absolute_url(),
        "/search/?q=claw",
        "/search/?q=zzzz-nothing",
        "/accounts/login/",
        "/accounts/register/",
        "/password-reset/",
        "/password-reset/done/",
        "/contact/",
        "/orders/lookup/",
        private_link_path(support_request),
        *(url for url, _title, _content in POLICY_PAGES),
        "/offers/",
    ]
    for path in anonymous:
        visit(page, walk, path)
    visit(page, walk, "/no-such-page/", status=404)
    visit(page, walk, "/__test__/crash/", status=500)
    visit(page, walk, "/__test__/database-gone/", status=503)
    order_link = reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    visit(page, walk, order_link)

    # The basket with a line in it, reached the way a customer does.
    page.goto(product.get_absolute_url())
    page.get_by_role("button", name="Add to basket").click()
    page.wait_for_load_state()
    visit(page, walk, "/basket/")

    # Signed in: every page of the account menu.
    get_user_model().objects.create_user(
        "reader", CUSTOMER_EMAIL, CUSTOMER_PASSWORD, first_name="Dana"
    )
    sign_in(
        page,
        url="/accounts/login/",
        email=CUSTOMER_EMAIL,
        password=CUSTOMER_PASSWORD,
        form="form:has([name=login_submit])",
    )
    for path in (
        "/accounts/profile/",
        "/accounts/profile/edit/",
        "/accounts/change-password/",
        "/accounts/orders/",
        "/accounts/addresses/",
        "/accounts/addresses/add/",
        "/accounts/emails/",
        "/accounts/profile/delete/",
        "/contact/requests/",
        "/basket/",
        "/",
    ):
        visit(page, walk, path)
    context.close()

    assert len(walk.visited) >= 35
    assert walk.violations == [], "\n".join(walk.violations)


def test_checkout_and_guarantee_pages_report_no_csp_violation(
    browser, live_server, production_csp, demo_site, fake_stripe
):
    """A guest's checkout up to the preview (stopping before Stripe), the guarantee's policy, a
    signed-in customer's claim on a delivered order, and a guest's claim through order lookup.
    The checkout's forms and the claim form are also sent once with errors."""
    product = demo_site
    guest_order = paid_order(Client(), product, fake_stripe, quantity=2, email="ada@example.com")
    guest_order.set_status("Being processed")
    guest_order.set_status("Shipped")
    own_order = paid_order(Client(), product, fake_stripe, email=CUSTOMER_EMAIL)
    customer = get_user_model().objects.create_user("reader", CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
    Order.objects.filter(pk=own_order.pk).update(user=customer)
    record_shipping_event(own_order, "Delivered", timezone.now())
    walk = Walk()
    context, page = open_walker(browser, live_server, walk)
    assert_the_recorder_works(page, walk)

    # The checkout as a guest with a basket line.
    page.goto(product.get_absolute_url())
    page.get_by_role("button", name="Add to basket").click()
    page.wait_for_load_state()
    visit(page, walk, "/basket/")
    visit(page, walk, "/checkout/")
    continue_button = page.get_by_role("button", name="Continue")
    page.get_by_label("Email address").fill("not an email")
    click_through(page, walk, continue_button)
    assert page.locator(".field-error").count()
    page.get_by_label("Email address").fill("dana@example.com")
    page.get_by_label("I am a new customer and want to checkout as a guest").check()
    click_through(page, walk, continue_button)
    assert page.url.endswith("/checkout/shipping-address/")
    click_through(page, walk, continue_button)  # nothing filled in
    assert page.get_by_role("alert").count()
    page.get_by_label("First name").fill("Dana")
    page.get_by_label("Last name").fill("Reader")
    page.get_by_label("First line of address").fill("12 Rue de Rivoli")
    page.get_by_label("City").fill("Paris")
    page.get_by_label("Post/Zip-code").fill("75001")
    page.get_by_label("Country").select_option("FR")
    page.get_by_label("Phone number").fill("+33 1 42 60 00 00")
    click_through(page, walk, continue_button)
    assert page.url.endswith("/checkout/shipping-method/")
    click_through(page, walk, page.get_by_role("button", name="Choose Fast tracked"))
    assert page.locator("h1").inner_text() == "Review your order"
    visit(page, walk, "/checkout/preview/")
    assert page.get_by_role("button", name="Place order and pay").is_visible()  # not clicked

    # The guarantee: its policy, then a signed-in customer's claim on a delivered order.
    visit(page, walk, "/guarantee/")
    sign_in(
        page,
        url="/accounts/login/",
        email=CUSTOMER_EMAIL,
        password=CUSTOMER_PASSWORD,
        form="form:has([name=login_submit])",
    )
    visit(page, walk, f"/accounts/orders/{own_order.number}/")
    click_through(page, walk, page.get_by_role("link", name="Claim your money back"))
    send = page.get_by_role("button", name="Send my claim")
    click_through(page, walk, send, status=400)  # no units chosen
    page.get_by_label(re.compile(r"bought 1, claimable 1")).fill("1")
    page.get_by_label("Reason").select_option("no_relief")
    click_through(page, walk, send)
    assert page.locator("#claim-status").inner_text() == "Submitted"
    visit(page, walk, f"/guarantee/orders/{own_order.number}/")  # now listing the claim
    context.close()

    # A guest claims through the order lookup.
    context, page = open_walker(browser, live_server, walk)
    visit(page, walk, "/orders/lookup/")
    page.get_by_label("Order number").fill(guest_order.number)
    page.get_by_label("Email address used for the order").fill(guest_order.email)
    click_through(page, walk, page.get_by_role("button", name="Find my order"))
    click_through(page, walk, page.get_by_role("link", name="Claim your money back"))
    page.get_by_label(re.compile(r"bought 2, claimable 2")).fill("1")
    page.get_by_label("Reason").select_option("damaged")
    click_through(page, walk, page.get_by_role("button", name="Send my claim"))
    assert page.locator("#claim-status").inner_text() == "Submitted"
    context.close()

    assert GuaranteeClaim.objects.count() == 2
    assert not Order.objects.filter(guest_email="dana@example.com").exists()  # stopped at preview
    assert len(walk.visited) >= 18
    assert walk.violations == [], "\n".join(walk.violations)


def test_dashboard_reports_no_csp_violation(browser, live_server, production_csp, demo_site):
    product = demo_site
    article = Article.objects.first()
    support_request = open_support_request(
        name="Dana", email="dana@example.com", topic="product", message="Where does it go?"
    )
    walk = Walk()
    context, page = open_walker(browser, live_server, walk)
    sign_in(
        page,
        url="/dashboard/login/",
        email=STAFF_EMAIL,
        password=STAFF_PASSWORD,
        form="#dashboard_login_form",
    )
    # Every page of the dashboard's menu as the demo staff member sees it (Oscar's sections and
    # the project's).
    menu = list(
        dict.fromkeys(
            page.eval_on_selector_all(
                "nav a[href^='/dashboard/']",
                "links => links.map(link => link.getAttribute('href'))",
            )
        )
    )
    for section in ("/dashboard/library/", "/dashboard/pain-finder/", "/dashboard/support/"):
        assert any(path.startswith(section) for path in menu), section
    details = [
        f"/dashboard/catalogue/products/{product.pk}/",
        f"/dashboard/library/articles/{article.pk}/",
        f"/dashboard/library/articles/{article.pk}/preview/",
        "/dashboard/library/articles/new/",
        f"/dashboard/support/{support_request.reference}/",
    ]
    for path in [*menu, *details]:
        visit(page, walk, path, backoffice=True)
    context.close()

    assert len(walk.visited) >= 20
    assert walk.violations == [], "\n".join(walk.violations)
