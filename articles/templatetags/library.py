"""Presentation helpers for library pages: JSON-LD blocks and responsive figure images."""

import json

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import Figure

register = template.Library()

# The characters that could end a <script> element or start HTML inside it.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data: dict) -> str:
    """A ``<script type="application/ld+json">`` block; data, never run as script."""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.inclusion_tag("articles/includes/picture.html")
def picture(figure: Figure, sizes: str = "100vw", eager: bool = False) -> dict:
    """A figure's image with its WebP renditions, its size (no layout shift) and lazy loading."""
    srcset = ", ".join(
        f"{default_storage.url(item['name'])} {item['width']}w" for item in figure.renditions
    )
    return {"figure": figure, "srcset": srcset, "sizes": sizes, "eager": eager}


@register.filter
def with_full_stop(text: str) -> str:
    """The text ending in one full stop: "3rd ed." stays as it is, "3rd edition" gains one."""
    text = str(text).rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
