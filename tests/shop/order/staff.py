"""The demo back-office account, in its roles, for the dashboard tests."""

from django.contrib.auth import get_user_model

from shop.demo.site import ensure_staff_account


def demo_staff_user():
    credentials = ensure_staff_account(password="a-long-demo-password-1")
    return get_user_model().objects.get(email=credentials.email)
