"""Every main customer page is valid HTML: the Nu HTML checker (vnu) reports no error on any.

The pages are rendered through the test client (the HTML the site serves, before any script
runs) and checked in one run of the checker, the ``vnu.jar`` of the npm package ``vnu-jar``
(pinned in package-lock.json), on Java. Without Java or the jar the test is skipped, except in
CI (``REQUIRE_BROWSER=1``), where that is a failure like a missing browser.
"""

import json
import os
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from articles.models import Article, BodyRegion, Muscle
from shop.catalogue.demo import QL_CLAW_UPC
from shop.demo.site import POLICY_PAGES
from tests.shop.checkout.fixtures import ADDRESSES

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

Product = get_model("catalogue", "Product")


def nu_checker() -> list[str]:
    """The command that runs the checker, or a skip (a failure in CI) naming what is missing."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("no java on PATH (apt-get install openjdk-17-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"no Nu HTML checker at {VNU_JAR} (npm ci installs vnu-jar)")
    if missing:
        message = "; ".join(missing)
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]


def html_errors(pages: dict[str, bytes], directory: Path) -> list[str]:
    """Check every page in one run of the checker; each error as "path line: message"."""
    command = nu_checker()
    files = {}
    for number, (path, body) in enumerate(pages.items()):
        file = directory / f"page-{number:02}.html"
        file.write_bytes(body)
        files[file.name] = path
    result = subprocess.run(
        [*command, *(str(directory / name) for name in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or '{"messages": []}')
    errors = []
    for message in report["messages"]:
        url = message.get("url", "(the checker)")
        page = files.get(url.rsplit("/", 1)[-1], url)
        line = message.get("lastLine", "?")
        errors.append(f"{page} line {line}: {message['message']} {message.get('extract', '')!r}")
    assert result.returncode == 0 or errors, result.stderr
    return errors


@pytest.fixture
def demo_site(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("load_demo", stdout=StringIO())
    return Product.objects.get(upc=QL_CLAW_UPC)


def page(client, path: str, pages: dict[str, bytes], *, name: str | None = None) -> None:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert response["Content-Type"].startswith("text/html"), path
    pages[name or path] = response.content


def test_customer_pages_have_no_html_errors(client, demo_site, tmp_path):
    product = demo_site
    article = Article.objects.filter(status=Article.Status.PUBLISHED).first()
    muscle = Muscle.objects.first()
    region = BodyRegion.objects.first()
    pages: dict[str, bytes] = {}
    for path in (
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/muscles/",
        muscle.get_absolute_url(),
        "/pain-finder/",
        f"/pain-finder/{region.slug}/",
        "/catalogue/",
        product.get_absolute_url(),
        "/search/?q=claw",
        "/search/?q=zzzz-nothing",
        "/contact/",
        reverse("guarantee:policy"),
        "/orders/lookup/",
        "/accounts/login/",
        *(url for url, _title, _content in POLICY_PAGES),
    ):
        page(client, path, pages)

    # The basket with a line in it, then each step of a guest's checkout up to the preview.
    page(client, "/basket/", pages, name="/basket/ (empty)")
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    assert response.status_code == 302
    page(client, "/basket/", pages)
    page(client, reverse("checkout:index"), pages)
    response = client.post(
        reverse("checkout:index"), {"username": "guest@example.com", "options": "anonymous"}
    )
    assert response.status_code == 302
    page(client, reverse("checkout:shipping-address"), pages)
    response = client.post(
        reverse("checkout:shipping-address"),
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "line1": "1 Main Street",
            "country": "US",
            "phone_number": "",
            **ADDRESSES["US"],
        },
    )
    assert response.status_code == 302
    page(client, reverse("checkout:shipping-method"), pages)
    response = client.post(reverse("checkout:shipping-method"), {"method_code": "standard"})
    assert response.status_code == 302
    page(client, reverse("checkout:preview"), pages)

    assert len(pages) >= 25
    errors = html_errors(pages, tmp_path)
    assert errors == [], "\n".join(errors)
