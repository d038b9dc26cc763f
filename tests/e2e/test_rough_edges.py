"""Rough edges a buyer met (issue 21) in a real browser: a long unbroken word in a comment keeps
the article page and the moderation table within the screen, the phone header stays compact with
a menu that opens without JavaScript, and the pages changed for these are axe-clean."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles.models import Comment
from shop.backoffice.roles import ensure_staff_roles
from tests.articles.factories import ArticleFactory, CommentFactory
from tests.e2e.test_checkout import to_preview
from tests.e2e.test_storefront import PHONE, axe_violations
from tests.factories import UserFactory, shop_product
from tests.shop.checkout.fixtures import make_product
from tests.shop.guarantee.helpers import paid_order

pytestmark = pytest.mark.django_db(transaction=True)

LONG_WORD = "Ouch" + "h" * 2996  # 3,000 characters without a break
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def new_page(browser, live_server, viewport: str, session: Client | None = None):
    context = browser.new_context(base_url=live_server.url, **VIEWPORTS[viewport])
    if session is not None:
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def editor_session() -> Client:
    editor = get_user_model().objects.create_user(
        "editor", "editor@example.com", "pw-Editor-12345", is_staff=True
    )
    editor.groups.add(ensure_staff_roles()["Editor"])
    client = Client()
    client.force_login(editor)
    return client


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_long_unbroken_word_stays_within_the_screen(browser, live_server, viewport):
    article = ArticleFactory(title="Quadratus lumborum", slug="quadratus-lumborum")
    CommentFactory(article=article, name="Long Word", body=LONG_WORD)
    CommentFactory(article=article, body=LONG_WORD, status=Comment.Status.PENDING)
    width = VIEWPORTS[viewport]["viewport"]["width"]

    context, page = new_page(browser, live_server, viewport)
    page.goto(article.get_absolute_url())
    comment = page.locator(".comment").filter(has_text="Ouchhh")
    assert comment.is_visible()
    assert scroll_width(page) <= width
    # The word is all there, wrapped over many lines rather than cut off.
    assert comment.locator("p").nth(1).inner_text() == LONG_WORD
    assert comment.bounding_box()["height"] > 200
    assert axe_violations(page) == []
    context.close()

    context, page = new_page(browser, live_server, viewport, editor_session())
    page.goto(reverse("library_dashboard:library-comment-list"))
    assert page.get_by_role("heading", name="Comment moderation").is_visible()
    assert page.locator("td", has_text="Ouchhh").count() == 1
    assert scroll_width(page) <= width
    context.close()


def test_the_phone_header_is_compact_and_its_menu_opens_without_javascript(browser, live_server):
    shop_product(title="QL Claw")
    for javascript in (False, True):
        context = browser.new_context(
            base_url=live_server.url, java_script_enabled=javascript, **PHONE
        )
        page = context.new_page()
        page.goto("/")
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 120, header
        # Basket and the menu button are in the one row; the links wait behind the button.
        assert page.get_by_role("link", name=re.compile(r"^Basket")).is_visible()
        header_links = page.locator(".site-header")
        shop = header_links.get_by_role("link", name="Shop", exact=True)
        assert not shop.is_visible()
        menu = page.get_by_role("button", name="Menu")
        menu.click()
        for name in ("Learn", "Pain finder", "Shop", "Support", "Sign in"):
            assert header_links.get_by_role("link", name=name, exact=True).is_visible(), name
        assert page.get_by_role("searchbox").is_visible()
        page.get_by_role("button", name="Close menu").click()
        assert not shop.is_visible()

        # By keyboard: from the basket link Tab reaches the button, Enter opens it, Tab goes
        # on to the first link, Escape closes.
        page.get_by_role("link", name=re.compile(r"^Basket")).focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Learn"
        page.keyboard.press("Escape")
        assert not shop.is_visible()
        menu.click()
        shop.click()
        page.wait_for_url("**/catalogue/")
        assert scroll_width(page) <= 390
        context.close()


def test_the_desktop_header_shows_every_link_in_one_row(browser, live_server):
    context, page = new_page(browser, live_server, "desktop")
    page.goto("/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert not page.get_by_role("button", name="Close menu").is_visible()
    tops = {
        round(page.locator(".site-header").get_by_role("link", name=name).bounding_box()["y"])
        for name in ("Learn", "Pain finder", "Shop", "Support", "Sign in")
    }
    assert len(tops) == 1, tops
    assert page.locator(".site-header").bounding_box()["height"] <= 110
    context.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_changed_pages_have_no_axe_violations(
    browser, live_server, shop_data, fake_stripe, viewport, settings
):
    product = make_product(price="49.00")
    order = paid_order(Client(), product, fake_stripe)
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_DEMO_MODE = True
    customer = UserFactory(email="reviewer@example.com")
    session = Client()
    session.force_login(customer)
    context, page = new_page(browser, live_server, viewport, session)
    review_url = reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )
    checks = [
        "/",
        product.get_absolute_url(),
        review_url,
        "/basket/",
    ]
    for path in checks:
        page.goto(path)
        assert axe_violations(page) == [], path
    # The review form after a refused score, and the menu opened on a phone.
    page.goto(review_url)
    page.get_by_label("Title").fill("Good")
    page.get_by_label("Your review").fill("It works.")
    page.get_by_role("button", name="Send my review").click()
    assert page.get_by_text("Choose a score from 1 to 5 stars.").is_visible()
    assert axe_violations(page) == [], "review form with an error"
    if viewport == "phone":
        page.get_by_role("button", name="Menu").click()
        assert axe_violations(page) == [], "open menu"
    context.close()

    # The claim form with its error, as the guest who placed the order (private link).
    from shop.guarantee.access import order_access_key

    context, page = new_page(browser, live_server, viewport)
    page.goto(f"/guarantee/orders/{order.number}/?key={order_access_key(order)}")
    page.get_by_role("button", name="Send my claim").click()
    assert page.get_by_role("alert").inner_text() == (
        "Choose how many units of which item you want refunded."
    )
    assert axe_violations(page) == [], "claim form"

    # The demo payment page, at the end of a guest's checkout.
    to_preview(page, product)
    page.get_by_role("button", name="Place order and pay").click()
    page.wait_for_url(re.compile(r"/checkout/demo-payment/"))
    assert page.get_by_role("button", name="Pay $78.95 (demo)").is_visible()
    assert axe_violations(page) == [], "demo payment"
    context.close()


def test_the_dashboard_sign_in_has_no_axe_violations(page, live_server):
    page.goto("/dashboard/login/")
    assert page.get_by_label("Email address").is_visible()
    assert axe_violations(page) == []
