"""URLs of the shipping app: its policy page, at the address every trust badge links to."""

from django.urls import path

from . import views

app_name = "shipping"

urlpatterns = [
    path("", views.ShippingPolicyView.as_view(), name="policy"),
]
