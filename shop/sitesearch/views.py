"""The site search page at /search/."""

from django.views.generic import TemplateView

from .selectors import MAX_QUERY_LENGTH, clean_query, search


class SearchView(TemplateView):
    """Results of ``?q=`` grouped by kind; an empty or unmatched query gets a calm answer."""

    template_name = "sitesearch/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_query(self.request.GET.get("q", ""))
        groups = search(query)
        context.update(
            query=query,
            groups=groups,
            result_count=sum(group.total for group in groups),
            max_query_length=MAX_QUERY_LENGTH,
        )
        return context
