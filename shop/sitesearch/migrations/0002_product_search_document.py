"""The products' stored search vector (PostgreSQL: trigger and GIN index).

It replaces the expression index of 0001, as articles/migrations/0004 does for the library.
"""

from django.db import migrations

from shop.sitesearch.registry import drop_search_index_operation, search_document_operation

PRODUCT_FIELDS = (("title", "A"), ("description", "B"))


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0001_product_search_index"),
        ("catalogue", "0033_search_document"),
    ]

    operations = [
        drop_search_index_operation(
            app_label="catalogue",
            model_name="Product",
            fields=PRODUCT_FIELDS,
            index_name="catalogue_product_search_gin",
        ),
        search_document_operation(
            app_label="catalogue",
            model_name="Product",
            fields=PRODUCT_FIELDS,
            document="search_document",
        ),
    ]
