"""Presentation filters for catalogue pages."""

import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# What product descriptions written in the dashboard's editor may contain.
DESCRIPTION_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h2", "h3", "a"}


@register.filter
def clean_description(html: str | None) -> SafeString:
    """Product description HTML with anything but simple formatting and links removed."""
    return mark_safe(nh3.clean(html or "", tags=DESCRIPTION_TAGS))  # noqa: S308
