"""The registry of searchable kinds (products, articles, muscles, ...).

Each app that wants its content in the site search registers a ``SearchableKind``: the
queryset of rows a visitor may see (with what its result template shows, fetched in bulk), the
text fields to search with their weight (A counts most, D least), and the template of one
result. On PostgreSQL the fields become one weighted search vector, backed by a GIN index that
the app's migration creates with ``search_index_operation``; elsewhere a plain substring match
ranks with the same weights. See docs/storefront.md.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import QuerySet

SEARCH_CONFIG = "english"
WEIGHTS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class SearchableKind:
    key: str  # used in the page's anchors, e.g. "products"
    label: str  # heading of the group of results, e.g. "Products"
    queryset: Callable[[], QuerySet]  # what visitors may find, with what a result shows
    fields: tuple[tuple[str, str], ...]  # (field name, weight "A".."D")
    template: str  # renders one result, given ``result``
    order: int = 100  # groups with a lower number come first

    def __post_init__(self) -> None:
        if not self.fields or any(weight not in WEIGHTS for _, weight in self.fields):
            raise ValueError(f"{self.key}: every field needs a weight among {WEIGHTS}")


def search_vector(fields: tuple[tuple[str, str], ...]) -> SearchVector:
    """The weighted PostgreSQL search vector of some fields (the GIN index uses the same)."""
    vector = None
    for name, weight in fields:
        part = SearchVector(name, weight=weight, config=SEARCH_CONFIG)
        vector = part if vector is None else vector + part
    return vector


class SearchRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, SearchableKind] = {}

    def register(self, kind: SearchableKind) -> None:
        self._kinds[kind.key] = kind

    def unregister(self, key: str) -> None:
        self._kinds.pop(key, None)

    def kinds(self) -> list[SearchableKind]:
        return sorted(self._kinds.values(), key=lambda kind: (kind.order, kind.label))


site_search = SearchRegistry()


def search_index_operation(
    *, app_label: str, model_name: str, fields: tuple[tuple[str, str], ...], index_name: str
) -> migrations.RunPython:
    """A migration operation adding the GIN index of a kind's search vector, on PostgreSQL only.

    SQLite has no GIN indexes (and no full-text vectors), so the operation does nothing there.
    """
    from django.contrib.postgres.indexes import GinIndex

    def index_for(apps):
        model = apps.get_model(app_label, model_name)
        return model, GinIndex(search_vector(fields), name=index_name)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model, index = index_for(apps)
            schema_editor.add_index(model, index)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model, index = index_for(apps)
            schema_editor.remove_index(model, index)

    return migrations.RunPython(forwards, backwards)
