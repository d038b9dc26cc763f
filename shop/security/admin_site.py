"""Django's admin, for superusers only.

Staff roles hold model permissions so that Oscar's dashboard lets them work; Django's admin
honours the same permissions and would let a support agent edit an order's status, or an order
handler a claim's amount, around the services that keep those consistent. The admin is a
developer's tool: only a superuser gets in, and its login form refuses everyone else. It is
installed by ``admin_apps.SuperuserAdminConfig`` in place of ``django.contrib.admin``.
"""

from django import forms
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm

SUPERUSERS_ONLY = (
    "Django's admin is for the site's developers (superusers). Staff work in the dashboard at "
    "/dashboard/."
)


class SuperuserAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not user.is_superuser:
            raise forms.ValidationError(SUPERUSERS_ONLY, code="not_superuser")


class SuperuserAdminSite(AdminSite):
    login_form = SuperuserAuthenticationForm

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser
