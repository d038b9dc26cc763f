"""URLs of the storefront app."""

from django.urls import path

from . import views

app_name = "storefront"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
]
