"""Back-office roles: which permissions each kind of staff member holds.

Oscar 4's dashboard checks model permissions on every page, so a staff user without them gets
403 everywhere. Roles are Django groups granted every permission of the apps they work in; apps
that later join the back office add their label to the role that uses them.
"""

from django.contrib.auth.models import Group, Permission

ROLE_APPS: dict[str, tuple[str, ...]] = {
    "Editor": ("catalogue", "reviews", "flatpages", "articles", "painfinder"),
    "Order handler": (
        "order",
        "partner",
        "shipping",
        "offer",
        "voucher",
        "payment",
        "address",
        "customer",
        "communication",
        "guarantee",
    ),
    "Support agent": ("order", "customer", "communication", "support"),
}
# Permissions a role does not get although its apps hold them: support agents read orders but
# do not ship them or give money back (order handlers do).
ROLE_WITHOUT: dict[str, tuple[str, ...]] = {
    "Support agent": (
        "order.record_shipment",
        "order.add_shippingrefund",
        "order.change_shippingrefund",
        "order.delete_shippingrefund",
    ),
}


def ensure_staff_roles() -> dict[str, Group]:
    """Create or refresh the role groups so each holds exactly its apps' permissions."""
    groups = {}
    for role, app_labels in ROLE_APPS.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.filter(content_type__app_label__in=app_labels)
        for withheld in ROLE_WITHOUT.get(role, ()):
            app_label, codename = withheld.split(".")
            permissions = permissions.exclude(content_type__app_label=app_label, codename=codename)
        group.permissions.set(permissions)
        groups[role] = group
    return groups
