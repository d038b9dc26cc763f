"""Figure images with Pillow: checking uploads, stripping EXIF and making WebP renditions."""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

from .exceptions import InvalidImage

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (480, 800, 1200)


def _max_bytes() -> int:
    return settings.LIBRARY_IMAGE_MAX_BYTES


def _max_pixels() -> int:
    return settings.LIBRARY_IMAGE_MAX_PIXELS


@dataclass(frozen=True)
class CheckedImage:
    format: str
    width: int
    height: int


def check_image(upload) -> CheckedImage:
    """Refuse anything but a real JPEG, PNG or WebP within the size and pixel limits."""
    size = getattr(upload, "size", None)
    if size is not None and size > _max_bytes():
        raise InvalidImage(
            f"The file is {size / 1_000_000:.1f} MB; images may be at most "
            f"{_max_bytes() // 1_000_000} MB."
        )
    upload.seek(0)
    try:
        # Pillow warns, then refuses, past its own bomb threshold; both are refusals here.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format, (width, height) = image.format, image.size
                if width * height > _max_pixels():
                    raise _too_many_pixels(width, height)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise InvalidImage(
            "This image declares far more pixels than it could hold (a decompression bomb); "
            "it was refused."
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise InvalidImage(
            "The file is not an image we can read (use JPEG, PNG or WebP)."
        ) from error
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise InvalidImage(f"{image_format} images are not accepted; use JPEG, PNG or WebP.")
    return CheckedImage(format=image_format, width=width, height=height)


def _too_many_pixels(width: int, height: int) -> InvalidImage:
    megapixels = width * height / 1_000_000
    return InvalidImage(
        f"The image is {width} x {height} pixels ({megapixels:.0f} megapixels); at most "
        f"{_max_pixels() // 1_000_000} megapixels are accepted."
    )


def stripped_copy(upload, *, name: str) -> ContentFile:
    """Re-encode a checked image without its metadata (EXIF, GPS), upright as it displays."""
    checked = check_image(upload)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        if checked.format == "JPEG":
            image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
        elif checked.format == "PNG":
            image.save(out, "PNG", optimize=True)
        else:
            image.save(out, "WEBP", quality=85)
    stem = PurePosixPath(name).stem or "figure"
    return ContentFile(out.getvalue(), name=f"{stem}.{ALLOWED_FORMATS[checked.format]}")


def image_size(content: ContentFile) -> tuple[int, int]:
    content.seek(0)
    with Image.open(content) as image:
        size = image.size
    content.seek(0)
    return size


def make_webp_renditions(image_name: str) -> list[dict]:
    """Write WebP copies at the rendition widths not larger than the original; describe them."""
    renditions = []
    with default_storage.open(image_name, "rb") as handle, Image.open(handle) as original:
        original.load()
        stem = PurePosixPath(image_name).stem
        for width in RENDITION_WIDTHS:
            if width > original.width and renditions:
                break
            width = min(width, original.width)
            height = round(original.height * width / original.width)
            copy = original.copy()
            copy = copy.convert("RGBA" if copy.mode in ("RGBA", "LA", "P") else "RGB")
            copy = copy.resize((width, height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            copy.save(out, "WEBP", quality=82, method=4)
            target = f"library/figures/renditions/{stem}-{width}.webp"
            if default_storage.exists(target):
                default_storage.delete(target)
            saved = default_storage.save(target, ContentFile(out.getvalue()))
            renditions.append({"width": width, "height": height, "name": saved})
            if width == original.width:
                break
    return renditions
