"""Customer order URLs of the project (Oscar's account pages keep their own)."""

from django.urls import path

from . import views

app_name = "order"

urlpatterns = [
    path("lookup/", views.OrderLookupView.as_view(), name="lookup"),
]
