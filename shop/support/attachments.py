"""Checks on uploaded attachments: images that Pillow can really read, PDFs by signature.

The type is decided from the file's bytes, never from its name or the browser's content type,
and the stored content type comes from that decision.
"""

import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
PDF_SIGNATURE = b"%PDF-"


@dataclass(frozen=True)
class CheckedAttachment:
    upload: UploadedFile
    content_type: str


def _read_head(upload: UploadedFile, size: int) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _image_type(upload: UploadedFile) -> str | None:
    """The content type of a real, sanely sized image, or None if Pillow cannot read one."""
    name = upload.name
    max_pixels = settings.SUPPORT_ATTACHMENT_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit: treat that as a bomb too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        f"“{name}” is too large an image ({width} x {height} pixels). "
                        "Please send a smaller picture or a screenshot.",
                        code="image_too_large",
                    )
                image_format = image.format
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            f"“{name}” is too large an image to open. Please send a smaller picture.",
            code="image_bomb",
        ) from error
    except ValidationError:
        raise
    except Exception:
        # Pillow raises many kinds of errors on junk; all of them mean "not an image we take".
        return None
    finally:
        upload.seek(0)
    return IMAGE_TYPES.get(image_format)


def check_attachment(upload: UploadedFile) -> CheckedAttachment:
    """Accept one upload as an image or a PDF within the size limit, or say why not."""
    limit = settings.SUPPORT_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"“{upload.name}” is {filesizeformat(upload.size)}; each file can be at most "
            f"{filesizeformat(limit)}.",
            code="file_too_big",
        )
    if _read_head(upload, len(PDF_SIGNATURE)) == PDF_SIGNATURE:
        return CheckedAttachment(upload=upload, content_type="application/pdf")
    content_type = _image_type(upload)
    if content_type is None:
        raise ValidationError(
            f"“{upload.name}” is not a picture (JPEG, PNG, GIF, WebP) or a PDF we can open.",
            code="file_type",
        )
    return CheckedAttachment(upload=upload, content_type=content_type)
