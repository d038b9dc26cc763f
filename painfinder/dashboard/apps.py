"""The "Pain finder" dashboard app: region shapes and muscle maps, permission-checked by Oscar."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig


def _perms(*permissions: str) -> list[str]:
    return ["is_staff", *permissions]


class PainFinderDashboardConfig(OscarDashboardConfig):
    name = "painfinder.dashboard"
    label = "painfinder_dashboard"
    namespace = "painfinder_dashboard"
    verbose_name = "Pain finder dashboard"
    default_auto_field = "django.db.models.BigAutoField"

    default_permissions = _perms("articles.view_bodyregion")
    permissions_map = {
        "region-list": _perms("articles.view_bodyregion"),
        "region-update": _perms("articles.change_bodyregion"),
        "muscle-list": _perms("articles.view_muscle", "painfinder.view_triggerpointmarker"),
        "muscle-update": _perms(
            "articles.add_referredpain",
            "articles.change_referredpain",
            "articles.delete_referredpain",
            "painfinder.add_triggerpointmarker",
            "painfinder.change_triggerpointmarker",
            "painfinder.delete_triggerpointmarker",
            "painfinder.add_referredpainzone",
            "painfinder.change_referredpainzone",
            "painfinder.delete_referredpainzone",
        ),
    }

    def get_urls(self) -> list:
        from . import views

        urls = [
            path("regions/", views.RegionShapeListView.as_view(), name="region-list"),
            path("regions/<int:pk>/", views.RegionShapeUpdateView.as_view(), name="region-update"),
            path("muscles/", views.MuscleMapListView.as_view(), name="muscle-list"),
            path("muscles/<int:pk>/", views.MuscleMapUpdateView.as_view(), name="muscle-update"),
        ]
        return self.post_process_urls(urls)
