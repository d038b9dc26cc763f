"""schema.org JSON-LD for product pages: ``Product`` with ``Offer`` and ``AggregateRating``.

Search engines read it to show price, availability and stars; it is built from the same
purchase info the page shows, so the two never disagree.
"""

import json

import nh3
from django.http import HttpRequest
from django.utils.html import _json_script_escapes, strip_tags
from django.utils.safestring import SafeString, mark_safe

SCHEMA_AVAILABILITY = {
    "instock": "https://schema.org/InStock",
    "lowstock": "https://schema.org/LimitedAvailability",
    "outofstock": "https://schema.org/OutOfStock",
}


def product_json_ld(
    *, request: HttpRequest, product, purchase_info, image_urls: list[str], review_count: int
) -> SafeString:
    """Return the JSON-LD document for a product, safe to place inside a ``<script>``."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.get_title(),
        "sku": product.upc or str(product.pk),
        "url": request.build_absolute_uri(product.get_absolute_url()),
        "brand": {"@type": "Brand", "name": "QL Claw"},
    }
    if product.description:
        data["description"] = strip_tags(nh3.clean(product.description)).strip()
    if image_urls:
        data["image"] = [request.build_absolute_uri(url) for url in image_urls]
    price = purchase_info.price
    if price.exists:
        data["offers"] = {
            "@type": "Offer",
            "price": f"{price.incl_tax if price.is_tax_known else price.excl_tax:.2f}",
            "priceCurrency": price.currency,
            "availability": SCHEMA_AVAILABILITY.get(
                purchase_info.availability.code, "https://schema.org/OutOfStock"
            ),
            "url": data["url"],
        }
    if review_count and product.rating is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": f"{product.rating:.1f}",
            "reviewCount": review_count,
            "bestRating": "5",
            "worstRating": "1",
        }
    # Escape <, > and & so that no text in the data can close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_json_script_escapes))  # noqa: S308
