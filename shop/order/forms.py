"""Forms of the order pages: the guest order lookup, and staff's shipment and shipping refund."""

import secrets
from decimal import Decimal

from django import forms

from shop.shipping.carriers import carrier_choices


class OrderLookupForm(forms.Form):
    number = forms.CharField(label="Order number", max_length=128, strip=True)
    email = forms.EmailField(label="Email address used for the order", max_length=254)


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


class SubmissionKeyField(forms.CharField):
    """A hidden token made when the form is shown: a second click sends it again, and the
    service finds what the first click recorded."""

    EXPIRED = "This form is incomplete or out of date: reload the order page and try again."

    def __init__(self, **kwargs) -> None:
        super().__init__(
            widget=forms.HiddenInput,
            max_length=64,
            min_length=16,
            strip=True,
            error_messages={key: self.EXPIRED for key in ("required", "min_length", "max_length")},
            **kwargs,
        )


class ShipmentForm(forms.Form):
    """Carrier, tracking number and the units shipped of each line not fully shipped yet."""

    submission_key = SubmissionKeyField()
    carrier = forms.ChoiceField(label="Carrier", choices=carrier_choices)
    tracking_number = forms.CharField(label="Tracking number", max_length=64, strip=True)

    def __init__(self, *args, pending=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
        self.line_fields = []
        for line, units_left in pending:
            name = f"quantity_{line.pk}"
            self.fields[name] = forms.IntegerField(
                label=f"{line.title} ({units_left} left to ship)",
                min_value=0,
                max_value=units_left,
                initial=units_left,
                required=False,
            )
            self.line_fields.append(name)

    def quantities(self) -> dict[int, int]:
        return {
            int(name.removeprefix("quantity_")): self.cleaned_data.get(name) or 0
            for name in self.line_fields
        }

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(self.quantities().values()):
            raise forms.ValidationError("Enter how many units of at least one line are shipped.")
        return cleaned


class ShippingRefundForm(forms.Form):
    submission_key = SubmissionKeyField()
    amount = forms.DecimalField(
        label="Shipping to refund",
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        error_messages={
            "invalid": "Enter the amount as a number, e.g. 4.50.",
            "min_value": "Enter an amount above zero.",
        },
    )
    reason = forms.CharField(label="Reason (for the order notes)", max_length=255, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
