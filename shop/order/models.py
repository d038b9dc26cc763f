"""Oscar's order models, with the guarantee terms each order was sold under."""

from django.db import models
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    guarantee_terms = models.ForeignKey(
        "guarantee.GuaranteeTerms",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        help_text="The money-back guarantee terms in force when the order was placed.",
    )


from oscar.apps.order.models import *  # noqa: E402, F403
