"""In a real browser: a visitor writes in with an attachment, follows the private link from the
confirmation email, a support agent replies from the dashboard, and the visitor answers."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from PIL import Image

from shop.backoffice.roles import ensure_staff_roles
from shop.support.models import SupportRequest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "sore-spot.png"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (180, 90, 60)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def agent():
    user = get_user_model().objects.create_user(
        "agent", "agent@qlclaw.example", "pw-Agent-12345", first_name="Sam", is_staff=True
    )
    user.groups.add(ensure_staff_roles()["Support agent"])
    return user


def test_visitor_and_agent_hold_a_conversation(
    page, page_problems, browser, live_server, settings, tmp_path, photo, agent
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SUPPORT_MIN_FILL_SECONDS = 1

    # The visitor finds the contact page from the header and writes in with a photo.
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Support").click()
    page.get_by_label("Your name").fill("Dana Reader")
    page.get_by_label("Your email").fill("dana@example.com")
    page.get_by_label("What is it about?").select_option("product")
    page.get_by_label("Your message").fill("It hurts above my hip. Where should the claw go?")
    page.get_by_label("Attachments (optional)").set_input_files(str(photo))
    page.wait_for_timeout(1200)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url("**/contact/sent/")
    support_request = SupportRequest.objects.get()
    assert support_request.reference in page.locator("main").inner_text()

    # The confirmation email carries the private link.
    confirmation = next(m for m in mail.outbox if m.to == ["dana@example.com"])
    link = re.search(r"https?://\S+(/contact/c/\S+/)", confirmation.body).group(1)
    page.goto(link)
    main = page.locator("main")
    assert "We are on it" in main.inner_text()
    attachment = page.get_by_role("link", name="sore-spot.png")
    download = page.request.get(attachment.get_attribute("href"))
    assert download.ok and download.body()[:8] == b"\x89PNG\r\n\x1a\n"

    # A support agent signs in to the dashboard and replies from the queue.
    staff_context = browser.new_context(base_url=live_server.url)
    staff = staff_context.new_page()
    staff.set_default_timeout(15_000)
    staff.goto("/dashboard/login/")
    staff.locator("input[name=username]").fill("agent@qlclaw.example")
    staff.locator("input[name=password]").fill("pw-Agent-12345")
    staff.locator("#dashboard_login_form [type=submit]").click()
    staff.wait_for_url("**/dashboard/")
    staff.goto("/dashboard/support/")
    staff.get_by_role("link", name=support_request.reference).click()
    staff.locator("#reply-form textarea").fill(
        "Lie on your side with the claw just above the hip bone."
    )
    staff.locator("#reply-form button[type=submit]").click()
    staff.wait_for_url(f"**/dashboard/support/{support_request.reference}/")
    assert "Waiting on customer" in staff.locator("#request-status").inner_text()
    staff_context.close()
    assert any(
        "just above the hip bone" in m.body for m in mail.outbox if m.to == ["dana@example.com"]
    )

    # The visitor sees the reply and answers, which puts the request back with the team.
    page.goto(link)
    assert "just above the hip bone" in main.inner_text()
    assert "Waiting for your reply" in main.inner_text()
    page.get_by_label("Your message").fill("That was it, thank you!")
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_url(f"**{link}")
    assert "That was it, thank you!" in main.inner_text()
    assert "We are on it" in main.inner_text()
    support_request.refresh_from_db()
    assert support_request.status == SupportRequest.Status.OPEN
    assert not page_problems, page_problems
