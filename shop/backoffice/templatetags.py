"""Template filters of the back office: what a staff role may see."""

from django import template

register = template.Library()

# The roles that handle orders, and so see the shop's revenue and order totals.
ORDER_ROLES = ("Order handler",)


@register.filter
def handles_orders(user) -> bool:
    """Whether the dashboard's revenue and order figures are for this user's eyes."""
    return bool(
        user.is_superuser or (user.is_staff and user.groups.filter(name__in=ORDER_ROLES).exists())
    )
