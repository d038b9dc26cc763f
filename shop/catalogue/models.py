"""Models of the forked Oscar app: Oscar's own, but for the product's stored search vector."""

from django.contrib.postgres.search import SearchVectorField
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    # The site search's weighted vector of title and description, kept current by a
    # PostgreSQL trigger (shop/sitesearch/migrations/0002); always empty on SQLite.
    search_document = SearchVectorField(null=True, editable=False)


from oscar.apps.catalogue.models import *  # noqa: E402, F403
