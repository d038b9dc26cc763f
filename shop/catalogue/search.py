"""The catalogue's kind in the site search (shop/sitesearch): products."""

from oscar.core.loading import get_model

from shop.sitesearch.registry import SearchableKind, site_search

from .selectors import with_card_data

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
