"""Forms of the customer side: the contact form and the conversation's reply form."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from shop.security.names import NameField

from .attachments import CheckedAttachment, check_attachment
from .models import SupportRequest


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to ``SUPPORT_ATTACHMENT_MAX_COUNT`` files, each checked by ``check_attachment``."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp,.pdf"})

    def clean(self, data, initial=None) -> list[CheckedAttachment]:
        uploads = [upload for upload in (data or []) if upload]
        limit = settings.SUPPORT_ATTACHMENT_MAX_COUNT
        if len(uploads) > limit:
            raise ValidationError(
                f"Please attach at most {limit} files (you chose {len(uploads)}).",
                code="too_many_files",
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_attachment(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return checked


def _message_field() -> forms.CharField:
    limit = settings.SUPPORT_MESSAGE_MAX_LENGTH
    return forms.CharField(
        label="Your message",
        min_length=2,
        max_length=limit,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": f"Please keep your message under {limit} characters "
            "(it has %(show_value)d). You can send more in a reply.",
            "required": "Please write your message.",
        },
    )


def _attachments_field() -> AttachmentsField:
    return AttachmentsField(
        label="Attachments (optional)",
        required=False,
        help_text=(
            f"Up to {settings.SUPPORT_ATTACHMENT_MAX_COUNT} photos (JPEG, PNG, GIF, WebP) or PDFs, "
            f"{settings.SUPPORT_ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB each."
        ),
    )


class ContactForm(forms.Form):
    name = NameField(label="Your name", max_length=120)
    email = forms.EmailField(label="Your email", max_length=254)
    topic = forms.ChoiceField(label="What is it about?", choices=SupportRequest.Topic.choices)
    order_number = forms.CharField(
        label="Order number (optional)",
        max_length=32,
        required=False,
        help_text="If your message is about an order, its number helps us find it quickly.",
    )
    # The key of the order's private link, when the customer came from an order page: it
    # proves the order is theirs, so the request is linked to it.
    order_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    message = _message_field()
    attachments = _attachments_field()

    field_order = ["name", "email", "topic", "order_number", "message", "attachments"]

    def __init__(self, *args, orders=None, account_email: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if account_email:
            # A signed-in customer writes as their account: whatever is posted is ignored.
            self.fields["email"].disabled = True
            self.fields["email"].initial = account_email
            self.fields["email"].help_text = "The email address of your account."
        if orders:
            # Signed-in customers pick one of their own orders instead of typing a number.
            self.fields["order_number"] = forms.ChoiceField(
                label="Which order? (optional)",
                required=False,
                choices=[("", "Not about an order")]
                + [(order.number, f"Order {order.number}") for order in orders],
            )


class ReplyForm(forms.Form):
    message = _message_field()
    attachments = _attachments_field()
