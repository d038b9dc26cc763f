"""Figure uploads: real images only, within size and pixel limits, EXIF removed, WebP renditions."""

import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles import services
from articles.exceptions import InvalidImage
from articles.images import check_image, make_webp_renditions, stripped_copy
from articles.models import Figure
from tests.articles.factories import png_bytes


def upload(content: bytes, name: str = "figure.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )  # fmt: skip

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")
    )  # fmt: skip


def test_a_real_png_is_accepted():
    checked = check_image(upload(png_bytes(120, 80)))
    assert (checked.format, checked.width, checked.height) == ("PNG", 120, 80)


def test_a_decompression_bomb_is_refused_with_a_clear_message():
    with pytest.raises(InvalidImage, match="decompression bomb"):
        check_image(upload(png_declaring(30_000, 30_000)))


def test_an_image_over_40_megapixels_is_refused():
    out = io.BytesIO()
    Image.new("1", (8_000, 6_000)).save(out, "PNG")  # 48 MP, a few kilobytes on disk
    with pytest.raises(InvalidImage, match=r"\(48 megapixels\); at most 40"):
        check_image(upload(out.getvalue()))


def test_a_file_over_20_mb_is_refused_before_it_is_read():
    with pytest.raises(InvalidImage, match="at most 20 MB"):
        check_image(upload(b"\x89PNG" + b"0" * 20_000_001))


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"just some text, not an image", "notes.png", "not an image we can read"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg",
         "not an image we can read"),
        (png_bytes(fmt="GIF"), "anim.gif", "GIF images are not accepted"),
        (png_bytes(fmt="BMP"), "old.bmp", "BMP images are not accepted"),
    ],
)  # fmt: skip
def test_wrong_file_types_are_refused(content, name, message):
    with pytest.raises(InvalidImage, match=message):
        check_image(upload(content, name=name))


def test_exif_is_stripped_from_the_stored_copy():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (51, 30, 0)}  # GPS info
    jpeg = png_bytes(200, 100, fmt="JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(jpeg)).getexif()
    copy = stripped_copy(
        upload(jpeg, name="photo.jpeg", content_type="image/jpeg"), name="photo.jpeg"
    )
    stored = Image.open(io.BytesIO(copy.read()))
    assert stored.format == "JPEG" and stored.size == (200, 100)
    assert not stored.getexif()
    assert copy.name == "photo.jpg"


@pytest.mark.django_db
def test_renditions_are_webp_at_widths_no_larger_than_the_original(
    django_capture_on_commit_callbacks,
):
    figure = Figure(key="wide", caption="c", alt_text="a")
    with django_capture_on_commit_callbacks(execute=True):
        services.save_figure(figure=figure, upload=upload(png_bytes(1000, 500)))
    figure.refresh_from_db()
    assert (figure.width, figure.height) == (1000, 500)
    assert [(r["width"], r["height"]) for r in figure.renditions] == [(480, 240), (800, 400)]
    for rendition in figure.renditions:
        with default_storage.open(rendition["name"]) as handle:
            assert Image.open(handle).format == "WEBP"


@pytest.mark.django_db
def test_a_small_image_gets_one_rendition_at_its_own_width():
    name = default_storage.save("library/figures/small.png", io.BytesIO(png_bytes(300, 200)))
    assert [(r["width"], r["height"]) for r in make_webp_renditions(name)] == [(300, 200)]
