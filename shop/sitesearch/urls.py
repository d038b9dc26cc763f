"""URLs of the site search."""

from django.urls import path

from . import views

app_name = "sitesearch"

urlpatterns = [
    path("", views.SearchView.as_view(), name="results"),
]
