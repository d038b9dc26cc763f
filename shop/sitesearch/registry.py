"""The registry of searchable kinds (products, articles, muscles, ...).

Each app that wants its content in the site search registers a ``SearchableKind``: the
queryset of rows a visitor may see (with what its result template shows, fetched in bulk), the
text fields to search with their weight (A counts most, D least), and the template of one
result. On PostgreSQL the fields become one weighted search vector. A kind with many rows
stores it: its model has a ``SearchVectorField`` named by ``document``, which a database
trigger keeps equal to the weighted vector of the fields on every insert and edit (however the
row is written), under a GIN index; the app's migration installs both with
``search_document_operation``. A small kind may leave ``document`` out and have its vector
computed per query. Elsewhere a plain substring match ranks with the same weights. See
docs/storefront.md.
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
    document: str | None = None  # stored vector of ``fields`` (search_document_operation)

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


def drop_search_index_operation(**index) -> migrations.RunPython:
    """The reverse of ``search_index_operation(**index)``: drops that expression index going
    forwards (a stored document replaces it) and restores it going backwards."""
    operation = search_index_operation(**index)
    return migrations.RunPython(operation.reverse_code, operation.code)


def search_document_operation(
    *, app_label: str, model_name: str, fields: tuple[tuple[str, str], ...], document: str
) -> migrations.RunPython:
    """A migration operation that fills a kind's stored search vector, on PostgreSQL only.

    It installs a trigger that sets ``document`` to the weighted vector of ``fields`` (the same
    vector ``search_vector`` builds) before every insert and every update of those fields, so
    bulk updates and raw SQL keep it current too; fills it for the rows already there; and adds
    its GIN index. Searching then reads the stored vector instead of parsing every matching
    row's text again. On SQLite the column stays empty and the fallback search ignores it.
    Changing a kind's fields needs a new migration with this operation (the test suite compares
    the stored vector with the kind's fields on PostgreSQL).
    """

    def names(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        quote = schema_editor.quote_name
        table = model._meta.db_table
        columns = [(model._meta.get_field(name).column, weight) for name, weight in fields]
        return quote, table, columns, model._meta.get_field(document).column

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote, table, columns, target = names(apps, schema_editor)
        vector = " || ".join(
            f"setweight(to_tsvector('{SEARCH_CONFIG}', COALESCE(NEW.{quote(column)}, '')), "
            f"'{weight}')"
            for column, weight in columns
        )
        function = quote(f"{table}_{target}")
        watched = ", ".join(quote(column) for column, _ in columns)
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN NEW.{quote(target)} := {vector}; RETURN NEW; END $$"
        )
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {function} ON {quote(table)}")
        schema_editor.execute(
            f"CREATE TRIGGER {function} BEFORE INSERT OR UPDATE OF {watched} "
            f"ON {quote(table)} FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
        first = quote(columns[0][0])
        # Identifiers from the model's metadata, quoted; no visitor input reaches this SQL.
        schema_editor.execute(f"UPDATE {quote(table)} SET {first} = {first}")  # noqa: S608
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(f'{table}_{target}_gin')} "
            f"ON {quote(table)} USING gin ({quote(target)})"
        )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote, table, _columns, target = names(apps, schema_editor)
        function = quote(f"{table}_{target}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {quote(f'{table}_{target}_gin')}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {function} ON {quote(table)}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")

    return migrations.RunPython(forwards, backwards)
