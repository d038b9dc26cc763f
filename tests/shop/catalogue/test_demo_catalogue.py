"""load_demo's catalogue: the QL Claw, accessories and a bundle, in stock, in USD, with images."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from shop.catalogue.demo import QL_CLAW_UPC

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
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


def test_every_demo_product_has_a_drawn_png_image(demo):
    for product in Product.objects.prefetch_related("images"):
        image = product.images.get()
        with Image.open(image.original.path) as drawn:
            assert drawn.format == "PNG" and drawn.size == (1200, 1200)


def test_catalogue_lists_the_demo_products_with_availability(client, demo):
    html = client.get(reverse("catalogue:index")).content.decode()
    for title in ("QL Claw", "Massage ball pair", "Travel pouch", "QL Claw complete kit"):
        assert title in html
    assert "Only 3 left" in html and "Out of stock" in html and "In stock" in html
