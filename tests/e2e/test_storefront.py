"""The storefront in a real browser: buying path on desktop and phone, and axe-core checks.

axe-core comes from the npm package pinned in package.json (``make browser`` runs ``npm ci``);
without it the accessibility checks are skipped, except in CI (``REQUIRE_BROWSER=1``).
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from shop.catalogue.demo import QL_CLAW_UPC

pytestmark = pytest.mark.django_db(transaction=True)

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Home, basket, catalogue, search, sign-in, a policy page and the library (the product page is
# added per test). The lead adds an article's page once the library is merged.
AXE_PAGES = (
    "/",
    "/basket/",
    "/catalogue/",
    "/search/?q=claw",
    "/accounts/login/",
    "/guarantee/",
    "/articles/",
    "/articles/quadratus-lumborum/",
    "/muscles/gluteus-medius/",
    "/pain-finder/",
    "/contact/",
)
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

Product = get_model("catalogue", "Product")


@pytest.fixture
def demo_shop(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    return Product.objects.get(upc=QL_CLAW_UPC)


@pytest.fixture
def phone_page(browser, live_server, page_problems):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda error: page_problems.console_errors.append(str(error)))
    yield page
    context.close()


def buy_two_claws(page) -> None:
    page.goto("/")
    page.get_by_role("link", name="Shop the QL Claw").first.click()
    page.wait_for_url("**/catalogue/ql-claw_*/")
    assert page.get_by_role("heading", level=1).inner_text() == "QL Claw"
    assert page.get_by_text("In stock").first.is_visible()
    page.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Add to basket").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").filter(has_text="added to your basket").is_visible()
    page.get_by_role("link", name="Basket").first.click()
    page.wait_for_url("**/basket/")


def test_home_to_product_to_basket_shows_the_right_total(page, page_problems, demo_shop):
    buy_two_claws(page)
    assert page.locator("[data-basket-total]").inner_text() == "$98.00"
    assert page.locator("header .badge").inner_text().split() == ["2", "items"]
    assert not page_problems, page_problems


def test_the_same_purchase_works_at_a_phone_viewport(phone_page, page_problems, demo_shop):
    buy_two_claws(phone_page)
    total = phone_page.locator("[data-basket-total]")
    assert total.inner_text() == "$98.00"
    assert total.is_visible()
    # Nothing wider than the phone: no sideways scrolling.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page_problems, page_problems


def axe_violations(page) -> list[str]:
    if not AXE_PATH.exists():
        message = f"axe-core not installed at {AXE_PATH} (run: make browser)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    page.add_script_tag(path=str(AXE_PATH))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations)",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_storefront_pages_have_no_axe_violations(browser, live_server, demo_shop, viewport):
    options = PHONE if viewport == "phone" else {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    try:
        page.goto(demo_shop.get_absolute_url())
        page.get_by_role("button", name="Add to basket").click()
        page.wait_for_load_state()
        for path in (
            "/",
            demo_shop.get_absolute_url(),
            "/basket/",
            "/search/?q=claw",
            "/articles/",
        ):
            page.goto(path)
            assert axe_violations(page) == [], path
    finally:
        context.close()
