"""Product thumbnails: looked up in sorl's store once per process, then remembered."""

import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from oscar.core.thumbnails import get_thumbnailer
from oscar.test.factories import ProductImageFactory
from PIL import Image

from tests.factories import shop_product

pytestmark = pytest.mark.django_db


def photo() -> ContentFile:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), "teal").save(out, "JPEG")
    return ContentFile(out.getvalue(), name="claw.jpg")


def test_a_thumbnail_is_looked_up_once_then_remembered(django_assert_num_queries):
    image = ProductImageFactory(product=shop_product(), original=photo())
    first = get_thumbnailer().generate_thumbnail(image.original, size="480x480", upscale=False)
    assert (first.width, first.height) == (480, 320)
    # sorl's store is the cache, then its table: with the cache emptied it would query the table.
    cache.clear()
    with django_assert_num_queries(0):
        again = get_thumbnailer().generate_thumbnail(image.original, size="480x480", upscale=False)
    assert again.url == first.url


def test_other_sizes_and_formats_are_other_thumbnails():
    image = ProductImageFactory(product=shop_product(), original=photo())
    thumbnailer = get_thumbnailer()
    jpeg = thumbnailer.generate_thumbnail(image.original, size="480x480", upscale=False)
    webp = thumbnailer.generate_thumbnail(
        image.original, size="480x480", upscale=False, format="WEBP"
    )
    small = thumbnailer.generate_thumbnail(image.original, size="90x90", upscale=False)
    assert len({jpeg.url, webp.url, small.url}) == 3
    assert webp.url.endswith(".webp")
    assert small.width == 90
