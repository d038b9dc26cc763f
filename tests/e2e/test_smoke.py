"""Smoke test in a real browser: the home page and every header link load cleanly."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_and_header_links_load_without_console_or_http_errors(page, page_problems):
    page.goto("/")
    assert page.locator("h1").first.is_visible()
    hrefs = page.eval_on_selector_all(
        "header a[href]", "links => links.map(link => link.getAttribute('href'))"
    )
    assert {"/articles/", "/catalogue/", "/basket/"} <= set(hrefs)

    for href in hrefs:
        response = page.goto(href)
        assert response is not None and response.ok, f"{href}: {response and response.status}"
        assert page.locator("main#main").is_visible(), href

    assert not page_problems, page_problems


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
