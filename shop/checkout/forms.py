"""The checkout's address form: the country comes first, starts at the visitor's country, and
lists only the destinations the shop ships to; every line stays one line of text.

The name and address are copied into the order confirmation email; a CR or LF in them would
start new lines of it (shop.security.names).
"""

from django import forms
from django.core.exceptions import ValidationError
from oscar.apps.checkout import forms as oscar_forms
from oscar.core.loading import get_model

from shop.security.names import single_line

Country = get_model("address", "Country")

ONE_LINE_FIELDS = ("first_name", "last_name", "line1", "line2", "line3", "line4", "state")


class ShippingCountryField(forms.ModelChoiceField):
    """Refuses a destination the shop does not ship to by its name, not "not a valid choice"."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            known = Country.objects.filter(pk=str(value)[:10].upper()).first() if value else None
            if known is not None:
                raise ValidationError(
                    f"We do not ship to {known.printable_name}. Please choose another "
                    "country: our shipping policy lists where we ship.",
                    code="not_shipped_to",
                ) from None
            raise ValidationError(
                "Choose the country from the list.", code="invalid_choice"
            ) from None


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    # The country decides the rest of the address (state, postcode), so it is asked first.
    field_order = ["country"]

    def adjust_country_field(self):
        super().adjust_country_field()
        if "country" in self.fields:
            current = self.fields["country"]
            self.fields["country"] = ShippingCountryField(
                queryset=current.queryset,
                empty_label=None,
                label=current.label,
                required=current.required,
                initial=current.initial,
            )

    def clean(self):
        cleaned = super().clean()
        for name in ONE_LINE_FIELDS:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = single_line(cleaned[name])
        return cleaned
