"""load_demo's catalogue: the QL Claw, accessories and a bundle, in stock, in USD, with images."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve
from oscar.core.loading import get_model
from PIL import Image

from shop.catalogue.demo import QL_CLAW_UPC
from tests.articles.factories import png_bytes

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def test_the_ql_claw_is_found_by_its_upc_with_specifications(demo):
    claw = Product.objects.get(upc=QL_CLAW_UPC)
    assert claw.title == "QL Claw" and claw.is_public
    for code in ("dimensions", "weight", "material", "colour"):
        assert getattr(claw.attr, code)


def test_accessories_and_a_bundle_are_on_sale_in_usd(demo):
    classes = set(Product.objects.values_list("product_class__name", flat=True))
    assert {"Massage tool", "Accessory", "Bundle"} <= classes
    assert Product.objects.filter(product_class__name="Accessory").count() >= 2
    records = StockRecord.objects.select_related("product")
    assert records.count() == Product.objects.count()
    assert {record.price_currency for record in records} == {"USD"}
    assert all(record.price > 0 for record in records)


def test_every_demo_product_has_drawn_png_images_with_descriptive_captions(demo):
    for product in Product.objects.prefetch_related("images"):
        images = list(product.images.all())
        assert images, product.title
        for image in images:
            with Image.open(image.original.path) as drawn:
                assert drawn.format == "PNG" and drawn.size == (1200, 1200)
            assert len(image.caption) > 60 and "image of" not in image.caption.lower()
    claw = Product.objects.get(upc=QL_CLAW_UPC)
    captions = [image.caption for image in claw.images.all()]
    assert "32 cm long, 9 cm high and 14 cm wide" in captions[0]
    assert "trigger presses" in captions[1]


def test_a_second_load_demo_keeps_every_image_and_file(demo, settings):
    before = list(ProductImage.objects.order_by("pk").values_list("pk", "original"))
    files = sorted(p.name for p in (settings.MEDIA_ROOT / "images").rglob("*.png"))
    call_command("load_demo", stdout=StringIO())
    assert list(ProductImage.objects.order_by("pk").values_list("pk", "original")) == before
    assert sorted(p.name for p in (settings.MEDIA_ROOT / "images").rglob("*.png")) == files


def test_an_outdated_demo_picture_is_replaced_and_an_uploaded_one_kept(demo):
    balls = Product.objects.get(upc="QL-BALLS")
    balls.images.all().delete()
    old = ProductImage(product=balls, caption="Abstract shape", display_order=0)
    old.original.save("ql-balls.png", ContentFile(png_bytes()), save=False)
    old.save()
    uploaded = ProductImage(product=balls, caption="Balls in a hand", display_order=1)
    uploaded.original.save("photo.png", ContentFile(png_bytes()), save=False)
    uploaded.save()

    call_command("load_demo", stdout=StringIO())

    images = list(balls.images.order_by("display_order", "pk"))
    assert old.pk not in [image.pk for image in images]
    assert uploaded.pk in [image.pk for image in images]
    assert any("orange rubber balls" in image.caption for image in images)


def _served(url: str):
    """Fetch a media or static URL the way the site's file server answers it."""
    request = RequestFactory().get(url)
    if url.startswith(settings.MEDIA_URL):
        return serve(
            request, url.removeprefix(settings.MEDIA_URL), document_root=settings.MEDIA_ROOT
        )
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, url
    return serve(request, Path(path).name, document_root=Path(path).parent)


def test_every_public_product_page_shows_images_that_load_with_descriptive_alt_text(client, demo):
    """Walks the catalogue: each product page has a picture that loads and says what it shows."""
    listing = client.get(reverse("catalogue:index")).content.decode()
    products = list(Product.objects.filter(is_public=True))
    assert len(products) >= 5
    for product in products:
        assert product.get_absolute_url() in listing
        html = client.get(product.get_absolute_url()).content.decode()
        gallery = html[html.index('class="gallery"') :]
        gallery = gallery[: gallery.index("</div>")]
        images = re.findall(r'<img src="([^"]+)"[^>]*alt="([^"]*)"', gallery)
        assert images, product.title
        for src, alt in images:
            assert len(alt) > 40 and "image of" not in alt.lower(), (product.title, alt)
            response = _served(src)
            assert response.status_code == 200
            assert response["Content-Type"] in {"image/jpeg", "image/png", "image/webp"}
        for src in re.findall(r'type="image/webp" srcset="([^" ]+) 480w', gallery):
            response = _served(src)
            assert response.status_code == 200 and response["Content-Type"] == "image/webp"


def test_catalogue_lists_the_demo_products_with_availability(client, demo):
    html = client.get(reverse("catalogue:index")).content.decode()
    for title in ("QL Claw", "Massage ball pair", "Travel pouch", "QL Claw complete kit"):
        assert title in html
    assert "Only 3 left" in html and "Out of stock" in html and "In stock" in html
