"""URLs of the trigger-point library: articles at /articles/, muscles at /muscles/."""

from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("series/<slug:slug>/", views.SeriesDetailView.as_view(), name="series"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]

# Mounted at /muscles/ under the "muscles" namespace (see config/urls.py).
muscle_urlpatterns = (
    [
        path("", views.MuscleIndexView.as_view(), name="index"),
        path("<slug:slug>/", views.MuscleDetailView.as_view(), name="detail"),
    ],
    "muscles",
)
