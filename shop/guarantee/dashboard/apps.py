"""The back-office part of the guarantee: the "Guarantee claims" queue, permission-checked."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig

VIEW = ["is_staff", "guarantee.view_guaranteeclaim"]
CHANGE = ["is_staff", "guarantee.view_guaranteeclaim", "guarantee.change_guaranteeclaim"]


class GuaranteeDashboardConfig(OscarDashboardConfig):
    name = "shop.guarantee.dashboard"
    label = "guarantee_dashboard"
    verbose_name = "Guarantee dashboard"

    default_permissions = ["is_staff"]
    # Oscar's dashboard menu reads these too, so the entry only shows to order handlers.
    permissions_map = {
        "claim-list": VIEW,
        "claim-detail": VIEW,
        "claim-photo": VIEW,
        "claim-action": CHANGE,
        "terms-list": ["is_staff", "guarantee.view_guaranteeterms"],
        "terms-create": ["is_staff", "guarantee.add_guaranteeterms"],
        "terms-publish": ["is_staff", "guarantee.change_guaranteeterms"],
    }

    def get_urls(self):
        from . import views

        urls = [
            path("", views.ClaimListView.as_view(), name="claim-list"),
            path("terms/", views.terms_list, name="terms-list"),
            path("terms/new/", views.terms_create, name="terms-create"),
            path("terms/<int:pk>/publish/", views.terms_publish, name="terms-publish"),
            path("<str:reference>/", views.claim_detail, name="claim-detail"),
            path("<str:reference>/act/", views.claim_action, name="claim-action"),
            path("<str:reference>/photos/<int:pk>/", views.claim_photo, name="claim-photo"),
        ]
        return self.post_process_urls(urls)
