"""The pain finder in a real browser: plain links without JavaScript, keyboard use, axe-core."""

import os
from pathlib import Path

import pytest

from tests.painfinder.factories import make_library, make_regions

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def library(db):
    return make_library(make_regions())


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_finder_works_without_javascript(no_js_page, library):
    page = no_js_page
    page.goto("/pain-finder/")

    # The buttock is one link drawn on both sides: tap the left-hand shape, not the middle of
    # the pair (the sacrum lies between them).
    buttock = page.locator('svg a[aria-label="Buttock"] path')
    box = buttock.bounding_box()
    buttock.click(position={"x": box["width"] * 0.2, "y": box["height"] * 0.5})
    page.wait_for_url("**/pain-finder/buttock/")
    assert page.locator("#match-gluteus-medius").is_visible()

    page.goto("/pain-finder/")
    page.locator(".region-list").get_by_role("link", name="Low back", exact=True).click()
    page.wait_for_url("**/pain-finder/low-back/")

    page.goto("/pain-finder/")
    page.get_by_role("checkbox", name="Low back").check()
    page.get_by_role("checkbox", name="Groin").check()
    page.get_by_role("button", name="Show the muscles").click()
    page.wait_for_url("**/pain-finder/low-back+groin/")
    assert page.locator(".muscle-match h2").first.inner_text() == "Iliopsoas"


def test_keyboard_from_the_buttock_on_the_map_to_gluteus_medius_article(
    page, page_problems, library
):
    page.goto("/pain-finder/")

    def tab_to(predicate: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(
                f"(() => {{ const el = document.activeElement; return {predicate}; }})()"
            ):
                return
        raise AssertionError(f"never reached: {predicate}")

    tab_to("el.getAttribute('aria-label') === 'Buttock' && el.closest('svg') !== null")
    # The focused region is visibly marked: its shape takes the focus colour as its outline.
    stroke = page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).stroke")
    assert stroke == "rgb(255, 191, 71)"
    page.keyboard.press("Enter")
    page.wait_for_url("**/pain-finder/buttock/")

    tab_to("el.textContent.trim() === 'Gluteus medius'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/gluteus-medius/")
    assert page.locator("h1").inner_text() == "Gluteus medius: the article"
    assert page.locator(".pain-map").count() == 1
    assert not page_problems, page_problems


def _axe_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))
            }));
        }"""
    )


@pytest.mark.parametrize("url", ["/pain-finder/", "/pain-finder/low-back+buttock/"])
def test_axe_core_finds_no_violations(page, library, url):
    if not AXE.exists():
        message = f"axe-core is not installed at {AXE} (run: make browser)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    page.goto(url)

    assert _axe_violations(page) == []


def test_on_a_phone_the_map_fits_and_every_region_is_easy_to_tap(page, library):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/pain-finder/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    boxes = [link.bounding_box() for link in page.locator("svg a").all()]
    assert len(boxes) == 13 and all(box["height"] >= 24 for box in boxes)
    heights = page.eval_on_selector_all(
        ".region-list a", "links => links.map(link => link.getBoundingClientRect().height)"
    )
    assert len(heights) == 13 and min(heights) >= 44
