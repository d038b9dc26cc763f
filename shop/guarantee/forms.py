"""The customer's claim form: units per line, a reason, optional photos checked with Pillow."""

import uuid

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, UnidentifiedImageError

from .models import GuaranteeClaim, GuaranteeTerms

# The photo formats accepted, and the extension each is stored under.
PHOTO_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Zero to ``GUARANTEE_MAX_PHOTOS`` images, each a real JPEG, PNG or WebP of sane size."""

    widget = MultipleImageInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > settings.GUARANTEE_MAX_PHOTOS:
            raise forms.ValidationError(f"Attach at most {settings.GUARANTEE_MAX_PHOTOS} photos.")
        return [self._check_image(super(PhotosField, self).clean(f)) for f in files]

    def _check_image(self, upload: UploadedFile) -> UploadedFile:
        name = upload.name
        if upload.size > settings.GUARANTEE_PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                f"{name} is larger than {settings.GUARANTEE_PHOTO_MAX_BYTES // 1_000_000} MB."
            )
        try:
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombError,
        ):
            raise forms.ValidationError(f"{name} is not an image we can open.") from None
        if image_format not in PHOTO_EXTENSIONS:
            raise forms.ValidationError(f"{name}: send a JPEG, PNG or WebP photo.")
        if width * height > settings.GUARANTEE_PHOTO_MAX_PIXELS:
            raise forms.ValidationError(f"{name} has too many pixels.")
        upload.seek(0)
        # Stored under a name of the format Pillow found, not the customer's: a name the storage
        # could not shorten to fit was refused with a bare 400 that lost the claim, and a PNG
        # named "claw.html" was handed to staff as a web page.
        upload.name = f"photo.{PHOTO_EXTENSIONS[image_format]}"
        return upload


class ClaimForm(forms.Form):
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    reason = forms.ChoiceField(choices=GuaranteeClaim.Reason.choices)
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        label="Tell us more (optional)",
    )
    photos = PhotosField(label="Photos (optional, up to 5)")

    def __init__(self, *args, lines=(), claimed: dict | None = None, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        claimed = claimed or {}
        self.line_fields = []
        for line in lines:
            left = max(0, line.quantity - claimed.get(line.pk, 0))
            name = f"quantity_{line.pk}"
            # The maximum is the bought quantity: the service explains units already claimed.
            self.fields[name] = forms.IntegerField(
                min_value=0,
                max_value=line.quantity,
                initial=0,
                required=False,
                label=f"{line.title} (bought {line.quantity}, claimable {left})",
            )
            self.line_fields.append((line, self[name], left))

    def clean(self) -> dict:
        data = super().clean()
        data["quantities"] = {
            line.pk: data.get(f"quantity_{line.pk}") or 0
            for line, _field, _left in self.line_fields
        }
        if not self.errors and not any(data["quantities"].values()):
            raise forms.ValidationError("Choose how many units of which item you want refunded.")
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class NoteForm(forms.Form):
    message = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "All statuses"), *GuaranteeClaim.Status.choices], required=False
    )
    older_than = forms.IntegerField(
        min_value=1, max_value=365, required=False, label="Older than (days)"
    )


class TermsForm(forms.ModelForm):
    """A new version of the terms (versions are never edited: orders point at them)."""

    publish = forms.BooleanField(required=False, label="Put this version in force now")

    class Meta:
        model = GuaranteeTerms
        fields = [
            "window_days",
            "refunds_shipping",
            "requires_return",
            "return_address",
            "return_instructions",
            "refund_time_text",
            "body",
        ]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("requires_return") and not (data.get("return_address") or "").strip():
            self.add_error("return_address", "Say where the items go when a return is required.")
        if data.get("window_days") == 0:
            self.add_error("window_days", "The window must be at least one day.")
        return data
