"""Factories shared by the tests: Oscar's own where it has them, ours on top."""

from decimal import Decimal

from oscar.test.factories import (  # noqa: F401  (re-exported for the tests)
    CategoryFactory,
    ProductClassFactory,
    ProductFactory,
    ProductImageFactory,
    ProductReviewFactory,
    StockRecordFactory,
    UserFactory,
)


def shop_product(*, title: str = "Massage ball", stock: int = 50, price: str = "14.00", **kwargs):
    """A public product with one USD stock record, as the shop sells them."""
    return ProductFactory(
        title=title,
        stockrecords__num_in_stock=stock,
        stockrecords__price=Decimal(price),
        stockrecords__price_currency="USD",
        **kwargs,
    )


def bulk_products(count: int, *, title: str = "Filler product", description: str = "") -> list:
    """Many public products with USD stock, made in a few queries (for query-count tests)."""
    from oscar.core.loading import get_model
    from oscar.test.factories import PartnerFactory

    product_model = get_model("catalogue", "Product")
    stockrecord_model = get_model("partner", "StockRecord")
    product_class = ProductClassFactory()
    partner = PartnerFactory()
    start = product_model.objects.count()
    products = product_model.objects.bulk_create(
        product_model(
            title=f"{title} {start + n}",
            slug=f"filler-{start + n}",
            description=description,
            product_class=product_class,
            structure=product_model.STANDALONE,
            upc=f"BULK-{start + n}",
        )
        for n in range(count)
    )
    stockrecord_model.objects.bulk_create(
        stockrecord_model(
            product=product,
            partner=partner,
            partner_sku=f"BULK-{product.pk}",
            price=Decimal("10.00"),
            price_currency="USD",
            num_in_stock=10,
        )
        for product in products
    )
    return products
