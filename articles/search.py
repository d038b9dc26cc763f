"""The library's kinds in the site search (shop/sitesearch): articles and muscles."""

from shop.sitesearch.registry import SearchableKind, site_search

from .models import Article, Muscle

ARTICLE_SEARCH_FIELDS = (("title", "A"), ("summary", "B"), ("body", "C"))
MUSCLE_SEARCH_FIELDS = (("name", "A"), ("other_names", "A"), ("summary", "B"), ("actions", "C"))

site_search.register(
    SearchableKind(
        key="articles",
        label="Articles",
        # A result shows the title, summary and muscle: the body and its HTML stay behind, and
        # the muscles of the page of results come in a second query, so that ranking every
        # match does not drag a join along (measured: 1.7 + 0.8 ms against 3.5 ms).
        queryset=lambda: (
            Article.objects.live().prefetch_related("muscle").defer("body", "body_html", "toc")
        ),
        fields=ARTICLE_SEARCH_FIELDS,
        template="articles/search_result.html",
        order=10,
        document="search_document",
    )
)
site_search.register(
    SearchableKind(
        key="muscles",
        label="Muscles",
        queryset=lambda: Muscle.objects.all(),
        fields=MUSCLE_SEARCH_FIELDS,
        template="articles/search_result_muscle.html",
        order=20,
        document="search_document",
    )
)
