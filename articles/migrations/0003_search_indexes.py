"""GIN indexes of the articles' and muscles' weighted search vectors (PostgreSQL only)."""

from django.db import migrations

from shop.sitesearch.registry import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_article_featured")]

    operations = [
        search_index_operation(
            app_label="articles",
            model_name="Article",
            fields=(("title", "A"), ("summary", "B"), ("body", "C")),
            index_name="articles_article_search_gin",
        ),
        search_index_operation(
            app_label="articles",
            model_name="Muscle",
            fields=(("name", "A"), ("other_names", "A"), ("summary", "B"), ("actions", "C")),
            index_name="articles_muscle_search_gin",
        ),
    ]
