"""The checkout's shipping address form: Oscar's, with every line kept to one line of text.

The name and address are copied into the order confirmation email; a CR or LF in them would
start new lines of it (shop.storefront.names).
"""

from oscar.apps.checkout import forms as oscar_forms

from shop.storefront.names import single_line

ONE_LINE_FIELDS = ("first_name", "last_name", "line1", "line2", "line3", "line4", "state")


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    def clean(self):
        cleaned = super().clean()
        for name in ONE_LINE_FIELDS:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = single_line(cleaned[name])
        return cleaned
