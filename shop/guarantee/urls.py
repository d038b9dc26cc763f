"""Customer URLs of the guarantee: the policy page replaces the flatpage at /guarantee/."""

from django.urls import path

from . import views

app_name = "guarantee"

urlpatterns = [
    path("", views.policy, name="policy"),
    path("orders/<str:number>/", views.OrderGuaranteeView.as_view(), name="order"),
    path("claims/<str:reference>/", views.claim_detail, name="claim"),
]
