"""URLs of the payment app: the Stripe webhook, the return from Stripe and the payment pages."""

from django.urls import path

from . import views

app_name = "payment"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("checkout/payment/return/", views.PaymentReturnView.as_view(), name="return"),
    path("checkout/payment/<str:order_number>/", views.OrderPaymentView.as_view(), name="order"),
    path(
        "checkout/payment/<str:order_number>/cancelled/",
        views.PaymentCancelledView.as_view(),
        name="cancelled",
    ),
    path(
        "checkout/demo-payment/<str:session_id>/",
        views.DemoPaymentView.as_view(),
        name="demo",
    ),
]
