"""Catalogue pages straight from the database.

Oscar 4.2 browses the catalogue through django-haystack, and with haystack's simple engine the
browse page lists no products at all (Oscar issue #4366). These views keep Oscar's URLs, names
and templates but read products with one bulk query per page, so the page's query count does
not depend on how many products it shows. The product page reads everything it shows in a fixed
number of queries and counts the view in the background (see ``tasks.record_product_view``).
"""

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from oscar.apps.catalogue import views as oscar_views
from oscar.core.loading import get_model

from articles.selectors import muscles_released_by

from .selectors import approved_reviews, browsable_products, product_for_detail_page
from .structured_data import product_json_ld
from .tasks import record_product_view

Category = get_model("catalogue", "Category")


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


class ProductDetailView(oscar_views.ProductDetailView):
    """Oscar's product page without stock alerts, with reviews, JSON-LD and "what it releases"."""

    def get_queryset(self) -> QuerySet:
        return product_for_detail_page()

    def get_context_data(self, **kwargs):
        # Skip Oscar's stock-alert form and lookup: stock alerts are switched off in this shop.
        context = super(oscar_views.ProductDetailView, self).get_context_data(**kwargs)
        product = self.object
        purchase_info = self.request.strategy.fetch_for_product(product)
        images = list(product.get_all_images())
        reviews = approved_reviews(product)
        review_count = product.num_approved_reviews
        context.update(
            purchase_info=purchase_info,
            images=images,
            reviews=reviews,
            review_count=review_count,
            attribute_values=product.get_attribute_values(),
            # The library's Muscle.released_by relation; an empty list hides the section.
            released_muscles=muscles_released_by(product),
            product_json_ld=product_json_ld(
                request=self.request,
                product=product,
                purchase_info=purchase_info,
                image_urls=[image.original.url for image in images],
                review_count=review_count,
            ),
        )
        return context

    def send_signal(self, request, response, product) -> None:
        user_id = request.user.pk if request.user.is_authenticated else None
        # robust: a counter that cannot be written (or queued) never breaks the page.
        transaction.on_commit(
            lambda: record_product_view.delay(product_id=product.pk, user_id=user_id),
            robust=True,
        )
