"""A reader in a real browser: reads an article, follows the contents and a citation, comments."""

import pytest

from articles.models import Comment
from articles.services import moderate_comments
from tests.articles.factories import ArticleFactory, ReferenceFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARAGRAPH = "The muscle works at every step of walking and running. " * 12


def long_body() -> str:
    sections = ["What it does", "Where it sends pain", "How to release it"]
    parts = [f"## {title}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n" for title in sections]
    parts.append("Pressure helps, within tolerable discomfort [@davies2013].\n")
    return "\n".join(parts)


def test_reader_jumps_through_toc_and_citation_then_comment_appears_after_approval(
    page, page_problems, browser, live_server
):
    ReferenceFactory(key="davies2013", title="The Trigger Point Therapy Workbook")
    article = ArticleFactory(title="Gluteus medius", body=long_body())

    page.set_viewport_size({"width": 390, "height": 700})  # a phone
    page.goto(article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Gluteus medius"

    page.get_by_role("navigation", name="Contents").get_by_role(
        "link", name="How to release it"
    ).click()
    page.wait_for_url("**#how-to-release-it")
    assert page.locator("#how-to-release-it").is_visible()
    assert page.evaluate(
        "() => { const r = document.getElementById('how-to-release-it').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )

    page.locator("sup.cite a").first.click()
    page.wait_for_url("**#ref-davies2013")
    reference = page.locator("#ref-davies2013")
    assert "The Trigger Point Therapy Workbook" in reference.inner_text()
    assert page.evaluate(
        "() => { const r = document.getElementById('ref-davies2013').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )

    page.get_by_label("Name").fill("Ann")
    page.get_by_label("Email (never shown)").fill("ann@example.com")
    page.get_by_label("Your comment").fill("Lying on my side hurt less the next day.")
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_url("**#comments")
    pending = page.locator(".comment--pending")
    assert "Awaiting moderation" in pending.inner_text()

    # Another reader does not see it until staff approve it.
    other = browser.new_context(base_url=live_server.url).new_page()
    other.goto(article.get_absolute_url())
    assert "Lying on my side" not in other.locator("#comments").inner_text()
    moderate_comments(comment_ids=[Comment.objects.get().pk], status=Comment.Status.APPROVED)
    other.reload()
    assert "Lying on my side hurt less the next day." in other.locator("#comments").inner_text()
    other.context.close()

    assert not page_problems, page_problems
