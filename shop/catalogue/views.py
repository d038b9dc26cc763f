"""Catalogue browsing straight from the database.

Oscar 4.2 browses the catalogue through django-haystack, and with haystack's simple engine the
browse page lists no products at all (Oscar issue #4366). These views keep Oscar's URLs, names
and templates but read products with one bulk query per page, so the page's query count does
not depend on how many products it shows.
"""

from django.db.models import Prefetch, QuerySet
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def browsable_products() -> QuerySet:
    """Public, canonical products with what a product card shows, fetched in bulk."""
    return (
        Product.objects.browsable()
        .select_related("product_class")
        .prefetch_related(
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            "children__stockrecords",
        )
        .order_by("-priority", "title", "pk")
    )


class CatalogueView(ListView):
    """All browsable products, paginated; a page number that does not exist is a 404."""

    context_object_name = "products"
    template_name = "oscar/catalogue/browse.html"
    paginate_by = 24

    def get_queryset(self) -> QuerySet:
        return browsable_products()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = "All products"
        return context


class ProductCategoryView(CatalogueView):
    """The browsable products of one category and its descendants."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category.objects.browsable(), pk=kwargs["pk"])
        expected_path = self.category.get_absolute_url()
        if expected_path != request.path:
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet:
        categories = self.category.get_descendants_and_self()
        return browsable_products().filter(categories__in=categories).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context
