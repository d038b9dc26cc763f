"""The dashboard part of the support app: Oscar-style config with permission-checked URLs."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig

VIEW = ["is_staff", "support.view_supportrequest"]
CHANGE = ["is_staff", "support.view_supportrequest", "support.change_supportrequest"]


class SupportDashboardConfig(OscarDashboardConfig):
    name = "shop.support.dashboard"
    label = "support_dashboard"
    verbose_name = "Support dashboard"

    default_permissions = ["is_staff"]
    # Oscar's dashboard menu reads these too, so the "Support" entry only shows to agents.
    permissions_map = {
        "request-list": VIEW,
        "request-detail": VIEW,
        "request-action": CHANGE,
        "request-attachment": VIEW,
        "canned-reply-list": ["is_staff", "support.view_cannedreply"],
        "canned-reply-create": ["is_staff", "support.add_cannedreply"],
        "canned-reply-update": ["is_staff", "support.change_cannedreply"],
        "canned-reply-delete": ["is_staff", "support.delete_cannedreply"],
    }

    def get_urls(self):
        from . import views

        urls = [
            path("", views.RequestListView.as_view(), name="request-list"),
            path("canned-replies/", views.CannedReplyListView.as_view(), name="canned-reply-list"),
            path(
                "canned-replies/new/",
                views.CannedReplyCreateView.as_view(),
                name="canned-reply-create",
            ),
            path(
                "canned-replies/<int:pk>/",
                views.CannedReplyUpdateView.as_view(),
                name="canned-reply-update",
            ),
            path(
                "canned-replies/<int:pk>/delete/",
                views.CannedReplyDeleteView.as_view(),
                name="canned-reply-delete",
            ),
            path("<str:reference>/", views.RequestDetailView.as_view(), name="request-detail"),
            path("<str:reference>/act/", views.request_action, name="request-action"),
            path(
                "<str:reference>/files/<int:pk>/",
                views.request_attachment,
                name="request-attachment",
            ),
        ]
        return self.post_process_urls(urls)
