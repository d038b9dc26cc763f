"""Oscar's catalogue and pages dashboards, answering bad parameters with a 404 or a default.

Oscar 4.2 mounts their object pages on ``<str:pk>`` (so ``option/abc/update/`` reached the
database lookup and was a server error), hands ``?per_page=`` to django-tables2 unchecked (a
negative or zero size is a server error) and reads the product lookup's ``page`` and
``page_limit`` with a bare ``int()``. Here ids are matched as numbers (anything else is a 404,
like an id that does not exist), list sizes are kept between 1 and ``MAX_PER_PAGE``, and the
lookup's paging falls back to its defaults.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import URLPattern, path
from oscar.apps.dashboard.catalogue import apps as catalogue_apps
from oscar.apps.dashboard.pages import apps as pages_apps

MAX_PER_PAGE = 100
MAX_LOOKUP_PAGE = 10_000


class BoundedPaginator(Paginator):
    """A paginator whose page size stays between 1 and ``MAX_PER_PAGE`` whatever was asked."""

    def __init__(self, object_list, per_page, *args, **kwargs):
        super().__init__(object_list, min(max(int(per_page), 1), MAX_PER_PAGE), *args, **kwargs)


class BoundedTablePagination:
    """django-tables2 pagination through ``BoundedPaginator`` (the ``per_page`` a visitor asks
    for is still honoured within bounds)."""

    def get_table_pagination(self, table):
        pagination = super().get_table_pagination(table)
        if pagination is False:
            return False
        pagination = dict(pagination) if isinstance(pagination, dict) else {}
        pagination.setdefault("per_page", settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE)
        return {**pagination, "paginator_class": BoundedPaginator}


def _bounded_int(value, default: int, upper: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, 1), upper)


class LenientLookupPaging:
    """The product lookup's ``page`` and ``page_limit``: numbers within bounds, else defaults."""

    def get_args(self):
        get = self.request.GET
        return (
            get.get("initial", None),
            get.get("q", None),
            _bounded_int(get.get("page"), 1, MAX_LOOKUP_PAGE),
            _bounded_int(get.get("page_limit"), 20, MAX_PER_PAGE),
        )


def numeric_ids(patterns: list) -> list:
    """The same URL patterns with ``<str:pk>`` matched as ``<int:pk>``."""
    result = []
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLPattern) and "<str:pk>" in route:
            pattern = path(
                route.replace("<str:pk>", "<int:pk>"),
                pattern.callback,
                pattern.default_args,
                name=pattern.name,
            )
        result.append(pattern)
    return result


class CatalogueDashboardConfig(catalogue_apps.CatalogueDashboardConfig):
    def ready(self) -> None:
        super().ready()
        self.product_list_view = type(
            "ProductListView", (BoundedTablePagination, self.product_list_view), {}
        )
        self.category_list_view = type(
            "CategoryListView", (BoundedTablePagination, self.category_list_view), {}
        )
        self.product_lookup_view = type(
            "ProductLookupView", (LenientLookupPaging, self.product_lookup_view), {}
        )

    def get_urls(self):
        return numeric_ids(super().get_urls())


class PagesDashboardConfig(pages_apps.PagesDashboardConfig):
    def get_urls(self):
        return numeric_ids(super().get_urls())
