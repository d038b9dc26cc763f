"""Template filters of the storefront's own pages."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from articles.rendering import sanitize_html

register = template.Library()


@register.filter
def sanitized(raw_html: str) -> SafeString:
    """Staff-written HTML (a flatpage's content) through the library's nh3 allow-list, so an
    editor's page can carry headings, lists and links but never a script."""
    return mark_safe(sanitize_html(raw_html or ""))  # noqa: S308 (nh3 has cleaned it)
