"""The "Library" dashboard app: Oscar's dashboard config, so its menu checks permissions."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig


def _perms(*codenames: str) -> list[str]:
    return ["is_staff", *(f"articles.{codename}" for codename in codenames)]


class LibraryDashboardConfig(OscarDashboardConfig):
    name = "articles.dashboard"
    label = "library_dashboard"
    namespace = "library_dashboard"
    verbose_name = "Library dashboard"
    default_auto_field = "django.db.models.BigAutoField"

    default_permissions = _perms("view_article")
    permissions_map = {
        "library-article-list": _perms("view_article"),
        "library-article-create": _perms("add_article"),
        "library-article-update": _perms("change_article"),
        "library-article-preview": _perms("view_article"),
        "library-article-publish": _perms("change_article"),
        "library-muscle-list": _perms("view_muscle"),
        "library-muscle-create": _perms("add_muscle", "add_referredpain"),
        "library-muscle-update": _perms("change_muscle", "change_referredpain"),
        "library-region-list": _perms("view_bodyregion"),
        "library-region-create": _perms("add_bodyregion"),
        "library-region-update": _perms("change_bodyregion"),
        "library-reference-list": _perms("view_reference"),
        "library-reference-create": _perms("add_reference"),
        "library-reference-update": _perms("change_reference"),
        "library-figure-list": _perms("view_figure"),
        "library-figure-create": _perms("add_figure"),
        "library-figure-update": _perms("change_figure"),
        "library-comment-list": _perms("view_comment", "change_comment"),
        "library-series-list": _perms("view_series", "view_tag"),
        "library-series-create": _perms("add_series"),
        "library-series-update": _perms("change_series"),
        "library-tag-create": _perms("add_tag"),
        "library-tag-update": _perms("change_tag"),
    }

    def get_urls(self) -> list:
        from . import views

        urls = [
            path("articles/", views.ArticleListView.as_view(), name="library-article-list"),
            path("articles/new/", views.ArticleCreateView.as_view(), name="library-article-create"),
            path(
                "articles/<int:pk>/",
                views.ArticleUpdateView.as_view(),
                name="library-article-update",
            ),
            path(
                "articles/<int:pk>/preview/",
                views.ArticlePreviewView.as_view(),
                name="library-article-preview",
            ),
            path(
                "articles/<int:pk>/publish/",
                views.ArticlePublishView.as_view(),
                name="library-article-publish",
            ),
            path("muscles/", views.MuscleListView.as_view(), name="library-muscle-list"),
            path("muscles/new/", views.MuscleCreateView.as_view(), name="library-muscle-create"),
            path(
                "muscles/<int:pk>/", views.MuscleUpdateView.as_view(), name="library-muscle-update"
            ),
            path("regions/", views.RegionListView.as_view(), name="library-region-list"),
            path("regions/new/", views.RegionCreateView.as_view(), name="library-region-create"),
            path(
                "regions/<int:pk>/", views.RegionUpdateView.as_view(), name="library-region-update"
            ),
            path("references/", views.ReferenceListView.as_view(), name="library-reference-list"),
            path(
                "references/new/",
                views.ReferenceCreateView.as_view(),
                name="library-reference-create",
            ),
            path(
                "references/<int:pk>/",
                views.ReferenceUpdateView.as_view(),
                name="library-reference-update",
            ),
            path("figures/", views.FigureListView.as_view(), name="library-figure-list"),
            path("figures/new/", views.FigureCreateView.as_view(), name="library-figure-create"),
            path(
                "figures/<int:pk>/", views.FigureUpdateView.as_view(), name="library-figure-update"
            ),
            path("comments/", views.CommentModerationView.as_view(), name="library-comment-list"),
            path("series/", views.SeriesListView.as_view(), name="library-series-list"),
            path("series/new/", views.SeriesCreateView.as_view(), name="library-series-create"),
            path(
                "series/<int:pk>/", views.SeriesUpdateView.as_view(), name="library-series-update"
            ),
            path("tags/new/", views.TagCreateView.as_view(), name="library-tag-create"),
            path("tags/<int:pk>/", views.TagUpdateView.as_view(), name="library-tag-update"),
        ]
        return self.post_process_urls(urls)
