"""Reads of the catalogue that pages share, each fetching what it shows in bulk."""

from django.db.models import Prefetch, QuerySet
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductReview = get_model("reviews", "ProductReview")
StockRecord = get_model("partner", "StockRecord")

# How many approved reviews the product page shows; the rest are on the review list page.
REVIEWS_ON_PRODUCT_PAGE = 10


def with_card_data(products: QuerySet) -> QuerySet:
    """Add what a product card shows (class, images, stock and price) with constant queries.

    Oscar's strategy reads ``product.stockrecords.all()`` and the card template
    ``product.primary_image``; both use these prefetches instead of a query per card.
    """
    return products.select_related("product_class").prefetch_related(
        Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
        Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
        Prefetch("children", queryset=Product.objects.filter(is_public=True)),
        "children__stockrecords",
    )


def browsable_products() -> QuerySet:
    """Public, canonical products for listings, best first."""
    return with_card_data(Product.objects.browsable()).order_by("-priority", "title", "pk")


def featured_products(*, limit: int = 4) -> list:
    """The products the home page shows: the highest priorities."""
    return list(browsable_products()[:limit])


def product_for_detail_page() -> QuerySet:
    """Products with everything the product page shows, in a fixed number of queries."""
    return with_card_data(Product.objects.all()).prefetch_attribute_values()


def approved_reviews(product: Product) -> list:
    """The newest approved reviews of a product, with their authors."""
    return list(
        ProductReview.objects.filter(product=product)
        .approved()
        .select_related("user")
        .order_by("-date_created")[:REVIEWS_ON_PRODUCT_PAGE]
    )
