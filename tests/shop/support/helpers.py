"""Builders for the support tests: real files (images, PDFs, bombs) and valid form posts."""

import io
import struct
import time
import zlib

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from shop.support import services, spam


def png_bytes(size: tuple[int, int] = (12, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )


def png_bomb_bytes(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims billions of pixels: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def old_stamp(seconds_ago: float = 60) -> str:
    """The signed "form shown at" stamp of a form opened ``seconds_ago``."""
    return signing.dumps(time.time() - seconds_ago, salt=spam.STAMP_SALT)


def contact_data(**overrides) -> dict:
    data = {
        "name": "Dana Reader",
        "email": "dana@example.com",
        "topic": "product",
        "order_number": "",
        "message": "My lower back hurts when I stand up. Where do I put the claw?",
        "website": "",
        "started": old_stamp(),
    }
    data.update(overrides)
    return data


def reply_data(**overrides) -> dict:
    data = {"message": "Thanks, that helped a lot.", "website": "", "started": old_stamp()}
    data.update(overrides)
    return data


def open_request(**overrides):
    fields = {
        "name": "Dana Reader",
        "email": "dana@example.com",
        "topic": "product",
        "message": "Where do I put the claw?",
    }
    fields.update(overrides)
    return services.open_support_request(**fields)
