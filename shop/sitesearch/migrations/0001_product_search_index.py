"""GIN index of the products' weighted search vector (PostgreSQL only)."""

from django.db import migrations

from shop.sitesearch.registry import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0032_category_exclude_from_menu_category_long_description")]

    operations = [
        search_index_operation(
            app_label="catalogue",
            model_name="Product",
            fields=(("title", "A"), ("description", "B")),
            index_name="catalogue_product_search_gin",
        )
    ]
