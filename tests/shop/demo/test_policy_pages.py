"""Policy pages: created by load_demo, linked from every page, editable by staff."""

from io import StringIO

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import call_command

from shop.demo.site import POLICY_PAGES

pytestmark = pytest.mark.django_db

EXPECTED = {
    "/guarantee/": "30 days from delivery",
    "/policies/shipping/": "Fast tracked",
    "/policies/secure-checkout/": "never store it",
    "/policies/support/": "around the clock",
    "/policies/privacy/": "never sell your data",
    "/policies/terms/": "US dollars",
}


def test_every_policy_page_exists_with_its_content_and_is_linked_from_the_footer(client):
    call_command("load_demo", stdout=StringIO())
    # The guarantee's policy is shop/guarantee's versioned terms page, not a flatpage.
    assert {url for url, _, _ in POLICY_PAGES} == set(EXPECTED) - {"/guarantee/"}
    footer = client.get("/").content.decode()
    for url, phrase in EXPECTED.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert phrase in response.content.decode(), url
        assert f'href="{url}"' in footer


def test_load_demo_keeps_what_staff_wrote(client):
    call_command("load_demo", stdout=StringIO())
    FlatPage.objects.filter(url="/policies/terms/").update(content="<p>Edited by staff.</p>")
    call_command("load_demo", stdout=StringIO())
    assert "Edited by staff." in client.get("/policies/terms/").content.decode()


def test_load_demo_removes_the_flatpage_the_guarantee_page_shadowed(client):
    FlatPage.objects.create(url="/guarantee/", title="Old guarantee", content="<p>Old.</p>")
    call_command("load_demo", stdout=StringIO())
    assert not FlatPage.objects.filter(url="/guarantee/").exists()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("/guarantee/</loc>") == 1


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="position:fixed" onclick="alert(1)">x</p>',
    '<form action="https://evil.example/"><input name="card"></form>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_an_editors_flatpage_cannot_carry_script(client, payload):
    """Editors write flatpages in the Django admin or the dashboard: what they save goes
    through the library's nh3 allow-list when the page is shown."""
    FlatPage.objects.create(
        url="/policies/edited/",
        title="Edited",
        content=f"<h2>Returns</h2><p>Kept <strong>text</strong>.</p>{payload}",
    ).sites.add(Site.objects.get_current())
    page = client.get("/policies/edited/").content.decode()
    body = page.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    for dangerous in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "<svg",
        "<form",
        "<input",
        "style=",
    ):
        assert dangerous not in body.lower(), (dangerous, body)
    assert "<h2>Returns</h2><p>Kept <strong>text</strong>.</p>" in body
