"""The review form's page answers a refused review with 400, so clients and logs see it failed."""

from oscar.apps.catalogue.reviews import views as oscar_views


class CreateProductReview(oscar_views.CreateProductReview):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
