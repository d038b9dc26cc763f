"""The searchable kinds the shop owns: products. The library registers articles and muscles."""

from oscar.core.loading import get_model

from shop.catalogue.selectors import with_card_data

from .registry import SearchableKind, site_search

Product = get_model("catalogue", "Product")

PRODUCT_SEARCH_FIELDS = (("title", "A"), ("description", "B"))

site_search.register(
    SearchableKind(
        key="products",
        label="Products",
        queryset=lambda: with_card_data(Product.objects.browsable()),
        fields=PRODUCT_SEARCH_FIELDS,
        template="sitesearch/results/product.html",
        order=30,
        document="search_document",
    )
)
