"""URLs of the trigger-point library, mounted at /articles/."""

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
]
