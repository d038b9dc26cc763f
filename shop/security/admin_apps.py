"""Django's admin app with the superuser-only site (``admin_site.py``) as its default site."""

from django.contrib.admin.apps import AdminConfig


class SuperuserAdminConfig(AdminConfig):
    default_site = "shop.security.admin_site.SuperuserAdminSite"
