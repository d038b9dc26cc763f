"""The guest order lookup form."""

from django import forms


class OrderLookupForm(forms.Form):
    number = forms.CharField(label="Order number", max_length=128, strip=True)
    email = forms.EmailField(label="Email address used for the order", max_length=254)
