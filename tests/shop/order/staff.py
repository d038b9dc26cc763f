"""Back-office users for the order tests: the demo account, and a staff member in one role."""

from django.contrib.auth import get_user_model
from django.test import Client
from oscar.test.factories import UserFactory

from shop.backoffice.roles import ensure_staff_roles
from shop.demo.site import ensure_staff_account


def demo_staff_user():
    credentials = ensure_staff_account(password="a-long-demo-password-1")
    return get_user_model().objects.get(email=credentials.email)


def staff_in(role: str | None, *, superuser: bool = False) -> Client:
    """A signed-in staff client in the given role (or none), optionally a superuser."""
    user = UserFactory(is_staff=True, is_superuser=superuser)
    if role:
        user.groups.add(ensure_staff_roles()[role])
    client = Client()
    client.force_login(user)
    return client
