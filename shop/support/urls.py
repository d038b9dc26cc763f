"""URLs of the support app, mounted at /contact/."""

from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("", views.contact, name="contact"),
    path("sent/", views.sent, name="sent"),
    path("requests/", views.my_requests, name="my-requests"),
    path("requests/<str:reference>/", views.my_request, name="my-request"),
    path(
        "requests/<str:reference>/files/<int:pk>/",
        views.my_request_attachment,
        name="my-request-attachment",
    ),
    path("c/<str:token>/", views.conversation, name="conversation"),
    path(
        "c/<str:token>/files/<int:pk>/",
        views.conversation_attachment,
        name="conversation-attachment",
    ),
]
